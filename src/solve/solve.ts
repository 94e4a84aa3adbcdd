/**
 * build → optimise → decode → re-check. Each independent part of the plan is solved alone; the
 * decoded schedule is checked by the same rules that built the model, and a violation there is a
 * bug, never a schedule.
 */
import type { Cluster, Plan } from "../model/plan.ts";
import { defaultGeneratedAt, makeSession, planHash, sortSessions, type Schedule, type Session, type SolveReport, type Unplaced } from "../model/schedule.ts";
import { backend, loadHighs, type Backend, type SolverName } from "./backends.ts";
import { buildModel, independentParts, type BuiltModel, type PreviousSchedule } from "./build.ts";
import { checkSchedule } from "./check.ts";
import type { Violation } from "./constraints/types.ts";
import { explainUnplaced } from "./explain.ts";
import type { LinearModel } from "./linear-model.ts";

export interface SolveOptions {
  readonly solver?: SolverName;
  /** Wall-clock budget for the whole solve; without it each part is solved to proven optimality. */
  readonly timeLimitSeconds?: number;
  /** Where the plan came from, recorded in schedule.json. */
  readonly planPath?: string;
  readonly generatedAt?: string;
  readonly onProgress?: (event: { part: number; parts: number; clusters: readonly string[]; objective: number; proven: boolean; seconds: number }) => void;
  /** Re-planning: the schedule to change as little as possible, and its sessions already held. */
  readonly previous?: PreviousSchedule;
}

export interface SolveOutcome {
  readonly schedule: Schedule;
  readonly report: SolveReport;
}

/** A violation in the solver's own output: the model and the rules disagree. */
export class SolverBugError extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super(`the optimiser's schedule breaks its own rules (this is a bug):\n${violations.map((v) => `  [${v.rule}] ${v.message}`).join("\n")}`);
    this.name = "SolverBugError";
  }
}

/** The time limit ran out before the optimiser found any schedule for a part. */
export class TimeLimitError extends Error {
  constructor(readonly clusters: readonly string[]) {
    super(`no schedule found for ${clusters.join(", ")} within the time limit: give more time (--time-limit) or use --solver highs`);
    this.name = "TimeLimitError";
  }
}

