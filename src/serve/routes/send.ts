/** Sending the invitations from the page: the messages due (a dry run), Send, and per message what happened. */
import type { Hono } from "hono";
import { sendInvitations, type SendOutcome } from "../../app/send.ts";
import { smtpSetting } from "../../app/smtp-settings.ts";
import { langOf, planHref, remember, type WorkspaceContext } from "../context.ts";
import { sendPage } from "../pages.ts";
import { newToken } from "../security.ts";

export function sendRoutes(app: Hono, ws: WorkspaceContext): void {
  // What each Send did, for the page its redirect lands on (Post/Redirect/Get), under an id nobody can guess.
  const outcomes = new Map<string, SendOutcome>();

  app.get("/p/:plan/send", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    if (!ws.currentSchedule(name)) return c.redirect(planHref(name, lang), 303);
    const setting = smtpSetting(ws.dir, ws.env);
    const due = await sendInvitations({ dir: ws.scheduleDir(name), dryRun: true });
    const done = outcomes.get(c.req.query("result") ?? "");
    return c.html(sendPage(lang, name, setting, due, done));
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
}
