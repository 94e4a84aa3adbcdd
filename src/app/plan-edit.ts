/**
 * The plan file edited part by part, as the workspace's forms edit it: the campaign, a cluster, a
 * province's settings, a trainer; a cluster or trainer added, removed, a cluster moved. Pure: text in,
 * text out. Each edit changes only the keys whose values the form changed (src/app/yaml-edit.ts keeps
 * the rest of the file as it was), then the new text is loaded as every plan is (the same schema, the
 * same rules); its problems come back placed at the form's fields, by their paths in the plan.
 */
import { DateTime } from "luxon";
import { parseDocument } from "yaml";
import { answersLostBy, type ChangeLog } from "../model/change-log.ts";
import { error, formatPath, InputError, type Issue, type PathSegment } from "../model/issues.ts";
import { loadPlanText, type Located } from "../model/load.ts";
import type { Plan } from "../model/plan.ts";
import { issueText } from "../words/issues.ts";
import type { Lang } from "../words/labels.ts";
import { PLAN_FORM_WORDS, placeText } from "../words/plan-forms.ts";
import { rangeOf, selectorOf } from "./date-ranges.ts";
import { clusterListChanges, withMoves } from "./cluster-moves.ts";
import { editYaml, type YamlChange } from "./yaml-edit.ts";

/** A row of dates as a form has it: from, to (empty: the same day), half-day (empty: the whole day). */
export interface RangeRow {
  readonly from: string;
  readonly to: string;
  readonly halfDay: string;
}

export interface CampaignForm {
  readonly title: string;
  readonly from: string;
  readonly to: string;
  /** As the planner types them: dd/mm/yyyy (YYYY-MM-DD also read). */
  readonly holidays: readonly string[];
  readonly workingDays: readonly string[];
  readonly noticeDays: string;
  /** The day the plan is issued (YYYY-MM-DD); the file keeps its time of day. */
  readonly issued: string;
  readonly maxConcurrentSessions: string;
  readonly maxDailySessions: string;
  readonly organizerName: string;
  readonly organizerEmail: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly documentNumber: string;
  readonly documentIssuer: string;
  readonly documentDate: string;
  /** The roles each session needs: the role's id, how many trainers of it, what documents call it. */
  readonly needs: readonly { readonly role: string; readonly count: string; readonly label: string }[];
}

export type WindowKind = "dated" | "none" | "propose";

export interface ClusterForm {
  readonly name: string;
  readonly window: WindowKind;
  readonly from: string;
  readonly to: string;
  /** Registry names, in the order the form lists them. */
  readonly provinces: readonly string[];
}

export interface TrainerForm {
  readonly id: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  readonly clusters: "all" | readonly string[];
  readonly home: string;
  readonly maxSessionsPerDay: string;
  readonly maxSessionsPerWeek: string;
  readonly national: boolean;
  readonly email: string;
  readonly unavailable: readonly RangeRow[];
  readonly onlyAvailable: readonly RangeRow[];
}

export interface ProvinceForm {
  readonly unavailable: readonly RangeRow[];
  readonly preferred: readonly RangeRow[];
  readonly fixedDate: string;
  readonly fixedHalfDay: string;
  readonly venue: string;
  readonly focalName: string;
  readonly focalPhone: string;
  readonly focalEmail: string;
}

/** A problem of the edited plan at the form's field it concerns; `FORM_FIELD` for one no field of the form holds. */
export interface FieldProblem {
  readonly field: string;
  readonly issue: Issue;
  /** Where in the plan a problem no field holds lies, by the names a planner knows (a trainer's id, a cluster's name), not its path. */
  readonly where?: PlanPlace;
}

/** A part of the plan by its name, and the field of it (its key in the file) where one is known. */
export type PlanPlace =
  | { readonly kind: "trainer"; readonly name: string; readonly field?: string }
  | { readonly kind: "cluster"; readonly name: string; readonly field?: string }
  | { readonly kind: "province"; readonly name: string; readonly field?: string }
  | { readonly kind: "campaign"; readonly field?: string };

