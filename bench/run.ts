/**
 * npm run bench — each instance with both backends: median wall time of BENCH_RUNS runs (default
 * 5), objective, proven optimal or gap, peak memory, and a greedy baseline's objective beside them.
 * Each run is a child process, so its peak memory (max RSS) is its own. Then whole commands, the
 * workspace page, hard plans through the CLI with a time limit, and what flushing a version to the
 * disk costs (BENCH_COMMANDS, BENCH_WORKSPACE, BENCH_HARD, BENCH_FOLDER=0 leave each out).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { plan2022With300TrainersText } from "./instances.ts";

// BENCH_INSTANCES= (empty) runs no solver row: the commands, the page and the folder alone.
const INSTANCES = (process.env.BENCH_INSTANCES ?? "2022,2022paced,2022x4,cascade1000,communes").split(",").filter(Boolean);
const SOLVERS = (process.env.BENCH_SOLVERS ?? "highs,js").split(",");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TIME_LIMIT = Number(process.env.BENCH_TIME_LIMIT ?? 60);
const ONE = fileURLToPath(new URL("./one.ts", import.meta.url));

// Each row is printed as soon as it is measured: a long benchmark loses nothing when stopped.
const rows = { push: (row: string) => process.stdout.write(`${row}\n`) };
if (INSTANCES.length) {
  rows.push(`| instance | sessions | solver | median wall (s) | objective | proven optimal / gap | peak RSS (MB) | greedy objective (placed) |`);
  rows.push(`|---|---|---|---|---|---|---|---|`);
}
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

// Whole commands as a planner runs them (start-up, reading, solving, writing every export):
// median wall time and peak memory of the process, measured by /usr/bin/time.
if (process.env.BENCH_COMMANDS !== "0") {
  const ROOT = fileURLToPath(new URL("..", import.meta.url));
  const BIN = `${ROOT}bin/taphuan.js`;
  const PLAN = `${ROOT}plans/2022-09-tcnscd.yaml`;
  const template = mkdtempSync(join(tmpdir(), "bench-template-"));
  rmSync(template, { recursive: true });
  spawnSync(process.execPath, [BIN, "solve", PLAN, "--out", template, "--quiet"]);
  const commands: [string, () => string[]][] = [
    ["taphuan validate (2022 plan)", () => ["validate", PLAN, "--quiet"]],
    ["taphuan solve (2022 plan, every export)", () => ["solve", PLAN, "--out", join(mkdtempSync(join(tmpdir(), "bench-solve-")), "out"), "--quiet"]],
    [
      "taphuan replan (Nam Định, the walk-through)",
      () => {
        const out = join(mkdtempSync(join(tmpdir(), "bench-replan-")), "out");
        cpSync(template, out, { recursive: true, verbatimSymlinks: true });
        return ["replan", PLAN, "--schedule", join(out, "schedule.json"), "--changes", `${ROOT}examples/nam-dinh-doi-lich.yaml`, "--today", "2022-09-14", "--quiet"];
      },
    ],
  ];
  process.stdout.write(`\n| whole command | median wall (s) | CPU (s) | peak RSS (MB) |\n|---|---|---|---|\n`);
  for (const [label, args] of commands) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const timed = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, BIN, ...args()], { encoding: "utf8" });
      const [wall, user, system, kb] = timed.stderr.trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number, number, number];
      runs.push({ wall, cpu: user + system, mb: Math.round(kb / 1024) });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    process.stdout.write(`| ${label} | ${median(runs.map((r) => r.wall)).toFixed(2)} | ${median(runs.map((r) => r.cpu)).toFixed(2)} | ${Math.max(...runs.map((r) => r.mb))} |\n`);
  }
}

// Plans that are hard for the optimiser, as a planner meets them: `taphuan solve --time-limit 10`
// (the optimiser, then the greedy placer and the explanation of whoever is left out), wall time
// and peak memory of the process by /usr/bin/time. One cluster of 63 provinces is the optimiser's
// worst case; 300 trainers who may all serve every cluster make the largest models of the 2022 plan.
if (process.env.BENCH_HARD !== "0") {
  const ROOT = fileURLToPath(new URL("..", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "bench-hard-"));
  const trainers300 = join(dir, "2022-300-trainers.yaml");
  writeFileSync(trainers300, plan2022With300TrainersText());
  const plans: [string, string][] = [
    ["examples/one-cluster-63.yaml", `${ROOT}examples/one-cluster-63.yaml`],
    ["2022 plan, 300 trainers, clusters: all (bench/instances.ts)", trainers300],
  ];
  process.stdout.write(`\n| taphuan solve --time-limit 10 | exit code | median wall (s) | peak RSS (MB) |\n|---|---|---|---|\n`);
  for (const [label, plan] of plans) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const out = join(mkdtempSync(join(tmpdir(), "bench-hard-out-")), "out");
      const timed = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, `${ROOT}bin/taphuan.js`, "solve", plan, "--out", out, "--time-limit", "10", "--quiet"], { encoding: "utf8" });
      const [wall, kb] = timed.stderr.trim().split("\n").at(-1)!.split(" ").map(Number) as [number, number];
      runs.push({ wall, mb: Math.round(kb / 1024), code: timed.status });
    }
    const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
    process.stdout.write(`| ${label} | ${[...new Set(runs.map((r) => r.code))].join(", ")} | ${walls[Math.floor(walls.length / 2)]!.toFixed(2)} | ${Math.max(...runs.map((r) => r.mb))} |\n`);
  }
}

// The planner's wait in the workspace page (a warm server, as `npm start` runs it).
if (process.env.BENCH_WORKSPACE !== "0") {
  const WORKSPACE = fileURLToPath(new URL("./workspace.ts", import.meta.url));
  const child = spawnSync(process.execPath, ["--import", "tsx", WORKSPACE, String(RUNS)], { encoding: "utf8" });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error("the workspace benchmark failed");
  }
  const page = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { alternatives: number; alternativesEach: number[]; alternativesCpu: number[]; preview: number; accept: number; acceptRightAway: number; getDuringSolveMs: { median: number; max: number; count: number }; maxRssMb: number };
  process.stdout.write(`\n| workspace page, 2022 plan, re-plan Nam Định | median (s) |\n|---|---|\n`);
  process.stdout.write(`| the click to the preview of the changes | ${page.preview.toFixed(2)} |\n`);
  process.stdout.write(`| accept, after a second of reading the preview | ${page.accept.toFixed(2)} |\n`);
  process.stdout.write(`| accept right away (waits for the exports) | ${page.acceptRightAway.toFixed(2)} |\n`);
  process.stdout.write(`| where can Nam Định's session go: every half-day of its window marked (target ≤ 1 s) | ${page.alternatives.toFixed(2)} (each ask, in order: ${page.alternativesEach.map((s) => s.toFixed(2)).join(", ")}; CPU of all threads: ${page.alternativesCpu.map((s) => s.toFixed(2)).join(", ")}) |\n`);
  process.stdout.write(`| GET / during the 2022 solve (in a worker thread; target ≤ 50 ms) | ${(page.getDuringSolveMs.median / 1000).toFixed(3)} (max ${(page.getDuringSolveMs.max / 1000).toFixed(3)}, ${page.getDuringSolveMs.count} requests) |\n`);
  process.stdout.write(`\npeak RSS of the workspace: ${page.maxRssMb} MB\n`);
}

// What flushing a version to the disk costs `solve` and `replan` (the schedule folder's fsync).
if (process.env.BENCH_FOLDER !== "0") {
  const FOLDER = fileURLToPath(new URL("./folder.ts", import.meta.url));
  const child = spawnSync(process.execPath, ["--import", "tsx", FOLDER, String(RUNS)], { encoding: "utf8" });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error("the folder benchmark failed");
  }
  const folder = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { files: number; kb: number; withFsyncMs: number; withoutFsyncMs: number; maxWithFsyncMs: number };
  process.stdout.write(`\n| publishing the 2022 plan's version (${folder.files} files, ${folder.kb} KB) | median (ms) |\n|---|---|\n`);
  process.stdout.write(`| flushed to the disk (fsync of every file and folder, before and after the switch) | ${folder.withFsyncMs.toFixed(0)} (max ${folder.maxWithFsyncMs.toFixed(0)}) |\n`);
  process.stdout.write(`| not flushed (fsync made a no-op, for comparison) | ${folder.withoutFsyncMs.toFixed(0)} |\n`);
}
