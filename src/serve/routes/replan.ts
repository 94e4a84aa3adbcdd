/**
 * Re-planning from the page: the form of a session, then every request — a change, the plan file
 * edited, a change withdrawn, an older version restored — answered with a preview (a resource a
 * reload shows again), which the planner accepts as the folder's next version or discards.
 */
import type { Context, Hono } from "hono";
import { publishProposal, type ProposalFiles, type ProposalView, type ReplanRequest } from "../../app/replan.ts";
import { todayIn } from "../../app/today.ts";
import { diffSummary, replanSummary } from "../../export/diff.ts";
import { VersionConflictError } from "../../folder/errors.ts";
import { FolderBusyError } from "../../folder/lock.ts";
import { ScheduleFolder } from "../../folder/schedule-folder.ts";
import { emptyChanges, type Changes } from "../../model/changes.ts";
import { TaphuanError } from "../../model/errors.ts";
import { setOwn } from "../../model/records.ts";
import { DateString } from "../../model/schema.ts";
import { differenceText, notBackText } from "../../words/change-log.ts";
import { relaxationText } from "../../words/fixes.ts";
import { issueText, unplacedText } from "../../words/issues.ts";
import { officialDate } from "../../words/labels.ts";
import { WORDS, type Words } from "../../words/page.ts";
import { changedLines, langOf, planHref, remember, type WorkspaceContext } from "../context.ts";
import { explainError } from "../explain-error.ts";
import { alternativesPage, messagePage, previewPage, replanForm } from "../pages.ts";
import { newToken } from "../security.ts";
import { renderPlan } from "./plans.ts";

/** Seconds the page gives the re-plans behind "N other sessions move"; what is left is marked not computed. */
const ALTERNATIVES_BUDGET_SECONDS = 15;

export function replanRoutes(app: Hono, ws: WorkspaceContext): void {
  app.get("/p/:plan/replan", ws.withPlan((c, name) => {
    const lang = langOf(c);
    const { plan } = ws.loadPlan(name);
    const state = ws.currentSchedule(name);
    const province = c.req.query("province") ?? "";
    const session = state?.schedule.sessions.find((s) => s.province === province);
    if (!plan || !state || !session) return planMessage(c, name, WORDS[lang].replan, WORDS[lang].noSession, 404);
    return c.html(replanForm(WORDS[lang], lang, name, plan, session, todayIn(plan)));
  }));

  // Every half-day the session could go to, worked out in a worker; choosing one previews that re-plan.
  app.get("/p/:plan/alternatives", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const { plan, text } = ws.loadPlan(name);
    const province = c.req.query("province") ?? "";
    const today = c.req.query("today") ?? (plan ? todayIn(plan) : "");
    if (!plan || !ws.currentSchedule(name)) return planMessage(c, name, w.whereCanItGo, plan ? w.noScheduleYet : w.invalid, 409);
    if (!DateString.safeParse(today).success) return planMessage(c, name, w.whereCanItGo, w.badToday, 422);
    const found = await ws.alternativesInWorker({ kind: "alternatives", dir: ws.scheduleDir(name), planName: name, planText: text, province, today, budgetSeconds: ALTERNATIVES_BUDGET_SECONDS });
    return c.html(alternativesPage(w, lang, name, found, today));
  }));

  app.get("/p/:plan/previews/:id", ws.withPlan((c, name) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const id = c.req.param("id")!;
    const preview = ws.previews.get(id);
    if (!preview || preview.plan !== name) return planMessage(c, name, w.replan, w.previewGone, 404);
    if (preview.acceptedAs !== undefined) return planMessage(c, name, preview.title(w), w.accepted(preview.acceptedAs));
    const { proposal } = preview;
    const { outcome } = proposal;
    const notes = [
      w.todayIs(officialDate(outcome.today), officialDate(outcome.changeableFrom)),
      ...(proposal.previous.today && outcome.today > (preview.askedToday ?? outcome.today) ? [w.earlierToday(officialDate(preview.askedToday!), officialDate(proposal.previous.today))] : []),
      // Older changes that an edit of the plan left without a place, in the page's language.
      ...proposal.lapses.map((issue) => issueText(issue, lang)),
    ];
    const sections = [
      ...(proposal.planEdit ? [{ title: w.planEdited(proposal.previous.version), lines: proposal.planEdit.map((d) => differenceText(d, lang)) }] : []),
      ...(proposal.restore ? [{ title: proposal.restore.notBack.length ? w.notBack(proposal.restore.version) : w.allBack(proposal.restore.version), lines: proposal.restore.notBack.map((n) => `${n.province}: ${n.reasons.map((r) => notBackText(r, lang)).join("; ")}`) }] : []),
    ];
    if (outcome.schedule.status === "partial") {
      return c.html(previewPage(w, lang, name, { title: preview.title(w), ok: false, notes, sections, summary: w.noReplan, lines: outcome.schedule.unplaced.map((u) => `${u.province} (${u.cluster}): ${unplacedText(u, lang)}`), suggestions: outcome.suggestions.map((r) => `${relaxationText(r, lang)} — ${w.provenFix}`) }));
    }
    return c.html(previewPage(w, lang, name, { id, title: preview.title(w), ok: true, notes, sections, summary: replanSummary(diffSummary(outcome), lang), lines: changedLines(outcome.changes, lang) }));
  }));

  app.post("/p/:plan/replan", ws.withPlan(async (c, name) => {
    const field = await formOf(c);
    return previewOf(c, ws, name, (w) => w.replanOf(field("province")), (w) => {
      const change = changesFromForm(field, w);
      return typeof change === "string" ? change : { kind: "change", change, note: field("note") || undefined };
    }, field("today"));
  }));

  app.post("/p/:plan/replan-edited", ws.withPlan(async (c, name) => {
    const field = await formOf(c);
    return previewOf(c, ws, name, (w) => w.replanEdited, () => ({ kind: "plan-edit" }), field("today"));
  }));

  app.post("/p/:plan/changes/:id/withdraw", ws.withPlan(async (c, name) => {
    const id = Number(c.req.param("id"));
    const field = await formOf(c);
    return previewOf(c, ws, name, (w) => w.withdrawOf(id), (w) => (Number.isInteger(id) && id > 0 ? { kind: "withdraw", id } : w.noSuchChange), field("today"));
  }));

  app.post("/p/:plan/previews/:id/accept", ws.withPlan(async (c, name) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const preview = ws.previews.get(c.req.param("id")!);
    if (!preview || preview.plan !== name || !preview.files) return planMessage(c, name, w.replan, w.previewGone, 404);
    // Accepted already (a second click, a resent form): the same answer, no second version.
    if (preview.acceptedAs !== undefined) return c.redirect(planHref(name, lang, `accepted-${preview.acceptedAs}`), 303);
    let folder: ScheduleFolder | undefined;
    try {
      folder = await ScheduleFolder.open(ws.scheduleDir(name), "re-plan (workspace)");
      // Two clicks that both got here: the second, under the lock, finds the first's version.
      if (preview.acceptedAs === undefined) preview.acceptedAs = publishProposal(folder, preview.proposal, await preview.files);
      return c.redirect(planHref(name, lang, `accepted-${preview.acceptedAs}`), 303);
    } catch (e) {
      // Another version published meanwhile, or the folder locked by another writer: the plan's page says so.
      if (e instanceof VersionConflictError || e instanceof FolderBusyError) {
        const { status, message } = explainError(e, lang, "accept", ws.dir);
        return renderPlan(c, ws, name, message, status as 409);
      }
      throw e;
    } finally {
      folder?.close();
    }
  }));

  app.post("/p/:plan/previews/:id/discard", ws.withPlan((c, name) => {
    ws.previews.delete(c.req.param("id")!);
    return c.redirect(planHref(name, langOf(c)), 303);
  }));

  /** Restoring an older version is a re-plan toward it, under every standing change and the past. */
  app.post("/p/:plan/versions/:v/restore", ws.withPlan(async (c, name) => {
    const version = Number(c.req.param("v"));
    const field = await formOf(c);
    return previewOf(c, ws, name, (w) => w.restoreOf(version), (w) => (Number.isInteger(version) && version > 0 ? { kind: "restore", version } : w.noSuchVersion), field("today"));
  }));
}

