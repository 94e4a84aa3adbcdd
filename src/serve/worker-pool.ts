/**
 * A few long-lived worker threads for the workspace's solves and re-plans: the event loop stays
 * free for pages, at most `size` tasks run at once, and one more is answered "busy" at once.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerMessage, WorkerTask } from "./solve-worker.ts";
import { revive } from "./worker-errors.ts";

type Task = WorkerTask extends infer T ? (T extends { id: number } ? Omit<T, "id"> : never) : never;

export interface Running {
  /** Settles when the worker has finished the task (after its last message). */
  readonly ended: Promise<void>;
  stop(): void;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker | undefined) => void)[] = [];
  private count = 0;
  private nextId = 1;

  /**
   * `size` workers at most; a task finding none free waits, with at most `queue` others, up to
   * `waitMs` for one; beyond that it is answered "busy".
   */
  constructor(
    private readonly size: number,
    private readonly queue = 4,
    private readonly waitMs = 20_000,
  ) {}

  /**
   * Starts a task, or answers undefined when every worker stays busy (with `wait: false`, when none
   * is free right now). `onMessage` gets every message but the end; an error arrives revived.
   */
  async run(task: Task, onMessage: (message: Exclude<WorkerMessage, { type: "end" | "error" }>) => void, onError: (error: Error) => void, options: { readonly wait?: boolean } = {}): Promise<Running | undefined> {
    const worker = this.idle.pop() ?? (this.count < this.size ? this.spawn() : options.wait === false ? undefined : await this.wait());
    if (!worker) return undefined;
    const id = this.nextId++;
    let settle!: () => void;
    const ended = new Promise<void>((resolve) => (settle = resolve));
    const finish = (healthy: boolean) => {
      worker.off("message", listen);
      worker.off("error", crashed);
      worker.off("exit", exited);
      if (healthy) this.release(worker);
      else void worker.terminate(); // its exit makes room for a new one
      settle();
    };
    const listen = (message: WorkerMessage) => {
      if (message.id !== id) return;
      if (message.type === "end") finish(true);
      else if (message.type === "error") onError(revive(message.error));
      else onMessage(message);
    };
    const crashed = (error: Error) => {
      onError(error);
      finish(false);
    };
    const exited = () => crashed(new Error("the worker thread stopped during the task"));
    worker.on("message", listen);
    worker.once("error", crashed);
    worker.once("exit", exited);
    worker.postMessage({ ...task, id });
    return { ended, stop: () => worker.postMessage({ type: "stop", id }) };
  }

  private wait(): Promise<Worker | undefined> {
    if (this.waiting.length >= this.queue) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter = (worker: Worker | undefined) => {
        clearTimeout(timer);
        resolve(worker);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        resolve(undefined);
      }, this.waitMs);
      this.waiting.push(waiter);
    });
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private spawn(): Worker {
    this.count++;
    // From the bundle the worker is JavaScript beside this chunk; from the sources (tests, tsx) it is
    // TypeScript, loaded through tsx's ESM API (its import build sits beside the CommonJS one require finds).
    const worker = import.meta.url.endsWith(".ts")
      ? new Worker(`import { register } from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href)}; register(); await import(${JSON.stringify(new URL("./solve-worker.ts", import.meta.url).href)});`, { eval: true })
      : new Worker(new URL("./solve-worker.js", import.meta.url));
    // An idle worker does not keep the process alive.
    worker.unref();
    // A worker that ends (crashed, idle or busy) leaves the pool, and a waiting task gets a new one.
    worker.on("error", () => undefined);
    worker.once("exit", () => {
      const idle = this.idle.indexOf(worker);
      if (idle >= 0) this.idle.splice(idle, 1);
      this.count--;
      const next = this.waiting.shift();
      next?.(this.spawn());
    });
    return worker;
  }
}
