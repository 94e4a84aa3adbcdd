/**
 * build → optimise → decode → re-check. Each independent part of the plan is solved alone; the
 * decoded schedule is checked by the same rules that built the model, and a violation there is a
 * bug, never a schedule.
 */
import type { Cluster, Plan } from "../model/plan.ts";
import { defaultGeneratedAt, makeSession, planHash, sortSessions, type Schedule, type Session, type SolveReport, type Unplaced } from "../model/schedule.ts";
import { backend, type Backend, type SolverName } from "./backends.ts";
import { buildModel, independentParts, type BuiltModel } from "./build.ts";
import type { PreviousSchedule } from "./constraints/types.ts";
import { checkSchedule, evaluateGoals } from "./check.ts";
import { JS_WHOLE_PART_VARIABLES, solveClusterByCluster } from "./cluster-by-cluster.ts";
import { greedySchedule } from "./greedy.ts";
import { ModelTooLargeError, SolverBugError, TimeLimitError } from "./errors.ts";
import { explainUnplaced } from "./explain.ts";
import { BuildOutOfTime, type LinearModel } from "./linear-model.ts";

export interface SolveOptions {
  /** "highs" (default) or "js" (javascript-lp-solver). */
  readonly solver?: SolverName;
  /** Wall-clock budget for the whole solve; without it each part is solved to proven optimality. */
  readonly timeLimitSeconds?: number;
  /** Where the plan came from, recorded in schedule.json. */
  readonly planPath?: string;
  readonly generatedAt?: string;
  readonly onProgress?: (event: { part: number; parts: number; clusters: readonly string[]; objective: number; bound: number | null; proven: boolean; seconds: number }) => void;
  /** Stop: parts not yet solved get the greedy placer's schedule; parts done keep their optimum. */
  readonly signal?: AbortSignal;
  /** Re-planning: the schedule to change as little as possible, and its sessions already held. */
  readonly previous?: PreviousSchedule;
  /** An optimiser of one's own in place of `solver`'s (tests give one that stops where they need it). */
  readonly backend?: Backend;
  /**
   * HiGHS starts from the greedy placer's schedule of each part (`BackendOptions.start`). Off by
   * default: on the 2022 plan and the 1,000-session cascade it changes nothing but the time it
   * costs; a solve given a time limit asks for it (src/app/solve.ts), since there it improves the
   * greedy schedule where the optimiser alone would not place everyone (README, "Optimiser").
   */
  readonly greedyStart?: boolean;
}

export interface SolveOutcome {
  readonly schedule: Schedule;
  readonly report: SolveReport;
}

/**
 * Variables one part may have. A part's model is measured at about 1 kB a variable in the optimiser
 * (HiGHS in WebAssembly, or javascript-lp-solver's tableau far more): past this, memory runs out
 * after minutes instead of a clear message now.
 */
export const MAX_MODEL_VARIABLES = 1_000_000;

/** An upper bound on a part's model size, by counting (half-days × trainers who may serve each role), before building it. */
function estimateVariables(plan: Plan, clusters: readonly Cluster[]): number {
  let estimate = 0;
  for (const cluster of clusters) {
    const staff = [...plan.needs.keys()].reduce((sum, role) => sum + plan.index.pool(role, cluster.name).length, 0);
    estimate += cluster.provinces.length * cluster.slots.length * (1 + staff);
  }
  return estimate;
}

function refuseOversizedModel(clusters: readonly Cluster[], estimate: number): void {
  if (estimate > MAX_MODEL_VARIABLES) throw new ModelTooLargeError(clusters.map((c) => c.name), estimate, MAX_MODEL_VARIABLES);
}

