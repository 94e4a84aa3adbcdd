/**
 * What a constraint is: one named rule that both writes its rows of the optimisation model and
 * checks any given schedule. Hard rules restrict where variables exist (`allowsSlot`,
 * `allowsTrainer`) and add rows (`encode`); soft goals give costs and evaluate a schedule's penalty.
 */
import { officialDate, type Slot } from "../../model/calendar.ts";
import type { Cluster, Plan, Province, Trainer } from "../../model/plan.ts";
import type { HalfDayName } from "../../model/schema.ts";
import type { Session } from "../../model/schedule.ts";
import type { FixContext, FixSearch } from "../fixes.ts";
import type { LinearModel } from "../linear-model.ts";

export interface Violation {
  readonly rule: string;
  /** What is broken: the rule's id, or a finer code where the rule says several things (a cap at one half-day, or in a day). */
  readonly code: string;
  readonly province?: string;
  readonly date?: string;
  readonly halfDay?: HalfDayName;
  readonly trainers?: readonly string[];
  readonly message: string;
}

/**
 * A trainer's variable: `trainer` fills `role` in `slot` at a session of `group`. In the detailed
 * model a group is one province; in the aggregate model (deciding dates with trainer capacity)
 * it is a whole cluster, and the variable says the trainer works somewhere in that cluster.
 */
export interface StaffVariable {
  readonly name: string;
  readonly trainer: Trainer;
  readonly role: string;
  readonly group: string;
  /** The provinces the trainer may be at: one in the detailed model, the cluster's in the aggregate. */
  readonly provinces: readonly Province[];
  readonly slot: Slot;
}

/** A session as re-planning compares it: its half-day and its trainers. */
export interface SessionAt {
  readonly slotKey: string;
  readonly trainers: ReadonlySet<string>;
}

/** Re-planning's view of the schedules involved, each per province code. */
export interface PreviousSchedule {
  /** What the re-plan stays as close to as it can (the goals' reference): the current schedule, or a version being restored. */
  readonly sessions: ReadonlyMap<string, SessionAt>;
  /** The schedule as it now stands: what "moved" and "re-staffed" mean for the past and the notice. */
  readonly current: ReadonlyMap<string, SessionAt>;
  /** Provinces whose session was held on or before today: it stays exactly as in `current`. */
  readonly frozen: ReadonlySet<string>;
  /** The day the re-plan is made on. */
  readonly today?: string;
  /** No session is placed, moved or re-staffed before this day (`changes-after-today`). */
  readonly changeableFrom?: string;
}

