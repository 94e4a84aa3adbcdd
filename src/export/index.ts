/** Every export of a schedule, as file name → content, so the CLI only writes them. */
import type { Plan } from "../model/plan.ts";
import { provinceSlug, type Schedule } from "../model/schedule.ts";
import { scheduleFeed, sessionCancel, sessionRequest } from "./ics.ts";
import type { Lang } from "./labels.ts";
import { clusterTable, sessionTable, toCsv, toHtmlPage, toMarkdown } from "./table.ts";

export interface ExportFiles {
  readonly files: Map<string, string>;
  readonly warnings: string[];
}

function provinceFile(plan: Plan, code: string | undefined, fallback: string): string {
  const province = plan.provinces.find((p) => p.record.code === code);
  return province ? provinceSlug(province) : fallback.replace(/[^A-Za-z0-9-]+/g, "-");
}

/** The feed, the tables, and a REQUEST per session in `requestFor` (every session by default). */
export interface ExportOptions {
  readonly lang: Lang;
  /** Only these sessions (ids) get a REQUEST file: a re-plan sends only what changed. */
  readonly requestFor?: ReadonlySet<string>;
  readonly cancelled?: readonly Schedule["sessions"][number][];
  /** Folder (inside the output) for requests/ and cancel/, e.g. "updates/v2/". */
  readonly updatesDir?: string;
}

export function exportAll(plan: Plan, schedule: Schedule, options: ExportOptions): ExportFiles {
  const updates = options.updatesDir ?? "";
  const files = new Map<string, string>();
  const warnings: string[] = [];
  files.set("schedule.ics", scheduleFeed(plan, schedule, options));
  if (plan.data.campaign.organizer) {
    for (const session of schedule.sessions) {
      if (options.requestFor && !options.requestFor.has(session.id)) continue;
      files.set(`${updates}requests/${provinceFile(plan, session.code, session.id)}.ics`, sessionRequest(plan, schedule, session, options));
    }
    for (const session of options.cancelled ?? []) files.set(`${updates}cancel/${provinceFile(plan, session.code, session.id)}.ics`, sessionCancel(plan, schedule, session, options));
  } else {
    warnings.push("campaign.organizer is not set: no meeting requests (requests/, cancel/) were written — add organizer { name, email } to the plan");
  }
  const clusters = clusterTable(plan, schedule, options);
  const sessions = sessionTable(plan, schedule, options);
  files.set("clusters.md", toMarkdown(clusters));
  files.set("clusters.csv", toCsv(clusters));
  files.set("sessions.md", toMarkdown(sessions));
  files.set("sessions.csv", toCsv(sessions));
  files.set("schedule.html", toHtmlPage(plan, schedule, options));
  return { files, warnings };
}
