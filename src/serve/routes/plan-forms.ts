/**
 * The plan's forms: each part of the plan (the campaign, a cluster, a province's settings, a trainer)
 * shown in its form, checked as the planner types (…/check answers the problems as JSON, nothing
 * written), and saved into the plan file (Post/Redirect/Get to the plan's page, whose list of edits
 * since the version shows it). Refused, a form comes back with what was typed and each problem beside
 * its field (422). Every edit is src/app/plan-edit.ts's; nothing here knows YAML.
 */
import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import {
  campaignForm,
  clusterForm,
  editCampaign,
  editCluster,
  keepingStanding,
  editProvince,
  editTrainer,
  EMPTY_CLUSTER,
  EMPTY_TRAINER,
  FORM_FIELD,
  moveCluster,
  problemMessages,
  provinceForm,
  removeCluster,
  removeTrainer,
  trainerForm,
  type CampaignForm,
  type ClusterForm,
  type EditOutcome,
  type ProvinceForm,
  type RangeRow,
  type TrainerForm,
} from "../../app/plan-edit.ts";
import { writeAtomic } from "../../folder/safe-write.ts";
import type { Plan } from "../../model/plan.ts";
import type { Lang } from "../../words/labels.ts";
import { PLAN_FORM_WORDS } from "../../words/plan-forms.ts";
import { campaignPage, clusterPage, formsPage, provincePage, trainerPage, type FieldErrors } from "../forms.ts";
import { errorPage, langOf, planHref, type WorkspaceContext } from "../context.ts";

const noSuchPart = (c: Context) => errorPage(c, PLAN_FORM_WORDS[langOf(c)].noSuchPart, 404);

type Body = Record<string, string | File | (string | File)[]>;

/** The plan text's fingerprint a form carries: a save over a text edited since is refused, never applied to the wrong part. */
const fingerprint = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

const one = (body: Body, key: string): string => {
  const value = body[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
};
const many = (body: Body, key: string): string[] => {
  const value = body[key];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === "string");
};
function rows(body: Body, name: string): RangeRow[] {
  const [from, to, halfDay] = [many(body, `${name}From`), many(body, `${name}To`), many(body, `${name}HalfDay`)];
  return from.map((f, i) => ({ from: f, to: to[i] ?? "", halfDay: halfDay[i] ?? "" }));
}

/** A part of the plan with its form: how its values are read from the plan and from a post, edited, and shown. */
interface Section<V> {
  /** The part's values in the plan, or undefined where the address names no part of it. */
  readonly values: (plan: Plan, c: Context) => V | undefined;
  readonly read: (body: Body) => V;
  readonly edit: (text: string, file: string, values: V, c: Context) => EditOutcome;
  readonly page: (input: { lang: Lang; file: string; plan: Plan; values: V; errors: FieldErrors; base: string }, c: Context) => string;
}

/** `new`, or the index of an item of the plan's list. */
function indexOf(c: Context, length: number): number | "new" | undefined {
  const asked = c.req.param("index");
  if (asked === "new") return "new";
  const index = Number(asked);
  return Number.isInteger(index) && index >= 0 && index < length && /^\d+$/.test(asked ?? "") ? index : undefined;
}

const campaign: Section<CampaignForm> = {
  values: (plan) => campaignForm(plan),
  read: (body) => ({
    title: one(body, "title"),
    from: one(body, "from"),
    to: one(body, "to"),
    holidays: one(body, "holidays").split(/[\s,;]+/).filter(Boolean),
    workingDays: many(body, "workingDays"),
    noticeDays: one(body, "noticeDays"),
    issued: one(body, "issued"),
    maxConcurrentSessions: one(body, "maxConcurrentSessions"),
    maxDailySessions: one(body, "maxDailySessions"),
    organizerName: one(body, "organizerName"),
    organizerEmail: one(body, "organizerEmail"),
    contactName: one(body, "contactName"),
    contactPhone: one(body, "contactPhone"),
    contactEmail: one(body, "contactEmail"),
    documentNumber: one(body, "documentNumber"),
    documentIssuer: one(body, "documentIssuer"),
    documentDate: one(body, "documentDate"),
    needs: many(body, "needRole").map((role, i) => ({ role, count: many(body, "needCount")[i] ?? "", label: many(body, "needLabel")[i] ?? "" })),
  }),
  edit: (text, file, values) => editCampaign(text, file, values),
  page: (input) => campaignPage(input),
};

