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

/**
 * A publication failed after its version became current, and putting the previous one back failed
 * too: the one failure after which "what was published before is intact" would be false, so it is
 * said apart. The version is complete and on the disk; the next writer finishes its links.
 */
export class PublicationError extends TaphuanError {
  readonly code = "publication-failed";
  readonly kind = "io";
  constructor(
    readonly dir: string,
    readonly version: number,
    readonly previous: number | undefined,
    readonly failure: unknown,
    readonly undoFailure: unknown,
  ) {
    super(
      `${dir}: version ${version} became current, but finishing it failed (${reason(failure)}) and so did putting ${previous === undefined ? "the empty folder" : `version ${previous}`} back (${reason(undoFailure)}); version ${version} is complete, and the next taphuan command that writes ${dir} finishes its links — free some space or check the disk first`,
    );
    this.name = "PublicationError";
  }
}

function reason(e: unknown): string {
  const errno = e as NodeJS.ErrnoException;
  return errno?.code ? `${errno.path ? `${errno.path}: ` : ""}${errno.code}` : String(e);
}
