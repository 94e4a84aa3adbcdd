/**
 * The workspace's solves and re-plans run here, in a worker thread, so that the page answers while
 * they work. Each task is one call of the application layer, the same the CLI makes; what comes
 * back is plain data (progress, the proposal without its resolved plans, the files, an error).
 */
import { parentPort } from "node:worker_threads";
import { alternativesOf, type Alternatives } from "../app/alternatives.ts";
import { proposalFiles, proposeReplan, type ProposalView, type ReplanRequest } from "../app/replan.ts";
import { proveFixes, solveIntoFolder } from "../app/solve.ts";
import type { RelaxResult } from "../solve/relax.ts";
import { loadPlanText } from "../model/load.ts";
import type { Plan } from "../model/plan.ts";
import { errorRecord } from "./worker-errors.ts";

export type WorkerTask =
  | { readonly id: number; readonly kind: "solve"; readonly dir: string; readonly planName: string; readonly planText: string }
  | { readonly id: number; readonly kind: "propose"; readonly dir: string; readonly planName: string; readonly planText: string; readonly request: ReplanRequest; readonly today: string; readonly source: string }
  | {
      readonly id: number;
      readonly kind: "alternatives";
      readonly dir: string;
      readonly planName: string;
      readonly planText: string;
      readonly province: string;
      readonly today: string;
      readonly budgetSeconds: number;
      /** Workers sharing the request: the re-plans' counter (one Int32), and the epoch ms they all stop by. */
      readonly shared?: { readonly counter: SharedArrayBuffer; readonly deadline: number };
    };

export type WorkerMessage =
  | { readonly id: number; readonly type: "progress"; readonly event: unknown }
  | { readonly id: number; readonly type: "solved"; readonly version: number }
  | { readonly id: number; readonly type: "fixes"; readonly version: number; readonly fixes: RelaxResult }
  | { readonly id: number; readonly type: "proposal"; readonly view: ProposalView }
  | { readonly id: number; readonly type: "files"; readonly files: Awaited<ReturnType<typeof proposalFiles>> }
  | { readonly id: number; readonly type: "alternatives"; readonly alternatives: Alternatives }
  | { readonly id: number; readonly type: "error"; readonly error: ReturnType<typeof errorRecord> }
  | { readonly id: number; readonly type: "end" };

const stops = new Map<number, AbortController>();

// The plan of the last task, kept while its text is the same: a planner re-plans one plan many times.
let lastPlan: { key: string; plan: Plan } | undefined;

async function perform(task: WorkerTask, post: (message: WorkerMessage) => void): Promise<void> {
  const key = `${task.planName}\u0000${task.planText}`;
  const plan = lastPlan?.key === key ? lastPlan.plan : loadPlanText(task.planText, task.planName).plan;
  lastPlan = { key, plan };
  if (task.kind === "solve") {
    const abort = new AbortController();
    stops.set(task.id, abort);
    const solved = await solveIntoFolder({ dir: task.dir, plan, planPath: task.planName, lang: "vi", command: "solve (workspace)", signal: abort.signal, onProgress: (event) => post({ id: task.id, type: "progress", event }) });
    // Without a full schedule: the proven fixes, for the page to offer (the CLI prints the same).
    if (solved.schedule.status === "partial") post({ id: task.id, type: "fixes", version: solved.version, fixes: await proveFixes(solved, { signal: abort.signal }) });
    post({ id: task.id, type: "solved", version: solved.version });
    return;
  }
  if (task.kind === "alternatives") {
    const counter = task.shared && new Int32Array(task.shared.counter);
    const sharing = task.shared && counter ? { claim: () => Atomics.add(counter, 0, 1), deadline: task.shared.deadline } : {};
    post({ id: task.id, type: "alternatives", alternatives: await alternativesOf({ dir: task.dir, plan, planPath: task.planName, province: task.province, today: task.today, budgetSeconds: task.budgetSeconds, ...sharing }) });
    return;
  }
  const proposal = await proposeReplan({ dir: task.dir, plan, planPath: task.planName, request: task.request, today: task.today, source: task.source });
  const { written: _written, source: _source, plan: _plan, ...view } = proposal;
  // The preview is shown as soon as the solve is done; its files follow while the planner reads it.
  post({ id: task.id, type: "proposal", view });
  if (proposal.outcome.schedule.status === "complete") post({ id: task.id, type: "files", files: await proposalFiles(proposal, "vi") });
}

parentPort!.on("message", (message: WorkerTask | { readonly type: "stop"; readonly id: number }) => {
  if ("type" in message) {
    stops.get(message.id)?.abort();
    return;
  }
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  void perform(message, post)
    .catch((e: unknown) => post({ id: message.id, type: "error", error: errorRecord(e) }))
    .finally(() => {
      stops.delete(message.id);
      post({ id: message.id, type: "end" });
    });
});