const cluster: Section<ClusterForm> = {
  values: (plan, c) => {
    const index = indexOf(c, plan.data.clusters.length);
    return index === undefined ? undefined : index === "new" ? EMPTY_CLUSTER : clusterForm(plan, index);
  },
  read: (body) => ({ name: one(body, "name"), window: (["dated", "none", "propose"] as const).find((k) => k === one(body, "window")) ?? "none", from: one(body, "from"), to: one(body, "to"), provinces: many(body, "provinces") }),
  edit: (text, file, values, c) => editCluster(text, file, c.req.param("index") === "new" ? "new" : Number(c.req.param("index")), values),
  page: (input, c) => clusterPage({ ...input, index: c.req.param("index") === "new" ? "new" : Number(c.req.param("index")) }),
};

const trainer: Section<TrainerForm> = {
  values: (plan, c) => {
    const index = indexOf(c, plan.data.trainers.length);
    return index === undefined ? undefined : index === "new" ? EMPTY_TRAINER : trainerForm(plan, index);
  },
  read: (body) => ({
    id: one(body, "id"),
    organisation: one(body, "organisation"),
    roles: many(body, "roles"),
    // No cluster ticked: every cluster, the schema's own default.
    clusters: many(body, "clusters").length ? many(body, "clusters") : "all",
    home: one(body, "home"),
    maxSessionsPerDay: one(body, "maxSessionsPerDay"),
    maxSessionsPerWeek: one(body, "maxSessionsPerWeek"),
    national: one(body, "national") === "true",
    email: one(body, "email"),
    unavailable: rows(body, "unavailable"),
    onlyAvailable: rows(body, "onlyAvailable"),
  }),
  edit: (text, file, values, c) => editTrainer(text, file, c.req.param("index") === "new" ? "new" : Number(c.req.param("index")), values),
  page: (input, c) => trainerPage({ ...input, index: c.req.param("index") === "new" ? "new" : Number(c.req.param("index")) }),
};

const province: Section<ProvinceForm> = {
  values: (plan, c) => (plan.provinces.some((p) => p.record.code === c.req.param("code")) ? provinceForm(plan, c.req.param("code")!) : undefined),
  read: (body) => ({ unavailable: rows(body, "unavailable"), preferred: rows(body, "preferred"), fixedDate: one(body, "fixedDate"), fixedHalfDay: one(body, "fixedHalfDay"), venue: one(body, "venue"), focalName: one(body, "focalName"), focalPhone: one(body, "focalPhone"), focalEmail: one(body, "focalEmail") }),
  edit: (text, file, values, c) => editProvince(text, file, c.req.param("code")!, values),
  page: (input, c) => provincePage({ ...input, code: c.req.param("code")! }),
};

