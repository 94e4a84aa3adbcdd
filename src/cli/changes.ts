/** The CLI's side of plan variants: reading a changes file, and a --profile name checked as usage. */
import { parseRecordedChanges, type ChangeLog } from "../model/change-log.ts";
import { ChangesSchema, type Changes } from "../model/changes.ts";
import { parseYaml, validate } from "../model/load.ts";
import type { Plan } from "../model/plan.ts";
import { profileNames } from "../model/profiles.ts";
import { planWithProfile } from "../model/variants.ts";
import { UsageError } from "./args.ts";
import { displayName, readInput } from "./files.ts";

/** A changes file a planner writes (YAML), validated like a plan file. */
export function readChanges(file: string): Changes {
  return validate(ChangesSchema, parseYaml(readInput(file), displayName(file)), displayName(file));
}

/**
 * A change log a re-plan recorded (changes.json), or a planner's changes file read as one standing
 * change; a file that is neither gets the changes file's problems, with line and field.
 */
export function readChangeLog(file: string): ChangeLog {
  const parsed = parseYaml(readInput(file), displayName(file));
  // `check` applies what stands; the version and day a plain changes file is dated with play no part there.
  const log = parseRecordedChanges(parsed.value, { version: 1, today: "2000-01-01" });
  if (log) return log;
  // Neither: the changes file's own problems, with line and field.
  validate(ChangesSchema, parsed, displayName(file));
  throw new Error("a changes file that validates is read as a log");
}

/** --profile NAME: an unknown name is a usage error listing the plan's profiles. */
export function profiledPlan(plan: Plan, name: string): Plan {
  if (!profileNames(plan.data).includes(name)) throw new UsageError(`unknown profile "${name}". Expected one of: ${profileNames(plan.data).join(", ")}`);
  return planWithProfile(plan, name, "--profile");
}
