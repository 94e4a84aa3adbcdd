/** Every export of a schedule, as file name → content, so the CLI only writes them. */
import { changeLogJson, type ChangeLog } from "../model/change-log.ts";
import type { PlanData } from "../model/schema.ts";
import type { Plan } from "../model/plan.ts";
import { provinceSlug, scheduleJson, type Schedule, type Session } from "../model/schedule.ts";
import { appendixDocx } from "./docx.ts";
import { scheduleFeed, sessionCancel, sessionRequest, trainerCalendar } from "./ics.ts";
import { invitationMessage, trainerSlug, type MessageKind } from "./mail.ts";
import { fileSlug } from "../model/file-names.ts";
import { scheduleXlsx } from "./xlsx.ts";
import type { Lang } from "../words/labels.ts";
import { diffJson, diffMarkdown } from "./diff.ts";
import type { ReplanOutcome } from "../solve/replan.ts";
import { clusterTable, sessionTable, toCsv, toHtmlPage, toMarkdown } from "./table.ts";

export interface ExportFiles {
  readonly files: Map<string, string | Uint8Array>;
  readonly warnings: string[];
}

/** A session's file name: its province's, also for a province the plan no longer has (its id ends with that name). */
function provinceFile(plan: Plan, code: string | undefined, sessionId: string): string {
  const province = plan.index.province(code);
  return province ? provinceSlug(province) : fileSlug(sessionId.slice(sessionId.lastIndexOf("/") + 1));
}

/** The feed, the tables, a REQUEST for every session, and the updates of a re-plan. */
export interface ExportOptions {
  readonly lang: Lang;
  /** A re-plan's changed sessions: their REQUEST (higher SEQUENCE) again under updates/requests/. */
  readonly updated?: readonly Session[];
  /** A re-plan's removed sessions: a CANCEL each under updates/cancel/. */
  readonly cancelled?: readonly Session[];
  /**
   * Per session id, each changed session as the previous version had it (none: a new session).
   * Who is told what follows from it: the trainers it had get an update, the ones it gains a first
   * invitation, the ones it loses their invitation withdrawn.
   */
  readonly before?: ReadonlyMap<string, Pick<Session, "date" | "halfDay" | "trainers">>;
}

