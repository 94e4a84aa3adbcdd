/** Variants of a plan: with a changes file (or a re-plan's recorded changes), with a goal profile. */
import { applyChanges, ChangesSchema, unknownNames, type Changes } from "../model/changes.ts";
import { error, InputError, type Issue } from "../model/issues.ts";
import { parseYaml, validate } from "../model/load.ts";
import { resolvePlan, type Plan } from "../model/plan.ts";
import { profileNames, withProfile } from "../model/profiles.ts";
import { UsageError } from "./args.ts";
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

/** The plan with a goal profile's weights; an unknown name is a usage error listing the plan's profiles. */
export function profiledPlan(plan: Plan, name: string): Plan {
  const data = withProfile(plan.data, name);
  if (!data) throw new UsageError(`unknown profile "${name}". Expected one of: ${profileNames(plan.data).join(", ")}`);
  const resolved = resolvePlan(data);
  if (!resolved.ok) throw new UsageError(`profile "${name}" makes the plan invalid: ${resolved.issues[0]!.message}`);
  return resolved.value;
}


/** The plan with every cluster it leaves without a window marked `window: propose`. */
export function proposingWindows(plan: Plan): Plan {
  const resolved = resolvePlan({ ...plan.data, clusters: plan.data.clusters.map((c) => (c.window === undefined ? { ...c, window: "propose" as const } : c)) });
  if (!resolved.ok) throw new UsageError(`--propose-windows makes the plan invalid: ${resolved.issues[0]!.message}`);
  return resolved.value;
}

/** The plan a schedule was solved from: the plan file with the schedule's profile and proposed windows. */
export function planOfSchedule(plan: Plan, schedule: { readonly profile?: string | undefined; readonly proposeWindows?: boolean | undefined }): Plan {
  const proposing = schedule.proposeWindows ? proposingWindows(plan) : plan;
  return schedule.profile ? profiledPlan(proposing, schedule.profile) : proposing;
}
