/**
 * Re-planning: the changed plan solved again against the previous schedule — sessions already held
 * stay exactly as they were, then the fewest sessions move, then the fewest trainers change.
 */
import { DateTime } from "luxon";
import { officialDate } from "../model/calendar.ts";
import type { Plan } from "../model/plan.ts";
import { makeSession, type Schedule, type Session } from "../model/schedule.ts";
import { validDate } from "../model/load.ts";
import type { SolverName } from "./backends.ts";
import { checkSchedule } from "./check.ts";
import { changeableFrom } from "./constraints/changes-after-today.ts";
import { sameTrainers, type PreviousSchedule, type SessionAt, type Violation } from "./constraints/types.ts";
import { FrozenConflictError } from "./errors.ts";
import type { Relaxation } from "./fixes.ts";
import { proveRelaxations } from "./relax.ts";
import { solvePlan } from "./solve.ts";

export interface ReplanOptions {
  readonly solver?: SolverName;
  readonly timeLimitSeconds?: number;
  /**
   * The day the re-plan is made on (YYYY-MM-DD). Sessions on or before it were held: they never
   * move, nor do their trainers; nothing is placed, moved or re-staffed before `changeableFrom`.
   */
  readonly today: string;
  /** Restoring an older version: stay as close as possible to its sessions instead of the current ones. */
  readonly toward?: readonly Session[];
  readonly planPath?: string;
  /** Without a full re-plan, search the smallest relaxations by re-planning (default true). */
  readonly proveRelaxations?: boolean;
}

export type ChangeKind = "unchanged" | "moved" | "restaffed" | "moved-and-restaffed" | "removed" | "added";

export interface SessionChange {
  readonly province: string;
  readonly cluster: string;
  readonly kind: ChangeKind;
  readonly frozen: boolean;
  readonly before?: Pick<Session, "date" | "halfDay" | "trainers">;
  readonly after?: Pick<Session, "date" | "halfDay" | "trainers">;
}

export interface ReplanOutcome {
  readonly schedule: Schedule;
  readonly changes: readonly SessionChange[];
  readonly moves: number;
  readonly trainerChanges: number;
  /** Every part proven optimal, so no re-plan moves fewer sessions. */
  readonly provenMinimal: boolean;
  /** Sessions whose calendar entry must be updated (REQUEST with a higher SEQUENCE). */
  readonly updated: readonly Session[];
  /** Sessions the re-plan removes (CANCEL). */
  readonly cancelled: readonly Session[];
  /** Where no re-plan exists: the smallest changes that make one possible, each proven by re-planning with it. */
  readonly suggestions: readonly Relaxation[];
  /** The day it was made on (never earlier than the previous version's), and the first day a change could lie on. */
  readonly today: string;
  readonly changeableFrom: string;
}



/**
 * The schedules a re-plan involves, as its rules and goals see them: `current` (what stands, its
 * sessions up to `today` held), and what to stay close to (`toward`, else the current sessions).
 * Sessions of provinces the plan does not have are left out (a plan cut down to some clusters).
 */
export function previousSchedule(plan: Plan, current: readonly Session[], today?: string, toward?: readonly Session[]): PreviousSchedule {
  const codes = new Set(plan.provinces.map((p) => p.record.code));
  const at = (sessions: readonly Session[]) =>
    new Map<string, SessionAt>(sessions.map((s) => [sessionKey(plan, s), { slotKey: `${s.date}/${s.halfDay}`, trainers: new Set(s.trainers) }] as const).filter(([code]) => codes.has(code)));
  const now = at(current);
  return {
    sessions: toward ? at(toward) : now,
    current: now,
    frozen: new Set(today ? current.filter((s) => s.date <= today).map((s) => sessionKey(plan, s)).filter((code) => codes.has(code)) : []),
    ...(today ? { today, changeableFrom: changeableFrom(plan, today) } : {}),
  };
}

/** A session's province code; a hand-written session may name only the province. */
function sessionKey(plan: Plan, s: Session): string {
  return s.code ?? plan.index.provinceNamed(s.province)?.record.code ?? s.id;
}

/**
 * What the changed plan says of the sessions held on or before today: each must still keep every
 * rule (the province still in the plan, available then, its trainers too), since none can change.
 */
export function pastContradictions(plan: Plan, sessions: readonly Session[], today: string): Violation[] {
  const violations: Violation[] = [];
  const held: Session[] = [];
  for (const s of sessions.filter((x) => x.date <= today)) {
    const province = plan.index.province(sessionKey(plan, s));
    if (province) held.push(makeSession(plan, province, s, s.trainers));
    else violations.push({ rule: "held-sessions", code: "held-sessions", province: s.province, date: s.date, halfDay: s.halfDay, message: `${s.province}: its session was held on ${officialDate(s.date)} ${s.halfDay}, but the changed plan no longer has ${s.province}` });
  }
  return [...violations, ...checkSchedule(plan, held).filter((v) => v.rule !== "one-session-per-province")];
}

