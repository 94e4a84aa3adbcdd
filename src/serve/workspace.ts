/**
 * The planner's workspace: an HTTP server over the same library and the same schedule folders
 * the CLI writes. Per plan file `NAME.yaml` in the folder, its schedule folder is `NAME/`.
 * Safe by default: Host and Origin checked on every request, a token where the host is not loopback.
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { zipSync } from "fflate";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { planTextWithFix } from "../app/fixes.ts";
import { readText } from "../app/read-input.ts";
import { planDifferences } from "../app/plan-diff.ts";
import { publishProposal, readVersion, type ProposalFiles, type ProposalView, type ReplanRequest } from "../app/replan.ts";
import { todayIn } from "../app/today.ts";
import { describeEntry, differenceText, notBackText } from "../words/change-log.ts";
import { comparisonTable, type ProfileResult } from "../export/comparison.ts";
import { describeChange, diffSummary, replanSummary, type DiffSummary } from "../export/diff.ts";
import { relaxationText } from "../words/fixes.ts";
import { causeText, issueText } from "../words/issues.ts";
import { LANGS, officialDate, type Lang } from "../words/labels.ts";
import { VersionConflictError } from "../folder/errors.ts";
import { FolderBusyError } from "../folder/lock.ts";
import { lstatOrUndefined, writeAtomic } from "../folder/safe-write.ts";
import { ScheduleFolder, ScheduleFolderReader } from "../folder/schedule-folder.ts";
import { standingChanges } from "../model/change-log.ts";
import { emptyChanges, type Changes } from "../model/changes.ts";
import { error, formatIssue, InputError, type Issue } from "../model/issues.ts";
import { loadPlanText } from "../model/load.ts";
import type { Plan } from "../model/plan.ts";
import { setOwn } from "../model/records.ts";
import type { Schedule } from "../model/schedule.ts";
import { DateString } from "../model/schema.ts";
import { TaphuanError } from "../model/errors.ts";
import type { RelaxResult } from "../solve/relax.ts";
import { compareSessions, type SessionChange } from "../solve/replan.ts";
import { explainError, WorkspaceBusyError } from "./explain-error.ts";
import { comparePage, editor, issuesBlock, layout, messagePage, planList, planPage, previewPage, replanForm } from "./pages.ts";
import { newToken, security } from "./security.ts";
import { WorkerPool } from "./worker-pool.ts";
import { WORDS } from "../words/page.ts";

export interface WorkspaceOptions {
  readonly dir: string;
  readonly host: string;
  readonly port: number;
  /** Required on every request when set (always set for a non-loopback host). */
  readonly token?: string;
  /** Solves and re-plans at once (worker threads); default 2, one per core of the machines this runs on. */
  readonly workers?: number;
}

const WORKERS = 2;