export async function solvePlan(plan: Plan, options: SolveOptions = {}): Promise<SolveOutcome> {
  const solverName = options.solver ?? "highs";
  const solver = options.backend ?? (await backend(solverName));
  const deadline = options.timeLimitSeconds !== undefined ? Date.now() + options.timeLimitSeconds * 1000 : undefined;
  // The smallest first, so that what they leave of their share of a time limit goes to the larger ones after them.
  const parts = independentParts(plan)
    .map((clusters, index) => ({ clusters, index, size: estimateVariables(plan, clusters) }))
    .sort((a, b) => a.size - b.size || a.index - b.index);
  const solved: Awaited<ReturnType<typeof solvePart>>[] = [];
  const untouched = options.previous ? untouchedSessions(plan, options.previous) : new Map<string, Session[]>();
  const began = Date.now();
  for (const [done, { clusters, index, size }] of parts.entries()) {
    const started = Date.now();
    // An equal share of what is left, so one hard part cannot starve the ones after it.
    const partDeadline = options.signal?.aborted ? started : deadline === undefined ? undefined : started + (deadline - started) / (parts.length - done);
    const kept = clusters.every((c) => untouched.has(c.name));
    if (!kept) refuseOversizedModel(clusters, size);
    const part = kept ? keptPart(plan, clusters, untouched, options.previous!) : await solvePart(plan, clusters, solver, partDeadline, options.previous, options.greedyStart === true);
    solved[index] = part;
    options.onProgress?.({ part: done + 1, parts: parts.length, clusters: clusters.map((c) => c.name), objective: part.report.objective, bound: part.report.bound, proven: part.report.proven, seconds: (Date.now() - began) / 1000 });
  }
  // In the plan's order of parts, whatever order they were solved in: the same input gives the same bytes.
  const sessions = solved.flatMap((part) => part.sessions);
  const unplacedCodes = solved.flatMap((part) => part.unplaced);
  const partReports = solved.map((part) => part.report);

  const ordered = sortSessions(plan, sessions);
  // A province the optimiser left unplaced is reported as such, not as a broken rule.
  const unplacedNames = new Set(plan.provinces.filter((p) => unplacedCodes.includes(p.record.code)).map((p) => p.name));
  const violations = checkSchedule(plan, ordered, options.previous).filter((v) => !(v.rule === "one-session-per-province" && v.date === undefined && unplacedNames.has(v.province!)));
  if (violations.length) throw new SolverBugError(violations);

  const unplaced: Unplaced[] = explainUnplaced(plan, ordered, unplacedCodes);
  const objective = partReports.reduce((sum, p) => sum + p.objective, 0);
  const report: SolveReport = { solver: solverName, parts: partReports, objective: round(objective), proven: partReports.every((p) => p.proven) };
  const schedule: Schedule = {
    plan: options.planPath ?? `${plan.id}.yaml`,
    planId: plan.id,
    planHash: planHash(plan),
    version: 1,
    generatedAt: options.generatedAt ?? defaultGeneratedAt(plan),
    status: unplaced.length ? "partial" : "complete",
    sessions: ordered,
    unplaced,
    report,
  };
  return { schedule, report };
}

/**
 * Re-planning: the previous sessions of the clusters whose previous sessions all still keep every
 * rule of the changed plan. Any other schedule of such a part moves a session or changes a trainer,
 * and each of those costs more than every other goal together (the re-planning tiers), so its
 * previous sessions are its proven optimum: nothing to solve. Every cluster with a broken rule, or
 * with a province that had no session, is touched; a violation naming no province touches them all.
 */
function untouchedSessions(plan: Plan, previous: PreviousSchedule): Map<string, Session[]> {
  const touched = new Set<string>();
  const sessions = plan.provinces.flatMap((province) => {
    const before = previous.sessions.get(province.record.code);
    const slot = before && plan.calendar.slotOfKey(before.slotKey);
    if (!before || !slot) touched.add(province.cluster);
    return before && slot ? [makeSession(plan, province, slot, [...before.trainers])] : [];
  });
  for (const violation of checkSchedule(plan, sessions, previous)) {
    const province = violation.province === undefined ? undefined : plan.index.provinceNamed(violation.province);
    if (!province) return new Map();
    touched.add(province.cluster);
  }
  const untouched = new Map<string, Session[]>();
  for (const session of sessions) if (!touched.has(session.cluster)) untouched.set(session.cluster, [...(untouched.get(session.cluster) ?? []), session]);
  return untouched;
}

function keptPart(plan: Plan, clusters: readonly Cluster[], untouched: ReadonlyMap<string, readonly Session[]>, previous: PreviousSchedule) {
  const sessions = clusters.flatMap((cluster) => untouched.get(cluster.name)!);
  const objective = evaluateGoals(plan, sessions, previous).reduce((sum, goal) => sum + goal.cost, 0);
  const report = partReport(clusters, { variables: 0, rows: 0 }, objective, objective, true, "kept: the previous sessions keep every rule, and any change would cost a move or a trainer");
  return { sessions, unplaced: [] as string[], report };
}

/**
 * One part, one model: provinces a trainer cannot tell apart share trainer variables (exact, see
 * `staffGroups`), except when re-planning, where whether a trainer is a change depends on the
 * province. Proven optimal when the backend finishes; otherwise the LP bound gives the gap.
 */