/** The part of the edited plan `path` points into, named as the file names it; none where it has no name. */
function placeOf(raw: Raw, path: readonly PathSegment[]): PlanPlace | undefined {
  const [top, at, key] = path;
  const field = typeof key === "string" ? { field: key } : {};
  const nameIn = (list: string, index: PathSegment | undefined, name: string) => {
    const item = typeof index === "number" && Array.isArray(raw[list]) ? (raw[list] as unknown[])[index] : undefined;
    const value = item && typeof item === "object" ? (item as Raw)[name] : undefined;
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  if (top === "trainers") {
    const name = nameIn("trainers", at, "id");
    return name ? { kind: "trainer", name, ...field } : undefined;
  }
  if (top === "clusters") {
    const name = nameIn("clusters", at, "name");
    return name ? { kind: "cluster", name, ...field } : undefined;
  }
  if (top === "provinces" && typeof at === "string") return { kind: "province", name: at, ...field };
  if (top === "campaign") return { kind: "campaign", ...(typeof at === "string" ? { field: at } : {}) };
  return undefined;
}

export const FORM_FIELD = "_form";

export type EditOutcome =
  | { readonly ok: true; readonly text: string; readonly plan: Plan; readonly warnings: readonly Located[] }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

type Raw = Record<string, unknown>;

/** A form's edit that would drop a standing answer is refused, naming the change to withdraw first (`answersLostBy`). */
export function keepingStanding(before: Plan, outcome: EditOutcome, log: ChangeLog): EditOutcome {
  if (!outcome.ok) return outcome;
  const lost = answersLostBy(before.data, outcome.plan.data, log);
  return lost.length ? { ok: false, problems: lost.map((issue) => ({ field: FORM_FIELD, issue })) } : outcome;
}

/** The plan's text as written (no defaults filled in), and the plan it loads as. */
function current(text: string, file: string): { raw: Raw; plan: Plan } {
  const { plan } = loadPlanText(text, file);
  return { raw: (parseDocument(text).toJS() ?? {}) as Raw, plan };
}

const trimmed = (value: string) => value.trim().normalize("NFC");
const textOrNone = (value: string) => trimmed(value) || undefined;
/** A number typed in, as a number; anything else as typed, for the schema to refuse in the planner's words. */
const countOrText = (value: string): number | string | undefined => {
  const text = trimmed(value);
  return text === "" ? undefined : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
};
/** A day as the planner types it, dd/mm/yyyy (or d/m/yyyy, with . or - between), as the file writes it (YYYY-MM-DD); anything else as typed, for the schema to refuse. */
export function dayOf(typed: string): string {
  const text = trimmed(typed);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : text;
}

/** A day of the file (YYYY-MM-DD) as a planner writes it: dd/mm/yyyy. */
export const typedDay = (day: string) => day.replace(/^(\d{4})-(\d{2})-(\d{2})$/, "$3/$2/$1");

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An object with `key` set to `value`, or without it when `value` is undefined. */
function withKey(object: Raw, key: string, value: unknown): Raw {
  const out = { ...object };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

/** `value`, unless it is the schema's default and the file did not write the key: a default is not written. */
const unlessDefault = (before: Raw, key: string, value: unknown, fallback: unknown) => (same(value, fallback) && !(key in before) ? undefined : value);

/** The changes that make `before` (at `path`) into `after`, key by key: untouched keys stay as written. */
function keyChanges(path: readonly PathSegment[], before: Raw, after: Raw): YamlChange[] {
  const out: YamlChange[] = [];
  for (const key of Object.keys(before)) if (!(key in after)) out.push({ op: "delete", path: [...path, key] });
  for (const [key, value] of Object.entries(after)) if (!same(before[key], value)) out.push({ op: "set", path: [...path, key], value });
  return out;
}

/** Rows with a date in them, as the file's date selectors, and which row each came from. */
function selectors(rows: readonly RangeRow[]): { values: unknown[]; rows: number[] } {
  const values: unknown[] = [];
  const from: number[] = [];
  rows.forEach((row, index) => {
    const [start, end] = [trimmed(row.from), trimmed(row.to)];
    if (!start && !end) return;
    const halfDay = row.halfDay === "morning" || row.halfDay === "afternoon" ? row.halfDay : undefined;
    values.push(selectorOf({ from: start || end, to: end || start, ...(halfDay ? { halfDay } : {}) }));
    from.push(index);
  });
  return { values, rows: from };
}

function rowsOf(list: readonly Parameters<typeof rangeOf>[0][] | undefined): RangeRow[] {
  return (list ?? []).map(rangeOf).map((r) => ({ from: r.from, to: r.to === r.from ? "" : r.to, halfDay: r.halfDay ?? "" }));
}

/** Maps a problem's path inside the edited part to its field; a path elsewhere in the plan has none. */
type FieldOf = (path: readonly PathSegment[]) => string | undefined;

/** Top-level maps the plan may leave out (the schema has none for them): emptied, the key goes, not an empty `{}`. */
const LEAVE_OUT_EMPTY = ["provinces", "roles"] as const;

/** The changes with every entry of such a map deleted (and none set) made one deletion of its key. */
function leavingOutEmpty(text: string, changes: readonly YamlChange[]): readonly YamlChange[] {
  const raw = (parseDocument(text).toJS() ?? {}) as Raw;
  let out = changes;
  for (const top of LEAVE_OUT_EMPTY) {
    const map = raw[top];
    if (typeof map !== "object" || map === null || Array.isArray(map) || !Object.keys(map).length) continue;
    const under = out.filter((c) => c.path[0] === top);
    const deleted = new Set(under.filter((c) => c.op === "delete" && c.path.length === 2).map((c) => String(c.path[1])));
    if (under.some((c) => c.op !== "delete" || c.path.length < 2) || !Object.keys(map).every((key) => deleted.has(key))) continue;
    out = [...out.filter((c) => c.path[0] !== top), { op: "delete", path: [top] }];
  }
  return out;
}

/** The new text, loaded as every plan is; or its problems at the form's fields. */
function outcome(text: string, file: string, changes: readonly YamlChange[], fieldOf: FieldOf): EditOutcome {
  const edited = editYaml(text, leavingOutEmpty(text, changes));
  try {
    const { plan, warnings } = loadPlanText(edited, file);
    return { ok: true, text: edited, plan, warnings };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    let raw: Raw = {};
    try {
      raw = (parseDocument(edited).toJS() ?? {}) as Raw;
    } catch {
      // Not YAML at all: its problems have no part of the plan to name.
    }
    return {
      ok: false,
      problems: e.issues.map((issue) => {
        const field = fieldOf(issue.path) ?? FORM_FIELD;
        const where = field === FORM_FIELD ? placeOf(raw, issue.path) : undefined;
        return { field, issue, ...(where ? { where } : {}) };
      }),
    };
  }
}

/** A row list's field: `name.ROW`, the row the planner typed it in. */
const rowField = (name: string, rows: readonly number[], index: PathSegment | undefined) => (typeof index === "number" && rows[index] !== undefined ? `${name}.${rows[index]}` : name);

/** The problems as the form shows them: each field's messages in the reader's language. */
export function problemMessages(problems: readonly FieldProblem[], lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, issue, where } of problems) {
    const text = issue.code === "missing-field" && field !== FORM_FIELD ? PLAN_FORM_WORDS[lang].required : issueText(issue, lang);
    const said = field === FORM_FIELD && issue.path.length ? `${where ? placeText(where, lang) : formatPath(issue.path)}: ${text}` : text;
    out[field] = out[field] ? `${out[field]}; ${said}` : said;
  }
  return out;
}

