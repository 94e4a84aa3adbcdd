/**
 * One taxonomy for every error taphuan throws at its caller: a stable `code` and a `kind`. The CLI
 * maps the kind to an exit code once (src/cli/main.ts), the workspace to an HTTP status once
 * (src/serve/workspace.ts); a planner's mistake is never an internal error.
 */
export type ErrorKind =
  /** The input is wrong (a plan, a change, an option, a date): fix it and run again. */
  | "bad-input"
  /** The request contradicts the state (another version was published, a held session). */
  | "conflict"
  /** Someone else is writing: try again when they have finished. */
  | "busy"
  /** No schedule could be made (a time limit, a model too large). */
  | "no-schedule"
  /** The disk failed the command midway (full, an input/output error): the message says what is done and what to do. */
  | "io"
  /** A bug: the message is for the report, never for the planner. */
  | "internal";

export abstract class TaphuanError extends Error {
  abstract readonly code: string;
  abstract readonly kind: ErrorKind;
}

export const EXIT_CODE_OF: Readonly<Record<ErrorKind, number>> = { "bad-input": 2, conflict: 1, busy: 1, "no-schedule": 1, io: 1, internal: 3 };
export const HTTP_STATUS_OF: Readonly<Record<ErrorKind, 409 | 422 | 500 | 503>> = { "bad-input": 422, conflict: 409, busy: 503, "no-schedule": 409, io: 503, internal: 500 };