export function planFormRoutes(app: Hono, ws: WorkspaceContext): void {
  /** The plan as the forms need it: loaded, or the YAML editor, where a plan that does not load is mended. */
  const loaded = (c: Context, name: string) => {
    const { plan, text } = ws.loadPlan(name);
    return plan ? { plan, text } : undefined;
  };
  const toEditor = (c: Context, name: string) => c.redirect(`/p/${encodeURIComponent(name)}/edit?lang=${langOf(c)}`, 303);
  const formsHref = (name: string, lang: Lang, note?: string) => `/p/${encodeURIComponent(name)}/forms?lang=${lang}${note ? `&note=${note}` : ""}`;

  function sectionRoutes<V>(path: string, section: Section<V>): void {
    app.get(`/p/:plan/forms/${path}`, ws.withPlan((c, name) => {
      const found = loaded(c, name);
      if (!found) return toEditor(c, name);
      const values = section.values(found.plan, c);
      if (values === undefined) return noSuchPart(c);
      return c.html(section.page({ lang: langOf(c), file: name, plan: found.plan, values, errors: {}, base: fingerprint(found.text) }, c));
    }));

    /** The form's values edited into the plan's text: saved, or the problems by field. */
    const attempt = async (c: Context, name: string) => {
      // The body first: nothing may wait between reading the file, checking the form's base against it and writing.
      const body = (await c.req.parseBody({ all: true })) as Body;
      const found = loaded(c, name);
      if (!found || section.values(found.plan, c) === undefined) return undefined;
      const values = section.read(body);
      const stale = one(body, "base") !== fingerprint(found.text);
      const outcome = stale ? undefined : keepingStanding(found.plan, section.edit(found.text, name, values, c), ws.standingLog(name));
      const lang = langOf(c);
      const errors: FieldErrors = stale ? { [FORM_FIELD]: PLAN_FORM_WORDS[lang].stale } : outcome!.ok ? {} : problemMessages(outcome!.problems, lang);
      return { found, values, outcome, errors, stale };
    };

    app.post(`/p/:plan/forms/${path}/check`, ws.withPlan(async (c, name) => {
      const tried = await attempt(c, name);
      return tried ? c.json(tried.errors) : c.json({ [FORM_FIELD]: PLAN_FORM_WORDS[langOf(c)].stale }, 409);
    }));

    app.post(`/p/:plan/forms/${path}`, ws.withPlan(async (c, name) => {
      const tried = await attempt(c, name);
      if (!tried) return loaded(c, name) ? noSuchPart(c) : toEditor(c, name);
      const lang = langOf(c);
      if (tried.outcome?.ok) {
        writeAtomic(ws.planFile(name)!, tried.outcome.text);
        return c.redirect(planHref(name, lang, "saved"), 303);
      }
      return c.html(section.page({ lang, file: name, plan: tried.found.plan, values: tried.values, errors: tried.errors, base: fingerprint(tried.found.text) }, c), tried.stale ? 409 : 422);
    }));
  }

  app.get("/p/:plan/forms", ws.withPlan((c, name) => {
    const found = loaded(c, name);
    if (!found) return toEditor(c, name);
    const lang = langOf(c);
    return c.html(formsPage(lang, name, found.plan, fingerprint(found.text), c.req.query("note") === "saved" ? { ok: true, text: PLAN_FORM_WORDS[lang].saved } : undefined));
  }));

  sectionRoutes("campaign", campaign);
  sectionRoutes("clusters/:index", cluster);
  sectionRoutes("trainers/:index", trainer);
  sectionRoutes("provinces/:code", province);

  /** A cluster removed or moved, a trainer removed: from the list, back to it. */
  const listAction = (path: string, act: (text: string, name: string, index: number, body: Body) => EditOutcome | undefined, length: (plan: Plan) => number) =>
    app.post(`/p/:plan/forms/${path}`, ws.withPlan(async (c, name) => {
      const body = (await c.req.parseBody()) as Body;
      const found = loaded(c, name);
      if (!found) return toEditor(c, name);
      const lang = langOf(c);
      const index = indexOf(c, length(found.plan));
      if (typeof index !== "number") return noSuchPart(c);
      const w = PLAN_FORM_WORDS[lang];
      if (one(body, "base") !== fingerprint(found.text)) return c.html(formsPage(lang, name, found.plan, fingerprint(found.text), { ok: false, text: w.stale }), 409);
      const acted = act(found.text, name, index, body);
      const outcome = acted && keepingStanding(found.plan, acted, ws.standingLog(name));
      if (!outcome) return noSuchPart(c);
      if (!outcome.ok) return c.html(formsPage(lang, name, found.plan, fingerprint(found.text), { ok: false, text: `${w.notDone} ${Object.values(problemMessages(outcome.problems, lang)).join("; ")}` }), 422);
      writeAtomic(ws.planFile(name)!, outcome.text);
      return c.redirect(formsHref(name, lang, "saved"), 303);
    }));
  listAction("clusters/:index/remove", (text, name, index) => removeCluster(text, name, index), (plan) => plan.data.clusters.length);
  listAction("clusters/:index/move", (text, name, index, body) => (one(body, "by") === "-1" ? moveCluster(text, name, index, -1) : one(body, "by") === "1" ? moveCluster(text, name, index, 1) : undefined), (plan) => plan.data.clusters.length);
  listAction("trainers/:index/remove", (text, name, index) => removeTrainer(text, name, index), (plan) => plan.data.trainers.length);
}
