/** File I/O for the CLI: reading inputs with planner-readable errors. Writes go through `folder/`. */
import { chmodSync } from "node:fs";
import { displayName, readText, STDIN } from "../app/read-input.ts";
import { lstatOrUndefined, writeAtomic } from "../folder/safe-write.ts";
import { loadPlanText, type LoadedPlan } from "../model/load.ts";

export { displayName, STDIN };

/** A plan, a schedule or a changes file, from a file or standard input (`-`), read up to its limit. */
export function readInput(file: string): string {
  return readText(file);
}

export function readPlan(file: string): LoadedPlan {
  return loadPlanText(readInput(file), displayName(file));
}

/**
 * Writes a file the planner named (`export --out`) as `writeAtomic` does; a file it replaces keeps
 * its mode, so a 0600 file stays private. The new file is created under a umask narrowed to that
 * mode: it is never more readable than the file it replaces, not even before its mode is set.
 */
export function writeOutput(file: string, content: string | Uint8Array): void {
  const replaced = lstatOrUndefined(file);
  if (!replaced?.isFile()) return writeAtomic(file, content);
  const mode = replaced.mode & 0o7777;
  const umask = process.umask(~mode & 0o777);
  try {
    writeAtomic(file, content);
  } finally {
    process.umask(umask);
  }
  chmodSync(file, mode);
}
