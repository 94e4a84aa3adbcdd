/** The one place where an error becomes what the page says, with its HTTP status. */
import { randomBytes } from "node:crypto";
import { relative } from "node:path";
import { officialDate, type Lang } from "../words/labels.ts";
import { ruleLabel } from "../words/rules.ts";
import { VersionConflictError } from "../folder/errors.ts";
import { FolderBusyError } from "../folder/lock.ts";
import { HTTP_STATUS_OF, TaphuanError } from "../model/errors.ts";
import { issueLine } from "../words/issues.ts";
import { InputError } from "../model/issues.ts";
import { FrozenConflictError } from "../solve/errors.ts";
import { WORDS } from "../words/page.ts";

/** Every worker is busy with other plans' solves and re-plans, and the queue is full. */
export class WorkspaceBusyError extends TaphuanError {
  readonly code = "workspace-busy";
  readonly kind = "busy";
  constructor() {
    super("every worker of the workspace is busy; try again in a moment");
    this.name = "WorkspaceBusyError";
  }
}

/**
 * What the page says of an error, and with which status: the kind gives the status (HTTP_STATUS_OF),
 * the code the planner's words. An internal error is logged with a short reference the page shows.
 */
export function explainError(error: unknown, lang: Lang, where: string, dir?: string): { status: 409 | 422 | 500 | 503; message: string } {
  const w = WORDS[lang];
  if (error instanceof TaphuanError && error.kind !== "internal") {
    const status = HTTP_STATUS_OF[error.kind];
    if (error instanceof VersionConflictError) return { status, message: w.conflict(error.current ?? 0) };
    if (error instanceof FolderBusyError) return { status, message: w.busy };
    if (error instanceof WorkspaceBusyError) return { status, message: w.workersBusy };
    // The held sessions the change contradicts, each with the rule it would break, in the page's words.
    if (error instanceof FrozenConflictError) {
      const held = error.violations.map((v) => `${v.province ?? ""}${v.date ? `, ${officialDate(v.date)}${v.halfDay ? ` (${w[v.halfDay].toLowerCase()})` : ""}` : ""}: ${ruleLabel(v.rule, lang)}`);
      return { status, message: [w.pastConflict, ...held].join("\n") };
    }
    if (error instanceof InputError) {
      // A file of the workspace is named as the planner sees it in the folder.
      const file = error.file && dir && !relative(dir, error.file).startsWith("..") ? relative(dir, error.file) : error.file;
      return { status, message: [w.badInput, ...error.issues.map((issue) => issueLine(file, issue, lang))].join("\n") };
    }
    // The library's own message names CLI options (--time-limit): the page says what it can do.
    if (error.kind === "no-schedule") return { status, message: w.solveFailed };
    return { status, message: error.message };
  }
  const reference = randomBytes(4).toString("hex");
  process.stderr.write(`taphuan serve: [${reference}] ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return { status: 500, message: w.internal(reference) };
}