// ————————————————————————————————————————— campaign —————————————————————————————————————————

export function campaignForm(plan: Plan): CampaignForm {
  const c = plan.data.campaign;
  return {
    title: c.title,
    from: c.period.from,
    to: c.period.to,
    holidays: c.holidays.map(typedDay),
    workingDays: c.workingDays,
    noticeDays: c.noticeDays?.toString() ?? "",
    issued: c.issued?.slice(0, 10) ?? "",
    maxConcurrentSessions: c.maxConcurrentSessions?.toString() ?? "",
    maxDailySessions: c.maxDailySessions?.toString() ?? "",
    organizerName: c.organizer?.name ?? "",
    organizerEmail: c.organizer?.email ?? "",
    contactName: c.contact?.name ?? "",
    contactPhone: c.contact?.phone ?? "",
    contactEmail: c.contact?.email ?? "",
    documentNumber: c.document?.number ?? "",
    documentIssuer: c.document?.issuer ?? "",
    documentDate: c.document?.date ?? "",
    needs: Object.entries(plan.data.sessionNeeds).map(([role, count]) => ({ role, count: String(count), label: plan.data.roles?.[role] ?? "" })),
  };
}

/** An object of the fields typed in, or none when every one is empty. */
function someOf(fields: Record<string, string | undefined>): Raw | undefined {
  const given = Object.entries(fields).filter(([, v]) => v !== undefined);
  return given.length ? Object.fromEntries(given) : undefined;
}

