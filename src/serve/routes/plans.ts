/**
 * The plans of the folder: their list, a plan's page (its schedule, versions, change log, downloads
 * and proven fixes), the plan file's editor, and a proven fix written into the plan file.
 */
import { readdirSync } from "node:fs";
import type { Context, Hono } from "hono";
import { randomUUID } from "node:crypto";
import { planTextWithFix } from "../../app/fixes.ts";
import { importWorkbook, planTemplate, WorkbookError, workbookProblemLine } from "../../app/workbook.ts";
import { planDifferences } from "../../app/plan-diff.ts";
import { readVersion } from "../../app/replan.ts";
import { todayIn } from "../../app/today.ts";
import { comparisonTable, type ProfileResult } from "../../export/comparison.ts";
import { replanSummary, type DiffSummary } from "../../export/diff.ts";
import { writeAtomic } from "../../folder/safe-write.ts";
import { ScheduleFolderReader } from "../../folder/schedule-folder.ts";
import { answersLostBy, standingChanges } from "../../model/change-log.ts";
import { describeEntry, differenceText } from "../../words/change-log.ts";
import { relaxationText } from "../../words/fixes.ts";
import { issueText } from "../../words/issues.ts";
import { WORDS } from "../../words/page.ts";
import { importSummaryLines } from "../../words/workbook.ts";
import { changedLines, errorPage, langOf, listFiles, notFound, planHref, readPlanText, remember, type WorkspaceContext } from "../context.ts";
import { editorPage, planList, planPage, type PlanPageInput } from "../pages.ts";
import { NEW_PLAN_WORDS } from "../../words/new-plan.ts";

/**
 * What each import said, for the page its redirect lands on (Post/Redirect/Get): per workspace,
 * the latest few, under an id nobody can guess, so a link cannot make the page say an import happened.
 */
const imports = new WeakMap<WorkspaceContext, Map<string, readonly string[]>>();

