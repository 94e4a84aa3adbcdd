import { existsSync, realpathSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Issue } from "../../model/issues.ts";
import { CLI_WORDS } from "../../words/cli.ts";
import { issueLine } from "../../words/issues.ts";
import { ruleLabel } from "../../words/rules.ts";
import { loadScheduleFor, planHash } from "../../model/schedule.ts";
import { checkSchedule } from "../../solve/check.ts";
import { HARD_CONSTRAINTS } from "../../solve/constraints/index.ts";
import { previousSchedule } from "../../solve/replan.ts";
import { validDate } from "../../model/load.ts";
import { languages, parse, UsageError } from "../args.ts";
import { planWithLog } from "../../model/change-log.ts";
import { planOfSchedule } from "../../model/variants.ts";
import { readChangeLog } from "../changes.ts";
import { displayName, readInput, readPlan, STDIN } from "../files.ts";

/** The changes a re-plan recorded beside the schedule it wrote (versions/vN/changes.json), if any. */
function recordedChanges(schedulePath: string): string | undefined {
  if (schedulePath === STDIN) return undefined;
  const file = join(dirname(realpathSync(schedulePath)), "changes.json");
  return existsSync(file) ? file : undefined;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { json: { type: "boolean" }, quiet: { type: "boolean" }, changes: { type: "string" }, previous: { type: "string" }, today: { type: "string" }, lang: { type: "string" } },
    ["plan", "schedule"],
  );
  const [planPath, schedulePath] = positionals as [string, string];
  const lang = languages(values.lang).terminal;
  const w = CLI_WORDS[lang];
  if ((values.previous === undefined) !== (values.today === undefined)) throw new UsageError("--previous OLD.json and --today DATE go together: the sessions of OLD.json held up to DATE must be unchanged");
  const today = values.today === undefined ? undefined : validDate(values.today, "--today");
  const warnings: string[] = [];
  const { plan: original, warnings: planWarnings } = readPlan(planPath);
  warnings.push(...planWarnings.map((warning) => issueLine(displayName(planPath), warning, lang)));
  const changesFile = values.changes ?? recordedChanges(schedulePath);
  let plan = original;
  if (changesFile) {
    plan = planWithLog(original, readChangeLog(changesFile), displayName(changesFile)).plan;
    if (!values.changes) warnings.push(`note: checking against ${planPath} with the changes its re-plan recorded in ${relative(".", changesFile).startsWith("..") ? changesFile : relative(".", changesFile)}`);
  }
  const loaded = loadScheduleFor(plan, readInput(schedulePath), displayName(schedulePath));
  const { schedule, warnings: scheduleWarnings } = loaded;
  // Solved with a goal profile or proposed windows: they are part of the plan it was made from.
  plan = planOfSchedule(plan, schedule, displayName(schedulePath));
  warnings.push(...scheduleWarnings.map((warning: Issue) => issueLine(displayName(schedulePath), warning, lang)));
  if (schedule.planHash !== planHash(plan)) warnings.push(`warning: ${displayName(schedulePath)} was made from another version of ${planPath}${changesFile ? " and its changes" : ""} (planHash differs): checking it against the plan as it is now`);
  const previous = values.previous ? loadScheduleFor(original, readInput(values.previous), displayName(values.previous)).schedule : undefined;
  const violations = checkSchedule(plan, schedule.sessions, previous ? previousSchedule(plan, previous.sessions, today) : undefined);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ ok: violations.length === 0, violations, warnings }, null, 2)}\n`);
    return violations.length ? 1 : 0;
  }
  if (!values.quiet) for (const w of warnings) process.stderr.write(`${w}\n`);
  if (violations.length === 0) {
    process.stdout.write(`${w.rulesHold(displayName(schedulePath), schedule.sessions.length, HARD_CONSTRAINTS.length - (previous ? 0 : 2))}\n`);
    return 0;
  }
  for (const rule of HARD_CONSTRAINTS) {
    const broken = violations.filter((v) => v.rule === rule.id);
    if (!broken.length) continue;
    process.stdout.write(`${rule.id} — ${ruleLabel(rule.id, lang)} (${broken.length}):\n`);
    for (const v of broken) process.stdout.write(`  ${v.message}\n`);
  }
  process.stdout.write(`${w.violations(violations.length, displayName(schedulePath))}\n`);
  return 1;
}