export interface EncodeContext {
  readonly plan: Plan;
  /** Set when re-planning. */
  readonly previous?: PreviousSchedule;
  readonly model: LinearModel;
  readonly granularity: "province" | "grouped";
  readonly provinces: readonly Province[];
  /** The group of staff variables a province's session belongs to (itself, or its cluster). */
  groupOf(province: Province): string;
  /** Province code → slot key → variable "the session is in this slot". */
  readonly sessionVariables: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Province code → variable "the province is left unplaced" (the relaxation's slack). */
  readonly unplacedVariables: ReadonlyMap<string, string>;
  readonly staffVariables: readonly StaffVariable[];
  /** Trainer id → slot key → that trainer's variables in that slot. */
  readonly staffByTrainerSlot: ReadonlyMap<string, ReadonlyMap<string, readonly StaffVariable[]>>;
}

/** A session of a schedule, matched with the plan: the province and trainers it names, where known. */
export interface PlacedSession {
  readonly session: Session;
  readonly province?: Province;
  readonly trainers: readonly { readonly id: string; readonly trainer?: Trainer }[];
}

export interface CheckContext {
  readonly plan: Plan;
  readonly sessions: readonly PlacedSession[];
  /** Set when checking a re-plan against the schedule it changed. */
  readonly previous?: PreviousSchedule;
}

/** Why a province was left out, as data: a stable code, a sentence, and what the sentence is about. */
export interface Cause {
  readonly code: string;
  readonly message: string;
  readonly [data: string]: unknown;
}

/**
 * The questions asked of the rules when a province is left out, in this order; the first that gets
 * an answer is the explanation. What counting proves comes before what the partial schedule shows:
 * - "no-slot": the province has no possible half-day at all (only the first rule to answer speaks);
 * - "counting": its roles cannot be filled by counting trainers, their half-days and their maximums;
 * - "schedule": what the best partial schedule shows on each possible half-day;
 * - "otherwise": the rest of what that schedule shows, when no rule named anything finer.
 */
export const EXPLAIN_STAGES = ["no-slot", "counting", "schedule", "otherwise"] as const;
export type ExplainStage = (typeof EXPLAIN_STAGES)[number];

/** A trainer who could fill a role at a tried session, and what their other sessions make of it. */
export interface Candidate {
  readonly trainer: Trainer;
  /** The trainer's sessions with the tried one among them, in time order. */
  readonly tried: readonly PlacedSession[];
  /** The violations of the rules checked against the trainer's sessions, in the registry's order: empty, they could come. */
  readonly violations: readonly Violation[];
}

/** One possible half-day of a province left out, tried against the partial schedule. */
export interface Attempt {
  readonly slot: Slot;
  /** The tried session itself (no trainers). */
  readonly session: PlacedSession;
  /** What refuses the session whoever its trainers: the rules checked against the sessions of its day. */
  readonly refused: readonly Violation[];
  /** Per role (none when refused): who could fill it, and what refuses each. */
  readonly roles: readonly { readonly role: string; readonly count: number; readonly candidates: readonly Candidate[] }[];
  /** The roles with fewer trainers free than the session needs. */
  readonly blocked: readonly string[];
}

export interface ExplainContext {
  readonly stage: ExplainStage;
  readonly plan: Plan;
  readonly province: Province;
  readonly cluster: Cluster;
  /** Its possible half-days by every rule's domain (empty at "no-slot"). */
  readonly slots: readonly Slot[];
  /** The rules whose domain takes some of the cluster's half-days from this province. */
  readonly blocking: ReadonlySet<string>;
  /** What the rules before this one said at this stage. */
  readonly found: readonly Cause[];
  /** "schedule" and "otherwise": each possible half-day tried against the partial schedule. */
  readonly attempts: readonly Attempt[];
  /** Trainers who may fill a role at the province's session in a slot, by every rule's domain. */
  eligible(slot: Slot, role: string): Trainer[];
}

/** The trainers a rule alone keeps away where a role goes unfilled: its violation is the first of theirs, the rules before it content. */
export function refusedFirstBy(attempts: readonly Attempt[], rule: string): { attempt: Attempt; role: string; candidate: Candidate }[] {
  return attempts.flatMap((attempt) =>
    attempt.roles.filter(({ role }) => attempt.blocked.includes(role)).flatMap(({ role, candidates }) => candidates.filter((c) => c.violations[0]?.rule === rule).map((candidate) => ({ attempt, role, candidate }))),
  );
}

/** A cluster's window as causes name it: the data, and "12/9/2022..16/9/2022". */
export function windowOf(cluster: Cluster): { data: { cluster: string; from: string; to: string }; text: string } {
  return { data: { cluster: cluster.name, from: cluster.window.from, to: cluster.window.to }, text: `${officialDate(cluster.window.from)}..${officialDate(cluster.window.to)}` };
}

export interface HardConstraint {
  readonly id: string;
  /** One sentence a planner reads. */
  readonly label: string;
  readonly kind: "hard";
  allowsSlot?(plan: Plan, province: Province, slot: Slot): boolean;
  allowsTrainer?(plan: Plan, trainer: Trainer, province: Province, slot: Slot): boolean;
  /**
   * For a rule whose check depends on other sessions: what a new session must be checked with
   * (the greedy placer, and trying a left-out province against a partial schedule). "day": the
   * sessions of its day, whoever the trainers; "trainer": each of its trainers' own sessions.
   */
  readonly checkAgainst?: "day" | "trainer";
  /**
   * Broken by a session's own half-day (its place in time, the province's days, the past), whatever
   * the other sessions are: moving or re-staffing others cannot mend it, so "where can this session
   * go" marks such a half-day impossible without a re-plan (src/app/alternatives.ts).
   */
  readonly brokenBySlot?: true;
  encode?(context: EncodeContext): void;
  check(context: CheckContext): Violation[];
  /** Why provinces were left out, as this rule sees it at one stage (src/solve/explain.ts asks each stage in turn). */
  explain?(context: ExplainContext): Cause[];
  /** The kinds of fix this rule offers when provinces are left out, each proven by solving again (src/solve/relax.ts). */
  fixes?(context: FixContext): FixSearch[];
}

export interface SoftGoal {
  readonly id: string;
  readonly label: string;
  readonly kind: "soft";
  /**
   * Lexicographic tier: every unit of a goal of a higher tier costs more than all goals of the
   * lower tiers together (the builder scales them; none is hard-coded there). Default 0.
   */
  readonly tier?: number;
  /** For a goal above tier 0: the most its unweighted penalty can be for these provinces. */
  maxPenalty?(plan: Plan, provinces: readonly Province[]): number;
  weight(plan: Plan): number;
  /** Unweighted cost of placing a province's session in a slot. */
  slotCost?(plan: Plan, province: Province, slot: Slot): number;
  /** Unweighted cost of a trainer giving a session in a cluster. */
  staffCost?(plan: Plan, trainer: Trainer, cluster: string): number;
  /** Extra variables, rows and costs (`weight` is the goal's, scaled for its tier), for goals that are not per placement. */
  encode?(context: EncodeContext, weight: number): void;
  /** Unweighted penalty of a given schedule; weighted and summed it equals the solver's objective. */
  evaluate(context: CheckContext): number;
}

/** Whether a session names exactly these trainers, in any order. */
export function sameTrainers(before: ReadonlySet<string>, now: readonly string[]): boolean {
  return before.size === new Set(now).size && now.every((t) => before.has(t));
}

export function at(session: Session): { date: string; halfDay: HalfDayName } {
  return { date: session.date, halfDay: session.halfDay };
}

/** "Hà Nam, 15/9/2022 morning": how violations name a session. */
export function describeSession(session: Session): string {
  return `${session.province}, ${officialDate(session.date)} ${session.halfDay}`;
}
