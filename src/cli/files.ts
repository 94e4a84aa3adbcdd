/** File I/O for the CLI: reading inputs with planner-readable errors. Writes go through `folder/`. */
import { displayName, readText, STDIN } from "../app/read-input.ts";
import { loadPlanText, type LoadedPlan } from "../model/load.ts";

export { displayName, STDIN };

/** A plan, a schedule or a changes file, from a file or standard input (`-`), read up to its limit. */
export function readInput(file: string): string {
  return readText(file);
}

export function readPlan(file: string): LoadedPlan {
  return loadPlanText(readInput(file), displayName(file));
}