async function solvePart(plan: Plan, clusters: readonly Cluster[], solver: Backend, deadline: number | undefined, previous: PreviousSchedule | undefined, greedyStart = false) {
  let built: BuiltModel;
  try {
    built = buildModel(plan, clusters, { ...(previous ? { granularity: "province", previous } : { granularity: "grouped" }), ...(deadline !== undefined ? { deadline } : {}) });
  } catch (e) {
    if (!(e instanceof BuildOutOfTime)) throw e;
    if (previous) throw new TimeLimitError(clusters.map((c) => c.name));
    return unbuiltFallback(plan, clusters);
  }
  const byCluster = solver.name === "js" && clusters.length > 1 && built.model.size.variables > JS_WHOLE_PART_VARIABLES;
  // On request, HiGHS starts from the greedy placer's schedule of the part (never a re-plan's: held sessions are not the greedy placer's business).
  const start = greedyStart && !previous ? () => startValues(plan, built, greedySchedule(plan, built.provinces)) : undefined;
  const result = byCluster ? await solveClusterByCluster(built, clusters, greedyOnce(plan), solver, deadline) : await solver.solve(built.model, { ...(deadline !== undefined ? { timeLimitMs: Math.max(1, deadline - Date.now()) } : {}), ...(start ? { start } : {}) });
  if (result.status === "timeout") {
    // A re-plan must keep held sessions, which the greedy placer knows nothing of: no fallback there.
    if (previous) throw new TimeLimitError(clusters.map((c) => c.name));
    return greedyFallback(plan, clusters, built, solver, deadline);
  }
  if (result.status === "infeasible") throw new SolverBugError([{ rule: "model", code: "model", message: `part ${clusters.map((c) => c.name).join(", ")} has no solution although every province may stay unplaced` }]);
  const proven = result.status === "optimal";
  const decoded = decode(plan, built, result.values);
  // Stopped by the time limit with provinces left out: the greedy placer may have placed more (it
  // keeps every rule by construction; the re-check confirms it). Then its schedule is the answer,
  // said as such: a plan with a full schedule is never reported as having none. A re-plan is not
  // offered it, since the greedy placer knows nothing of held sessions.
  if (!proven && !previous && decoded.unplaced.length > 0) {
    const greedy = greedyPart(plan, clusters, built);
    if (greedy.unplaced.length < decoded.unplaced.length) {
      const bound = Math.min(result.bound ?? (await boundOf(solver, built.model, deadline)), greedy.objective);
      return { sessions: greedy.sessions, unplaced: greedy.unplaced, report: partReport(clusters, built.model.size, greedy.objective, bound, false, `greedy placement: it placed ${built.provinces.length - greedy.unplaced.length} of ${built.provinces.length} provinces, the optimiser ${built.provinces.length - decoded.unplaced.length} by the time limit`) };
    }
  }
  const bound = proven ? result.objective : (result.bound ?? (await boundOf(solver, built.model, deadline)));
  const grouped = built.provinces.filter((p) => built.groupOf(p) !== p.record.code).length;
  const oneModel = grouped ? `one model, ${grouped} of ${built.provinces.length} provinces in shared trainer groups` : "one model";
  const method = "rounds" in result ? `cluster by cluster, ${result.rounds} round(s): each cluster, or slice of one, solved with the rest held (javascript-lp-solver cannot take the whole part); a local optimum, no bound` : oneModel;
  return { ...decoded, report: partReport(clusters, built.model.size, result.objective, bound, proven, method) };
}

/**
 * A schedule as the model's 0/1 values: each session's half-day, its trainers' variables (a
 * group's, in the grouped model) and each province left out. The inverse of `decode`.
 */
export function startValues(plan: Plan, built: BuiltModel, sessions: readonly Session[]): Map<string, number> {
  const values = new Map<string, number>();
  const roles = [...plan.needs].flatMap(([role, count]) => Array.from({ length: count }, () => role));
  const staff = new Map(built.staffVariables.map((v) => [`${v.trainer.id}|${v.role}|${v.group}|${v.slot.key}`, v.name]));
  const placed = new Set<string>();
  for (const session of sessions) {
    const province = plan.index.province(session.code);
    const slotKey = plan.calendar.slot(session.date, session.halfDay)?.key;
    const variable = province && slotKey && built.sessionVariables.get(province.record.code)?.get(slotKey);
    if (!province || !slotKey || !variable) continue;
    values.set(variable, 1);
    placed.add(province.record.code);
    session.trainers.forEach((id, i) => {
      const name = staff.get(`${id}|${roles[i]}|${built.groupOf(province)}|${slotKey}`);
      if (name) values.set(name, 1);
    });
  }
  for (const [code, variable] of built.unplacedVariables) if (!placed.has(code)) values.set(variable, 1);
  return values;
}

/**
 * Reads the schedule off the model's values. A group's trainers at a half-day are handed to the
 * group's provinces there in the plan's order: any hand-out keeps every rule and costs the same.
 */
