/**
 * The planner's wait in the workspace page, in its own process: the 2022 plan solved through the
 * page, then the walk-through's re-plan (Nam Định cannot host on 15/9) asked for and accepted,
 * RUNS times. Prints one JSON line: the median time of the preview (from the click to the page
 * with the proposed changes) and of the accept (to the page with the new version), in seconds,
 * the accept clicked after a second of reading the preview, and once more right away; and the page
 * of every half-day Nam Định's session could go to (each ask's time too: the first also starts the
 * second worker that shares its re-plans).
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createWorkspace } from "../src/serve/workspace.ts";

const RUNS = Math.max(2, Number(process.argv[2] ?? 5));
const PLAN = "2022-09-tcnscd.yaml";
const dir = mkdtempSync(join(tmpdir(), "bench-workspace-"));
cpSync(fileURLToPath(new URL(`../plans/${PLAN}`, import.meta.url)), join(dir, PLAN));
const host = "127.0.0.1:4173";
const app = createWorkspace({ dir, host: "127.0.0.1", port: 4173 });
// Every change answers 303 (Post/Redirect/Get): followed, as a browser does, and timed with it.
const post = async (path: string, form: Record<string, string> = {}) => {
  const response = await app.request(`http://${host}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { host, origin: `http://${host}` } });
  return response.status === 303 ? app.request(`http://${host}${response.headers.get("location")!}`, { headers: { host } }) : response;
};

const { job } = (await (await post(`/p/${PLAN}/solve`)).json()) as { job: string };
// While the solve runs (in a worker thread), another planner's pages still answer: GET / every 100 ms until it is done.
let solved = false;
const duringSolve: number[] = [];
const eventsDone = Promise.resolve(app.request(`http://${host}/p/${PLAN}/jobs/${job}/events`, { headers: { host } }))
  .then((r) => r.text())
  .finally(() => (solved = true));
while (!solved) {
  const started = performance.now();
  await app.request(`http://${host}/`, { headers: { host } });
  duringSolve.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const events = await eventsDone;
if (!events.includes("event: done")) throw new Error(`the page's solve did not finish: ${events}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const previews: number[] = [];
const accepts: number[] = [];
const hastyAccepts: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // Each run moves Nam Định off the day the current version gives it, so every run re-plans for real.
  const current = (await (await app.request(`http://${host}/p/${PLAN}/files/${run + 1}/schedule.json`, { headers: { host } })).json()) as { sessions: { province: string; date: string }[] };
  const day = current.sessions.find((s) => s.province === "Nam Định")!.date;
  let started = performance.now();
  const page = await (await post(`/p/${PLAN}/replan`, { province: "Nam Định", kind: "day", day, today: "2022-09-11" })).text();
  previews.push((performance.now() - started) / 1000);
  const id = /previews\/([\w-]+)\/accept/.exec(page)?.[1];
  if (!id) throw new Error(`no preview to accept:\n${page}`);
  const hasty = run === RUNS - 1;
  if (!hasty) await new Promise((resolve) => setTimeout(resolve, 1000));
  started = performance.now();
  const accepted = await post(`/p/${PLAN}/previews/${id}/accept`);
  (hasty ? hastyAccepts : accepts).push((performance.now() - started) / 1000);
  if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
}
// "Where can this session go?" for Nam Định in the warm page: every half-day of Cụm 1's window marked.
// Its CPU time too (the process's: the page's thread and both workers), which another program's load does not stretch as much.
const alternatives: number[] = [];
const alternativesCpu: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const page = await (await app.request(`http://${host}/p/${PLAN}/alternatives?province=${encodeURIComponent("Nam Định")}&today=2022-09-11`, { headers: { host } })).text();
  alternatives.push((performance.now() - started) / 1000);
  const used = process.cpuUsage(cpu);
  alternativesCpu.push((used.user + used.system) / 1e6);
  if (!page.includes("alt-current")) throw new Error(`no alternatives page:\n${page}`);
}
process.stdout.write(`${JSON.stringify({ alternatives: median(alternatives), alternativesEach: alternatives, alternativesCpu, preview: median(previews), accept: median(accepts), acceptRightAway: hastyAccepts[0], getDuringSolveMs: { median: median(duringSolve), max: Math.max(...duringSolve), count: duringSolve.length }, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
process.exit(0);
