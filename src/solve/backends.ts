/**
 * Two optimisers behind one interface: javascript-lp-solver (pure JavaScript, the default) and
 * HiGHS compiled to WebAssembly (`highs`). Both receive the same `LinearModel`.
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
}

export interface BackendOptions {
  /** Undefined: run to proven optimality. */
  readonly timeLimitMs?: number;
  /** Drop integrality (a bound). */
  readonly relax?: boolean;
  /** HiGHS only: solve in this worker thread instead of the calling one. */
  readonly worker?: HighsWorker;
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

type HighsSolution = { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
type Highs = { solve(problem: string, options?: Record<string, unknown>): HighsSolution };
let highsInstance: Highs | undefined;

const HIGHS_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
require(workerData.highsPath)().then((highs) => {
  parentPort.on("message", ({ lp, options }) => {
    try {
      const s = highs.solve(lp, options);
      const columns = {};
      for (const [name, column] of Object.entries(s.Columns)) columns[name] = { Primal: column.Primal };
      parentPort.postMessage({ solution: { Status: s.Status, ObjectiveValue: s.ObjectiveValue, Columns: columns } });
    } catch (e) {
      parentPort.postMessage({ error: String((e && e.message) || e) });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

/**
 * HiGHS in a worker thread of its own: independent parts are solved side by side on the machine's
 * cores. HiGHS is deterministic (one thread, a fixed seed), so the result is the same as in the
 * calling thread.
 */
export class HighsWorker {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;

  constructor() {
    const highsPath = createRequire(import.meta.url).resolve("highs");
    this.worker = new Worker(HIGHS_WORKER_SOURCE, { eval: true, workerData: { highsPath } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once("message", () => resolve());
      this.worker.once("error", reject);
    });
  }

  async solve(lp: string, options: Record<string, unknown>): Promise<HighsSolution> {
    await this.ready;
    return new Promise((resolve, reject) => {
      this.worker.once("message", (reply: { solution?: HighsSolution; error?: string }) => (reply.solution ? resolve(reply.solution) : reject(new Error(reply.error))));
      this.worker.postMessage({ lp, options });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** HiGHS loads its WebAssembly once, asynchronously; call before solving with it. */
export async function loadHighs(): Promise<void> {
  if (highsInstance) return;
  const require = createRequire(import.meta.url);
  const factory = require("highs") as (options?: object) => Promise<Highs>;
  highsInstance = await factory();
}

export const highsBackend: Backend = {
  name: "highs",
  async solve(model, { timeLimitMs, relax, worker }) {
    if (!highsInstance && !worker) throw new Error("HiGHS is not loaded: await loadHighs() first");
    const names = [...model.variables.keys()];
    const id = new Map(names.map((name, index) => [name, `v${index}`]));
    const term = (coefficient: number, name: string) => `${coefficient < 0 ? "-" : "+"} ${Math.abs(coefficient)} ${id.get(name)}`;
    const lines = ["Minimize", ` obj: ${names.map((n) => term(model.variables.get(n)!.cost, n)).join(" ") || "0 v0"}`, "Subject To"];
    let rowIndex = 0;
    for (const row of model.rows.values()) {
      const expression = [...row.terms].map(([n, c]) => term(c, n)).join(" ");
      if (row.min !== undefined && row.max !== undefined && row.min === row.max) lines.push(` r${rowIndex++}: ${expression} = ${row.max}`);
      else {
        if (row.min !== undefined) lines.push(` r${rowIndex++}: ${expression} >= ${row.min}`);
        if (row.max !== undefined) lines.push(` r${rowIndex++}: ${expression} <= ${row.max}`);
      }
    }
    lines.push("Bounds");
    const integers: string[] = [];
    for (const [name, variable] of model.variables) {
      lines.push(variable.binary ? ` 0 <= ${id.get(name)} <= 1` : ` ${id.get(name)} >= 0`);
      if (variable.binary && !relax) integers.push(id.get(name)!);
    }
    if (integers.length) lines.push("General", ` ${integers.join(" ")}`);
    lines.push("End");
    const highsOptions = {
      mip_rel_gap: 0,
      mip_abs_gap: 1e-6,
      random_seed: 0,
      threads: 1,
      output_flag: false,
      ...(timeLimitMs !== undefined ? { time_limit: timeLimitMs / 1000 } : {}),
    };
    const solution = worker ? await worker.solve(lines.join("\n"), highsOptions) : highsInstance!.solve(lines.join("\n"), highsOptions);
    if (solution.Status !== "Optimal" && solution.Status !== "Time limit reached") return { status: "infeasible", values: new Map(), objective: Number.NaN };
    if (solution.Status === "Time limit reached" && !Number.isFinite(solution.ObjectiveValue)) return { status: "timeout", values: new Map(), objective: Number.NaN };
    const values = new Map<string, number>();
    for (const name of names) {
      const value = solution.Columns[id.get(name)!]?.Primal ?? 0;
      if (Math.abs(value) > 1e-9) values.set(name, value);
    }
    if (solution.Status === "Time limit reached" && values.size === 0) return { status: "timeout", values, objective: Number.NaN };
    return { status: solution.Status === "Optimal" ? "optimal" : "feasible", values, objective: model.objective(values) };
  },
};

export function backend(name: SolverName): Backend {
  return name === "highs" ? highsBackend : jsBackend;
}
