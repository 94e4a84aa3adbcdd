import { join } from "node:path";
import { LANGS } from "../../export/labels.ts";
import { ScheduleFolder } from "../../folder/schedule-folder.ts";
import { error, formatIssue, InputError } from "../../model/issues.ts";
import { loadScheduleText, planHash } from "../../model/schedule.ts";
import { solvePlan } from "../../solve/solve.ts";
import { oneOf, parse } from "../args.ts";
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
    { out: { type: "string" }, solver: { type: "string" }, "time-limit": { type: "string" }, quiet: { type: "boolean" }, lang: { type: "string" } },
    ["plan"],
  );
  const planPath = positionals[0]!;
  const solving = solverOptions(values);
  const lang = oneOf("lang", values.lang, LANGS, "vi");
  const { plan, warnings } = readPlan(planPath);
  if (!values.quiet) for (const w of warnings) process.stderr.write(`${formatIssue(displayName(planPath), w)}\n`);

  // Locked before the solve: a second writer is told at once, and an unwritable folder is found before the work.
  const folder = await ScheduleFolder.open(values.out ?? "out", "solve");
  try {
    const current = folder.currentVersion();
    const currentText = current === undefined ? undefined : folder.readVersionFile(current, "schedule.json");
    const currentSchedule = currentText === undefined ? undefined : loadScheduleText(currentText, folder.versionPath(current!, "schedule.json"));
    if (current !== undefined && currentSchedule!.planHash !== planHash(plan)) throw folderHoldsAnother(folder, current, currentSchedule!.planId);

    const started = Date.now();
    const { schedule, report } = await solvePlan(plan, {
      ...solving,
      planPath: displayName(planPath),
      onProgress: (e) => {
        if (values.quiet || Date.now() - started < 1000) return;
        process.stderr.write(`part ${e.part}/${e.parts} (${e.clusters.join(", ")}): objective ${e.objective}${e.proven ? ", proven optimal" : ""}, ${e.seconds.toFixed(1)} s\n`);
      },
    });
    const files = await filesOfVersion(plan, schedule, { lang, quiet: values.quiet ?? false });
    if (current !== undefined) {
      if (files.get("schedule.json") !== currentText) throw folderHoldsAnother(folder, current, schedule.planId);
      if (!values.quiet) process.stdout.write(`${folder.dir} already holds this schedule (version ${current}); nothing written\n`);
      return schedule.status === "complete" ? 0 : 1;
    }
    const version = folder.publish(files, undefined);
    if (!values.quiet) printOutcome(schedule, report, describeWritten(folder, version, files), (Date.now() - started) / 1000);
    return schedule.status === "complete" ? 0 : 1;
  } finally {
    folder.close();
  }
}
