/**
 * Re-planning: the changed plan solved again against the previous schedule — sessions already held
 * stay exactly as they were, then the fewest sessions move, then the fewest trainers change.
 */
import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";
import type { Schedule, Session } from "../model/schedule.ts";
import type { SolverName } from "./backends.ts";
import type { PreviousSchedule } from "./constraints/types.ts";
import { proveRelaxations, type Relaxation } from "./relax.ts";
import { solvePlan } from "./solve.ts";

export interface ReplanOptions {
  readonly solver?: SolverName;
  readonly timeLimitSeconds?: number;
  /** Sessions on or before this day were held: they never move, nor do their trainers. */
  readonly today?: string;
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
}

const sortedKey = (ids: readonly string[]) => [...ids].sort().join("\u0000");
const sameTrainers = (a: readonly string[], b: readonly string[]) => sortedKey(a) === sortedKey(b);

/** The schedule a re-plan changes, as the held-sessions rule and the re-planning goals see it. */
export function previousSchedule(plan: Plan, sessions: readonly Session[], today?: string): PreviousSchedule {
  const byCode = new Map(sessions.map((s) => [sessionKey(plan, s), s]));
  return {
    sessions: new Map([...byCode].map(([code, s]) => [code, { slotKey: `${s.date}/${s.halfDay}`, trainers: new Set(s.trainers) }])),
    frozen: new Set(today ? [...byCode].filter(([, s]) => s.date <= today).map(([code]) => code) : []),
  };
}

/** A session's province code; a hand-written session may name only the province. */
function sessionKey(plan: Plan, s: Session): string {
  return s.code ?? plan.provinces.find((p) => p.name === s.province)?.record.code ?? s.id;
}

export async function replan(plan: Plan, previous: Schedule, options: ReplanOptions = {}): Promise<ReplanOutcome> {
  const before = previousSchedule(plan, previous.sessions, options.today);
  const frozen = before.frozen;
  const solved = await solvePlan(plan, {
    previous: before,
    generatedAt: nextGeneratedAt(plan, previous, options.today),
    ...(options.solver ? { solver: options.solver } : {}),
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.planPath ? { planPath: options.planPath } : {}),
  });

  const compared = compareSessions(plan, previous, solved.schedule.sessions, frozen);
  const schedule: Schedule = { ...solved.schedule, version: previous.version + 1, sessions: compared.sessions, ...(previous.profile ? { profile: previous.profile } : {}), ...(previous.proposeWindows ? { proposeWindows: true } : {}) };
  return {
    ...compared,
    schedule,
    provenMinimal: solved.report.proven,
    suggestions:
      schedule.status === "partial" && options.proveRelaxations !== false
        ? (await proveRelaxations(plan, schedule, { solve: async (changed) => (await replan(changed, previous, { ...options, proveRelaxations: false })).schedule })).relaxations
        : [],
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
    const restaffed = old !== undefined && !sameTrainers(old.trainers, session.trainers);
    const kind: ChangeKind = !old ? "added" : moved && restaffed ? "moved-and-restaffed" : moved ? "moved" : restaffed ? "restaffed" : "unchanged";
    const record = kind === "unchanged" ? old! : { ...session, sequence: old ? old.sequence + 1 : 0 };
    if (kind !== "unchanged") updated.push(record);
    changes.push({ province: session.province, cluster: session.cluster, kind, frozen: frozen.has(session.code!), ...(old ? { before: pick(old) } : {}), after: pick(record) });
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
function nextGeneratedAt(plan: Plan, previous: Schedule, today: string | undefined): string {
  const zone = plan.data.campaign.timeZone;
  const after = DateTime.fromISO(previous.generatedAt, { setZone: true }).plus({ minutes: 1 });
  const candidate = today ? DateTime.fromISO(today, { zone }) : after;
  return (candidate > after ? candidate : after).setZone(zone).toISO({ suppressMilliseconds: true })!;
}
