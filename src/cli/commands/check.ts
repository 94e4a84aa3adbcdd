import { loadScheduleFor, planHash } from "../../model/schedule.ts";
import { checkSchedule } from "../../solve/check.ts";
import { HARD_CONSTRAINTS } from "../../solve/constraints/index.ts";
import { parse } from "../args.ts";
import { displayName, readInput, readPlan } from "../files.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: "boolean" } }, ["plan", "schedule"]);
  const [planPath, schedulePath] = positionals as [string, string];
  const { plan } = readPlan(planPath);
  const schedule = loadScheduleFor(plan, readInput(schedulePath), displayName(schedulePath));
  if (schedule.planHash !== planHash(plan)) {
    process.stderr.write(`warning: ${schedulePath} was made from another version of ${planPath} (planHash differs): checking it against the plan as it is now\n`);
  }
  const violations = checkSchedule(plan, schedule.sessions);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: violations.length === 0, violations }, null, 2)}\n`);
    return violations.length ? 1 : 0;
  }
  if (violations.length === 0) {
    process.stdout.write(`${schedulePath}: ${schedule.sessions.length} sessions, every rule holds (${HARD_CONSTRAINTS.length} rules)\n`);
    return 0;
  }
  for (const rule of HARD_CONSTRAINTS) {
    const broken = violations.filter((v) => v.rule === rule.id);
    if (!broken.length) continue;
    process.stdout.write(`${rule.id} — ${rule.label} (${broken.length}):\n`);
    for (const v of broken) process.stdout.write(`  ${v.message}\n`);
  }
  process.stdout.write(`${violations.length} violation(s) in ${schedulePath}\n`);
  return 1;
}
