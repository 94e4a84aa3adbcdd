/**
 * HiGHS (WebAssembly) as the default optimiser, driven through its persistent model so that the
 * relaxation is solved once and re-solved warm after each change of bounds.
 *
 * The plan's relaxations are tight (SOLVER-NOTES §4: the LP bound is the optimum or within a few
 * per cent of it), and HiGHS's own MIP spends nearly all its time looking for integral schedules.
 * So the search is ours, guided by the relaxation, and HiGHS's MIP is the last resort:
 * 1. the relaxation gives the bound L;
 * 2. a dive (fix the binary nearest to 1, sessions' half-days first, re-solve warm, repeat) gives
 *    a schedule U, improved by RINS (HiGHS's MIP on the few binaries where it and L disagree);
 * 3. U = L proves it optimal; otherwise a depth-first branch and bound on the warm relaxation,
 *    with reduced-cost fixing at every node, finishes small gaps within a node budget;
 * 4. beyond that budget, HiGHS's MIP gets the best schedule as its start and the variables that
 *    the root's reduced costs exclude already fixed at 0 (any schedule using one costs more than U).
 * "optimal" is only said when one of these proved it; every step is deterministic (no clock
 * decides anything but the time limit).
 */
import { createRequire } from "node:module";
import type { Highs, Model, ModelData } from "highs";
import type { Backend, BackendResult } from "./backends.ts";
import type { LinearModel } from "./linear-model.ts";

let highsInstance: Highs | undefined;

/** HiGHS loads its WebAssembly once, asynchronously; call before solving with it. */
export async function loadHighs(): Promise<void> {
  if (highsInstance) return;
  const factory = createRequire(import.meta.url)("highs") as (options?: object) => Promise<Highs>;
  highsInstance = await factory();
}

const INTEGRALITY_TOLERANCE = 1e-6;
/** Nodes of our own branch and bound before HiGHS's MIP takes over (a count, so results never depend on timing). */
const SEARCH_NODES = 40;
const OPTIMAL = 7;
const TIME_LIMIT = 13;

const OPTIONS = { mip_rel_gap: 0, mip_abs_gap: 1e-6, random_seed: 0, output_flag: false };

/** Two objective values this close are the same schedule cost. */
function tolerance(objective: number): number {
  return 1e-6 * Math.max(1, Math.abs(objective));
}

export const highsBackend: Backend = {
  name: "highs",
  async solve(model, { timeLimitMs, relax, searchNodes = SEARCH_NODES, start }) {
    if (!highsInstance) throw new Error("HiGHS is not loaded: await loadHighs() first");
    const deadline = timeLimitMs === undefined ? undefined : Date.now() + timeLimitMs;
    const search = new LpGuidedSearch(highsInstance, model, deadline, searchNodes);
    try {
      return relax ? search.relaxation() : search.run(start);
    } finally {
      search.dispose();
    }
  },
};

interface LpPoint {
  readonly objective: number;
  readonly values: Float64Array;
  readonly reducedCosts: Float64Array;
}

class LpGuidedSearch {
  private readonly names: string[];
  private readonly binaries: number[];
  /** The binaries to branch on first (`branchFirst`), then the rest. */
  private readonly branchOrder: readonly (readonly number[])[];
  private readonly integrality: Int32Array;
  private readonly data: ModelData;
  private readonly lp: Model;
  /** Current bounds of each column, as HiGHS has them. */
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  private best: { objective: number; values: Float64Array } | undefined;
  /** The given start's cost, when it was a schedule of the model. */
  startObjective: number | undefined;
  private nodes = 0;

