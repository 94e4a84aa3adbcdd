/**
 * Variants of a resolved plan, for the CLI and the workspace alike: with a re-plan's changes, with
 * a goal profile's weights, with the undated clusters' windows proposed — and the plan a given
 * schedule was solved from (its profile and proposed windows are recorded in it).
 */
import { applyChanges, unknownNames, type Changes } from "./changes.ts";
import { error, InputError, type Issue } from "./issues.ts";
import { resolvePlan, type Plan } from "./plan.ts";
import { profileNames, withProfile } from "./profiles.ts";

/** `original` with `changes` applied and resolved again; problems name `source` (the changes' file, or "changes given as options"). */
export function planWithChanges(original: Plan, changes: Changes, source: string): { plan: Plan; warnings: Issue[] } {
  const unknown = unknownNames(original.data, changes);
  if (unknown.length) throw new InputError(source, unknown.map((message) => error("unknown-name", [], message)));
  const resolved = resolvePlan(applyChanges(original.data, changes));
  if (!resolved.ok) throw new InputError(source, resolved.issues);
  return { plan: resolved.value, warnings: resolved.warnings };
}

/** Resolves data that differs from an already resolved plan only in weights or window kinds: it cannot fail. */
function resolveVariant(data: Plan["data"]): Plan {
  const resolved = resolvePlan(data);
  if (!resolved.ok) throw new Error(`a plan variant did not resolve: ${resolved.issues[0]!.message}`);
  return resolved.value;
}

/** The plan with a goal profile's weights; `source` names where the profile's name came from. */
export function planWithProfile(plan: Plan, name: string, source: string): Plan {
  const data = withProfile(plan.data, name);
  if (!data) throw new InputError(source, [error("unknown-profile", [], `unknown profile "${name}"`, `profiles of this plan: ${profileNames(plan.data).join(", ")}`)]);
  return resolveVariant(data);
}

/** The plan with every cluster it leaves without a window marked `window: propose`. */
export function planProposingWindows(plan: Plan): Plan {
  return resolveVariant({ ...plan.data, clusters: plan.data.clusters.map((c) => (c.window === undefined ? { ...c, window: "propose" as const } : c)) });
}

/** The plan a schedule was solved from: the plan file with the schedule's profile and proposed windows. */
export function planOfSchedule(plan: Plan, schedule: { readonly profile?: string | undefined; readonly proposeWindows?: boolean | undefined }, source: string): Plan {
  const proposing = schedule.proposeWindows ? planProposingWindows(plan) : plan;
  return schedule.profile ? planWithProfile(proposing, schedule.profile, source) : proposing;
}