/**
 * Every re-plan of the page — a change, a withdrawal, a restore — goes through the application's
 * proposeReplan, as the CLI's does: the answer is a preview, or the reasons in the planner's words.
 */
async function previewOf(c: Context, ws: WorkspaceContext, name: string, titleOf: (w: Words) => string, request: (w: Words) => ReplanRequest | string, todayText: string): Promise<Response> {
  const lang = langOf(c);
  const w = WORDS[lang];
  const title = titleOf(w);
  const { plan: written, text } = ws.loadPlan(name);
  if (!written || !ws.currentSchedule(name)) return planMessage(c, name, w.replan, written ? w.noScheduleYet : w.invalid, 409);
  const asked = request(w);
  if (typeof asked === "string") return planMessage(c, name, title, asked, 422);
  if (!DateString.safeParse(todayText).success) return planMessage(c, name, title, w.badToday, 422);
  let proposal: ProposalView;
  let files: Promise<ProposalFiles> | undefined;
  try {
    ({ proposal, files } = await ws.proposeInWorker({ kind: "propose", dir: ws.scheduleDir(name), planName: name, planText: text, request: asked, today: todayText, source: name }));
  } catch (e) {
    // A refusal (bad input, a change about the past, busy) in the words explainError gives every page, under this form's title.
    if (!(e instanceof TaphuanError) || e.kind === "internal") throw e;
    const { status, message } = explainError(e, lang, `re-plan ${name}`, ws.dir);
    return planMessage(c, name, title, message, status);
  }
  const id = newToken();
  remember(ws.previews, id, { plan: name, title: titleOf, proposal, askedToday: todayText, ...(files ? { files } : {}) });
  return c.redirect(`/p/${encodeURIComponent(name)}/previews/${id}?lang=${lang}`, 303);
}

/** A re-plan's answer that is no preview, with the way back to the plan's page. */
function planMessage(c: Context, name: string, title: string, message: string, status: 200 | 404 | 409 | 422 | 500 | 503 = 200): Response {
  const lang = langOf(c);
  return c.html(messagePage(lang, title, message, planHref(name, lang)), status);
}

/** A form's field as text, trimmed; a field not given is empty. */
async function formOf(c: Context): Promise<(key: string) => string> {
  const form = await c.req.parseBody();
  return (key) => String(form[key] ?? "").trim();
}

/** The re-plan form in the same terms as the CLI's --unavailable, --fix and --trainer-unavailable. */
function changesFromForm(field: (key: string) => string, w: Words): Changes | string {
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
