/**
 * "Which other days could we have?": every working half-day of a session's window, each marked
 * free (nothing else moves: the session alone moves, with its trainers or others who are free),
 * "N other sessions move" (which ones: a re-plan with the province fixed there, solved), or
 * impossible and why (the rules it would break: cannot host, the past, the notice, the window...).
 * All of it from the folder's current version under its standing changes, as a re-plan sees it.
 */
import type { Slot } from "../model/calendar.ts";
import { planWithLog } from "../model/change-log.ts";
import { applyChanges, emptyChanges, type Changes } from "../model/changes.ts";
import { error, InputError } from "../model/issues.ts";
import { validDate } from "../model/load.ts";
import { resolvePlan, type Plan, type Province, type Trainer } from "../model/plan.ts";
import { setOwn } from "../model/records.ts";
import { makeSession, type Schedule, type Session } from "../model/schedule.ts";
import type { HalfDayName } from "../model/schema.ts";
import { planOfSchedule } from "../model/variants.ts";
import type { SolverName } from "../solve/backends.ts";
import { independentParts } from "../solve/build.ts";
import { checkContext, checkSchedule, placedSession } from "../solve/check.ts";
import { HARD_CONSTRAINTS } from "../solve/constraints/index.ts";
import type { Violation } from "../solve/constraints/types.ts";
import { chooseTrainers } from "../solve/placement.ts";
import { restrictToClusters } from "../solve/relax.ts";
import { previousSchedule, replan, type SessionChange } from "../solve/replan.ts";
import { currentState } from "./replan.ts";

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
  /** Epoch ms by which the re-plans stop, in place of `budgetSeconds` (workers sharing one request share it). */
  readonly deadline?: number;
  /**
   * Workers sharing one request: each works out every mark the rules give, and takes the re-plans
   * one at a time by `claim` (the next index among the half-days needing one, a counter they
   * share). What another worker took is left out of this one's answer (`leftTo`); without `claim`,
   * every re-plan is made here.
   */
  readonly claim?: () => number;
}

export interface Alternatives {
  readonly province: string;
  readonly cluster: string;
  readonly version: number;
  readonly alternatives: readonly Alternative[];
  /** With `claim`: the half-days (their keys, date/halfDay) whose re-plan another worker took, marked not computed here. */
  readonly leftTo?: readonly string[];
}

export async function alternativesOf(input: AlternativesInput): Promise<Alternatives> {
  const today = validDate(input.today, "today");
  const state = currentState(input.dir);
  if (!state) throw new InputError(input.dir, [error("no-schedule", [], "holds no schedule", "solve the plan first")]);
  const previous = state.schedule;
  const { plan } = planWithLog(planOfSchedule(input.plan, previous, input.planPath), state.log, input.planPath);
  const province = plan.index.provinceNamed(input.province);
  const session = province && previous.sessions.find((s) => s.code === province.record.code);
  if (!province || !session) throw new InputError(input.planPath, [error("no-session", [], `has no session of ${input.province} in version ${state.version}`, "choose a province of the schedule")]);
  const cluster = plan.index.clusterOf(province);
  // An earlier today than the version's own holds what that version held, as a re-plan does.
  const asOf = previous.today !== undefined && previous.today > today ? previous.today : today;
  const past = previousSchedule(plan, previous.sessions, asOf);
  // The other sessions matched with the plan once; each half-day tried adds the session moved there
  // (the very check checkSchedule makes of the schedule with it moved, in the same order).
  const others = checkContext(plan, previous.sessions.filter((s) => s !== session), past).sessions;
  const violationsWith = (moved: Session) => {
    const context = { plan, previous: past, sessions: [...others, placedSession(plan, moved)] };
    return HARD_CONSTRAINTS.flatMap((rule) => rule.check(context));
  };
  // Violations the schedule already has (a plan edited since) are not the half-day's doing.
  const key = (v: Violation) => JSON.stringify([v.rule, v.province, v.date, v.halfDay, v.trainers]);
  const standing = new Set(checkSchedule(plan, previous.sessions, past).map(key));
  const brokenBy = (moved: Session) => violationsWith(moved).filter((v) => !standing.has(key(v)));

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

  const marks = cluster.slots.map(quick);
  const pending = cluster.slots.filter((_, i) => !marks[i]);
  const end = input.deadline ?? Date.now() + (input.budgetSeconds ?? 20) * 1000;
  const replanned = new Map<string, Alternative>();
  let own = 0;
  const claim = input.claim ?? (() => own++);
  const replanAt = pending.length ? partReplan(plan, previous, cluster.name, province, today, input.solver, input.planPath) : undefined;
  for (let index = claim(); index < pending.length; index = claim()) {
    const slot = pending[index]!;
    const at = { date: slot.date, halfDay: slot.halfDay };
    if (Date.now() >= end) {
      replanned.set(slot.key, { ...at, kind: "not-computed" });
      continue;
    }
    // Trainers or the caps are taken there: what a re-plan with the province fixed there would move.
    const outcome = await replanAt!(at, Math.max(1, (end - Date.now()) / 1000));
    if (outcome.schedule.status !== "complete") {
      replanned.set(slot.key, { ...at, kind: "impossible", because: [], unplaced: outcome.schedule.unplaced.map((u) => ({ province: u.province, reasons: u.reasons })) });
    } else {
      const moves = outcome.changes.filter((c) => c.kind !== "unchanged" && c.province !== province.name);
      // Only this session changed (other trainers than the quick look found): free after all.
      const itself = outcome.schedule.sessions.find((s) => s.code === province.record.code)!;
      replanned.set(slot.key, moves.length ? { ...at, kind: "moves", moves } : { ...at, kind: "free", trainers: itself.trainers });
    }
  }
  const leftTo = pending.filter((slot) => !replanned.has(slot.key)).map((slot) => slot.key);
  const alternatives = cluster.slots.map((slot, i): Alternative => marks[i] ?? replanned.get(slot.key) ?? { date: slot.date, halfDay: slot.halfDay, kind: "not-computed" });
  return { province: province.name, cluster: cluster.name, version: state.version, alternatives, ...(input.claim ? { leftTo } : {}) };
}