/** The day the plan is issued, at the file's time of day (or 08:00 in the campaign's zone). */
function issuedAt(day: string, before: unknown, zone: string): string | undefined {
  if (!day) return undefined;
  if (typeof before === "string" && before.startsWith(day)) return before;
  const time = typeof before === "string" ? before.slice(10) : undefined;
  if (time) return `${day}${time}`;
  const at = DateTime.fromISO(`${day}T08:00:00`, { zone });
  return at.isValid ? at.toISO({ suppressMilliseconds: true })! : day;
}

const CAMPAIGN_FIELDS: readonly (readonly [string, string])[] = [
  ["period.from", "from"], ["period.to", "to"], ["period", "to"], ["holidays", "holidays"], ["workingDays", "workingDays"], ["organizer.name", "organizerName"], ["organizer.email", "organizerEmail"], ["organizer", "organizerName"],
  ["contact.name", "contactName"], ["contact.phone", "contactPhone"], ["contact.email", "contactEmail"], ["contact", "contactName"], ["document.number", "documentNumber"], ["document.issuer", "documentIssuer"], ["document.date", "documentDate"],
  ["title", "title"], ["noticeDays", "noticeDays"], ["issued", "issued"], ["maxConcurrentSessions", "maxConcurrentSessions"], ["maxDailySessions", "maxDailySessions"],
];

export function editCampaign(text: string, file: string, values: CampaignForm): EditOutcome {
  const { raw, plan } = current(text, file);
  const before = (raw["campaign"] ?? {}) as Raw;
  let after: Raw = { ...before, title: trimmed(values.title), period: { from: textOrNone(values.from), to: textOrNone(values.to) } };
  const holidays = values.holidays.map(dayOf).filter(Boolean);
  after = withKey(after, "holidays", unlessDefault(before, "holidays", holidays, []));
  after = withKey(after, "workingDays", unlessDefault(before, "workingDays", [...values.workingDays], ["mon", "tue", "wed", "thu", "fri"]));
  after = withKey(after, "noticeDays", countOrText(values.noticeDays));
  after = withKey(after, "issued", issuedAt(trimmed(values.issued), before["issued"], plan.data.campaign.timeZone));
  after = withKey(after, "maxConcurrentSessions", countOrText(values.maxConcurrentSessions));
  after = withKey(after, "maxDailySessions", countOrText(values.maxDailySessions));
  after = withKey(after, "organizer", someOf({ name: textOrNone(values.organizerName), email: textOrNone(values.organizerEmail) }));
  after = withKey(after, "contact", someOf({ name: textOrNone(values.contactName), phone: textOrNone(values.contactPhone), email: textOrNone(values.contactEmail) }));
  after = withKey(after, "document", someOf({ number: textOrNone(values.documentNumber), issuer: textOrNone(values.documentIssuer), date: textOrNone(values.documentDate) }));
  // A period cleared is the schema's to refuse ("required"), not ours to drop.
  after["period"] = Object.fromEntries(Object.entries(after["period"] as Raw).filter(([, v]) => v !== undefined));

  // Roles: rows with a role or a count in them, in their order; a label only where one is given.
  const needRows = values.needs.map((n, row) => ({ ...n, row })).filter((n) => trimmed(n.role) || trimmed(n.count));
  const needs = Object.fromEntries(needRows.map((n) => [trimmed(n.role), countOrText(n.count) ?? ""]));
  const labels = Object.fromEntries(needRows.filter((n) => trimmed(n.label)).map((n) => [trimmed(n.role), trimmed(n.label)]));
  const rowOfRole = new Map(needRows.map((n) => [trimmed(n.role), n.row]));
  const changes = keyChanges(["campaign"], before, after);
  if (!same(raw["sessionNeeds"], needs)) changes.push({ op: "set", path: ["sessionNeeds"], value: needs });
  // Labels key by key, the roles: block's other lines and comments kept; a first label writes the block.
  const roles = raw["roles"];
  if (roles && typeof roles === "object" && !Array.isArray(roles)) changes.push(...keyChanges(["roles"], roles as Raw, labels));
  else if (Object.keys(labels).length) changes.push({ op: "set", path: ["roles"], value: labels });

  return outcome(text, file, changes, (path) => {
    const [top, key] = path;
    if ((top === "sessionNeeds" || top === "roles") && typeof key === "string") return rowOfRole.has(key) ? `needs.${rowOfRole.get(key)}` : "needs";
    if (top === "sessionNeeds") return "needs";
    if (top !== "campaign") return undefined;
    const dotted = path.slice(1).filter((p) => typeof p === "string").join(".");
    return CAMPAIGN_FIELDS.find(([prefix]) => dotted === prefix || dotted.startsWith(`${prefix}.`))?.[1];
  });
}