function decode(plan: Plan, built: BuiltModel, values: ReadonlyMap<string, number>): { sessions: Session[]; unplaced: string[] } {
  const chosen = (name: string) => (values.get(name) ?? 0) > 0.5;
  const roleOrder = [...plan.needs.keys()];
  const pool = new Map<string, Map<string, string[]>>(); // group|slot → role → trainer ids still to hand out
  for (const v of built.staffVariables) {
    if (!chosen(v.name)) continue;
    const byRole = pool.get(`${v.group}|${v.slot.key}`) ?? new Map<string, string[]>();
    byRole.set(v.role, [...(byRole.get(v.role) ?? []), v.trainer.id].sort());
    pool.set(`${v.group}|${v.slot.key}`, byRole);
  }
  const sessions: Session[] = [];
  const unplaced: string[] = [];
  for (const province of built.provinces) {
    const slotKey = [...built.sessionVariables.get(province.record.code)!].find(([, name]) => chosen(name))?.[0];
    if (!slotKey) {
      unplaced.push(province.record.code);
      continue;
    }
    const byRole = pool.get(`${built.groupOf(province)}|${slotKey}`);
    const trainers = roleOrder.flatMap((role) => byRole?.get(role)?.splice(0, plan.needs.get(role)!) ?? []);
    const slot = plan.calendar.slotOfKey(slotKey)!;
    sessions.push(makeSession(plan, province, slot, trainers));
  }
  return { sessions, unplaced };
}

/**
 * When the optimiser found no schedule in time, the greedy placer's schedule of the part (every
 * rule holds by construction, and the re-check confirms it) is better than none: unproven, with
 * the LP bound and its gap when the bound can be had in what is left of the time.
 */
async function greedyFallback(plan: Plan, clusters: readonly Cluster[], built: BuiltModel, solver: Backend, deadline: number | undefined) {
  const { sessions, unplaced, objective } = greedyPart(plan, clusters, built);
  const bound = await boundOf(solver, built.model, deadline);
  return { sessions, unplaced, report: partReport(clusters, built.model.size, objective, Math.min(bound, objective), false, "greedy placement (the optimiser found no schedule in the time limit)") };
}

/** The model could not even be built in the time limit: the greedy placer's schedule, with no model to bound it. */
function unbuiltFallback(plan: Plan, clusters: readonly Cluster[]) {
  const { sessions, unplaced, objective } = greedyPart(plan, clusters);
  return { sessions, unplaced, report: partReport(clusters, { variables: 0, rows: 0 }, objective, Number.NEGATIVE_INFINITY, false, "greedy placement (the optimiser's model could not be built within the time limit)") };
}

/** The greedy placer's schedule of one part, with its objective as the model counts it (a province left out costs its slack, where there is a model). */
function greedyPart(plan: Plan, clusters: readonly Cluster[], built?: BuiltModel): { sessions: Session[]; unplaced: string[]; objective: number } {
  const names = new Set(clusters.map((c) => c.name));
  const sessions = greedyOnce(plan).filter((s) => names.has(s.cluster));
  const placed = new Set(sessions.map((s) => s.code));
  const unplaced = clusters.flatMap((c) => c.provinces).filter((p) => !placed.has(p.record.code)).map((p) => p.record.code);
  const unplacedCost = built ? unplaced.reduce((sum, code) => sum + built.model.variables.get(built.unplacedVariables.get(code)!)!.cost, 0) : 0;
  return { sessions, unplaced, objective: evaluateGoals(plan, sessions).reduce((sum, g) => sum + g.cost, 0) + unplacedCost };
}

/** Parts are independent, so one greedy schedule of the whole plan serves every part that needs it. */
const greedyByPlan = new WeakMap<Plan, Session[]>();
function greedyOnce(plan: Plan): Session[] {
  if (!greedyByPlan.has(plan)) greedyByPlan.set(plan, greedySchedule(plan));
  return greedyByPlan.get(plan)!;
}

/** The LP relaxation's optimum: a lower bound for a schedule not proven optimal, within what is left of the time limit. */
async function boundOf(solver: Backend, model: LinearModel, deadline?: number): Promise<number> {
  if (deadline !== undefined && deadline - Date.now() < 200) return Number.NEGATIVE_INFINITY;
  const relaxed = await solver.solve(model, { relax: true, timeLimitMs: deadline === undefined ? 30_000 : deadline - Date.now() });
  return relaxed.status === "optimal" || relaxed.status === "feasible" ? relaxed.objective : Number.NEGATIVE_INFINITY;
}

/** A part's line of the report; `model` is the size of the model solved (none for a kept part). */
function partReport(clusters: readonly Cluster[], model: { variables: number; rows: number }, objective: number, bound: number, proven: boolean, method: string): SolveReport["parts"][number] {
  const { variables, rows } = model;
  const known = Number.isFinite(bound);
  const gap = proven ? 0 : known ? Math.max(0, (objective - bound) / Math.max(1, Math.abs(objective))) : null;
  return {
    clusters: clusters.map((c) => c.name),
    method,
    sessions: clusters.reduce((n, c) => n + c.provinces.length, 0),
    variables,
    rows,
    objective: round(objective),
    bound: known ? round(bound) : null,
    proven,
    gap: gap === null ? null : round(gap),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