export async function exportAll(plan: Plan, schedule: Schedule, options: ExportOptions): Promise<ExportFiles> {
  const files = new Map<string, string | Uint8Array>();
  const warnings: string[] = [];
  const { lang } = options;
  files.set("schedule.ics", scheduleFeed(plan, schedule, options));
  for (const trainer of plan.trainers) {
    if (schedule.sessions.some((s) => s.trainers.includes(trainer.id))) files.set(`trainers/${trainerSlug(trainer.id)}.ics`, trainerCalendar(plan, schedule, trainer.id, options));
  }
  if (plan.data.campaign.organizer) {
    const fileOf = (session: Session) => provinceFile(plan, session.code, session.id);
    const trainerOf = (id: string) => plan.index.trainer(id);
    const mail = async (folder: string, session: Session, ids: readonly string[], kind: MessageKind, calendar: string) => {
      for (const trainer of ids.map(trainerOf)) {
        if (trainer?.email) files.set(`${folder}messages/${trainerSlug(trainer.id)}/${fileOf(session)}.eml`, await invitationMessage(plan, schedule, session, trainer, kind, calendar, lang));
      }
    };
    // requests/ and messages/ always hold every session as it is now; updates/ only what this version changed.
    for (const session of schedule.sessions) {
      const request = sessionRequest(plan, schedule, session, options);
      files.set(`requests/${fileOf(session)}.ics`, request);
      await mail("", session, session.trainers, "request", request);
    }
    for (const session of options.updated ?? []) {
      const request = sessionRequest(plan, schedule, session, options);
      files.set(`updates/requests/${fileOf(session)}.ics`, request);
      // Without `before` (a caller with the changed sessions alone), every trainer is taken to have had the session.
      const had = options.before ? options.before.get(session.id) : session;
      await mail("updates/", session, session.trainers.filter((t) => had?.trainers.includes(t)), "update", request);
      // A trainer new to the session never had it: an invitation, not a change (RFC 5546 §3.2.2, adding an attendee).
      await mail("updates/", session, session.trainers.filter((t) => !had?.trainers.includes(t)), "request", request);
      const removed = had?.trainers.filter((t) => !session.trainers.includes(t)) ?? [];
      if (!removed.length) continue;
      // What they are released from is the session as they had it: its previous day and trainers, at the new SEQUENCE.
      const asTheyHadIt: Session = { id: session.id, province: session.province, ...(session.code ? { code: session.code } : {}), cluster: session.cluster, date: had!.date, halfDay: had!.halfDay, trainers: [...had!.trainers], sequence: session.sequence };
      const withdrawal = sessionCancel(plan, schedule, asTheyHadIt, { ...options, trainers: removed });
      files.set(`updates/cancel/${fileOf(session)}.ics`, withdrawal);
      await mail("updates/", asTheyHadIt, removed, "withdrawn", withdrawal);
    }
    for (const session of options.cancelled ?? []) {
      const cancel = sessionCancel(plan, schedule, session, options);
      files.set(`updates/cancel/${fileOf(session)}.ics`, cancel);
      await mail("updates/", session, session.trainers, "cancel", cancel);
    }
  } else {
    warnings.push("campaign.organizer is not set: no meeting requests (requests/, messages/, updates/) were written — add organizer { name, email } to the plan");
  }
  const clusters = clusterTable(plan, schedule, options);
  const sessions = sessionTable(plan, schedule, options);
  files.set("clusters.md", toMarkdown(clusters));
  files.set("clusters.csv", toCsv(clusters));
  files.set("sessions.md", toMarkdown(sessions));
  files.set("sessions.csv", toCsv(sessions));
  files.set("schedule.html", toHtmlPage(plan, schedule, options));
  files.set("appendix.docx", await appendixDocx(plan, schedule, options));
  files.set("schedule.xlsx", await scheduleXlsx(plan, schedule, options));
  return { files, warnings };
}

/**
 * Everything one version of a schedule folder holds: schedule.json, the exports and, for a
 * re-plan, its diff and updates (the files a planner sends after it).
 */
export async function versionFiles(
  plan: Plan,
  schedule: Schedule,
  options: { readonly lang: Lang; readonly replan?: ReplanOutcome; readonly log?: ChangeLog; readonly source?: PlanData },
): Promise<ExportFiles> {
  const { replan, lang } = options;
  const exported = await exportAll(plan, schedule, { lang, ...(replan ? { updated: replan.updated, cancelled: replan.cancelled, before: sessionsBefore(schedule, replan) } : {}) });
  const files = new Map(exported.files);
  files.set("schedule.json", scheduleJson(schedule));
  if (replan) {
    files.set("diff.md", diffMarkdown(replan, lang, plan));
    files.set("diff.json", diffJson(replan));
  }
  // The change log as it stood for this version: `check` and the next re-plan apply its standing changes.
  if (options.log?.entries.length) files.set("changes.json", changeLogJson(options.log));
  // The plan file as this version was made from it: a later edit of the file is found, and said.
  if (options.source) files.set("plan.json", `${JSON.stringify(options.source, null, 2)}\n`);
  return { files, warnings: exported.warnings };
}

/** Each session of the new version as the previous version had it, by session id. */
function sessionsBefore(schedule: Schedule, replan: ReplanOutcome): Map<string, Pick<Session, "date" | "halfDay" | "trainers">> {
  const before = new Map<string, Pick<Session, "date" | "halfDay" | "trainers">>();
  for (const change of replan.changes) {
    const session = change.before && change.after ? schedule.sessions.find((s) => s.province === change.province) : undefined;
    if (session) before.set(session.id, change.before!);
  }
  return before;
}
