/**
 * npm run bench — each instance with both backends: median wall time of BENCH_RUNS runs (default
 * 5), objective, proven optimal or gap, peak memory, and a greedy baseline's objective beside them.
 * Each run is a child process, so its peak memory (max RSS) is its own.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const INSTANCES = (process.env.BENCH_INSTANCES ?? "2022,2022x4,cascade1000").split(",");
const SOLVERS = (process.env.BENCH_SOLVERS ?? "highs,js").split(",");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TIME_LIMIT = Number(process.env.BENCH_TIME_LIMIT ?? 60);
const ONE = fileURLToPath(new URL("./one.ts", import.meta.url));

// Each row is printed as soon as it is measured: a long benchmark loses nothing when stopped.
const rows = { push: (row: string) => process.stdout.write(`${row}\n`) };
rows.push(`| instance | sessions | solver | median wall (s) | objective | proven optimal / gap | peak RSS (MB) | greedy objective (placed) |`);
rows.push(`|---|---|---|---|---|---|---|---|`);
for (const instance of INSTANCES) {
  for (const solver of SOLVERS) {
    const results = [];
    for (let run = 0; run < RUNS; run++) {
      const child = spawnSync(process.execPath, ["--import", "tsx", ONE, instance, solver, String(TIME_LIMIT)], { encoding: "utf8", maxBuffer: 1 << 26 });
      if (child.status !== 0) {
        process.stderr.write(child.stderr);
        throw new Error(`${instance} ${solver} failed`);
      }
      results.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!));
      process.stderr.write(`${instance} ${solver} run ${run + 1}/${RUNS}: ${results.at(-1).seconds.toFixed(2)} s\n`);
    }
    const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
    const median = seconds[Math.floor(seconds.length / 2)];
    const last = results.at(-1);
    const proof = last.failed ? `no schedule in ${TIME_LIMIT} s` : last.proven ? "proven" : last.gap === null ? "not proven, no bound" : `gap ${(last.gap * 100).toFixed(2)}%`;
    rows.push(`| ${instance} | ${last.sessions} | ${solver} | ${median.toFixed(2)} | ${last.objective ?? "—"}${!last.failed && last.placed < last.sessions ? ` (${last.placed} placed)` : ""} | ${proof} | ${Math.max(...results.map((r) => r.maxRssMb))} | ${last.greedyObjective} (${last.greedyPlaced}) |`);
  }
}
process.stdout.write(`\nnode ${process.version}, ${RUNS} runs each, time limit ${TIME_LIMIT} s per solve.\n`);
