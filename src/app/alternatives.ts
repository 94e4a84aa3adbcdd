/**
 * "Which other days could we have?": every working half-day of a session's window, each marked
 * free (nothing else moves: the session alone moves, with its trainers or others who are free),
 * "N other sessions move" (which ones: a re-plan with the province fixed there, solved), or
 * impossible and why (the rules it would break: cannot host, the past, the notice, the window...).
 * All of it from the folder's current version under its standing changes, as a re-plan sees it.
 */
import type { Slot } from "../model/calendar.ts";
import { planWithLog } from "../model/change-log.ts";
import { emptyChanges, type Changes } from "../model/changes.ts";
import { error, InputError } from "../model/issues.ts";
import { validDate } from "../model/load.ts";
import type { Plan, Province, Trainer } from "../model/plan.ts";
import { setOwn } from "../model/records.ts";
import { makeSession, type Session } from "../model/schedule.ts";
import type { HalfDayName } from "../model/schema.ts";
import { planOfSchedule } from "../model/variants.ts";
import type { SolverName } from "../solve/backends.ts";
import { checkSchedule } from "../solve/check.ts";
import { HARD_CONSTRAINTS } from "../solve/constraints/index.ts";
import type { Violation } from "../solve/constraints/types.ts";
import { chooseTrainers } from "../solve/placement.ts";
import { previousSchedule, type SessionChange } from "../solve/replan.ts";
import { currentState, proposeReplan } from "./replan.ts";

/**
 * Rules broken by the session's own half-day, which moving other sessions cannot mend (each rule
 * says so itself, `brokenBySlot`): a half-day breaking one of these is impossible whatever else moves.
 */
const SLOT_RULES = new Set(HARD_CONSTRAINTS.filter((rule) => rule.brokenBySlot).map((rule) => rule.id));

export type Alternative =
  | { readonly date: string; readonly halfDay: HalfDayName; readonly kind: "current"; readonly trainers: readonly string[] }
  /** The session alone moves there, with these trainers (its own, or others free then). */
  | { readonly date: string; readonly halfDay: HalfDayName; readonly kind: "free"; readonly trainers: readonly string[] }
  /** A re-plan with the province fixed there places everyone, moving or re-staffing these other sessions. */
  | { readonly date: string; readonly halfDay: HalfDayName; readonly kind: "moves"; readonly moves: readonly SessionChange[] }
  /** No schedule has it there: the rules it breaks, or who a re-plan would leave out. */
  | { readonly date: string; readonly halfDay: HalfDayName; readonly kind: "impossible"; readonly because: readonly Violation[]; readonly unplaced?: readonly { readonly province: string; readonly reasons: readonly string[] }[] }
  /** Neither free nor forbidden by a rule; the re-plan that would tell was not solved in the time given. */
  | { readonly date: string; readonly halfDay: HalfDayName; readonly kind: "not-computed" };

export interface AlternativesInput {
  readonly dir: string;
  /** The plan file as it is now. */
  readonly plan: Plan;
  readonly planPath: string;
  readonly province: string;
  readonly today: string;
  readonly solver?: SolverName;
  /** Seconds for the re-plans of the half-days that are neither free nor forbidden (default 20). */
  readonly budgetSeconds?: number;
}

export interface Alternatives {
  readonly province: string;
  readonly cluster: string;
  readonly version: number;
  readonly alternatives: readonly Alternative[];
}

