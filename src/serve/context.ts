/**
 * What the workspace's routes share: the plan files of the folder and their schedule folders, the
 * solve jobs, the re-plan previews, the proven fixes and the worker threads. One per workspace,
 * passed to every route module, never module state: tests run several workspaces in one process.
 */
import { lstatSync, readdirSync } from "node:fs";
import { mergeAlternatives, type Alternatives } from "../app/alternatives.ts";
import { readText } from "../app/read-input.ts";
import { join, relative } from "node:path";
import type { Context } from "hono";
import { currentState, type ProposalFiles, type ProposalView } from "../app/replan.ts";
import { EMPTY_LOG, type ChangeLog } from "../model/change-log.ts";
import { describeChange } from "../export/diff.ts";
import { lstatOrUndefined } from "../folder/safe-write.ts";
import { ScheduleFolderReader } from "../folder/schedule-folder.ts";
import { error, InputError, type Issue } from "../model/issues.ts";
import { loadPlanText } from "../model/load.ts";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import type { RelaxResult } from "../solve/relax.ts";
import type { SessionChange } from "../solve/replan.ts";
import { LANGS, type Lang } from "../words/labels.ts";
import { WORDS, type Words } from "../words/page.ts";
import { WorkspaceBusyError } from "./explain-error.ts";
import { messagePage } from "./pages.ts";
import { WorkerPool } from "./worker-pool.ts";

/** A plan file's name: any name a planner gives (Vietnamese, spaces, parentheses, NFC or NFD), but no path, no hidden file. */
const PLAN_NAME = /^[^./\\\p{Cc}][^/\\\p{Cc}]{0,150}\.ya?ml$/iu;

export function isPlanName(name: string): boolean {
  return PLAN_NAME.test(name);
}

/**
 * The page's assets, resolved from this module: it sits beside assets/ in the sources, and the bundle
 * puts its chunk beside the copied assets/ (scripts/build.mjs). From routes/ the sources would need "../".
 */
export const ASSETS_DIR = new URL("./assets/", import.meta.url);

/** Previews hold every file of a version and jobs their events: only the latest few are kept. */
const KEPT = 20;

export interface Job {
  readonly plan: string;
  stop?: () => void;
  readonly events: { event: string; data: string }[];
  done: boolean;
  readonly listeners: Set<() => void>;
}

/** A plan file of the folder as the page reads it: the plan, or the problems that keep it from loading. */
export interface PlanFile {
  readonly plan?: Plan;
  readonly warnings?: readonly Issue[];
  readonly text: string;
  readonly problems: readonly (Issue & { readonly line?: number; readonly column?: number })[];
}

/** A re-plan's preview is a resource (GET …/previews/ID): a reload shows it again, and after Accept says so. */
export interface Preview {
  readonly plan: string;
  readonly title: (w: Words) => string;
  readonly proposal: ProposalView;
  /** Made while the planner reads the preview: the page shows the changes as soon as the solve is done. */
  readonly files?: Promise<ProposalFiles>;
  /** The day the planner typed (a re-plan never holds less than the last version held). */
  readonly askedToday?: string;
  acceptedAs?: number;
}

type Task = Parameters<WorkerPool["run"]>[0];
type OnMessage = Parameters<WorkerPool["run"]>[1];

export class WorkspaceContext {
  readonly jobs = new Map<string, Job>();
  readonly previews = new Map<string, Preview>();
  // Solves and re-plans run in worker threads: at most `workers` at once, and one solve per plan.
  private readonly pool: WorkerPool;
  private readonly solving = new Set<string>();
  // The proven fixes of a plan's partial version, found after its solve (kept while the workspace runs).
  // They are proven on the plan's text as it was: an edit since makes them stale, never applied over it.
  private readonly fixes = new Map<string, { version: number; text: string; result: RelaxResult }>();
  // A plan is validated again only when its text changed: the plan list and every page read it.
  private readonly loaded = new Map<string, { text: string; result: PlanFile }>();

