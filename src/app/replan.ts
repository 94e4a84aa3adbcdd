/**
 * Re-planning a campaign, once for the CLI and the page: a new change, a change withdrawn, an older
 * version restored, or the plan file edited — each solved under every change that still stands and
 * under the past (today), proposed first, then published as the folder's next version.
 */
import { existsSync } from "node:fs";
import { versionFiles } from "../export/index.ts";
import type { Lang } from "../words/labels.ts";
import { ScheduleFolder, ScheduleFolderReader, VersionConflictError, type FileTree } from "../folder/schedule-folder.ts";
import { EMPTY_LOG, type PlanDifference, parseRecordedChanges, planWithLog, standingChanges, supersededBy, withChange, withPlanEdit, withWithdrawal, type ChangeLog } from "../model/change-log.ts";
import type { Changes } from "../model/changes.ts";
import { error, InputError, type Issue } from "../model/issues.ts";
import type { Plan } from "../model/plan.ts";
import { dataHash, makeSession, planHash, type Schedule, type Session } from "../model/schedule.ts";
import { validDate } from "../model/load.ts";
import { PlanSchema, type HalfDayName, type PlanData } from "../model/schema.ts";
import { planOfSchedule } from "../model/variants.ts";
import type { SolverName } from "../solve/backends.ts";
import { checkSchedule } from "../solve/check.ts";
import { sameTrainers, type Violation } from "../solve/constraints/types.ts";
import { previousSchedule, replan, type ReplanOutcome } from "../solve/replan.ts";
import { planDifferences } from "./plan-diff.ts";
import { MAX_RECORD_BYTES, readText } from "./read-input.ts";

/** What the planner asks for. */
export type ReplanRequest =
  | { readonly kind: "change"; readonly change: Changes; readonly note?: string | undefined }
  | { readonly kind: "withdraw"; readonly id: number; readonly note?: string | undefined }
  | { readonly kind: "restore"; readonly version: number }
  /** Nothing new but the plan file, edited since the current version. */
  | { readonly kind: "plan-edit" };

export interface ReplanInput {
  /** The schedule folder. */
  readonly dir: string;
  /** The plan file as it is now. */
  readonly plan: Plan;
  readonly planPath: string;
  readonly request: ReplanRequest;
  /** The day it is decided on, YYYY-MM-DD (validated here). */
  readonly today: string;
  /** Where the request came from, for problems in it ("changes given as options", a file). */
  readonly source: string;
  /** A schedule from outside the folder (a file edited by hand): it becomes the folder's first version. */
  readonly outside?: Schedule;
  readonly solver?: SolverName;
  readonly timeLimitSeconds?: number;
  /** Without a full re-plan, search the proven fixes (default true; "where can it go" needs only the answer). */
  readonly proveRelaxations?: boolean;
}

export interface ReplanProposal {
  /** The version it starts from; undefined when the folder is empty and `previous` comes from outside. */
  readonly basedOn: number | undefined;
  readonly previous: Schedule;
  readonly outcome: ReplanOutcome;
  /** The plan file as it is now; with the schedule's profile; and with every standing change. */
  readonly written: Plan;
  readonly source: Plan;
  readonly plan: Plan;
  /** The log the new version records. */
  readonly log: ChangeLog;
  readonly request: ReplanRequest;
  /** What changed in the plan file since the version it starts from, if it was edited. */
  readonly planEdit?: readonly PlanDifference[];
  readonly warnings: readonly string[];
  /** The older changes an edit of the plan left without a place, in part (`change-lapsed`, worded for the page by src/words/issues.ts). */
  readonly lapses: readonly Issue[];
  /** Restoring: the sessions of that version that did not come back, and why. */
  readonly restore?: { readonly version: number; readonly notBack: readonly { readonly province: string; readonly reasons: readonly NotBackReason[] }[] };
}

/** What a version of a folder holds for re-planning: its schedule, its log and the plan file it was made from. */
export interface VersionState {
  readonly version: number;
  readonly schedule: Schedule;
  readonly log: ChangeLog;
  readonly planData?: PlanData;
}

export function readVersion(reader: ScheduleFolderReader, version: number): VersionState {
  const schedule = reader.readSchedule(version);
  // A file of the version that is not what taphuan wrote (edited, truncated) is bad input naming it, never a crash.
  const damaged = (file: string, what: string) => new InputError(reader.versionPath(version, file), [error(`bad-${file.replace(".json", "")}`, [], `is not ${what} taphuan wrote`, "restore the file from a backup, or re-plan from an earlier version")]);
  const read = (file: string, what: string) => {
    if (!existsSync(reader.versionPath(version, file))) return undefined;
    const text = readText(reader.versionPath(version, file), MAX_RECORD_BYTES);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw damaged(file, what);
    }
  };
  const recorded = read("changes.json", "a change log");
  const log = recorded === undefined ? EMPTY_LOG : parseRecordedChanges(recorded, { version, today: schedule.today ?? schedule.generatedAt.slice(0, 10) });
  if (!log) throw damaged("changes.json", "a change log");
  const written = read("plan.json", "the plan");
  const planData = written === undefined ? undefined : PlanSchema.safeParse(written);
  if (planData && !planData.success) throw damaged("plan.json", "the plan");
  return { version, schedule, log, ...(planData ? { planData: planData.data } : {}) };
}