export async function replan(plan: Plan, previous: Schedule, options: ReplanOptions): Promise<ReplanOutcome> {
  // What a version recorded as held stays held: a today earlier than its own (a rehearsal, a wrong
  // clock) cannot give back days that have passed.
  const given = validDate(options.today, "today");
  const today = previous.today !== undefined && previous.today > given ? previous.today : given;
  const contradictions = pastContradictions(plan, previous.sessions, today);
  if (contradictions.length) throw new FrozenConflictError(today, contradictions);
  const solving = { ...(options.solver ? { solver: options.solver } : {}), ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}) };
  const before = previousSchedule(plan, previous.sessions, today, options.toward);
  const solved = await solvePlan(plan, { ...solving, previous: before, generatedAt: nextGeneratedAt(plan, previous, today), ...(options.planPath ? { planPath: options.planPath } : {}) });

  const compared = compareSessions(plan, previous, solved.schedule.sessions, before.frozen);
  const schedule: Schedule = { ...solved.schedule, version: previous.version + 1, today, sessions: compared.sessions, ...(previous.profile ? { profile: previous.profile } : {}), ...(previous.proposeWindows ? { proposeWindows: true } : {}) };
  // A fix is proven by re-planning with it, under the same past; the fix search may cut the plan
  // down to some clusters, and previousSchedule keeps only their sessions.
  const replanned = async (changed: Plan) => {
    const held = pastContradictions(changed, previous.sessions.filter((s) => changed.index.province(sessionKey(changed, s)) !== undefined), today);
    if (held.length) throw new FrozenConflictError(today, held);
    return (await solvePlan(changed, { ...solving, previous: previousSchedule(changed, previous.sessions, today, options.toward) })).schedule;
  };
  return {
    ...compared,
    schedule,
    // Restoring minimises the distance to the restored version, not the moves from the current one.
    provenMinimal: solved.report.proven && options.toward === undefined,
    today,
    changeableFrom: before.changeableFrom!,
    suggestions: schedule.status === "partial" && options.proveRelaxations !== false ? (await proveRelaxations(plan, schedule, { solve: replanned })).relaxations : [],
  };
}

/**
 * What changed from `previous` to `next` sessions, per province: unchanged sessions keep their
 * exact previous record (trainer order, SEQUENCE), changed ones get SEQUENCE + 1.
 */
export function compareSessions(plan: Plan, previous: Schedule, next: readonly Session[], frozen: ReadonlySet<string> = new Set()) {
  const keyOf = (s: Session) => sessionKey(plan, s);
  const byCode = new Map(previous.sessions.map((s) => [keyOf(s), s]));
  const changes: SessionChange[] = [];
  const updated: Session[] = [];
  const sessions = next.map((session) => {
    const old = byCode.get(keyOf(session));
    const moved = old !== undefined && (old.date !== session.date || old.halfDay !== session.halfDay);
    const restaffed = old !== undefined && !sameTrainers(new Set(old.trainers), session.trainers);
    const kind: ChangeKind = !old ? "added" : moved && restaffed ? "moved-and-restaffed" : moved ? "moved" : restaffed ? "restaffed" : "unchanged";
    // A cluster renamed in the plan: the session says so, and its invitation is updated unless it was held.
    const renamed = kind === "unchanged" && old!.cluster !== session.cluster;
    const isFrozen = frozen.has(keyOf(session));
    const record = kind !== "unchanged" ? { ...session, sequence: old ? old.sequence + 1 : 0 } : renamed ? { ...old!, cluster: session.cluster, sequence: old!.sequence + (isFrozen ? 0 : 1) } : old!;
    if (kind !== "unchanged" || (renamed && !isFrozen)) updated.push(record);
    changes.push({ province: session.province, cluster: session.cluster, kind, frozen: isFrozen, ...(old ? { before: pick(old) } : {}), after: pick(record) });
    return record;
  });
  const placed = new Set(sessions.map(keyOf));
  const cancelled = previous.sessions.filter((s) => !placed.has(keyOf(s)));
  for (const s of cancelled) changes.push({ province: s.province, cluster: s.cluster, kind: "removed", frozen: false, before: pick(s) });
  const order = new Map(plan.provinces.map((p, i) => [p.name, i]));
  changes.sort((a, b) => (order.get(a.province) ?? 999) - (order.get(b.province) ?? 999));
  return {
    sessions,
    changes,
    updated,
    cancelled,
    moves: changes.filter((c) => c.kind === "moved" || c.kind === "moved-and-restaffed").length,
    trainerChanges: changes.filter((c) => c.kind === "restaffed" || c.kind === "moved-and-restaffed").length,
  };
}

function pick(s: Session): Pick<Session, "date" | "halfDay" | "trainers"> {
  return { date: s.date, halfDay: s.halfDay, trainers: [...s.trainers] };
}

/**
 * DTSTAMP must grow with each version: the start of `today` in the campaign's zone, or else a
 * minute after the previous version — never the clock, so the same inputs give the same bytes.
 */
function nextGeneratedAt(plan: Plan, previous: Schedule, today: string): string {
  const zone = plan.data.campaign.timeZone;
  const after = DateTime.fromISO(previous.generatedAt, { setZone: true }).plus({ minutes: 1 });
  const candidate = DateTime.fromISO(today, { zone });
  return (candidate > after ? candidate : after).setZone(zone).toISO({ suppressMilliseconds: true })!;
}