  constructor(
    readonly dir: string,
    workers: number,
    /** Where the SMTP setting is read (src/app/smtp-settings.ts); the process's own unless a test gives one. */
    readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.pool = new WorkerPool(workers);
  }

  /** A plan file directly in the folder, by a plain name: no path, no link, nothing outside. */
  planFile(name: string): string | undefined {
    if (!isPlanName(name)) return undefined;
    const path = join(this.dir, name);
    if (relative(this.dir, path) !== name) return undefined;
    try {
      return lstatSync(path).isFile() ? path : undefined;
    } catch {
      return undefined;
    }
  }

  /** A plan's schedule folder; one that is a link is refused: the workspace reads and writes nothing through a link. */
  scheduleDir(name: string): string {
    const dir = join(this.dir, name.replace(/\.ya?ml$/i, ""));
    if (lstatOrUndefined(dir)?.isSymbolicLink()) throw new InputError(dir, [error("folder-is-link", [], "is a symbolic link; the workspace reads and writes no schedule through a link", "replace it with the folder itself", {})]);
    return dir;
  }

  /** The changes that stand for a plan, as its schedule folder's current version records them (none before a first solve). */
  standingLog(name: string): ChangeLog {
    return currentState(this.scheduleDir(name))?.log ?? EMPTY_LOG;
  }

  loadPlan(name: string): PlanFile {
    let text: string;
    try {
      text = readText(this.planFile(name)!);
    } catch (e) {
      // Too large, or not UTF-8: said on the page like any problem of the plan.
      if (!(e instanceof InputError)) throw e;
      return { text: "", problems: e.issues };
    }
    const cached = this.loaded.get(name);
    if (cached?.text === text) return cached.result;
    const result = readPlanText(text, name);
    this.loaded.set(name, { text, result });
    return result;
  }

  /** A route under /p/:plan, given a plan file of the folder; any other name is "no such plan". */
  withPlan(handler: (c: Context, name: string) => Response | Promise<Response>): (c: Context) => Response | Promise<Response> {
    return (c) => {
      const name = c.req.param("plan")!;
      return this.planFile(name) ? handler(c, name) : notFound(c, "noSuchPlan");
    };
  }

  currentSchedule(name: string): { reader: ScheduleFolderReader; current: number; schedule: Schedule } | undefined {
    const reader = new ScheduleFolderReader(this.scheduleDir(name));
    const current = reader.currentVersion();
    if (current === undefined) return undefined;
    return { reader, current, schedule: reader.readSchedule(current) };
  }

  keepFixes(name: string, version: number, text: string, result: RelaxResult): void {
    this.fixes.set(name, { version, text, result });
  }

  /** The proven fixes of a version, while it is the partial one they were found for and `text`, the plan's now, the one they were proven on. */
  provenFixes(name: string, version: number | undefined, text: string): RelaxResult | undefined {
    const found = this.fixes.get(name);
    return found && found.version === version && found.text === text ? found.result : undefined;
  }

  dropFixes(name: string): void {
    this.fixes.delete(name);
  }

  /** Runs a solve in a worker, one per plan; undefined when the plan or every worker is busy. */
  async solveInWorker(name: string, task: Task, onMessage: OnMessage, onError: (error: Error) => void) {
    if (this.solving.has(name)) return undefined;
    this.solving.add(name);
    const running = await this.pool.run(task, onMessage, onError);
    if (!running) this.solving.delete(name);
    else void running.ended.finally(() => this.solving.delete(name));
    return running;
  }

