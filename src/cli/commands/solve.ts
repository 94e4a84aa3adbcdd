import { proveFixes, solveIntoFolder } from "../../app/solve.ts";
import { comparisonMarkdown } from "../../export/comparison.ts";
import { ScheduleFolderReader } from "../../folder/schedule-folder.ts";
import { CLI_WORDS } from "../../words/cli.ts";
import { fixKindText, relaxationText } from "../../words/fixes.ts";
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
  const began = Date.now();
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
  const printing = !values.json && !values.quiet;
  if (!solved.written && printing) process.stdout.write(`${w.alreadyHolds(solved.folder, version)}\n`);
  // A partial schedule is diagnosed whenever it is met, written now or found in the folder.
  if (printing && (solved.written || schedule.status === "partial")) {
    const written = solved.written ? describeWritten(new ScheduleFolderReader(solved.folder), version, solved.files, terminal) : [];
    printOutcome(schedule, report, written, (Date.now() - started) / 1000, metrics, terminal);
  }
  // --time-limit bounds the whole command: the fix search has what the solve left of it.
  const deadline = solving.timeLimitSeconds === undefined ? undefined : began + solving.timeLimitSeconds * 1000;
  const search = schedule.status === "partial" ? await proveFixes(solved, { ...solving, ...(deadline !== undefined ? { deadline } : {}) }) : undefined;
  const relaxations = search?.relaxations ?? [];
  if (values.json) process.stdout.write(`${JSON.stringify({ ...outcome, relaxations, ...(search ? { fixSearch: { complete: search.complete, notTried: search.notTried } } : {}) }, null, 2)}\n`);
  else if (!values.quiet && search) {
    if (relaxations.length) {
      process.stdout.write(`\n${w.fixesHeader}\n`);
      for (const r of relaxations) process.stdout.write(`  ${relaxationText(r, terminal)} — ${w.proved}\n`);
    } else if (search.complete) process.stdout.write(`\n${w.noSingleFix}\n`);
    if (!search.complete) process.stdout.write(`${w.fixSearchStopped(search.notTried.map((tried) => fixKindText(tried, terminal)))}\n`);
  }
  return schedule.status === "complete" ? 0 : 1;
}
