/** `taphuan alternatives PLAN --schedule FILE --province NAME`: where a session could go, each half-day of its window marked. */
import { alternativesOf } from "../../app/alternatives.ts";
import { todayIn } from "../../app/today.ts";
import { folderOfSchedule } from "../../folder/schedule-folder.ts";
import { validDate } from "../../model/load.ts";
import { officialDay } from "../../words/labels.ts";
import { WORDS } from "../../words/page.ts";
import { alternativeText } from "../../words/alternatives.ts";
import { languages, parse, UsageError } from "../args.ts";
import { displayName, readPlan } from "../files.ts";
import { solverOptions } from "../solver-options.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { schedule: { type: "string" }, province: { type: "string" }, today: { type: "string" }, budget: { type: "string" }, solver: { type: "string" }, lang: { type: "string" }, json: { type: "boolean" }, quiet: { type: "boolean" } },
    ["plan"],
  );
  if (!values.schedule) throw new UsageError("--schedule DIR/schedule.json is required: the schedule whose session may move");
  if (!values.province) throw new UsageError('--province NAME is required, e.g. --province "Nam Định"');
  const budget = values.budget === undefined ? 20 : Number(values.budget);
  if (!Number.isFinite(budget) || budget < 0 || budget > 3600) throw new UsageError(`invalid value for --budget (${values.budget}). Expected seconds from 0 to 3600, e.g. 20`);
  const planPath = positionals[0]!;
  const { plan } = readPlan(planPath);
  const today = values.today === undefined ? todayIn(plan) : validDate(values.today, "--today");
  const { solver } = solverOptions(values);
  const found = await alternativesOf({ dir: folderOfSchedule(values.schedule), plan, planPath: displayName(planPath), province: values.province, today, budgetSeconds: budget, ...(solver ? { solver } : {}) });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
    return 0;
  }
  const lang = languages(values.lang).terminal;
  const w = WORDS[lang];
  process.stdout.write(`${w.alternativesOf(found.province)}\n${w.alternativesNote(found.version, found.cluster)}\n`);
  for (const a of found.alternatives) {
    process.stdout.write(`  ${officialDay(a.date, lang)}, ${w[a.halfDay].toLowerCase()}: ${alternativeText(a, lang)}\n`);
  }
  return 0;
}
