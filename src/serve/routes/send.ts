/** Sending the invitations from the page: the messages due (a dry run), Send, and per message what happened. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Hono } from "hono";
import { markUnsent, readReplies, type Reading } from "../../app/replies.ts";
import { sendInvitations, type SendOutcome } from "../../app/send.ts";
import { smtpSetting } from "../../app/smtp-settings.ts";
import { langOf, planHref, remember, type WorkspaceContext } from "../context.ts";
import { sendPage } from "../pages.ts";
import { newToken } from "../security.ts";

export function sendRoutes(app: Hono, ws: WorkspaceContext): void {
  // What each Send did, for the page its redirect lands on (Post/Redirect/Get), under an id nobody can guess.
  const outcomes = new Map<string, SendOutcome>();
  const readings = new Map<string, readonly Reading[]>();

  app.get("/p/:plan/send", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    if (!ws.currentSchedule(name)) return c.redirect(planHref(name, lang), 303);
    const setting = smtpSetting(ws.dir, ws.env);
    const due = await sendInvitations({ dir: ws.scheduleDir(name), dryRun: true });
    const done = outcomes.get(c.req.query("result") ?? "");
    // Who answered what, as replies.json holds it (nothing is read or written without files).
    // An invitation still to send, or refused by the server, has not been answered, nor could it be: said as not sent.
    const replies = markUnsent(await readReplies({ dir: ws.scheduleDir(name), files: [] }), [...due.due, ...due.failed.map((f) => f.message)]);
    return c.html(sendPage(lang, name, setting, due, done, replies, readings.get(c.req.query("replies") ?? "")));
  }));

  app.post("/p/:plan/send", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    const setting = smtpSetting(ws.dir, ws.env);
    if (setting.kind !== "set") return c.redirect(`/p/${encodeURIComponent(name)}/send?lang=${lang}`, 303);
    const outcome = await sendInvitations({ dir: ws.scheduleDir(name), smtp: setting.url });
    const id = newToken().slice(0, 16);
    remember(outcomes, id, outcome);
    return c.redirect(`/p/${encodeURIComponent(name)}/send?lang=${lang}&result=${id}`, 303);
  }));

  // Trainers' answers (.eml files saved from Outlook, Thunderbird, Apple Mail) read into the folder's replies.json.
  app.post("/p/:plan/replies", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    const body = await c.req.parseBody({ all: true });
    const files = [body["replies"]].flat().filter((f): f is File => f instanceof File);
    const scratch = mkdtempSync(join(tmpdir(), "taphuan-replies-"));
    try {
      // Stored under short names of our own (a mail program's subject can make a name too long for the disk); shown under the planner's.
      const names = new Map<string, string>();
      const paths = await Promise.all(files.map(async (file, i) => {
        const path = join(scratch, `${i + 1}.eml`);
        names.set(basename(path), basename(file.name || "reply.eml"));
        writeFileSync(path, new Uint8Array(await file.arrayBuffer()));
        return path;
      }));
      const outcome = await readReplies({ dir: ws.scheduleDir(name), files: paths });
      const id = newToken().slice(0, 16);
      remember(readings, id, outcome.readings.map((r) => ({ ...r, file: names.get(r.file) ?? r.file })));
      return c.redirect(`/p/${encodeURIComponent(name)}/send?lang=${lang}&replies=${id}#replies`, 303);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }));
}
