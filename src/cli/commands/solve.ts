import { join } from "node:path";
import { LANGS } from "../../export/labels.ts";
import { ScheduleFolder } from "../../folder/schedule-folder.ts";
import { error, formatIssue, InputError } from "../../model/issues.ts";
import { loadScheduleText, planHash } from "../../model/schedule.ts";
import { proveRelaxations } from "../../solve/relax.ts";
import { solvePlan } from "../../solve/solve.ts";
import { evaluateGoals } from "../../solve/check.ts";
import { comparisonJson, comparisonMarkdown, type ProfileResult } from "../../export/comparison.ts";
import { scheduleMetrics } from "../../model/metrics.ts";
import type { Plan } from "../../model/plan.ts";
import { oneOf, parse } from "../args.ts";
import { planProposingWindows } from "../../model/variants.ts";
import { profiledPlan } from "../changes.ts";
import { displayName, readPlan } from "../files.ts";
import { describeWritten, filesOfVersion } from "../publish.ts";
import { printOutcome } from "../report.ts";
import { solverOptions } from "../solver-options.ts";

function folderHoldsAnother(folder: ScheduleFolder, version: number, planId: string): InputError {
  return new InputError(folder.dir, [
    error(
      "out-holds-schedule",
      [],
      `already holds version ${version} of the schedule of plan "${planId}"; solving again would replace the calendar people may already have`,
      `re-plan it (taphuan replan PLAN --schedule ${join(folder.dir, "schedule.json")}), or solve into another folder (--out DIR)`,
    ),
  ]);
}

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
  // --propose-windows: every cluster the plan leaves undated gets dates proposed (the plan's blank stays blank).
  const written = values["propose-windows"] ? planProposingWindows(loaded.plan) : loaded.plan;
  // Goal profiles: --profile solves with one; --compare solves with each and publishes the first.
  const names = values.compare !== undefined ? values.compare.split(",").map((n) => n.trim()) : values.profile !== undefined ? [values.profile] : [];
  const profiles = names.map((name) => ({ name, plan: profiledPlan(written, name) }));
  const plan = profiles[0]?.plan ?? written;
  // --json: the outcome as data on stdout, and nothing else there.
  const quiet = values.quiet === true || values.json === true;
  if (!values.quiet) for (const w of warnings) process.stderr.write(`${formatIssue(displayName(planPath), w)}\n`);

  // Locked before the solve: a second writer is told at once, and an unwritable folder is found before the work.
  const folder = await ScheduleFolder.open(values.out ?? "out", "solve");
  try {
    const current = folder.currentVersion();
    const currentText = current === undefined ? undefined : folder.readVersionFile(current, "schedule.json");
    const currentSchedule = currentText === undefined ? undefined : loadScheduleText(currentText, folder.versionPath(current!, "schedule.json"));
    if (current !== undefined && currentSchedule!.planHash !== planHash(plan)) throw folderHoldsAnother(folder, current, currentSchedule!.planId);

    const started = Date.now();
    const solveWith = async (which: Plan, profile: string | undefined) => {
      const outcome = await solvePlan(which, {
        ...solving,
        planPath: displayName(planPath),
        onProgress: (e) => {
          if (quiet || Date.now() - started < 1000) return;
          process.stderr.write(`${profile ? `${profile}: ` : ""}part ${e.part}/${e.parts} (${e.clusters.join(", ")}): objective ${e.objective}${e.proven ? ", proven optimal" : e.bound === null ? ", no bound yet" : `, bound ${e.bound}`}, ${e.seconds.toFixed(1)} s\n`);
        },
      });
      return { ...outcome, schedule: { ...outcome.schedule, ...(profile ? { profile } : {}), ...(values["propose-windows"] ? { proposeWindows: true } : {}) } };
    };
    const { schedule, report } = await solveWith(plan, profiles[0]?.name);
    const files = new Map(await filesOfVersion(plan, schedule, { lang, quiet, source: loaded.plan.data }));
    if (values.compare !== undefined) {
      const results: ProfileResult[] = [];
      for (const [i, profile] of profiles.entries()) {
        const solved = i === 0 ? { schedule, report } : await solveWith(profile.plan, profile.name);
        const terms = Object.fromEntries(evaluateGoals(profile.plan, solved.schedule.sessions).filter((g) => g.cost !== 0).map((g) => [g.id, Math.round(g.cost * 100) / 100]));
        results.push({ profile: profile.name, status: solved.schedule.status, objective: solved.report.objective, proven: solved.report.proven, terms, metrics: scheduleMetrics(profile.plan, solved.schedule) });
      }
      files.set("comparison.md", comparisonMarkdown(results));
      files.set("comparison.json", comparisonJson(results));
      if (!quiet) process.stdout.write(`${comparisonMarkdown(results)}\n`);
    }
    const metrics = scheduleMetrics(plan, schedule);
    const outcome = (version: number, written: boolean) => ({ status: schedule.status, folder: folder.dir, version, written, sessions: schedule.sessions.length, unplaced: schedule.unplaced, report, metrics });
    if (current !== undefined) {
      if (files.get("schedule.json") !== currentText) throw folderHoldsAnother(folder, current, schedule.planId);
      if (values.json) process.stdout.write(`${JSON.stringify(outcome(current, false), null, 2)}\n`);
      else if (!values.quiet) process.stdout.write(`${folder.dir} already holds this schedule (version ${current}); nothing written\n`);
      return schedule.status === "complete" ? 0 : 1;
    }
    const version = folder.publish(files, undefined);
    if (!values.json && !values.quiet) printOutcome(schedule, report, describeWritten(folder, version, files), (Date.now() - started) / 1000, metrics);
    // Without a full schedule: the smallest change of each kind that places everyone, proven by solving again.
    const { relaxations, complete } = schedule.status === "partial" ? await proveRelaxations(plan, schedule, { solve: async (changed) => (await solvePlan(changed, solving)).schedule }) : { relaxations: [], complete: true };
    if (values.json) process.stdout.write(`${JSON.stringify({ ...outcome(version, true), relaxations }, null, 2)}\n`);
    else if (!values.quiet && schedule.status === "partial") {
      if (relaxations.length) {
        process.stdout.write("\nWhat would place every province (each proven by solving again with it):\n");
        for (const r of relaxations) process.stdout.write(`  ${r.message} — proven\n`);
      } else if (complete) process.stdout.write("\nNo single relaxation of one kind (a wider window, more trainers, a trainer free on a day, a higher cap, another cluster) places every province.\n");
      if (!complete) process.stdout.write("(The search for relaxations stopped at its time budget; kinds not reached were not tried.)\n");
    }
    return schedule.status === "complete" ? 0 : 1;
  } finally {
    folder.close();
  }
}
