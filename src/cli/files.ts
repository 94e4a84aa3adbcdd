/** File I/O for the CLI: reading inputs with planner-readable errors, and atomic writes. */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { error, InputError } from "../model/issues.ts";
import { loadPlanText, refuseOversized, type LoadedPlan } from "../model/load.ts";

export function readInput(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(file, [error("not-a-file", [], "is a folder, not a file", "give the path of a file")]);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, [error("file-not-found", [], "cannot read this file (it does not exist or is not readable)", "check the path")]);
  }
  refuseOversized(size, file);
  const bytes = readFileSync(file);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) throw new InputError(file, [error("not-utf8", [], "the file is not valid UTF-8 text", "save it as UTF-8")]);
  return text.replace(/^\uFEFF/, "");
}

export function readPlan(file: string): LoadedPlan {
  return loadPlanText(readInput(file), file);
}

/**
 * Writes a file so that a reader sees the old content or the new, never half of it: write to a
 * temporary file beside it, then rename over it (atomic on one file system).
 */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
