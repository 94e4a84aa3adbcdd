// Kept out of args.ts: it loads the solver backends, which only solve and replan need.
import { SOLVERS, type SolverName } from "../solve/backends.ts";
import { oneOf, positiveNumber } from "./args.ts";

/** javascript-lp-solver may search for long: without --time-limit it gets this many seconds. */
const JS_DEFAULT_TIME_LIMIT = 30;

/** --solver and --time-limit, shared by solve and replan: HiGHS by default, with no limit. */
export function solverOptions(values: { solver?: string | undefined; "time-limit"?: string | undefined }): { solver: SolverName; timeLimitSeconds?: number } {
  const solver = oneOf("solver", values.solver, SOLVERS, "highs");
  const timeLimitSeconds = positiveNumber("time-limit", values["time-limit"]) ?? (solver === "js" ? JS_DEFAULT_TIME_LIMIT : undefined);
  return timeLimitSeconds === undefined ? { solver } : { solver, timeLimitSeconds };
}