/** The changes standing in a folder's current version, for `check` and the page. */
export function currentState(dir: string): VersionState | undefined {
  const reader = new ScheduleFolderReader(dir);
  const current = reader.currentVersion();
  return current === undefined ? undefined : readVersion(reader, current);
}

/** Solves the request; nothing is written. A proposal whose schedule is partial is "no re-plan", with its reasons and proven fixes. */
export async function proposeReplan(input: ReplanInput): Promise<ReplanProposal> {
  const today = validDate(input.today, "today");
  const reader = new ScheduleFolderReader(input.dir);
  const basedOn = reader.currentVersion();
  if (basedOn === undefined && !input.outside) throw new InputError(input.dir, [error("no-schedule", [], "holds no schedule to re-plan", "solve the plan first")]);
  const state: VersionState = basedOn !== undefined ? readVersion(reader, basedOn) : { version: input.outside!.version, schedule: input.outside!, log: EMPTY_LOG };
  const previous = state.schedule;
  const source = planOfSchedule(input.plan, previous, input.planPath);
  const next = previous.version + 1;
  const warnings: string[] = [];
  if (previous.today !== undefined && today < previous.today) {
    warnings.push(`today (${today}) is earlier than the day version ${previous.version} was made on (${previous.today}): what that version held stays held, and changes lie after ${previous.today}`);
  }

  // An edit of the plan file since this version: said, and recorded in the log.
  let log = state.log;
  let planEdit: PlanDifference[] | undefined;
  if (state.planData) {
    const differences = planDifferences(state.planData, input.plan.data);
    if (differences.length) planEdit = differences;
  } else if (previous.planHash !== planHash(planWithLog(source, log, input.source).plan)) {
    planEdit = [{ code: "unrecorded", params: { version: String(previous.version) } }];
  }
  if (planEdit) log = withPlanEdit(log, { from: state.planData ? dataHash(state.planData) : previous.planHash, to: dataHash(input.plan.data), differences: planEdit }, { version: next, today });
  else if (input.request.kind === "plan-edit") throw new InputError(input.planPath, [error("plan-not-edited", [], `is the plan version ${previous.version} was made from`, "edit the plan first, or give a change", { version: previous.version })]);

  const request = input.request;
  if (request.kind === "change") {
    const superseded = supersededBy(log, request.change, input.plan.registry);
    if (superseded.length) {
      throw new InputError(input.source, superseded.map(({ entry, what, subject, name }) => error("supersedes", [], `change #${entry.id} (v${entry.version}) already gives ${what}`, `withdraw change #${entry.id} first, then give the new answer`, { id: entry.id, version: entry.version, subject, name })));
    }
    log = withChange(log, request.change, { version: next, today, note: request.note });
  }
  if (request.kind === "withdraw") log = withWithdrawal(log, request.id, { version: next, today, note: request.note }, input.source);
  let toward: Session[] | undefined;
  if (request.kind === "restore") {
    if (!reader.versions().includes(request.version)) throw new InputError(input.dir, [error("no-such-version", [], `has no version ${request.version}`, `versions: ${reader.versions().map((v) => `v${v}`).join(", ")}`, { version: request.version, versions: reader.versions().map((v) => `v${v}`).join(", ") })]);
    toward = reader.readSchedule(request.version).sessions;
  }

  // Only the change given now must name what the plan has; older ones may lapse in part after a plan edit.
  const strictFrom = request.kind === "change" ? Math.max(...log.entries.map((e) => e.id)) : Number.POSITIVE_INFINITY;
  const { plan, warnings: applied } = planWithLog(source, log, input.source, strictFrom);
  const lapses = applied.filter((w) => w.code === "change-lapsed");
  warnings.push(...lapses.map((w) => `${w.message} — ${w.hint}`));
  const outcome = await replan(plan, previous, {
    today,
    planPath: input.planPath,
    ...(toward ? { toward } : {}),
    ...(input.solver ? { solver: input.solver } : {}),
    ...(input.timeLimitSeconds !== undefined ? { timeLimitSeconds: input.timeLimitSeconds } : {}),
    ...(input.proveRelaxations === false ? { proveRelaxations: false } : {}),
  });
  return {
    basedOn,
    previous,
    outcome,
    written: input.plan,
    source,
    plan,
    log,
    request,
    ...(planEdit ? { planEdit } : {}),
    warnings,
    lapses,
    ...(request.kind === "restore" && toward ? { restore: { version: request.version, notBack: notBack(plan, log, previous, toward, outcome, today) } } : {}),
  };
}

