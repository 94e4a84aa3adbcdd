import { join } from "node:path";
import { formatIssue } from "../../model/issues.ts";
import { scheduleJson } from "../../model/schedule.ts";
import { solvePlan } from "../../solve/solve.ts";
import { oneOf, parse } from "../args.ts";
import { readPlan, writeAtomic } from "../files.ts";
import { printOutcome } from "../report.ts";
import { solverOptions } from "../solver-options.ts";
import { writeExports } from "../write-exports.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { out: { type: "string" }, solver: { type: "string" }, "time-limit": { type: "string" }, quiet: { type: "boolean" }, lang: { type: "string" } },
    ["plan"],
  );
  const planPath = positionals[0]!;
  const solving = solverOptions(values);
  const lang = oneOf("lang", values.lang, ["vi", "en"] as const, "vi");
  const outDir = values.out ?? "out";
  const { plan, warnings } = readPlan(planPath);
  if (!values.quiet) for (const w of warnings) process.stderr.write(`${formatIssue(planPath, w)}\n`);

  const started = Date.now();
  const { schedule, report } = await solvePlan(plan, {
    ...solving,
    planPath,
    onProgress: (e) => {
      if (values.quiet || Date.now() - started < 1000) return;
      process.stderr.write(`part ${e.part}/${e.parts} (${e.clusters.join(", ")}): objective ${e.objective}${e.proven ? ", proven optimal" : ""}, ${e.seconds.toFixed(1)} s\n`);
    },
  });
  const written = writeExports(plan, schedule, outDir, { lang });
  writeAtomic(join(outDir, "schedule.json"), scheduleJson(schedule));
  if (!values.quiet) printOutcome(schedule, report, [join(outDir, "schedule.json"), ...written], (Date.now() - started) / 1000);
  return schedule.status === "complete" ? 0 : 1;
}
