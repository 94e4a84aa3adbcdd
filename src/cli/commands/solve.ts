import { proveFixes, solveIntoFolder } from "../../app/solve.ts";
import { comparisonMarkdown } from "../../export/comparison.ts";
import { LANGS } from "../../words/labels.ts";
import { ScheduleFolderReader } from "../../folder/schedule-folder.ts";
import { formatIssue } from "../../model/issues.ts";
import { oneOf, parse } from "../args.ts";
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
  const lang = oneOf("lang", values.lang, LANGS, "vi");
  const loaded = readPlan(planPath);
  const warnings = values["propose-windows"] ? loaded.warnings.filter((w) => w.code !== "window-missing") : loaded.warnings;
  // Goal profiles: --profile solves with one; --compare solves with each and publishes the first. An unknown name is a usage error.
  const profiles = values.compare !== undefined ? values.compare.split(",").map((n) => n.trim()) : values.profile !== undefined ? [values.profile] : [];
  for (const name of profiles) profiledPlan(loaded.plan, name);
  // --json: the outcome as data on stdout, and nothing else there.
  const quiet = values.quiet === true || values.json === true;
  if (!values.quiet) for (const w of warnings) process.stderr.write(`${formatIssue(displayName(planPath), w)}\n`);

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
      process.stderr.write(`${profile ? `${profile}: ` : ""}part ${e.part}/${e.parts} (${e.clusters.join(", ")}): objective ${e.objective}${e.proven ? ", proven optimal" : e.bound === null ? ", no bound yet" : `, bound ${e.bound}`}, ${e.seconds.toFixed(1)} s\n`);
    },
  });
  const { schedule, report, metrics, version } = solved;
  if (!quiet) for (const warning of solved.warnings) process.stderr.write(`warning: ${warning}\n`);
  if (solved.comparison && !quiet) process.stdout.write(`${comparisonMarkdown(solved.comparison)}\n`);
  const outcome = { status: schedule.status, folder: solved.folder, version, written: solved.written, sessions: schedule.sessions.length, unplaced: schedule.unplaced, report, metrics };
  if (!solved.written) {
    if (values.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else if (!values.quiet) process.stdout.write(`${solved.folder} already holds this schedule (version ${version}); nothing written\n`);
    return schedule.status === "complete" ? 0 : 1;
  }
  if (!values.json && !values.quiet) printOutcome(schedule, report, describeWritten(new ScheduleFolderReader(solved.folder), version, solved.files), (Date.now() - started) / 1000, metrics);
  const { relaxations, complete } = schedule.status === "partial" ? await proveFixes(solved, solving) : { relaxations: [], complete: true };
  if (values.json) process.stdout.write(`${JSON.stringify({ ...outcome, relaxations }, null, 2)}\n`);
  else if (!values.quiet && schedule.status === "partial") {
    if (relaxations.length) {
      process.stdout.write("\nWhat would place every province (each proven by solving again with it):\n");
      for (const r of relaxations) process.stdout.write(`  ${r.message} — proven\n`);
    } else if (complete) process.stdout.write("\nNo single relaxation of one kind (a wider window, more trainers, a trainer free on a day, a higher cap, another cluster) places every province.\n");
    if (!complete) process.stdout.write("(The search for relaxations stopped at its time budget; kinds not reached were not tried.)\n");
  }
  return schedule.status === "complete" ? 0 : 1;
}