  /** The proposal as soon as the worker has it; its files, when it has a re-plan, a little later. */
  /**
   * Where a session could go, worked out in a worker: the page answers meanwhile. A second worker,
   * when one is free, shares the re-plans (each takes the next from a counter they share); the
   * answer waits for it only when it took some.
   */
  async alternativesInWorker(task: Extract<Task, { kind: "alternatives" }>): Promise<Alternatives> {
    const shared = { ...task, shared: { counter: new SharedArrayBuffer(4), deadline: Date.now() + task.budgetSeconds * 1000 } };
    const inWorker = (asked: Task, wait: boolean) =>
      new Promise<Alternatives | undefined>((resolve, reject) => {
        void this.pool.run(asked, (message) => message.type === "alternatives" && resolve(message.alternatives), reject, { wait }).then((running) => {
          if (!running) (wait ? reject(new WorkspaceBusyError()) : resolve(undefined));
        });
      });
    const first = inWorker(shared, true);
    // What the second worker says matters only if the first left it some re-plans; if it failed
    // with some taken, nothing of theirs is guessed: the ask is made again in one worker.
    const second = inWorker(shared, false).catch(() => undefined);
    const mine = (await first)!;
    if (!mine.leftTo?.length) return mergeAlternatives([mine])!;
    const theirs = await second;
    const merged = mergeAlternatives(theirs ? [mine, theirs] : [mine]);
    // They read different versions (one published meanwhile), or the second failed: once more, in one worker.
    return merged ?? (await inWorker(task, true))!;
  }

  proposeInWorker(task: Task): Promise<{ proposal: ProposalView; files?: Promise<ProposalFiles> }> {
    return new Promise((resolve, reject) => {
      let settleFiles: { resolve: (f: ProposalFiles) => void; reject: (e: Error) => void } | undefined;
      let proposed = false;
      void this.pool.run(
        task,
        (message) => {
          if (message.type === "proposal") {
            proposed = true;
            const complete = message.view.outcome.schedule.status === "complete";
            const files = complete ? new Promise<ProposalFiles>((res, rej) => (settleFiles = { resolve: res, reject: rej })) : undefined;
            // A failure is kept for Accept, never an unhandled rejection meanwhile.
            files?.catch(() => undefined);
            resolve({ proposal: message.view, ...(files ? { files } : {}) });
          }
          if (message.type === "files") settleFiles?.resolve(message.files);
        },
        (e) => (proposed ? settleFiles?.reject(e) : reject(e)),
      ).then((running) => {
        if (!running) reject(new WorkspaceBusyError());
      });
    });
  }
}

/** A plan's text as the page reads it: the plan, or its problems (worded in the reader's language when shown). */
export function readPlanText(text: string, name: string): PlanFile {
  try {
    const { plan, warnings } = loadPlanText(text, name);
    return { plan, warnings, text, problems: [] };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { text, problems: e.issues };
  }
}

export function langOf(c: Context): Lang {
  const lang = c.req.query("lang");
  return (LANGS as readonly string[]).includes(lang ?? "") ? (lang as Lang) : "vi";
}

/** A plan's page, with the note a redirect after a change leaves on it (Post/Redirect/Get). */
export function planHref(name: string, lang: Lang, note?: string): string {
  return `/p/${encodeURIComponent(name)}?lang=${lang}${note ? `&note=${note}` : ""}`;
}

/** An error page in the planner's language, back to the plan list. */
export function errorPage(c: Context, message: string, status: 400 | 404 | 409 | 422 | 500 | 503): Response {
  const lang = langOf(c);
  return c.html(messagePage(lang, WORDS[lang].error, message, `/?lang=${lang}`), status);
}

/** A page that is not there, said in the planner's language. */
export function notFound(c: Context, what: "noSuchPlan" | "noSuchJob" | "noSuchVersion" | "noSuchFile" | "noUpdates" | "noSuchFix"): Response {
  return errorPage(c, WORDS[langOf(c)][what], 404);
}

/** Keeps the latest few of a map, oldest out first. */
export function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= KEPT) break;
    map.delete(oldest);
  }
}

/** A version's files, for listing and serving: regular files and folders only, never through a link. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (prefix === "" && !lstatOrUndefined(dir)?.isDirectory()) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : entry.isFile() ? [`${prefix}${entry.name}`] : []))
    .sort();
}

export function changedLines(changes: readonly SessionChange[], lang: Lang): string[] {
  return changes.filter((change) => change.kind !== "unchanged").map((change) => describeChange(change, lang));
}