// ————————————————————————————————————————— clusters —————————————————————————————————————————

export function clusterForm(plan: Plan, index: number): ClusterForm {
  const cluster = plan.data.clusters[index]!;
  const window = cluster.window;
  return {
    name: cluster.name,
    window: window === undefined ? "none" : window === "propose" ? "propose" : "dated",
    from: typeof window === "object" ? window.from : "",
    to: typeof window === "object" ? window.to : "",
    provinces: plan.clusters[index]!.provinces.map((p) => p.record.name),
  };
}

export const EMPTY_CLUSTER: ClusterForm = { name: "", window: "dated", from: "", to: "", provinces: [] };

const clusterField: FieldOf = (path) => {
  const [top, , field] = path;
  if (top !== "clusters") return undefined;
  return field === "window" ? (path[3] === "from" ? "from" : "to") : field === "provinces" ? "provinces" : "name";
};

/** The trainers' lists of clusters with a cluster renamed or removed in them. */
function trainerClusterChanges(raw: Raw, rename: (name: string) => string | undefined): YamlChange[] {
  const trainers = (raw["trainers"] ?? []) as Raw[];
  return trainers.flatMap((trainer, index) => {
    const clusters = trainer["clusters"];
    if (!Array.isArray(clusters)) return [];
    const now = clusters.flatMap((name) => {
      const renamed = rename(String(name));
      return renamed === undefined ? [] : [renamed];
    });
    if (same(now, clusters)) return [];
    // A trainer left with no cluster is the loader's to refuse, by name: never silently made to serve them all.
    return [{ op: "set" as const, path: ["trainers", index, "clusters"], value: now.length ? now : clusters }];
  });
}

/** Deletes the settings of provinces no longer in the plan: settings of a province in no cluster are refused. */
function settingsOf(raw: Raw, plan: Plan, codes: ReadonlySet<string>): YamlChange[] {
  return Object.keys((raw["provinces"] ?? {}) as Raw).flatMap((key) => {
    const found = plan.registry.lookup(key);
    return found.ok && codes.has(found.record.code) ? [{ op: "delete" as const, path: ["provinces", key] }] : [];
  });
}

export function editCluster(text: string, file: string, index: number | "new", values: ClusterForm): EditOutcome {
  const { raw, plan } = current(text, file);
  const clusters = (raw["clusters"] ?? []) as Raw[];
  const before = index === "new" ? {} : clusters[index]!;
  const at = index === "new" ? clusters.length : index;
  const name = trimmed(values.name);
  const code = (n: string) => {
    const found = plan.registry.lookup(n);
    return found.ok ? found.record.code : n;
  };
  const chosen = new Set(values.provinces.map(code));
  // Each cluster's provinces as the file writes them. Those this cluster keeps stay so, in its order;
  // those ticked follow in the form's, each taken out of the other cluster it was in: a move, which
  // keeps the province's settings. A province unticked leaves the plan, and its settings with it.
  const lists = clusters.map((cluster) => (Array.isArray(cluster["provinces"]) ? (cluster["provinces"] as unknown[]).map(String) : []));
  const kept = (lists[at] ?? []).filter((p) => chosen.has(code(p)));
  const keptCodes = new Set(kept.map(code));
  const ticked = values.provinces.filter((p) => !keptCodes.has(code(p))).map(trimmed);
  const listsAfter = withMoves(lists.map((list, i) => (i === at ? kept : list)), code, ticked.map((p) => ({ name: p, to: at })));
  const provinces = listsAfter[at]!;
  const window = values.window === "propose" ? "propose" : values.window === "dated" ? { from: textOrNone(values.from), to: textOrNone(values.to) } : undefined;
  const after = withKey(withKey({ ...before, name }, "window", window), "provinces", provinces);
  const changes: YamlChange[] = [];
  if (index === "new") {
    // Name, window, provinces: the order the letter's clusters are written in.
    changes.push({ op: "append", path: ["clusters"], value: Object.fromEntries(["name", "window", "provinces"].filter((k) => after[k] !== undefined).map((k) => [k, after[k]])) });
  } else {
    // The provinces item by item (below): those kept stay as written, with their comments.
    changes.push(...keyChanges(["clusters", index], before, Array.isArray(before["provinces"]) ? { ...after, provinces: before["provinces"] } : after));
    const oldName = String(before["name"]);
    if (name !== oldName) changes.push(...trainerClusterChanges(raw, (n) => (n === oldName ? name : n)));
    const removed = new Set(plan.clusters[index]!.provinces.map((p) => p.record.code).filter((c) => !chosen.has(c)));
    changes.push(...settingsOf(raw, plan, removed));
  }
  changes.push(...clusterListChanges(lists, listsAfter));
  return outcome(text, file, changes, (path) => {
    if (path[0] === "clusters" && path[1] === at) return clusterField(path);
    // Another cluster left with no province by a move: said by its name, not at this form's field.
    if (path[0] === "clusters" && path[2] === "provinces" && path.length === 3) return undefined;
    return (path[0] === "clusters" && path[2] === "provinces") || path[0] === "provinces" ? "provinces" : undefined;
  });
}

