/** File I/O for the CLI: reading inputs with planner-readable errors. Writes go through `folder/`. */
import { readFileSync, statSync } from "node:fs";
import { error, InputError } from "../model/issues.ts";
import { loadPlanText, refuseOversized, type LoadedPlan } from "../model/load.ts";

/** `-` reads standard input, as tools that take a file usually do. */
export const STDIN = "-";

function readBytes(file: string): Buffer {
  if (file === STDIN) {
    const bytes = readFileSync(0);
    refuseOversized(bytes.length, "standard input");
    return bytes;
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(file, [error("not-a-file", [], "is a folder, not a file", "give the path of a file")]);
    if (!stat.isFile()) throw new InputError(file, [error("not-a-file", [], "is not a regular file", "give the path of a file")]);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") {
      throw new InputError(file, [error("file-not-found", [], "there is no such file", "check the path")]);
    }
    throw e;
  }
  refuseOversized(size, file);
  return readFileSync(file);
}

export function readInput(file: string): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(readBytes(file));
  if (text.includes("\uFFFD")) throw new InputError(displayName(file), [error("not-utf8", [], "the file is not valid UTF-8 text", "save it as UTF-8")]);
  return text.replace(/^\uFEFF/, "");
}

/** How an input is named in messages. */
export function displayName(file: string): string {
  return file === STDIN ? "standard input" : file;
}

export function readPlan(file: string): LoadedPlan {
  return loadPlanText(readInput(file), displayName(file));
}
