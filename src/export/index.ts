/** Every export of a schedule, as file name → content, so the CLI only writes them. */
import type { Plan } from "../model/plan.ts";
import { provinceSlug, scheduleJson, type Schedule } from "../model/schedule.ts";
import { scheduleFeed, sessionCancel, sessionRequest } from "./ics.ts";
import type { Lang } from "./labels.ts";
import { diffJson, diffMarkdown } from "./diff.ts";
import type { ReplanOutcome } from "../solve/replan.ts";
import { clusterTable, sessionTable, toCsv, toHtmlPage, toMarkdown } from "./table.ts";

export interface ExportFiles {
  readonly files: Map<string, string>;
  readonly warnings: string[];
}

function provinceFile(plan: Plan, code: string | undefined, fallback: string): string {
  const province = plan.provinces.find((p) => p.record.code === code);
  return province ? provinceSlug(province) : fallback.replace(/[^A-Za-z0-9-]+/g, "-");
}

/** The feed, the tables, a REQUEST for every session, and the updates of a re-plan. */
export interface ExportOptions {
  readonly lang: Lang;
  /** A re-plan's changed sessions: their REQUEST (higher SEQUENCE) again under updates/requests/. */
  readonly updated?: readonly Schedule["sessions"][number][];
  /** A re-plan's removed sessions: a CANCEL each under updates/cancel/. */
  readonly cancelled?: readonly Schedule["sessions"][number][];
}

export function exportAll(plan: Plan, schedule: Schedule, options: ExportOptions): ExportFiles {
  const files = new Map<string, string>();
  const warnings: string[] = [];
  files.set("schedule.ics", scheduleFeed(plan, schedule, options));
  if (plan.data.campaign.organizer) {
    const fileOf = (session: Schedule["sessions"][number]) => `${provinceFile(plan, session.code, session.id)}.ics`;
    // requests/ always holds every session as it is now; updates/ only what this version changed.
    for (const session of schedule.sessions) files.set(`requests/${fileOf(session)}`, sessionRequest(plan, schedule, session, options));
    for (const session of options.updated ?? []) files.set(`updates/requests/${fileOf(session)}`, sessionRequest(plan, schedule, session, options));
    for (const session of options.cancelled ?? []) files.set(`updates/cancel/${fileOf(session)}`, sessionCancel(plan, schedule, session, options));
  } else {
    warnings.push("campaign.organizer is not set: no meeting requests (requests/, updates/) were written — add organizer { name, email } to the plan");
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

/**
 * Everything one version of a schedule folder holds: schedule.json, the exports and, for a
 * re-plan, its diff and updates (the files a planner sends after it).
 */
export function versionFiles(plan: Plan, schedule: Schedule, options: { readonly lang: Lang; readonly replan?: ReplanOutcome }): ExportFiles {
  const { replan, lang } = options;
  const exported = exportAll(plan, schedule, { lang, ...(replan ? { updated: replan.updated, cancelled: replan.cancelled } : {}) });
  const files = new Map(exported.files);
  files.set("schedule.json", scheduleJson(schedule));
  if (replan) {
    files.set("diff.md", diffMarkdown(replan, lang));
    files.set("diff.json", diffJson(replan));
  }
  return { files, warnings: exported.warnings };
}