/** A proposal as plain data, without its resolved plans: what a worker thread hands back, what a preview keeps. */
export type ProposalView = Omit<ReplanProposal, "written" | "source" | "plan">;

/** The files a proposal publishes: its new version, and for a schedule from outside the folder, that schedule as the first. */
export interface ProposalFiles {
  readonly files: FileTree;
  readonly first?: FileTree;
  readonly warnings: readonly string[];
}

export async function proposalFiles(proposal: ReplanProposal, lang: Lang): Promise<ProposalFiles> {
  const { files, warnings } = await versionFiles(proposal.plan, proposal.outcome.schedule, { lang, replan: proposal.outcome, log: proposal.log, source: proposal.written.data });
  const first = proposal.basedOn === undefined ? (await versionFiles(proposal.source, proposal.previous, { lang, source: proposal.written.data })).files : undefined;
  return { files, warnings, ...(first ? { first } : {}) };
}

/**
 * Publishes a proposal as the folder's next version (and a schedule from outside as its first);
 * another version published meanwhile is a conflict, and nothing is written.
 */
export function publishProposal(folder: ScheduleFolder, proposal: Pick<ProposalView, "basedOn" | "previous" | "outcome">, files: ProposalFiles): number {
  if (proposal.outcome.schedule.status !== "complete") throw new Error("a partial re-plan is never published");
  const current = folder.currentVersion();
  if (current !== proposal.basedOn) throw new VersionConflictError(folder.dir, current, proposal.basedOn);
  if (proposal.basedOn === undefined) folder.publish(files.first!, undefined, proposal.previous.version);
  return folder.publish(files.files, proposal.previous.version);
}

/**
 * Why a session of the restored version did not come back, as data: its old half-day is past or
 * within the notice, it breaks a rule (and the standing changes that concern it), the province left
 * the plan, or bringing it back too would stay further from that version.
 */
export type NotBackReason =
  | { readonly kind: "removed" }
  | { readonly kind: "held"; readonly date: string; readonly halfDay: HalfDayName }
  | { readonly kind: "notice"; readonly date: string; readonly halfDay: HalfDayName; readonly changeableFrom: string }
  | { readonly kind: "rule"; readonly rule: string; readonly message: string; readonly date: string; readonly halfDay: HalfDayName; readonly since: readonly { readonly id: number; readonly version: number; readonly note?: string }[] }
  | { readonly kind: "closer"; readonly proven: boolean };

function notBack(plan: Plan, log: ChangeLog, previous: Schedule, toward: readonly Session[], outcome: ReplanOutcome, today: string): { province: string; reasons: NotBackReason[] }[] {
  const now = new Map(outcome.schedule.sessions.map((s) => [s.code ?? s.province, s]));
  const under = previousSchedule(plan, previous.sessions, today);
  const result: { province: string; reasons: NotBackReason[] }[] = [];
  for (const old of toward) {
    const got = now.get(old.code ?? old.province);
    if (got && got.date === old.date && got.halfDay === old.halfDay && sameTrainers(new Set(old.trainers), got.trainers)) continue;
    const province = plan.index.province(old.code);
    if (!province) {
      result.push({ province: old.province, reasons: [{ kind: "removed" }] });
      continue;
    }
    const broken = checkSchedule(plan, [makeSession(plan, province, old, old.trainers)], under).filter((v) => v.province === province.name && v.rule !== "one-session-per-province");
    // The standing changes that concern this session; the past and the notice are no change's doing.
    const since = standingChanges(log)
      .filter((e) => Object.keys(e.change.provinces).some((name) => plan.registry.sameProvince(name, province.name)) || Object.keys(e.change.trainers).some((id) => old.trainers.includes(id)))
      .map((e) => ({ id: e.id, version: e.version, ...(e.note ? { note: e.note } : {}) }));
    const held = previous.sessions.find((s) => s.code === old.code);
    const reason = (v: Violation): NotBackReason =>
      v.rule === "held-sessions"
        ? { kind: "held", date: held!.date, halfDay: held!.halfDay }
        : v.rule === "changes-after-today"
          ? { kind: "notice", date: old.date, halfDay: old.halfDay, changeableFrom: outcome.changeableFrom }
          : { kind: "rule", rule: v.rule, message: [`${province.name}: `, `${province.name}, `].reduce((m, prefix) => (m.startsWith(prefix) ? m.slice(prefix.length) : m), v.message), date: old.date, halfDay: old.halfDay, since };
    result.push({ province: province.name, reasons: broken.length ? broken.map(reason) : [{ kind: "closer", proven: outcome.schedule.report?.proven === true }] });
  }
  return result;
}
