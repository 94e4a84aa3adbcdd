/** The schedule folder's own error, apart from the folder code so that the CLI's error handling loads nothing heavy. */
import { join } from "node:path";
import { TaphuanError } from "../model/errors.ts";

/** The version a writer started from is no longer current (another writer published meanwhile). */
export class VersionConflictError extends TaphuanError {
  readonly code = "version-conflict";
  readonly kind = "conflict";
  constructor(
    readonly dir: string,
    readonly current: number | undefined,
    readonly basedOn: number | undefined,
  ) {
    super(
      current === undefined
        ? `${dir}: version ${basedOn} is not in this folder; start again from the folder's schedule`
        : `${dir}: version ${current} is now current, and this change started from ${basedOn === undefined ? "an empty folder" : `version ${basedOn}`}; start again from version ${current} (${join(dir, "schedule.json")})`,
    );
    this.name = "VersionConflictError";
  }
}