export async function solvePlan(plan: Plan, options: SolveOptions = {}): Promise<SolveOutcome> {
  const solverName = options.solver ?? "js";
  if (solverName === "highs") await loadHighs();
  const solver = backend(solverName);
  const deadline = options.timeLimitSeconds !== undefined ? Date.now() + options.timeLimitSeconds * 1000 : undefined;
  const parts = independentParts(plan);
  const sessions: Session[] = [];
  const unplacedCodes: string[] = [];
  const partReports: SolveReport["parts"] = [];

  for (const [index, clusters] of parts.entries()) {
    const started = Date.now();
    const part = await solvePart(plan, clusters, solver, deadline, options.previous);
    sessions.push(...part.sessions);
    unplacedCodes.push(...part.unplaced);
    partReports.push(part.report);
    options.onProgress?.({ part: index + 1, parts: parts.length, clusters: clusters.map((c) => c.name), objective: part.report.objective, proven: part.report.proven, seconds: (Date.now() - started) / 1000 });
  }

  const ordered = sortSessions(plan, sessions);
  // A province the optimiser left unplaced is reported as such, not as a broken rule.
  const unplacedNames = new Set(plan.provinces.filter((p) => unplacedCodes.includes(p.record.code)).map((p) => p.name));
  const violations = checkSchedule(plan, ordered).filter((v) => !(v.rule === "one-session-per-province" && v.date === undefined && unplacedNames.has(v.province!)));
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

/** After this many date choices whose staffing fails, the part is solved as one detailed model. */
const MAX_DATE_CUTS = 20;

/**
 * Dates first, then trainers — exactly. The aggregate model (trainer capacity per cluster and
 * half-day) is a relaxation of the detailed one with the same costs, so its optimum L is a lower
 * bound. The detailed model restricted to the cluster half-days the aggregate used (any province of
 * the cluster in any of them) gives a schedule of cost U ≥ L; U = L proves it optimal. When those
 * half-days cannot be staffed (travel between particular provinces), they are cut off (a no-good
 * cut) and the dates re-solved; after MAX_DATE_CUTS the part falls back to one detailed model.
 */
async function solvePart(plan: Plan, clusters: readonly Cluster[], solver: Backend, deadline: number | undefined, previous: PreviousSchedule | undefined) {
  const remaining = () => (deadline !== undefined ? { timeLimitMs: Math.max(1, deadline - Date.now()) } : {});
  const withPrevious = previous ? { previous } : {};
  const aggregate = buildModel(plan, clusters, { granularity: "cluster", ...withPrevious });
  const outOfTime = () => deadline !== undefined && Date.now() >= deadline;
  for (let cuts = 0; cuts <= MAX_DATE_CUTS; cuts++) {
    const dates = await solver.solve(aggregate.model, remaining());
    if (dates.status === "timeout") throw new TimeLimitError(clusters.map((c) => c.name));
    if (dates.status === "infeasible") break;
    const usedByCluster = new Map<string, Set<string>>();
    let placed = 0;
    for (const province of aggregate.provinces) {
      for (const [slotKey, name] of aggregate.sessionVariables.get(province.record.code)!) {
        if ((dates.values.get(name) ?? 0) <= 0.5) continue;
        placed++;
        usedByCluster.set(province.cluster, (usedByCluster.get(province.cluster) ?? new Set()).add(slotKey));
      }
    }
    const allowed = new Map(aggregate.provinces.map((p) => [p.record.code, usedByCluster.get(p.cluster) ?? new Set<string>()]));
    const detailed = buildModel(plan, clusters, { granularity: "province", onlySlots: allowed, ...withPrevious });
    const staffing = await solver.solve(detailed.model, remaining());
    if (staffing.status === "timeout") throw new TimeLimitError(clusters.map((c) => c.name));
    const decoded = staffing.status === "infeasible" ? undefined : decode(plan, detailed, staffing.values);
    if (decoded && decoded.sessions.length === placed) {
      const datesProven = dates.status === "optimal";
      const lower = datesProven ? dates.objective : await boundOf(solver, aggregate.model);
      const proven = datesProven && staffing.status === "optimal" && staffing.objective - lower < 1e-6;
      return { ...decoded, report: partReport(clusters, [aggregate, detailed], staffing.objective, lower, proven, `dates then trainers${cuts ? ` (${cuts} date choice${cuts > 1 ? "s" : ""} cut off)` : ""}`) };
    }
    // No staffing places as many provinces within these cluster half-days: never use only them again.
    const within = aggregate.provinces.flatMap((p) => [...allowed.get(p.record.code)!].flatMap((slotKey) => {
      const name = aggregate.sessionVariables.get(p.record.code)!.get(slotKey);
      return name ? [[name, 1] as const] : [];
    }));
    aggregate.model.addRow(`nogood:${cuts}`, within, { max: placed - 1 });
    if (outOfTime()) throw new TimeLimitError(clusters.map((c) => c.name));
  }
  const joint = buildModel(plan, clusters, { granularity: "province", ...withPrevious });
  const result = await solver.solve(joint.model, remaining());
  if (result.status === "timeout") throw new TimeLimitError(clusters.map((c) => c.name));
  if (result.status === "infeasible") throw new SolverBugError([{ rule: "model", message: `part ${clusters.map((c) => c.name).join(", ")} has no solution although every province may stay unplaced` }]);
  const proven = result.status === "optimal";
  return { ...decode(plan, joint, result.values), report: partReport(clusters, [joint], result.objective, proven ? result.objective : await boundOf(solver, joint.model), proven, "one detailed model") };
}

function decode(plan: Plan, built: BuiltModel, values: ReadonlyMap<string, number>): { sessions: Session[]; unplaced: string[] } {
  const sessions: Session[] = [];
  const unplaced: string[] = [];
  const roleOrder = [...plan.needs.keys()];
  for (const province of built.provinces) {
    const code = province.record.code;
    const slotKey = [...(built.sessionVariables.get(code) ?? [])].find(([, name]) => (values.get(name) ?? 0) > 0.5)?.[0];
    if (!slotKey) {
      unplaced.push(code);
      continue;
    }
    const staff = built.staffVariables
      .filter((v) => v.group === code && v.slot.key === slotKey && (values.get(v.name) ?? 0) > 0.5)
      .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.trainer.id.localeCompare(b.trainer.id));
    const slot = plan.calendar.slot(...(slotKey.split("/") as [string, "morning" | "afternoon"]))!;
    sessions.push(makeSession(plan, province, slot, staff.map((v) => v.trainer.id)));
  }
  return { sessions, unplaced };
}

/** The LP relaxation's optimum: a lower bound for a schedule not proven optimal. Bounded in time too. */
async function boundOf(solver: Backend, model: LinearModel): Promise<number> {
  const relaxed = await solver.solve(model, { relax: true, timeLimitMs: 30_000 });
  return relaxed.status === "optimal" || relaxed.status === "feasible" ? relaxed.objective : Number.NEGATIVE_INFINITY;
}

function partReport(clusters: readonly Cluster[], models: readonly BuiltModel[], objective: number, bound: number, proven: boolean, method: string): SolveReport["parts"][number] {
  const variables = models.reduce((n, m) => n + m.model.size.variables, 0);
  const rows = models.reduce((n, m) => n + m.model.size.rows, 0);
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