export function removeCluster(text: string, file: string, index: number): EditOutcome {
  const { raw, plan } = current(text, file);
  const name = plan.data.clusters[index]!.name;
  const changes: YamlChange[] = [
    { op: "delete", path: ["clusters", index] },
    ...trainerClusterChanges(raw, (n) => (n === name ? undefined : n)),
    ...settingsOf(raw, plan, new Set(plan.clusters[index]!.provinces.map((p) => p.record.code))),
  ];
  return outcome(text, file, changes, () => undefined);
}

export function moveCluster(text: string, file: string, index: number, by: -1 | 1): EditOutcome {
  const { plan } = current(text, file);
  const to = index + by;
  if (to < 0 || to >= plan.data.clusters.length) return outcome(text, file, [], () => undefined);
  return outcome(text, file, [{ op: "move", path: ["clusters"], from: index, to }], () => undefined);
}

// ————————————————————————————————————————— trainers —————————————————————————————————————————

export function trainerForm(plan: Plan, index: number): TrainerForm {
  const t = plan.data.trainers[index]!;
  return {
    id: t.id,
    organisation: t.organisation,
    roles: t.roles,
    clusters: t.clusters,
    home: t.home ?? "",
    maxSessionsPerDay: String(t.maxSessionsPerDay),
    maxSessionsPerWeek: t.maxSessionsPerWeek?.toString() ?? "",
    national: t.national,
    email: t.email ?? "",
    unavailable: rowsOf(t.unavailable),
    onlyAvailable: rowsOf(t.onlyAvailable),
  };
}

export const EMPTY_TRAINER: TrainerForm = { id: "", organisation: "", roles: [], clusters: "all", home: "", maxSessionsPerDay: "2", maxSessionsPerWeek: "", national: false, email: "", unavailable: [], onlyAvailable: [] };

export function editTrainer(text: string, file: string, index: number | "new", values: TrainerForm): EditOutcome {
  const { raw, plan } = current(text, file);
  const trainers = (raw["trainers"] ?? []) as Raw[];
  const before = index === "new" ? {} : trainers[index]!;
  const away = selectors(values.unavailable);
  const only = selectors(values.onlyAvailable);
  // Rows of days the planner did not change keep the key as the file writes it: `onlyAvailable: []` (available on no day) is not dropped.
  const shown = index === "new" ? undefined : trainerForm(plan, index);
  const asWritten = (key: "unavailable" | "onlyAvailable", rows: { values: unknown[] }) => shown !== undefined && same(selectors(shown[key]).values, rows.values);
  let after: Raw = { ...before, id: trimmed(values.id), organisation: trimmed(values.organisation), roles: values.roles.map(trimmed) };
  after = withKey(after, "clusters", values.clusters === "all" ? (before["clusters"] === "all" ? "all" : undefined) : values.clusters.map(trimmed));
  after = withKey(after, "home", textOrNone(values.home));
  after = withKey(after, "maxSessionsPerDay", unlessDefault(before, "maxSessionsPerDay", countOrText(values.maxSessionsPerDay) ?? 2, 2));
  after = withKey(after, "maxSessionsPerWeek", countOrText(values.maxSessionsPerWeek));
  after = withKey(after, "national", unlessDefault(before, "national", values.national, false));
  after = withKey(after, "email", textOrNone(values.email));
  after = withKey(after, "unavailable", asWritten("unavailable", away) ? before["unavailable"] : unlessDefault(before, "unavailable", away.values, []));
  after = withKey(after, "onlyAvailable", asWritten("onlyAvailable", only) ? before["onlyAvailable"] : only.values.length ? only.values : undefined);
  const changes = index === "new" ? [{ op: "append" as const, path: ["trainers"], value: after }] : keyChanges(["trainers", index], before, after);
  const at = index === "new" ? trainers.length : index;
  return outcome(text, file, changes, (path) => {
    if (path[0] !== "trainers" || path[1] !== at) return path[0] === "trainers" && path[2] === "id" ? "id" : undefined;
    const field = String(path[2] ?? "id");
    if (field === "unavailable") return rowField("unavailable", away.rows, path[3]);
    if (field === "onlyAvailable") return rowField("onlyAvailable", only.rows, path[3]);
    return field;
  });
}