/**
 * The answers of workers that shared one request (`claim`), as one: each half-day's mark from the
 * worker that worked it out. Undefined when they read different versions (one was published meanwhile).
 */
export function mergeAlternatives(shares: readonly Alternatives[]): Alternatives | undefined {
  const [first] = shares;
  if (!first || shares.some((s) => s.version !== first.version || s.alternatives.length !== first.alternatives.length)) return undefined;
  const alternatives: Alternative[] = [];
  for (const [i, a] of first.alternatives.entries()) {
    const by = shares.find((s) => !s.leftTo?.includes(`${a.date}/${a.halfDay}`));
    if (!by) return undefined;
    alternatives.push(by.alternatives[i]!);
  }
  const { leftTo: _leftTo, ...merged } = first;
  return { ...merged, alternatives };
}

/**
 * The re-plan of a half-day: the province fixed there, under the version's standing changes, as a
 * change given now would be (src/app/replan.ts). Only the independent part of the plan its cluster
 * belongs to is solved (the clusters no trainer nor cap links to others: src/solve/build.ts), with
 * that part's sessions; the rest of the schedule stays exactly as it is. A re-plan of the whole plan
 * keeps it so too (src/solve/solve.ts keeps a part whose sessions keep every rule), unless the plan
 * was edited since and sessions there break a rule: what they would move is not this half-day's
 * doing, and is not counted, as the violations a schedule already has are not.
 */
function partReplan(plan: Plan, previous: Schedule, clusterName: string, province: Province, today: string, solver: SolverName | undefined, planPath: string) {
  const parts = independentParts(plan);
  const names = new Set(parts.find((part) => part.some((c) => c.name === clusterName))!.map((c) => c.name));
  const codes = new Set(plan.clusters.filter((c) => names.has(c.name)).flatMap((c) => c.provinces.map((p) => p.record.code)));
  const codeOf = (s: Session) => s.code ?? plan.index.provinceNamed(s.province)?.record.code;
  const partPrevious: Schedule = { ...previous, sessions: previous.sessions.filter((s) => codes.has(codeOf(s) ?? "")) };
  return async (at: { date: string; halfDay: HalfDayName }, seconds: number) => {
    const change: Changes = emptyChanges();
    setOwn(change.provinces, province.name, { unavailable: [], fixed: at });
    const data = applyChanges(plan.data, change);
    const options = { today, proveRelaxations: false, timeLimitSeconds: seconds, ...(solver ? { solver } : {}) };
    // One part only: the whole plan, as it is. A part that would not resolve alone: the whole plan too.
    const part = parts.length > 1 ? resolvePlan(restrictToClusters(data, names)) : undefined;
    if (part?.ok) return replan(part.value, partPrevious, options);
    const whole = resolvePlan(data);
    if (!whole.ok) throw new InputError(planPath, whole.issues);
    return replan(whole.value, previous, options);
  };
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