export function planRoutes(app: Hono, ws: WorkspaceContext): void {
  app.get("/", (c) => {
    const lang = langOf(c);
    // Every YAML file of the folder is listed; one the workspace cannot open says why.
    const names = readdirSync(ws.dir).filter((n) => /\.ya?ml$/i.test(n)).sort((a, b) => a.localeCompare(b, "vi"));
    return c.html(planList(lang, names.map((file) => {
      if (!ws.planFile(file)) return { file, problem: WORDS[lang].notAPlanFile };
      const { plan, problems } = ws.loadPlan(file);
      return { file, ...(plan ? { title: plan.data.campaign.title } : {}), ...(problems.length ? { problem: WORDS[lang].invalid } : {}) };
    })));
  });

  // What a redirect after a change says on the page it lands on (Post/Redirect/Get): known notes only.
  app.get("/p/:plan", ws.withPlan((c, name) => {
    const w = WORDS[langOf(c)];
    const note = c.req.query("note") ?? "";
    const accepted = /^accepted-(\d+)$/.exec(note);
    const imported = /^imported-([\w-]+)$/.exec(note);
    const lines = imported ? imports.get(ws)?.get(imported[1]!) : undefined;
    return renderPlan(c, ws, name, accepted ? w.accepted(Number(accepted[1])) : note === "saved" ? w.saved : note === "fix-applied" ? w.fixApplied : note === "created" ? NEW_PLAN_WORDS[langOf(c)].created : undefined, 200, lines ? { ok: true, lines } : undefined);
  }));

  /** A proven fix written into the plan file (comments kept); the page then offers to re-plan against the edited plan. */
  app.post("/p/:plan/fixes/:index/apply", ws.withPlan(async (c, name) => {
    const version = Number((await c.req.parseBody())["version"]);
    const { text } = ws.loadPlan(name);
    const fix = ws.provenFixes(name, version, text)?.relaxations[Number(c.req.param("index"))];
    if (!fix) return notFound(c, "noSuchFix");
    writeAtomic(ws.planFile(name)!, planTextWithFix(text, name, fix));
    ws.dropFixes(name);
    return c.redirect(planHref(name, langOf(c), "fix-applied"), 303);
  }));

  /** The plan's trainers and provinces as a workbook to fill in (src/app/workbook.ts). */
  app.get("/p/:plan/template.xlsx", ws.withPlan(async (c, name) => {
    const { plan } = ws.loadPlan(name);
    if (!plan) return errorPage(c, WORDS[langOf(c)].invalid, 422);
    const file = `${name.replace(/\.ya?ml$/i, "")}.xlsx`;
    return c.body(new Uint8Array(await planTemplate(plan)), 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      // A Vietnamese plan name in UTF-8 for browsers, a plain one for the rest.
      "Content-Disposition": `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(file)}`,
      "Cache-Control": "no-cache",
    });
  }));

  /** A filled-in workbook into the plan file; its problems on the page, in the planner's words, and nothing written. */
  app.post("/p/:plan/import", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    const upload = (await c.req.parseBody())["workbook"];
    const { text, plan } = ws.loadPlan(name);
    if (!plan) return renderPlan(c, ws, name);
    if (!(upload instanceof File) || upload.size === 0) return renderPlan(c, ws, name, undefined, 422, { ok: false, lines: [WORDS[lang].chooseWorkbook] });
    try {
      const result = await importWorkbook(text, name, new Uint8Array(await upload.arrayBuffer()), upload.name || "workbook.xlsx", ws.standingLog(name));
      if (result.changed) writeAtomic(ws.planFile(name)!, result.text);
      const id = randomUUID();
      if (!imports.has(ws)) imports.set(ws, new Map());
      remember(imports.get(ws)!, id, importSummaryLines(result.summary, lang));
      return c.redirect(planHref(name, lang, `imported-${id}`), 303);
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      return renderPlan(c, ws, name, undefined, 422, { ok: false, lines: e.problems.map((p) => workbookProblemLine(e.file, p, lang)) });
    }
  }));

  app.get("/p/:plan/edit", ws.withPlan((c, name) => {
    const { text, problems } = ws.loadPlan(name);
    return c.html(editorPage(langOf(c), name, text, problems));
  }));

  app.post("/p/:plan/edit", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    const text = String((await c.req.parseBody())["text"] ?? "");
    const { plan, problems } = readPlanText(text, name);
    if (!plan) return c.html(editorPage(lang, name, text, problems, WORDS[lang].notSaved), 422);
    // The file as it is (if it loads) against the text typed: a standing answer is never dropped unsaid, as in the forms.
    const before = ws.loadPlan(name).plan;
    const lost = before ? answersLostBy(before.data, plan.data, ws.standingLog(name)) : [];
    if (lost.length) return c.html(editorPage(lang, name, text, lost, WORDS[lang].notSaved), 422);
    writeAtomic(ws.planFile(name)!, text);
    return c.redirect(planHref(name, lang, "saved"), 303);
  }));
}

/** A plan's page: the version asked for (?v=) or the current one, or the plan file's editor while it does not load. */
export function renderPlan(c: Context, ws: WorkspaceContext, name: string, note?: string, status: 200 | 409 | 422 = 200, workbook?: PlanPageInput["workbook"]): Response {
  const lang = langOf(c);
  const w = WORDS[lang];
  const { plan, warnings, text, problems } = ws.loadPlan(name);
  if (!plan) return c.html(editorPage(lang, name, text, problems), 200);
  const reader = new ScheduleFolderReader(ws.scheduleDir(name));
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
  // The proven fixes of the version shown, if it is the partial one they were found for.
  const proven = ws.provenFixes(name, version, text);
  const fixes = proven ? { fixes: { texts: proven.relaxations.map((r) => relaxationText(r, lang)), complete: proven.complete } } : {};
  return c.html(
    planPage({ lang, file: name, plan, versions: reader.versions(), downloads, today: todayIn(plan), planEdit, ...fixes, warnings: (warnings ?? []).map((issue) => issueText(issue, lang)), ...(log ? { log } : {}), ...(schedule ? { schedule } : {}), ...(version !== undefined ? { version } : {}), ...(current !== undefined ? { current } : {}), ...(changes ? { changes } : {}), ...(comparison ? { comparison } : {}), ...(note ? { note } : {}), ...(workbook ? { workbook } : {}) }),
    status,
  );
}
