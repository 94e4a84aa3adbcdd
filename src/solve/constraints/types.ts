/**
 * What a constraint is: one named rule that both writes its rows of the optimisation model and
 * checks any given schedule. Hard rules restrict where variables exist (`allowsSlot`,
 * `allowsTrainer`) and add rows (`encode`); soft goals give costs and evaluate a schedule's penalty.
 */
import { officialDate, type Slot } from "../../model/calendar.ts";
import type { Plan, Province, Trainer } from "../../model/plan.ts";
import type { HalfDayName } from "../../model/schema.ts";
import type { Session } from "../../model/schedule.ts";
import type { FixContext, FixSearch } from "../fixes.ts";
import type { LinearModel } from "../linear-model.ts";

export interface Violation {
  readonly rule: string;
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

export interface HardConstraint {
  readonly id: string;
  /** One sentence a planner reads. */
  readonly label: string;
  readonly kind: "hard";
  allowsSlot?(plan: Plan, province: Province, slot: Slot): boolean;
  allowsTrainer?(plan: Plan, trainer: Trainer, province: Province, slot: Slot): boolean;
  encode?(context: EncodeContext): void;
  check(context: CheckContext): Violation[];
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
