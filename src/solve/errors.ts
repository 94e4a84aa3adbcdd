/**
 * Every error the library throws at its caller, in one place: bad input (from the model layer),
 * a time limit with no schedule, a held session the changed plan contradicts, a plan too large
 * for memory, and the solver breaking its own rules (a bug).
 */
import type { Violation } from "./constraints/types.ts";

export { InputError } from "../model/issues.ts";
import { TaphuanError } from "../model/errors.ts";

/** A violation in the solver's own output: the model and the rules disagree. */
export class SolverBugError extends TaphuanError {
  readonly code = "solver-bug";
  readonly kind = "internal";
  constructor(readonly violations: readonly Violation[]) {
    super(`the optimiser's schedule breaks its own rules (this is a bug):\n${violations.map((v) => `  [${v.rule}] ${v.message}`).join("\n")}`);
    this.name = "SolverBugError";
  }
}

/** A plan too large to solve in memory, found before any model is built. */
export class ModelTooLargeError extends TaphuanError {
  readonly code = "model-too-large";
  readonly kind = "no-schedule";
  constructor(
    readonly clusters: readonly string[],
    readonly estimate: number,
    maxVariables: number,
  ) {
    super(`${clusters.slice(0, 3).join(", ")}${clusters.length > 3 ? ` and ${clusters.length - 3} more` : ""} would need a model of about ${estimate.toLocaleString("en")} variables, more than the ${maxVariables.toLocaleString("en")} taphuan solves in memory: limit each trainer to fewer clusters, or split the plan into smaller plans`);
    this.name = "ModelTooLargeError";
  }
}

/** The time limit ran out before the optimiser found any schedule for a part. */
export class TimeLimitError extends TaphuanError {
  readonly code = "time-limit";
  readonly kind = "no-schedule";
  constructor(readonly clusters: readonly string[]) {
    super(`no schedule found for ${clusters.join(", ")} within the time limit: give more time (--time-limit) or use --solver highs`);
    this.name = "TimeLimitError";
  }
}

/**
 * The changed plan contradicts sessions already held (a province made unavailable, a trainer away,
 * a province removed on or before the day it was held): the past cannot change, so the change must.
 */
export class FrozenConflictError extends TaphuanError {
  readonly code = "past-conflict";
  readonly kind = "conflict";
  constructor(
    readonly today: string,
    readonly violations: readonly Violation[],
  ) {
    super(`the changed plan contradicts ${violations.length === 1 ? "a session" : "sessions"} held on or before today (${today}), which cannot change:\n${violations.map((v) => `  ${v.message}`).join("\n")}\ngive dates after today, withdraw the change, or undo the edit of the plan that reaches into the past`);
    this.name = "FrozenConflictError";
  }
}