export async function alternativesOf(input: AlternativesInput): Promise<Alternatives> {
  const today = validDate(input.today, "today");
  const state = currentState(input.dir);
  if (!state) throw new InputError(input.dir, [error("no-schedule", [], "holds no schedule", "solve the plan first")]);
  const previous = state.schedule;
  const { plan } = planWithLog(planOfSchedule(input.plan, previous, input.planPath), state.log, input.planPath);
  const province = plan.provinces.find((p) => p.name === input.province || p.record.name === input.province);
  const session = province && previous.sessions.find((s) => s.code === province.record.code);
  if (!province || !session) throw new InputError(input.planPath, [error("no-session", [], `has no session of ${input.province} in version ${state.version}`, "choose a province of the schedule")]);
  const cluster = plan.clusters.find((c) => c.name === province.cluster)!;
  // An earlier today than the version's own holds what that version held, as a re-plan does.
  const asOf = previous.today !== undefined && previous.today > today ? previous.today : today;
  const past = previousSchedule(plan, previous.sessions, asOf);
  const others = previous.sessions.filter((s) => s !== session);
  // Violations the schedule already has (a plan edited since) are not the half-day's doing.
  const key = (v: Violation) => JSON.stringify([v.rule, v.province, v.date, v.halfDay, v.trainers]);
  const standing = new Set(checkSchedule(plan, previous.sessions, past).map(key));
  const brokenBy = (moved: Session) => checkSchedule(plan, [...others, moved], past).filter((v) => !standing.has(key(v)));

  const quick = (slot: Slot): Alternative | undefined => {
    const at = { date: slot.date, halfDay: slot.halfDay };
    if (slot.key === `${session.date}/${session.halfDay}`) return { ...at, kind: "current", trainers: session.trainers };
    const broken = brokenBy(makeSession(plan, province, slot, session.trainers));
    if (broken.length === 0) return { ...at, kind: "free", trainers: session.trainers };
    const forbidding = broken.filter((v) => SLOT_RULES.has(v.rule));
    if (forbidding.length) return { ...at, kind: "impossible", because: forbidding };
    const trainers = freeTrainers(plan, province, slot, (trainersThere) => brokenBy(makeSession(plan, province, slot, trainersThere)));
    return trainers ? { ...at, kind: "free", trainers } : undefined;
  };

  const end = Date.now() + (input.budgetSeconds ?? 20) * 1000;
  const alternatives: Alternative[] = [];
  for (const slot of cluster.slots) {
    const known = quick(slot);
    if (known) {
      alternatives.push(known);
      continue;
    }
    const at = { date: slot.date, halfDay: slot.halfDay };
    if (Date.now() >= end) {
      alternatives.push({ ...at, kind: "not-computed" });
      continue;
    }
    // Trainers or the caps are taken there: what a re-plan with the province fixed there would move.
    const change: Changes = emptyChanges();
    setOwn(change.provinces, province.name, { unavailable: [], fixed: at });
    const proposal = await proposeReplan({ dir: input.dir, plan: input.plan, planPath: input.planPath, request: { kind: "change", change }, today, source: input.planPath, proveRelaxations: false, ...(input.solver ? { solver: input.solver } : {}), timeLimitSeconds: Math.max(1, (end - Date.now()) / 1000) });
    const { outcome } = proposal;
    if (outcome.schedule.status !== "complete") {
      alternatives.push({ ...at, kind: "impossible", because: [], unplaced: outcome.schedule.unplaced.map((u) => ({ province: u.province, reasons: u.reasons })) });
    } else {
      const moves = outcome.changes.filter((c) => c.kind !== "unchanged" && c.province !== province.name);
      // Only this session changed (other trainers than the quick look found): free after all.
      const itself = outcome.schedule.sessions.find((s) => s.code === province.record.code)!;
      alternatives.push(moves.length ? { ...at, kind: "moves", moves } : { ...at, kind: "free", trainers: itself.trainers });
    }
  }
  return { province: province.name, cluster: cluster.name, version: state.version, alternatives };
}

/**
 * Trainers free to give the session at `slot` without any other session changing: role by role, the
 * first eligible trainers whose addition breaks no rule (as the greedy placer chooses).
 */
function freeTrainers(plan: Plan, province: Province, slot: Slot, brokenWith: (trainers: readonly string[]) => readonly Violation[]): string[] | undefined {
  // Only what a trainer's addition breaks counts while choosing: the roles still unfilled are filled next.
  const fits = (trainer: Trainer, chosen: readonly Trainer[]) => !brokenWith([...chosen, trainer].map((t) => t.id)).some((v) => v.rule !== "roles-filled");
  const chosen = chooseTrainers(plan, province, slot, fits)?.map((t) => t.id);
  return chosen && brokenWith(chosen).length === 0 ? chosen : undefined;
}
