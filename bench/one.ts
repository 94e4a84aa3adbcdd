/** One benchmark run in its own process: prints one JSON line. */
import { evaluateGoals } from "../src/solve/check.ts";
import { greedySchedule } from "../src/solve/greedy.ts";
import { TimeLimitError } from "../src/solve/errors.ts";
import { solvePlan } from "../src/solve/solve.ts";
import type { SolverName } from "../src/solve/backends.ts";
import { cascade1000, cascadeCommunes, plan2022, plan2022Paced, plan2022Times4 } from "./instances.ts";

const [instance, solver, limit] = process.argv.slice(2) as [string, SolverName, string];
const plan = instance === "2022" ? plan2022() : instance === "2022paced" ? plan2022Paced() : instance === "2022x4" ? plan2022Times4() : instance === "communes" ? cascadeCommunes() : cascade1000();
const greedy = greedySchedule(plan);
const greedyObjective = Math.round(evaluateGoals(plan, greedy).reduce((s, g) => s + g.cost, 0) * 100) / 100;
const solving = performance.now();
// BENCH_GREEDY_START=1: HiGHS starts from the greedy placer's schedule (SolveOptions.greedyStart), to measure it.
const outcome = await solvePlan(plan, { solver, timeLimitSeconds: Number(limit), ...(process.env["BENCH_GREEDY_START"] === "1" ? { greedyStart: true } : {}) }).catch((e: unknown) => {
  if (e instanceof TimeLimitError) return undefined;
  throw e;
});
const seconds = (performance.now() - solving) / 1000;
if (!outcome) {
  process.stdout.write(`${JSON.stringify({ instance, solver, sessions: plan.provinces.length, placed: 0, seconds, failed: true, objective: null, proven: false, gap: null, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), greedyObjective, greedyPlaced: greedy.length })}\n`);
  process.exit(0);
}
const { schedule, report } = outcome;
const worst = report.parts.some((p) => p.gap === null) ? null : Math.max(0, ...report.parts.map((p) => p.gap ?? 0));
process.stdout.write(
  `${JSON.stringify({ instance, solver, sessions: plan.provinces.length, placed: schedule.sessions.length, seconds, objective: report.objective, proven: report.proven, gap: worst, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), greedyObjective, greedyPlaced: greedy.length })}\n`,
);
