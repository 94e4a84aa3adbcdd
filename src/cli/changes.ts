/** The plan as a re-plan sees it: the plan file with a changes file (or recorded changes) applied. */
import { applyChanges, ChangesSchema, unknownNames, type Changes } from "../model/changes.ts";
import { error, InputError, type Issue } from "../model/issues.ts";
import { parseYaml, validate } from "../model/load.ts";
import { resolvePlan, type Plan } from "../model/plan.ts";
import { displayName, readInput } from "./files.ts";

/** A changes file (YAML, or the JSON a re-plan records), validated like a plan file. */
export function readChanges(file: string): Changes {
  return validate(ChangesSchema, parseYaml(readInput(file), displayName(file)), displayName(file));
}

/** `original` with `changes` applied and resolved again; names the changes' source in every problem. */
export function planWithChanges(original: Plan, changes: Changes, source: string): { plan: Plan; warnings: Issue[] } {
  const unknown = unknownNames(original.data, changes);
  if (unknown.length) throw new InputError(source, unknown.map((message) => error("unknown-name", [], message)));
  const resolved = resolvePlan(applyChanges(original.data, changes));
  if (!resolved.ok) throw new InputError(source, resolved.issues);
  return { plan: resolved.value, warnings: resolved.warnings };
}
