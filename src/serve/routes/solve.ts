/**
 * A plan's first solve, as a job the page follows: started in a worker thread, its progress streamed
 * as server-sent events (from the start, to every tab that asks), stopped on request with the best
 * schedule found so far.
 */
import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { ScheduleFolderReader } from "../../folder/schedule-folder.ts";
import { WORDS } from "../../words/page.ts";
import { langOf, notFound, remember, type Job, type WorkspaceContext } from "../context.ts";
import { explainError } from "../explain-error.ts";
import { newToken } from "../security.ts";

export function solveRoutes(app: Hono, ws: WorkspaceContext): void {
  app.post("/p/:plan/solve", ws.withPlan(async (c, name) => {
    const w = WORDS[langOf(c)];
    const { plan, text } = ws.loadPlan(name);
    if (!plan) return c.json({ error: w.invalid }, 422);
    if (new ScheduleFolderReader(ws.scheduleDir(name)).currentVersion() !== undefined) return c.json({ error: w.alreadySolved }, 409);
    const id = newToken();
    const job: Job = { plan: name, events: [], done: false, listeners: new Set() };
    const emit = (event: string, data: unknown) => {
      job.events.push({ event, data: JSON.stringify(data) });
      for (const listener of job.listeners) listener();
    };
    // Locked from the start in the worker: a CLI solve or another tab cannot interleave.
    const running = await ws.solveInWorker(
      name,
      { kind: "solve", dir: ws.scheduleDir(name), planName: name, planText: text },
      (message) => {
        if (message.type === "progress") emit("progress", message.event);
        if (message.type === "fixes") ws.keepFixes(name, message.version, text, message.fixes);
        if (message.type === "solved") emit("done", { version: message.version });
      },
      (e) => emit("failed", { error: explainError(e, langOf(c), `solve ${name}`, ws.dir).message }),
    );
    if (!running) return c.json({ error: w.busy }, 503);
    job.stop = () => running.stop();
    void running.ended.finally(() => {
      job.done = true;
      for (const listener of job.listeners) listener();
    });
    remember(ws.jobs, id, job);
    return c.json({ job: id }, 202);
  }));

  app.get("/p/:plan/jobs/:job/events", ws.withPlan((c, name) => {
    const job = jobOf(c.req.param("job")!, name);
    if (!job) return notFound(c, "noSuchJob");
    return streamSSE(c, async (stream) => {
      let sent = 0;
      for (;;) {
        while (sent < job.events.length) {
          const { event, data } = job.events[sent++]!;
          await stream.writeSSE({ event, data });
        }
        if (job.done) return;
        await new Promise<void>((resolve) => {
          const wake = () => {
            job.listeners.delete(wake);
            resolve();
          };
          job.listeners.add(wake);
        });
      }
    });
  }));

  app.post("/p/:plan/jobs/:job/stop", ws.withPlan((c, name) => {
    const job = jobOf(c.req.param("job")!, name);
    if (!job) return notFound(c, "noSuchJob");
    job.stop?.();
    return c.json({ stopping: true });
  }));

  /** A job is reached through its own plan only: another plan's address neither follows nor stops it. */
  function jobOf(id: string, plan: string) {
    const job = ws.jobs.get(id);
    return job?.plan === plan ? job : undefined;
  }
}