export function removeTrainer(text: string, file: string, index: number): EditOutcome {
  current(text, file);
  return outcome(text, file, [{ op: "delete", path: ["trainers", index] }], () => undefined);
}

// ————————————————————————————————————————— provinces —————————————————————————————————————————

/** The key the file writes a province's settings under, if it has any. */
function settingsKey(raw: Raw, plan: Plan, code: string): string | undefined {
  return Object.keys((raw["provinces"] ?? {}) as Raw).find((key) => {
    const found = plan.registry.lookup(key);
    return found.ok && found.record.code === code;
  });
}

export function provinceForm(plan: Plan, code: string): ProvinceForm {
  const p = plan.index.province(code)!;
  return {
    unavailable: rowsOf(p.unavailable),
    preferred: rowsOf(p.preferred),
    fixedDate: p.fixed?.date ?? "",
    fixedHalfDay: p.fixed?.halfDay ?? "",
    venue: p.venue ?? "",
    focalName: p.focal?.name ?? "",
    focalPhone: p.focal?.phone ?? "",
    focalEmail: p.focal?.email ?? "",
  };
}

const PROVINCE_FIELDS: Readonly<Record<string, string>> = { "focal.name": "focalName", "focal.phone": "focalPhone", "focal.email": "focalEmail", focal: "focalName", "fixed.date": "fixedDate", "fixed.halfDay": "fixedHalfDay", fixed: "fixedDate", venue: "venue" };

export function editProvince(text: string, file: string, code: string, values: ProvinceForm): EditOutcome {
  const { raw, plan } = current(text, file);
  const province = plan.index.province(code);
  if (!province) throw new InputError(file, [error("unknown-province", ["provinces"], `no province with code ${code} in the plan`, undefined, { name: code, registry: plan.registry.id, suggestions: "" })]);
  const existing = settingsKey(raw, plan, code);
  const key = existing ?? province.name;
  const before = (existing ? ((raw["provinces"] as Raw)[existing] ?? {}) : {}) as Raw;
  const cannot = selectors(values.unavailable);
  const preferred = selectors(values.preferred);
  let after: Raw = { ...before };
  after = withKey(after, "unavailable", cannot.values.length ? cannot.values : undefined);
  after = withKey(after, "preferred", preferred.values.length ? preferred.values : undefined);
  after = withKey(after, "fixed", trimmed(values.fixedDate) ? { date: trimmed(values.fixedDate), halfDay: values.fixedHalfDay || "morning" } : undefined);
  after = withKey(after, "venue", textOrNone(values.venue));
  after = withKey(after, "focal", someOf({ name: textOrNone(values.focalName), phone: textOrNone(values.focalPhone), email: textOrNone(values.focalEmail) }));
  const changes: YamlChange[] = !Object.keys(after).length ? (existing ? [{ op: "delete", path: ["provinces", key] }] : []) : existing ? keyChanges(["provinces", key], before, after) : [{ op: "set", path: ["provinces", key], value: after }];
  return outcome(text, file, changes, (path) => {
    if (path[0] !== "provinces" || path[1] !== key) return undefined;
    const field = String(path[2] ?? "");
    if (field === "unavailable") return rowField("unavailable", cannot.rows, path[3]);
    if (field === "preferred") return rowField("preferred", preferred.rows, path[3]);
    const dotted = path.slice(2).filter((p) => typeof p === "string").join(".");
    return PROVINCE_FIELDS[dotted] ?? PROVINCE_FIELDS[field];
  });
}
