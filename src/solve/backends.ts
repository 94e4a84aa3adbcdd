/**
 * Two optimisers behind one interface: HiGHS compiled to WebAssembly (the default, see highs.ts)
 * and javascript-lp-solver (pure JavaScript). Both receive the same `LinearModel`.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import lpModule, { type SolverAPI } from "javascript-lp-solver";
import type { LinearModel } from "./linear-model.ts";

// The package's types describe CommonJS (default = the namespace); at run time ESM gives the solver itself.
const lpSolver = ("Solve" in lpModule ? lpModule : (lpModule as unknown as { default: SolverAPI }).default) as SolverAPI;

export type SolverName = "js" | "highs";
export const SOLVERS: readonly SolverName[] = ["js", "highs"];

export interface BackendResult {
  /** "timeout": the time limit ran out before any integral solution was found. */
  readonly status: "optimal" | "feasible" | "infeasible" | "timeout";
  /** Values of the variables that are not zero. */
  readonly values: ReadonlyMap<string, number>;
  readonly objective: number;
  /** A proven lower bound on the optimum, when the backend has one (the relaxation's, or better). */
  readonly bound?: number;
}

export interface BackendOptions {
  /** Undefined: run to proven optimality. */
  readonly timeLimitMs?: number;
  /** Drop integrality (a bound). */
  readonly relax?: boolean;
  /** HiGHS: nodes of its LP-guided branch and bound before HiGHS's own MIP takes over (default 40). */
  readonly searchNodes?: number;
  /**
   * HiGHS: a schedule known to keep every rule (the greedy placer's), as the values of the model's
   * 0/1 variables (those not given are 0). The continuous ones are left to the solver. The search
   * starts with it as its best schedule when the model, with those values, has a solution. Asked
   * for only when the relaxation is not integral already.
   */
  readonly start?: () => ReadonlyMap<string, number>;
}

export interface Backend {
  readonly name: SolverName;
  solve(model: LinearModel, options: BackendOptions): Promise<BackendResult>;
}

type SolverOutput = Record<string, number | boolean | undefined>;

/**
 * javascript-lp-solver checks its timeout only between branch-and-bound nodes; one simplex solve
 * of a large relaxation can outlast it by minutes. With a time limit it runs in a worker thread,
 * terminated if it overruns the limit by this much: a time limit is a promise to the planner.
 */
const HARD_STOP_GRACE_MS = 300;
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const lp = require(workerData.solverPath);
parentPort.postMessage((lp.default ?? lp).Solve(workerData.model));
`;

function solveInWorker(model: object, hardLimitMs: number): Promise<SolverOutput | undefined> {
  const solverPath = createRequire(import.meta.url).resolve("javascript-lp-solver");
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { model, solverPath } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, hardLimitMs);
    worker.once("message", (output: SolverOutput) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(output);
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Depth-first search reaches integral schedules soonest (measured: see README, "Optimiser"). */
const JS_OPTIONS = { nodeSelection: "depth-first" } as const;

export const jsBackend: Backend = {
  name: "js",
  async solve(model, { timeLimitMs, relax }) {
    const constraints: Record<string, { min?: number; max?: number }> = {};
    const variables: Record<string, Record<string, number>> = {};
    const binaries: Record<string, 1> = {};
    for (const [name, variable] of model.variables) {
      variables[name] = { cost: variable.cost };
      if (variable.binary && !relax) binaries[name] = 1;
      else if (variable.binary) {
        constraints[`ub:${name}`] = { max: 1 };
        variables[name]![`ub:${name}`] = 1;
      }
    }
    for (const [rowName, row] of model.rows) {
      constraints[rowName] = { ...(row.min !== undefined ? { min: row.min } : {}), ...(row.max !== undefined ? { max: row.max } : {}) };
      for (const [name, coefficient] of row.terms) variables[name]![rowName] = coefficient;
    }
    const started = Date.now();
    const jsModel = { optimize: "cost", opType: "min" as const, constraints, variables, binaries, ...(timeLimitMs !== undefined ? { timeout: timeLimitMs } : {}), options: JS_OPTIONS };
    const result = timeLimitMs === undefined ? (lpSolver.Solve(jsModel) as SolverOutput) : await solveInWorker(jsModel, timeLimitMs + HARD_STOP_GRACE_MS);
    if (!result) return { status: "timeout", values: new Map(), objective: Number.NaN };
    // On a timeout it returns the last relaxation it looked at, which need not be integral: no schedule.
    if (timeLimitMs !== undefined && !relax && result.feasible && result.isIntegral === false) return { status: "timeout", values: new Map(), objective: Number.NaN };
    if (!result.feasible || (!relax && result.isIntegral === false)) return { status: "infeasible", values: new Map(), objective: Number.NaN };
    const values = new Map<string, number>();
    for (const name of model.variables.keys()) {
      const value = result[name];
      if (typeof value === "number" && Math.abs(value) > 1e-9) values.set(name, value);
    }
    // Cut short, it may hand back a relaxation without saying so (isIntegral missing): check the binaries ourselves.
    const fractional = !relax && [...values].some(([name, value]) => model.variables.get(name)!.binary && Math.abs(value - Math.round(value)) > 1e-6);
    if (fractional) return timeLimitMs !== undefined ? { status: "timeout", values: new Map(), objective: Number.NaN } : { status: "infeasible", values: new Map(), objective: Number.NaN };
    // javascript-lp-solver does not say whether branch and bound finished; it stops only at the deadline.
    const timedOut = timeLimitMs !== undefined && Date.now() - started >= timeLimitMs;
    return { status: timedOut ? "feasible" : "optimal", values, objective: model.objective(values) };
  },
};

export async function backend(name: SolverName): Promise<Backend> {
  if (name === "js") return jsBackend;
  // Loaded only when solving with it: validating or exporting never pays for the WebAssembly.
  const { highsBackend, loadHighs } = await import("./highs.ts");
  await loadHighs();
  return highsBackend;
}