  constructor(
    private readonly highs: Highs,
    private readonly model: LinearModel,
    private readonly deadline: number | undefined,
    private readonly searchNodes: number,
  ) {
    this.names = [...model.variables.keys()];
    const index = new Map(this.names.map((name, i) => [name, i]));
    const variables = [...model.variables.values()];
    this.binaries = variables.flatMap((v, i) => (v.binary ? [i] : []));
    this.branchOrder = [this.binaries.filter((j) => variables[j]!.branchFirst), this.binaries.filter((j) => !variables[j]!.branchFirst)];
    this.integrality = Int32Array.from(variables, (v) => (v.binary ? 1 : 0));
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowLower: number[] = [];
    const rowUpper: number[] = [];
    for (const row of model.rows.values()) {
      for (const [name, coefficient] of row.terms) {
        indices.push(index.get(name)!);
        values.push(coefficient);
      }
      starts.push(indices.length);
      rowLower.push(row.min ?? -highs.infinity);
      rowUpper.push(row.max ?? highs.infinity);
    }
    this.lower = new Float64Array(variables.length);
    this.upper = Float64Array.from(variables, (v) => (v.binary ? 1 : highs.infinity));
    this.data = {
      numCols: variables.length,
      numRows: rowLower.length,
      colCost: variables.map((v) => v.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower,
      rowUpper,
      matrix: { format: "csr", numRows: rowLower.length, numCols: variables.length, starts, indices, values },
    };
    this.lp = highs.createModel(this.data);
    this.lp.options.set(OPTIONS);
  }

  dispose(): void {
    this.lp.dispose();
  }

  relaxation(): BackendResult {
    const root = this.solveLp();
    if (root === "infeasible") return { status: "infeasible", values: new Map(), objective: Number.NaN };
    if (root === "timeout") return { status: "timeout", values: new Map(), objective: Number.NaN };
    return this.result("optimal", root.values, root.objective);
  }

  run(start?: () => ReadonlyMap<string, number>): BackendResult {
    const root = this.solveLp();
    if (root === "infeasible") return { status: "infeasible", values: new Map(), objective: Number.NaN };
    if (root === "timeout") return { status: "timeout", values: new Map(), objective: Number.NaN };
    if (this.integral(root.values)) return this.result("optimal", root.values, root.objective, root.objective);
    if (start) this.offerStart(start());
    this.dive(root);
    if (this.best) this.improveByRins(root);
    if (this.best && this.best.objective - root.objective <= tolerance(this.best.objective)) return this.result("optimal", this.best.values, this.best.objective, root.objective);
    const finished = this.branchAndBound();
    if (finished && this.best) return this.result("optimal", this.best.values, this.best.objective, this.best.objective);
    if (finished) return { status: "infeasible", values: new Map(), objective: Number.NaN };
    if (this.timeUp()) return this.best ? this.result("feasible", this.best.values, this.best.objective, root.objective) : { status: "timeout", values: new Map(), objective: Number.NaN };
    return this.highsMip(root);
  }

  /**
   * A given schedule as the first best one: its 0/1 values fixed, the continuous variables (excess
   * load, pacing) solved for, in a model of its own so that the search's warm relaxation is left
   * as it was. Nothing is offered when the values break a row (a start that is no schedule).
   */
  private offerStart(start: ReadonlyMap<string, number>): void {
    const lower = Float64Array.from(this.lower);
    const upper = Float64Array.from(this.upper);
    for (const j of this.binaries) lower[j] = upper[j] = start.get(this.names[j]!) ?? 0;
    const fixed = this.highs.createModel({ ...this.data, colLower: lower, colUpper: upper });
    try {
      fixed.options.set({ ...OPTIONS, ...this.timeLimitOption() });
      if (fixed.run().modelStatus !== OPTIMAL) return;
      this.startObjective = fixed.getObjectiveValue();
      this.offer({ objective: this.startObjective, values: Float64Array.from(fixed.getSolution().colValue), reducedCosts: new Float64Array(0) });
    } finally {
      fixed.dispose();
    }
  }

  /** Fix the binary nearest to 1 (every one at 1 stays there), re-solve, until the relaxation is integral. */
  private dive(root: LpPoint): void {
    let point = root;
    while (!this.timeUp()) {
      const settled = this.binaries.filter((j) => point.values[j]! > 1 - INTEGRALITY_TOLERANCE && this.lower[j] === 0);
      this.setBounds(settled, 1, 1);
      const pick = this.mostNearlyOne(point.values);
      if (pick === undefined) {
        this.offer(point);
        break;
      }
      this.setBounds([pick], 1, 1);
      let next = this.solveLp();
      if (next === "infeasible") {
        this.setBounds([pick], 0, 0);
        next = this.solveLp();
      }
      if (typeof next === "string") break;
      point = next;
    }
    this.resetBounds();
  }

  /**
   * Depth-first, the branch nearest to the relaxation first, pruning by the bound and fixing at 0 any
   * variable whose reduced cost alone would lift the node above the best schedule. True when the
   * whole tree was searched (the best schedule, if any, is then proven optimal).
   */
  private branchAndBound(): boolean {
    const search = (): boolean => {
      if (this.nodes >= this.searchNodes || this.timeUp()) return false;
      this.nodes++;
      const point = this.solveLp();
      if (point === "timeout") return false;
      if (point === "infeasible") return true;
      if (this.best && point.objective >= this.best.objective - tolerance(this.best.objective)) return true;
      const pick = this.mostNearlyOne(point.values);
      if (pick === undefined) {
        this.offer(point);
        return true;
      }
      const excluded = this.best ? this.excludedByReducedCost(point, this.best.objective) : [];
      this.setBounds(excluded, 0, 0);
      const [saveLower, saveUpper] = [this.lower[pick]!, this.upper[pick]!];
      let finished = true;
      for (const value of point.values[pick]! >= 0.5 ? [1, 0] : [0, 1]) {
        this.setBounds([pick], value, value);
        finished = search() && finished;
        if (!finished) break;
      }
      this.setBounds([pick], saveLower, saveUpper);
      this.setBounds(excluded, 0, 1);
      return finished;
    };
    return search();
  }

  /**
   * RINS: the binaries on which the relaxation and the best schedule agree stay as they are, and
   * HiGHS's MIP searches the rest (a tenth of the model or less) for a better schedule.
   */
  private improveByRins(root: LpPoint): void {
    const best = this.best!;
    const fixed = this.binaries.filter((j) => Math.abs(root.values[j]! - best.values[j]!) < INTEGRALITY_TOLERANCE);
    const run = this.mip(fixed, (j) => Math.round(best.values[j]!));
    if (run.status === OPTIMAL && run.values && run.objective < best.objective - tolerance(best.objective)) this.best = { objective: run.objective, values: run.values };
  }

  /** HiGHS's own MIP, from the best schedule found and with the root's reduced-cost fixings. */
  private highsMip(root: LpPoint): BackendResult {
    const run = this.mip(this.best ? this.excludedByReducedCost(root, this.best.objective) : [], () => 0);
    if (run.values && (!this.best || run.objective < this.best.objective)) this.best = { objective: run.objective, values: run.values };
    if (run.status === OPTIMAL && this.best) return this.result("optimal", this.best.values, this.best.objective, this.best.objective);
    if (run.status === OPTIMAL) return { status: "infeasible", values: new Map(), objective: Number.NaN };
    // HiGHS bounds the model with the reduced-cost fixings; no schedule outside it beats the best one.
    const bound = Number.isFinite(run.dualBound) && this.best ? Math.max(root.objective, Math.min(run.dualBound, this.best.objective)) : root.objective;
    return this.best ? this.result("feasible", this.best.values, this.best.objective, bound) : { status: "timeout", values: new Map(), objective: Number.NaN };
  }

  /** HiGHS's MIP on the whole model with `fixed` columns held at `valueOf`, started from the best schedule. */
  private mip(fixed: readonly number[], valueOf: (column: number) => number): { status: number; objective: number; values?: Float64Array; dualBound: number } {
    const mip = this.highs.createModel({ ...this.data, integrality: this.integrality });
    try {
      mip.options.set({ ...OPTIONS, ...this.timeLimitOption() });
      if (fixed.length) {
        const values = Float64Array.from(fixed, valueOf);
        mip.changeColsBounds({ kind: "set", indices: fixed }, values, values);
      }
      if (this.best) mip.setSolution({ colValue: this.best.values });
      const { modelStatus } = mip.run();
      const objective = mip.getObjectiveValue();
      const found = (modelStatus === OPTIMAL || modelStatus === TIME_LIMIT) && Number.isFinite(objective);
      return { status: modelStatus, objective, ...(found ? { values: Float64Array.from(mip.getSolution().colValue) } : {}), dualBound: Number(mip.info.get("mip_dual_bound")) };
    } finally {
      mip.dispose();
    }
  }

  /** Binaries at 0 whose reduced cost exceeds the gap to `incumbent`: no better schedule uses them. */
  private excludedByReducedCost(point: LpPoint, incumbent: number): number[] {
    const gap = incumbent - point.objective + tolerance(incumbent);
    return this.binaries.filter((j) => this.upper[j] === 1 && this.lower[j] === 0 && point.values[j]! < INTEGRALITY_TOLERANCE && point.reducedCosts[j]! > gap);
  }

  private offer(point: LpPoint): void {
    if (!this.best || point.objective < this.best.objective - tolerance(point.objective)) this.best = { objective: point.objective, values: Float64Array.from(point.values) };
  }

  /** The fractional binary nearest to 1, among those to branch on first if any of them is fractional. */
  private mostNearlyOne(values: Float64Array): number | undefined {
    for (const columns of this.branchOrder) {
      let pick: number | undefined;
      for (const j of columns) {
        const value = values[j]!;
        if (value > INTEGRALITY_TOLERANCE && value < 1 - INTEGRALITY_TOLERANCE && (pick === undefined || value > values[pick]!)) pick = j;
      }
      if (pick !== undefined) return pick;
    }
    return undefined;
  }

  private integral(values: Float64Array): boolean {
    return this.mostNearlyOne(values) === undefined;
  }

  private solveLp(): LpPoint | "infeasible" | "timeout" {
    if (this.timeUp()) return "timeout";
    this.lp.options.set(this.timeLimitOption());
    const { modelStatus } = this.lp.run();
    if (modelStatus === TIME_LIMIT) return "timeout";
    if (modelStatus !== OPTIMAL) return "infeasible";
    const solution = this.lp.getSolution();
    return { objective: this.lp.getObjectiveValue(), values: solution.colValue, reducedCosts: solution.colDual };
  }

  private setBounds(columns: readonly number[], lower: number, upper: number): void {
    if (columns.length === 0) return;
    const sorted = [...new Set(columns)].sort((a, b) => a - b);
    for (const j of sorted) {
      this.lower[j] = lower;
      this.upper[j] = upper;
    }
    this.lp.changeColsBounds({ kind: "set", indices: sorted }, new Float64Array(sorted.length).fill(lower), new Float64Array(sorted.length).fill(upper));
  }

  private resetBounds(): void {
    this.lower.set(this.data.colLower as Float64Array);
    this.upper.set(this.data.colUpper as Float64Array);
    this.lp.changeColsBounds({ kind: "range", from: 0, to: this.names.length - 1 }, this.lower, this.upper);
  }

  private timeUp(): boolean {
    return this.deadline !== undefined && Date.now() >= this.deadline;
  }

  private timeLimitOption(): { time_limit: number } | Record<string, never> {
    return this.deadline === undefined ? {} : { time_limit: Math.max(0.001, (this.deadline - Date.now()) / 1000) };
  }

  private result(status: "optimal" | "feasible", values: Float64Array, objective: number, bound?: number): BackendResult {
    const map = new Map<string, number>();
    values.forEach((value, j) => {
      if (Math.abs(value) > 1e-9) map.set(this.names[j]!, value);
    });
    return { status, values: map, objective: this.model.objective(map), ...(bound !== undefined ? { bound } : {}) };
  }
}