/** A plan file's name: any name a planner gives (Vietnamese, spaces, parentheses, NFC or NFD), but no path, no hidden file. */
const PLAN_NAME = /^[^./\\\p{Cc}][^/\\\p{Cc}]{0,150}\.ya?ml$/iu;
const MAX_BODY_BYTES = 1024 * 1024;
const ASSETS: Record<string, string> = { "app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8" };
const DOWNLOAD_TYPES: [RegExp, string][] = [
  [/\.ics$/, "text/calendar; charset=utf-8"],
  [/\.json$/, "application/json; charset=utf-8"],
  [/\.md$/, "text/markdown; charset=utf-8"],
  [/\.csv$/, "text/csv; charset=utf-8"],
  [/\.html$/, "text/html; charset=utf-8"],
  [/\.docx$/, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  [/\.xlsx$/, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  [/\.eml$/, "message/rfc822"],
];

interface Job {
  readonly plan: string;
  stop?: () => void;
  readonly events: { event: string; data: string }[];
  done: boolean;
  readonly listeners: Set<() => void>;
}

/** A plan file of the folder as the page reads it: the plan, or the problems that keep it from loading. */
interface PlanFile {
  readonly plan?: Plan;
  readonly warnings?: readonly Issue[];
  readonly text: string;
  readonly problems: string[];
}

/** A re-plan's preview is a resource (GET …/previews/ID): a reload shows it again, and after Accept says so. */
interface Preview {
  readonly plan: string;
  readonly title: (w: (typeof WORDS)[Lang]) => string;
  readonly proposal: ProposalView;
  /** Made while the planner reads the preview: the page shows the changes as soon as the solve is done. */
  readonly files?: Promise<ProposalFiles>;
  /** The day the planner typed (a re-plan never holds less than the last version held). */
  readonly askedToday?: string;
  acceptedAs?: number;
}

export function createWorkspace(options: WorkspaceOptions): Hono {
  const app = new Hono();
  const jobs = new Map<string, Job>();
  const previews = new Map<string, Preview>();
  // Solves and re-plans run in worker threads: at most WORKERS at once, and one solve per plan.
  const pool = new WorkerPool(options.workers ?? WORKERS);
  const solving = new Set<string>();
  // The proven fixes of a plan's partial version, found after its solve (kept while the workspace runs).
  // They are proven on the plan's text as it was: an edit since makes them stale, never applied over it.
  const fixes = new Map<string, { version: number; text: string; result: RelaxResult }>();

  // Every error, once: its kind gives the status, its code the planner's words; an internal one a reference, never a path or a stack.
  app.onError((error, c) => {
    const lang = langOf(c);
    const { status, message } = explainError(error, lang, `${c.req.method} ${c.req.path}`, options.dir);
    return c.html(messagePage(lang, WORDS[lang].error, message, `/?lang=${lang}`), status);
  });

  // Host, Origin, token and the protective headers, on every request and every response (src/serve/security.ts).
  app.use("*", security(options));
  app.use("*", bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text(`Từ chối: nội dung gửi lên tối đa ${MAX_BODY_BYTES / 1024} KiB. / Refused: a request body is at most ${MAX_BODY_BYTES / 1024} KiB.`, 413) }));

  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    if (!Object.hasOwn(ASSETS, name)) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(readFileSync(new URL(`./assets/${name}`, import.meta.url)), 200, { "Content-Type": ASSETS[name]! });
  });

  /** A page that is not there, said in the planner's language. */
  const notFound = (c: Context, what: "noSuchPlan" | "noSuchJob" | "noSuchVersion" | "noSuchFile" | "noUpdates" | "noSuchFix") => {
    const lang = langOf(c);
    return c.html(messagePage(lang, WORDS[lang].error, WORDS[lang][what], `/?lang=${lang}`), 404);
  };

  const langOf = (c: Context): Lang => {
    const lang = c.req.query("lang");
    return (LANGS as readonly string[]).includes(lang ?? "") ? (lang as Lang) : "vi";
  };

  /** A plan file directly in the folder, by a plain name: no path, no link, nothing outside. */
  const planFile = (name: string): string | undefined => {
    if (!PLAN_NAME.test(name)) return undefined;
    const path = join(options.dir, name);
    if (relative(options.dir, path) !== name) return undefined;
    try {
      return lstatSync(path).isFile() ? path : undefined;
    } catch {
      return undefined;
    }
  };
  /** A plan's schedule folder; one that is a link is refused: the workspace reads and writes nothing through a link. */
  const scheduleDir = (name: string) => {
    const dir = join(options.dir, name.replace(/\.ya?ml$/i, ""));
    if (lstatOrUndefined(dir)?.isSymbolicLink()) throw new InputError(dir, [error("folder-is-link", [], "is a symbolic link; the workspace reads and writes no schedule through a link", "replace it with the folder itself", {})]);
    return dir;
  };
  // A plan is validated again only when its text changed: the plan list and every page read it.
  const loaded = new Map<string, { text: string; result: PlanFile }>();
  const loadPlan = (name: string): PlanFile => {
    let text: string;
    try {
      text = readText(planFile(name)!);
    } catch (e) {
      // Too large, or not UTF-8: said on the page like any problem of the plan.
      if (!(e instanceof InputError)) throw e;
      return { text: "", problems: e.issues.map((issue) => formatIssue(name, issue)) };
    }
    const cached = loaded.get(name);
    if (cached?.text === text) return cached.result;
    let result: PlanFile;
    try {
      const { plan, warnings } = loadPlanText(text, name);
      result = { plan, warnings, text, problems: [] };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      result = { text, problems: e.issues.map((issue) => formatIssue(name, issue)) };
    }
    loaded.set(name, { text, result });
    return result;
  };
  const withPlan = (handler: (c: Context, name: string) => Response | Promise<Response>) => (c: Context) => {
    const name = c.req.param("plan")!;
    return planFile(name) ? handler(c, name) : notFound(c, "noSuchPlan");
  };

  app.get("/", (c) => {
    const lang = langOf(c);
    // Every YAML file of the folder is listed; one the workspace cannot open says why.
    const names = readdirSync(options.dir).filter((n) => /\.ya?ml$/i.test(n)).sort((a, b) => a.localeCompare(b, "vi"));
    return c.html(planList(lang, names.map((file) => {
      if (!planFile(file)) return { file, problem: WORDS[lang].notAPlanFile };
      const { plan, problems } = loadPlan(file);
      return { file, ...(plan ? { title: plan.data.campaign.title } : {}), ...(problems.length ? { problem: WORDS[lang].invalid } : {}) };
    })));
  });

  // What a redirect after a change says on the page it lands on (Post/Redirect/Get): known notes only.
  app.get("/p/:plan", withPlan((c, name) => {
    const w = WORDS[langOf(c)];
    const note = c.req.query("note") ?? "";
    const accepted = /^accepted-(\d+)$/.exec(note);
    return renderPlan(c, name, accepted ? w.accepted(Number(accepted[1])) : note === "saved" ? w.saved : note === "fix-applied" ? w.fixApplied : undefined);
  }));

  function renderPlan(c: Context, name: string, note?: string, status: 200 | 409 = 200): Response {
    const lang = langOf(c);
    const w = WORDS[lang];
    const { plan, warnings, text, problems } = loadPlan(name);
    if (!plan) return c.html(layout(lang, name, `<h1>${name}</h1>${issuesBlock(w, problems)}${editor(w, name, lang, text)}`), 200);
    const reader = new ScheduleFolderReader(scheduleDir(name));
    const current = reader.currentVersion();
    const asked = Number(c.req.query("v"));
    const version = current === undefined ? undefined : Number.isInteger(asked) && reader.versions().includes(asked) ? asked : current;
    const schedule = version === undefined ? undefined : reader.readSchedule(version);
    const base = `/p/${encodeURIComponent(name)}`;
    const files = version === undefined ? [] : listFiles(reader.versionPath(version));
    const downloads = [
      ...files.filter((f) => !f.includes("/")).map((f) => ({ href: `${base}/files/${version}/${f}`, label: f })),
      ...(files.some((f) => f.startsWith("updates/")) ? [{ href: `${base}/updates-v${version}.zip`, label: w.updatesZip(version!) }] : []),
    ];
    const diff = version !== undefined && files.includes("diff.json") ? (JSON.parse(reader.readVersionFile(version, "diff.json")) as DiffSummary) : undefined;
    const changes = diff ? { summary: replanSummary(diff, lang), lines: changedLines(diff.changes, lang) } : undefined;
    // A solve with --compare left its profiles side by side in the version.
    const comparison = version !== undefined && files.includes("comparison.json") ? comparisonTable((JSON.parse(reader.readVersionFile(version, "comparison.json")) as { profiles: ProfileResult[] }).profiles) : undefined;
    const state = version === undefined ? undefined : readVersion(reader, version);
    const recorded = state?.log;
    const standing = new Set(recorded ? standingChanges(recorded).map((entry) => entry.id) : []);
    const planEdit = state?.planData && version === current ? planDifferences(state.planData, plan.data).map((d) => differenceText(d, lang)) : [];
    const log = recorded?.entries.map((entry) => ({ id: entry.id, text: describeEntry(entry, lang), standing: standing.has(entry.id) }));
    return c.html(
      planPage({ lang, file: name, plan, versions: reader.versions(), downloads, today: todayIn(plan), planEdit, ...fixesOf(name, version, lang), warnings: (warnings ?? []).map((issue) => issueText(issue, lang)), ...(log ? { log } : {}), ...(schedule ? { schedule } : {}), ...(version !== undefined ? { version } : {}), ...(current !== undefined ? { current } : {}), ...(changes ? { changes } : {}), ...(comparison ? { comparison } : {}), ...(note ? { note } : {}) }),
      status,
    );
  }

  /** The proven fixes of the version shown, if it is the partial one they were found for. */
  function fixesOf(name: string, version: number | undefined, lang: Lang): { fixes?: { texts: string[]; complete: boolean } } {
    const found = fixes.get(name);
    if (!found || found.version !== version || found.text !== loadPlan(name).text) return {};
    return { fixes: { texts: found.result.relaxations.map((r) => relaxationText(r, lang)), complete: found.result.complete } };
  }

  /** A proven fix written into the plan file (comments kept); the page then offers to re-plan against the edited plan. */
  app.post("/p/:plan/fixes/:index/apply", withPlan(async (c, name) => {
    const lang = langOf(c);
    const found = fixes.get(name);
    const fix = found?.result.relaxations[Number(c.req.param("index"))];
    const version = Number((await c.req.parseBody())["version"]);
    const { text } = loadPlan(name);
    if (!found || !fix || found.version !== version || found.text !== text) return notFound(c, "noSuchFix");
    writeAtomic(planFile(name)!, planTextWithFix(text, name, fix));
    fixes.delete(name);
    return c.redirect(`/p/${encodeURIComponent(name)}?lang=${lang}&note=fix-applied`, 303);
  }));

  app.get("/p/:plan/edit", withPlan((c, name) => {
    const lang = langOf(c);
    const { text, problems } = loadPlan(name);
    return c.html(layout(lang, name, `<h1>${name}</h1>${problems.length ? issuesBlock(WORDS[lang], problems) : ""}${editor(WORDS[lang], name, lang, text)}`));
  }));

  app.post("/p/:plan/edit", withPlan(async (c, name) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const text = String((await c.req.parseBody())["text"] ?? "");
    try {
      loadPlanText(text, name);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const problems = e.issues.map((issue) => formatIssue(name, issue));
      return c.html(layout(lang, name, `<h1>${name}</h1>${issuesBlock(w, problems)}${editor(w, name, lang, text, w.notSaved)}`), 422);
    }
    writeAtomic(planFile(name)!, text);
    return c.redirect(`/p/${encodeURIComponent(name)}?lang=${lang}&note=saved`, 303);
  }));

  /** Runs a solve in a worker, one per plan; undefined when the plan or every worker is busy. */
  async function solveInWorker(name: string, task: Parameters<WorkerPool["run"]>[0], onMessage: Parameters<WorkerPool["run"]>[1], onError: (error: Error) => void) {
    if (solving.has(name)) return undefined;
    solving.add(name);
    const running = await pool.run(task, onMessage, onError);
    if (!running) solving.delete(name);
    else void running.ended.finally(() => solving.delete(name));
    return running;
  }

  app.post("/p/:plan/solve", withPlan(async (c, name) => {
    const w = WORDS[langOf(c)];
    const { plan, text } = loadPlan(name);
    if (!plan) return c.json({ error: w.invalid }, 422);
    if (new ScheduleFolderReader(scheduleDir(name)).currentVersion() !== undefined) return c.json({ error: w.alreadySolved }, 409);
    const id = newToken();
    const job: Job = { plan: name, events: [], done: false, listeners: new Set() };
    const emit = (event: string, data: unknown) => {
      job.events.push({ event, data: JSON.stringify(data) });
      for (const listener of job.listeners) listener();
    };
    // Locked from the start in the worker: a CLI solve or another tab cannot interleave.
    const running = await solveInWorker(
      name,
      { kind: "solve", dir: scheduleDir(name), planName: name, planText: text },
      (message) => {
        if (message.type === "progress") emit("progress", message.event);
        if (message.type === "fixes") fixes.set(name, { version: message.version, text, result: message.fixes });
        if (message.type === "solved") emit("done", { version: message.version });
      },
      (e) => emit("failed", { error: explainError(e, langOf(c), `solve ${name}`, options.dir).message }),
    );
    if (!running) return c.json({ error: w.busy }, 503);
    job.stop = () => running.stop();
    void running.ended.finally(() => {
      job.done = true;
      for (const listener of job.listeners) listener();
    });
    remember(jobs, id, job);
    return c.json({ job: id }, 202);
  }));

  app.get("/p/:plan/jobs/:job/events", withPlan((c) => {
    const job = jobs.get(c.req.param("job")!);
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

  app.post("/p/:plan/jobs/:job/stop", withPlan((c) => {
    const job = jobs.get(c.req.param("job")!);
    if (!job) return notFound(c, "noSuchJob");
    job.stop?.();
    return c.json({ stopping: true });
  }));

  const currentSchedule = (name: string): { reader: ScheduleFolderReader; current: number; schedule: Schedule } | undefined => {
    const reader = new ScheduleFolderReader(scheduleDir(name));
    const current = reader.currentVersion();
    if (current === undefined) return undefined;
    return { reader, current, schedule: reader.readSchedule(current) };
  };

  app.get("/p/:plan/replan", withPlan((c, name) => {
    const lang = langOf(c);
    const { plan } = loadPlan(name);
    const state = currentSchedule(name);
    const province = c.req.query("province") ?? "";
    const session = state?.schedule.sessions.find((s) => s.province === province);
    if (!plan || !state || !session) return c.html(messagePage(lang, WORDS[lang].replan, WORDS[lang].noSession, `/p/${encodeURIComponent(name)}?lang=${lang}`), 404);
    return c.html(replanForm(WORDS[lang], lang, name, plan, session, todayIn(plan)));
  }));

  /**
   * Every re-plan of the page — a change, a withdrawal, a restore — goes through the application's
   * proposeReplan, as the CLI's does: the answer is a preview, or the reasons in the planner's words.
   */
  async function previewOf(c: Context, name: string, titleOf: (w: (typeof WORDS)[Lang]) => string, request: (w: (typeof WORDS)[Lang]) => ReplanRequest | string, todayText: string): Promise<Response> {
    const lang = langOf(c);
    const w = WORDS[lang];
    const title = titleOf(w);
    const back = `/p/${encodeURIComponent(name)}?lang=${lang}`;
    const { plan: written, text } = loadPlan(name);
    if (!written || !currentSchedule(name)) return c.html(messagePage(lang, w.replan, written ? w.noScheduleYet : w.invalid, back), 409);
    const asked = request(w);
    if (typeof asked === "string") return c.html(messagePage(lang, title, asked, back), 422);
    if (!DateString.safeParse(todayText).success) return c.html(messagePage(lang, title, w.badToday, back), 422);
    let proposal: ProposalView;
    let files: Promise<ProposalFiles> | undefined;
    try {
      ({ proposal, files } = await proposeInWorker(name, { kind: "propose", dir: scheduleDir(name), planName: name, planText: text, request: asked, today: todayText, source: name }));
    } catch (e) {
      // A refusal (bad input, a change about the past, busy) in the words explainError gives every page, under this form's title.
      if (!(e instanceof TaphuanError) || e.kind === "internal") throw e;
      const { status, message } = explainError(e, lang, `re-plan ${name}`, options.dir);
      return c.html(messagePage(lang, title, message, back), status);
    }
    const id = newToken();
    remember(previews, id, { plan: name, title: titleOf, proposal, askedToday: todayText, ...(files ? { files } : {}) });
    return c.redirect(`/p/${encodeURIComponent(name)}/previews/${id}?lang=${lang}`, 303);
  }

  /** The proposal as soon as the worker has it; its files, when it has a re-plan, a little later. */
  function proposeInWorker(name: string, task: Parameters<WorkerPool["run"]>[0]): Promise<{ proposal: ProposalView; files?: Promise<ProposalFiles> }> {
    return new Promise((resolve, reject) => {
      let settleFiles: { resolve: (f: ProposalFiles) => void; reject: (e: Error) => void } | undefined;
      let proposed = false;
      void pool.run(
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

  app.get("/p/:plan/previews/:id", withPlan((c, name) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const id = c.req.param("id")!;
    const preview = previews.get(id);
    const back = `/p/${encodeURIComponent(name)}?lang=${lang}`;
    if (!preview || preview.plan !== name) return c.html(messagePage(lang, w.replan, w.previewGone, back), 404);
    if (preview.acceptedAs !== undefined) return c.html(messagePage(lang, preview.title(w), w.accepted(preview.acceptedAs), back));
    const { proposal } = preview;
    const { outcome } = proposal;
    const notes = [
      w.todayIs(officialDate(outcome.today), officialDate(outcome.changeableFrom)),
      ...(proposal.previous.today && outcome.today > (preview.askedToday ?? outcome.today) ? [w.earlierToday(officialDate(preview.askedToday!), officialDate(proposal.previous.today))] : []),
      // Older changes that an edit of the plan left without a place: said, as the CLI says them.
      ...proposal.warnings.filter((x) => x.startsWith("change #")),
    ];
    const sections = [
      ...(proposal.planEdit ? [{ title: w.planEdited(proposal.previous.version), lines: proposal.planEdit.map((d) => differenceText(d, lang)) }] : []),
      ...(proposal.restore ? [{ title: proposal.restore.notBack.length ? w.notBack(proposal.restore.version) : w.allBack(proposal.restore.version), lines: proposal.restore.notBack.map((n) => `${n.province}: ${n.reasons.map((r) => notBackText(r, lang)).join("; ")}`) }] : []),
    ];
    if (outcome.schedule.status === "partial") {
      return c.html(previewPage(w, lang, name, { title: preview.title(w), ok: false, notes, sections, summary: w.noReplan, lines: outcome.schedule.unplaced.map((u) => `${u.province} (${u.cluster}): ${(u.causes ?? []).length ? u.causes!.map((cause) => causeText(cause, lang)).join("; ") : u.reasons.join("; ")}`), suggestions: outcome.suggestions.map((r) => `${relaxationText(r, lang)} — ${w.provenFix}`) }));
    }
    return c.html(previewPage(w, lang, name, { id, title: preview.title(w), ok: true, notes, sections, summary: replanSummary(diffSummary(outcome), lang), lines: changedLines(outcome.changes, lang) }));
  }));

  app.post("/p/:plan/replan", withPlan(async (c, name) => {
    const form = await c.req.parseBody();
    const field = (key: string) => String(form[key] ?? "").trim();
    return previewOf(c, name, (w) => w.replanOf(field("province")), (w) => {
      const change = changesFromForm(field, w);
      return typeof change === "string" ? change : { kind: "change", change, note: field("note") || undefined };
    }, field("today"));
  }));

  app.post("/p/:plan/replan-edited", withPlan(async (c, name) => {
    const form = await c.req.parseBody();
    return previewOf(c, name, (w) => w.replanEdited, () => ({ kind: "plan-edit" }), String(form["today"] ?? "").trim());
  }));

  app.post("/p/:plan/changes/:id/withdraw", withPlan(async (c, name) => {
    const id = Number(c.req.param("id"));
    const form = await c.req.parseBody();
    return previewOf(c, name, (w) => w.withdrawOf(id), (w) => (Number.isInteger(id) && id > 0 ? { kind: "withdraw", id } : w.noSuchChange), String(form["today"] ?? "").trim());
  }));

  app.post("/p/:plan/previews/:id/accept", withPlan(async (c, name) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const preview = previews.get(c.req.param("id")!);
    if (!preview || preview.plan !== name || !preview.files) return c.html(messagePage(lang, w.replan, w.previewGone, `/p/${encodeURIComponent(name)}?lang=${lang}`), 404);
    // Accepted already (a second click, a resent form): the same answer, no second version.
    if (preview.acceptedAs !== undefined) return c.redirect(`/p/${encodeURIComponent(name)}?lang=${lang}&note=accepted-${preview.acceptedAs}`, 303);
    const files = preview.files;
    return publishOrConflict(c, name, async (folder) => {
      // Two clicks that both got here: the second, under the lock, finds the first's version.
      if (preview.acceptedAs !== undefined) return preview.acceptedAs;
      const version = publishProposal(folder, preview.proposal, await files);
      preview.acceptedAs = version;
      return version;
    });
  }));

  app.post("/p/:plan/previews/:id/discard", withPlan((c, name) => {
    previews.delete(c.req.param("id")!);
    return c.redirect(`/p/${encodeURIComponent(name)}?lang=${langOf(c)}`, 303);
  }));

  /** Restoring an older version is a re-plan toward it, under every standing change and the past. */
  app.post("/p/:plan/versions/:v/restore", withPlan(async (c, name) => {
    const version = Number(c.req.param("v"));
    const form = await c.req.parseBody();
    return previewOf(c, name, (w) => w.restoreOf(version), (w) => (Number.isInteger(version) && version > 0 ? { kind: "restore", version } : w.noSuchVersion), String(form["today"] ?? "").trim());
  }));

  async function publishOrConflict(c: Context, name: string, publish: (folder: ScheduleFolder) => Promise<number>): Promise<Response> {
    const lang = langOf(c);
    let folder: ScheduleFolder | undefined;
    try {
      folder = await ScheduleFolder.open(scheduleDir(name), "re-plan (workspace)");
      const version = await publish(folder);
      return c.redirect(`/p/${encodeURIComponent(name)}?lang=${lang}&note=accepted-${version}`, 303);
    } catch (e) {
      if (e instanceof VersionConflictError || e instanceof FolderBusyError) {
        const { status, message } = explainError(e, lang, "accept", options.dir);
        return renderPlan(c, name, message, status as 409);
      }
      throw e;
    } finally {
      folder?.close();
    }
  }

  app.get("/p/:plan/compare", withPlan((c, name) => {
    const lang = langOf(c);
    const { plan } = loadPlan(name);
    const reader = new ScheduleFolderReader(scheduleDir(name));
    const [a, b] = [Number(c.req.query("a")), Number(c.req.query("b"))];
    if (!plan || !reader.versions().includes(a) || !reader.versions().includes(b)) return notFound(c, "noSuchVersion");
    const [older, newer] = [a, b].map((v) => reader.readSchedule(v)) as [Schedule, Schedule];
    const { changes } = compareSessions(plan, older, newer.sessions);
    const lines = changedLines(changes, lang);
    return c.html(comparePage(WORDS[lang], lang, name, a, b, lines));
  }));

  app.get("/p/:plan/files/:v/*", withPlan((c, name) => {
    const reader = new ScheduleFolderReader(scheduleDir(name));
    const version = Number(c.req.param("v"));
    if (!reader.versions().includes(version)) return notFound(c, "noSuchVersion");
    let wanted: string;
    try {
      wanted = decodeURIComponent(c.req.path.split(`/files/${version}/`)[1] ?? "");
    } catch {
      return c.html(messagePage(langOf(c), WORDS[langOf(c)].error, WORDS[langOf(c)].badAddress, `/?lang=${langOf(c)}`), 400);
    }
    const available = listFiles(reader.versionPath(version));
    if (!available.includes(wanted)) return notFound(c, "noSuchFile");
    const type = DOWNLOAD_TYPES.find(([pattern]) => pattern.test(wanted))?.[1] ?? "application/octet-stream";
    return c.body(readFileSync(reader.versionPath(version, wanted)), 200, { "Content-Type": type, "Content-Disposition": `attachment; filename="${wanted.split("/").pop()}"`, "Cache-Control": "no-cache" });
  }));

  app.get("/p/:plan/:zip{updates-v\\d+\\.zip}", withPlan((c, name) => {
    const reader = new ScheduleFolderReader(scheduleDir(name));
    const version = Number(/\d+/.exec(c.req.param("zip")!)![0]);
    if (!reader.versions().includes(version)) return notFound(c, "noSuchVersion");
    const entries = listFiles(reader.versionPath(version)).filter((f) => f.startsWith("updates/"));
    if (!entries.length) return notFound(c, "noUpdates");
    // A fixed time in every entry: the same version gives the same bytes.
    const zip = zipSync(Object.fromEntries(entries.map((f) => [f, [new Uint8Array(readFileSync(reader.versionPath(version, f))), { mtime: new Date("2022-01-01T00:00:00Z") }]])));
    return c.body(zip, 200, { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="updates-v${version}.zip"` });
  }));

  return app;
}

/** Previews hold every file of a version and jobs their events: only the latest few are kept. */
const KEPT = 20;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= KEPT) break;
    map.delete(oldest);
  }
}


/** A version's files, for listing and serving: regular files and folders only, never through a link. */
function listFiles(dir: string, prefix = ""): string[] {
  if (prefix === "" && !lstatOrUndefined(dir)?.isDirectory()) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : entry.isFile() ? [`${prefix}${entry.name}`] : []))
    .sort();
}

/** The re-plan form in the same terms as the CLI's --unavailable, --fix and --trainer-unavailable. */
function changesFromForm(field: (key: string) => string, w: (typeof WORDS)[Lang]): Changes | string {
  const changes = emptyChanges();
  const province = field("province");
  const date = (key: string) => (DateString.safeParse(field(key)).success ? field(key) : undefined);
  switch (field("kind")) {
    case "day":
      if (!date("day")) return w.giveDay;
      setOwn(changes.provinces, province, { unavailable: [date("day")!] });
      break;
    case "days":
      if (!date("from") || !date("to") || date("from")! > date("to")!) return w.giveDays;
      setOwn(changes.provinces, province, { unavailable: [{ from: date("from")!, to: date("to")! }] });
      break;
    case "fixed": {
      const halfDay = field("fixedHalfDay");
      if (!date("fixedDate") || (halfDay !== "morning" && halfDay !== "afternoon")) return w.giveFixed;
      setOwn(changes.provinces, province, { unavailable: [], fixed: { date: date("fixedDate")!, halfDay } });
      break;
    }
    case "trainer":
      if (!date("trainerDate") || !field("trainer")) return w.giveTrainer;
      setOwn(changes.trainers, field("trainer"), { unavailable: [date("trainerDate")!] });
      break;
    default:
      return w.chooseKind;
  }
  return changes;
}

function changedLines(changes: readonly SessionChange[], lang: Lang): string[] {
  return changes.filter((change) => change.kind !== "unchanged").map((change) => describeChange(change, lang));
}
