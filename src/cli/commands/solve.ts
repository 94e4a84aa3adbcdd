import { proveFixes, solveIntoFolder } from "../../app/solve.ts";
import { comparisonMarkdown } from "../../export/comparison.ts";
import { ScheduleFolderReader } from "../../folder/schedule-folder.ts";
import { CLI_WORDS } from "../../words/cli.ts";
import { relaxationText } from "../../words/fixes.ts";
import { issueLine } from "../../words/issues.ts";
import { languages, parse } from "../args.ts";
import { profiledPlan } from "../changes.ts";
import { displayName, readPlan } from "../files.ts";
import { describeWritten } from "../publish.ts";
import { printOutcome } from "../report.ts";
import { solverOptions } from "../solver-options.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { out: { type: "string" }, solver: { type: "string" }, "time-limit": { type: "string" }, quiet: { type: "boolean" }, lang: { type: "string" }, json: { type: "boolean" }, profile: { type: "string" }, compare: { type: "string" }, "propose-windows": { type: "boolean" } },
    ["plan"],
  );
  const planPath = positionals[0]!;
  const solving = solverOptions(values);
  const { documents: lang, terminal } = languages(values.lang);
  const w = CLI_WORDS[terminal];
  const loaded = readPlan(planPath);
  const warnings = values["propose-windows"] ? loaded.warnings.filter((w) => w.code !== "window-missing") : loaded.warnings;
  // Goal profiles: --profile solves with one; --compare solves with each and publishes the first. An unknown name is a usage error.
  const profiles = values.compare !== undefined ? values.compare.split(",").map((n) => n.trim()) : values.profile !== undefined ? [values.profile] : [];
  for (const name of profiles) profiledPlan(loaded.plan, name);
  // --json: the outcome as data on stdout, and nothing else there.
  const quiet = values.quiet === true || values.json === true;
  if (!values.quiet) for (const warning of warnings) process.stderr.write(`${issueLine(displayName(planPath), warning, terminal)}\n`);

  const started = Date.now();
  const solved = await solveIntoFolder({
    dir: values.out ?? "out",
    plan: loaded.plan,
    planPath: displayName(planPath),
    lang,
    command: "solve",
    profiles,
    ...(values["propose-windows"] ? { proposeWindows: true } : {}),
    ...solving,
    onProgress: (e, profile) => {
      if (quiet || Date.now() - started < 1000) return;
      process.stderr.write(`${profile ? `${profile}: ` : ""}${w.progress(e.part, e.parts, e.clusters.join(", "), e.objective, e.proven ? w.progressProven : e.bound === null ? w.progressNoBound : w.progressBound(e.bound), e.seconds.toFixed(1))}\n`);
    },
  });
  const { schedule, report, metrics, version } = solved;
  if (!quiet) for (const warning of solved.warnings) process.stderr.write(`${w.warning}${warning}\n`);
  if (solved.comparison && !quiet) process.stdout.write(`${comparisonMarkdown(solved.comparison)}\n`);
  const outcome = { status: schedule.status, folder: solved.folder, version, written: solved.written, sessions: schedule.sessions.length, unplaced: schedule.unplaced, report, metrics };
  if (!solved.written) {
    if (values.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else if (!values.quiet) process.stdout.write(`${w.alreadyHolds(solved.folder, version)}\n`);
    return schedule.status === "complete" ? 0 : 1;
  }
  if (!values.json && !values.quiet) printOutcome(schedule, report, describeWritten(new ScheduleFolderReader(solved.folder), version, solved.files, terminal), (Date.now() - started) / 1000, metrics, terminal);
  const { relaxations, complete } = schedule.status === "partial" ? await proveFixes(solved, solving) : { relaxations: [], complete: true };
  if (values.json) process.stdout.write(`${JSON.stringify({ ...outcome, relaxations }, null, 2)}\n`);
  else if (!values.quiet && schedule.status === "partial") {
    if (relaxations.length) {
      process.stdout.write(`\n${w.fixesHeader}\n`);
      for (const r of relaxations) process.stdout.write(`  ${relaxationText(r, terminal)} — ${w.proved}\n`);
    } else if (complete) process.stdout.write(`\n${w.noSingleFix}\n`);
    if (!complete) process.stdout.write(`${w.fixSearchStopped}\n`);
  }
  return schedule.status === "complete" ? 0 : 1;
}
