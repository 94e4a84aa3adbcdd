/**
 * A plan's published versions: two of them compared session by session, and each version's files
 * downloaded one by one or, for the updates sent to the people concerned, as one .zip.
 */
import { readFileSync } from "node:fs";
import { zipSync } from "fflate";
import type { Context, Hono } from "hono";
import { ScheduleFolderReader } from "../../folder/schedule-folder.ts";
import type { Schedule } from "../../model/schedule.ts";
import { compareSessions } from "../../solve/replan.ts";
import { WORDS } from "../../words/page.ts";
import { changedLines, errorPage, langOf, listFiles, notFound, type WorkspaceContext } from "../context.ts";
import { comparePage } from "../pages.ts";

const DOWNLOAD_TYPES: [RegExp, string][] = [
  [/\.ics$/, "text/calendar; charset=utf-8"],
  [/\.json$/, "application/json; charset=utf-8"],
  [/\.md$/, "text/markdown; charset=utf-8"],
  [/\.csv$/, "text/csv; charset=utf-8"],
  [/\.html$/, "text/html; charset=utf-8"],
  [/\.docx$/, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  [/\.xlsx$/, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  [/\.eml$/, "message/rfc822"],
];

export function versionRoutes(app: Hono, ws: WorkspaceContext): void {
  app.get("/p/:plan/compare", ws.withPlan((c, name) => {
    const lang = langOf(c);
    const { plan } = ws.loadPlan(name);
    const reader = new ScheduleFolderReader(ws.scheduleDir(name));
    const [a, b] = [Number(c.req.query("a")), Number(c.req.query("b"))];
    if (!plan || !reader.versions().includes(a) || !reader.versions().includes(b)) return notFound(c, "noSuchVersion");
    const [older, newer] = [a, b].map((v) => reader.readSchedule(v)) as [Schedule, Schedule];
    const { changes } = compareSessions(plan, older, newer.sessions);
    return c.html(comparePage(WORDS[lang], lang, name, a, b, changedLines(changes, lang)));
  }));

  app.get("/p/:plan/files/:v/*", ws.withPlan((c, name) => {
    const found = versionOf(c, ws, name, Number(c.req.param("v")));
    if (found instanceof Response) return found;
    const { reader, version } = found;
    let wanted: string;
    try {
      wanted = decodeURIComponent(c.req.path.split(`/files/${version}/`)[1] ?? "");
    } catch {
      return errorPage(c, WORDS[langOf(c)].badAddress, 400);
    }
    const available = listFiles(reader.versionPath(version));
    if (!available.includes(wanted)) return notFound(c, "noSuchFile");
    const type = DOWNLOAD_TYPES.find(([pattern]) => pattern.test(wanted))?.[1] ?? "application/octet-stream";
    return c.body(readFileSync(reader.versionPath(version, wanted)), 200, { "Content-Type": type, "Content-Disposition": `attachment; filename="${wanted.split("/").pop()}"`, "Cache-Control": "no-cache" });
  }));

  app.get("/p/:plan/:zip{updates-v\\d+\\.zip}", ws.withPlan((c, name) => {
    const found = versionOf(c, ws, name, Number(/\d+/.exec(c.req.param("zip")!)![0]));
    if (found instanceof Response) return found;
    const { reader, version } = found;
    const entries = listFiles(reader.versionPath(version)).filter((f) => f.startsWith("updates/"));
    if (!entries.length) return notFound(c, "noUpdates");
    // A fixed time in every entry: the same version gives the same bytes.
    const zip = zipSync(Object.fromEntries(entries.map((f) => [f, [new Uint8Array(readFileSync(reader.versionPath(version, f))), { mtime: new Date("2022-01-01T00:00:00Z") }]])));
    return c.body(zip, 200, { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="updates-v${version}.zip"` });
  }));
}

/** A published version of the plan's schedule folder, or the page saying there is none. */
function versionOf(c: Context, ws: WorkspaceContext, name: string, version: number): { reader: ScheduleFolderReader; version: number } | Response {
  const reader = new ScheduleFolderReader(ws.scheduleDir(name));
  return reader.versions().includes(version) ? { reader, version } : notFound(c, "noSuchVersion");
}
