/**
 * The plan's forms, rendered on the server like every page (src/serve/pages.ts): the campaign, a
 * cluster, a province's settings, a trainer, and the page that lists them. Each field has its label
 * and, beside it, the place its problem is said: by the server when the form comes back refused, and
 * as the planner types by /assets/app.js, which asks the form's check address.
 */
import type { CampaignForm, ClusterForm, ProvinceForm, RangeRow, TrainerForm } from "../app/plan-edit.ts";
import { FORM_FIELD } from "../app/plan-edit.ts";
import { officialDate } from "../model/calendar.ts";
import { roleLabel } from "../export/names.ts";
import { escapeHtml as e } from "../export/table.ts";
import type { Plan } from "../model/plan.ts";
import type { Lang } from "../words/labels.ts";
import { PLAN_FORM_WORDS } from "../words/plan-forms.ts";
import { WORDS } from "../words/page.ts";
import { layout } from "./pages.ts";

type FormWords = (typeof PLAN_FORM_WORDS)["vi"];
export type FieldErrors = Readonly<Record<string, string>>;

/** What every form page is given: where it is, the plan's text it was made from, and the problems to say. */
export interface FormPage<V> {
  readonly lang: Lang;
  readonly file: string;
  readonly plan: Plan;
  readonly values: V;
  readonly errors: FieldErrors;
  /** The plan's text the form was filled from (its hash): a save over a text changed since is refused. */
  readonly base: string;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** Empty rows offered under a list of dates, to add to it without a script. */
const SPARE_ROWS = 2;

const planBase = (file: string) => `/p/${encodeURIComponent(file)}`;

function errorFor(field: string, errors: FieldErrors): string {
  return `<span class="field-error" id="error-${e(field)}" data-error-for="${e(field)}" aria-live="polite">${e(errors[field] ?? "")}</span>`;
}

/** A labelled field, its problem beside it. */
function field(name: string, label: string, input: string, errors: FieldErrors): string {
  return `<p class="field"><label for="f-${e(name)}">${e(label)}</label> ${input} ${errorFor(name, errors)}</p>`;
}

function control(name: string, value: string, type = "text", extra = ""): string {
  return `<input type="${type}" id="f-${e(name)}" name="${e(name)}" value="${e(value)}" aria-describedby="error-${e(name)}"${extra}>`;
}

function halfDaySelect(w: FormWords, name: string, value: string, whole = true, label = w.halfDay): string {
  const option = (v: string, text: string) => `<option value="${v}"${value === v ? " selected" : ""}>${e(text)}</option>`;
  return `<select name="${e(name)}" aria-label="${e(label)}">${whole ? option("", w.wholeDay) : ""}${option("morning", w.morning)}${option("afternoon", w.afternoon)}</select>`;
}

/** A list of days or ranges, one row each, with spare rows to add more. */
function rangeRows(w: FormWords, name: string, legend: string, rows: readonly RangeRow[], errors: FieldErrors): string {
  const all = [...rows, ...Array.from({ length: SPARE_ROWS }, () => ({ from: "", to: "", halfDay: "" }))];
  const lines = all.map((row, i) => {
    const key = `${name}.${i}`;
    return `<li><label>${e(w.from)} <input type="date" name="${name}From" value="${e(row.from)}" aria-describedby="error-${e(key)}"></label> <label>${e(w.to)} <input type="date" name="${name}To" value="${e(row.to)}"></label> ${halfDaySelect(w, `${name}HalfDay`, row.halfDay)} ${errorFor(key, errors)}</li>`;
  });
  return `<fieldset class="ranges" id="${e(name)}"><legend>${e(legend)}</legend><p class="help">${e(w.rangesHelp)}</p><ol>${lines.join("")}</ol>${errorFor(name, errors)}</fieldset>`;
}

function formPage(lang: Lang, file: string, title: string, action: string, base: string, errors: FieldErrors, body: string, path: string): string {
  const w = PLAN_FORM_WORDS[lang];
  const said = Object.keys(errors).length ? `<p class="bad" role="alert">${e(w.notSaved)}</p>` : "";
  return layout(
    lang,
    title,
    `<h1>${e(title)}</h1>${said}
<form method="post" action="${action}?lang=${lang}" class="plan-form" data-check="${action}/check?lang=${lang}" novalidate>
<input type="hidden" name="base" value="${e(base)}">
<div class="form-error" data-error-for="${FORM_FIELD}" aria-live="polite">${e(errors[FORM_FIELD] ?? "")}</div>
${body}
<p><button type="submit" id="save-button">${e(w.save)}</button> <a href="${planBase(file)}/forms?lang=${lang}">${e(w.back)}</a></p>
</form>`,
    "",
    path,
  );
}

// ————————————————————————————————————————— campaign —————————————————————————————————————————

export function campaignPage(input: FormPage<CampaignForm>): string {
  const { lang, file, values: v, errors } = input;
  const w = PLAN_FORM_WORDS[lang];
  const action = `${planBase(file)}/forms/campaign`;
  const days = WEEKDAYS.map((d) => `<label><input type="checkbox" name="workingDays" value="${d}"${v.workingDays.includes(d) ? " checked" : ""}> ${e(w.weekdays[d]!)}</label>`).join(" ");
  const needs = [...v.needs, { role: "", count: "", label: "" }].map((n, i) => {
    const key = `needs.${i}`;
    return `<tr><td><input type="text" name="needRole" value="${e(n.role)}" aria-label="${e(w.role)}" aria-describedby="error-${key}" size="12"></td><td><input type="number" name="needCount" value="${e(n.count)}" min="1" aria-label="${e(w.count)}" size="4"></td><td><input type="text" name="needLabel" value="${e(n.label)}" aria-label="${e(w.roleLabel)}" size="50"></td><td>${errorFor(key, errors)}</td></tr>`;
  });
  const body = `<fieldset><legend>${e(w.campaign)}</legend>
${field("title", w.title, control("title", v.title, "text", ' size="70" required'), errors)}
${field("from", w.from, control("from", v.from, "date"), errors)}
${field("to", w.to, control("to", v.to, "date"), errors)}
<p class="field"><span class="label">${e(w.workingDays)}</span> ${days} ${errorFor("workingDays", errors)}</p>
${field("holidays", w.holidays, `<textarea id="f-holidays" name="holidays" rows="3" cols="14" aria-describedby="error-holidays">${e(v.holidays.join("\n"))}</textarea>`, errors)}
</fieldset>
<fieldset><legend>${e(w.needs)}</legend><p class="help">${e(w.needsHelp)}</p>
<table class="needs"><thead><tr><th>${e(w.role)}</th><th>${e(w.count)}</th><th>${e(w.roleLabel)}</th><th></th></tr></thead><tbody>${needs.join("")}</tbody></table>${errorFor("needs", errors)}</fieldset>
<fieldset><legend>${e(w.notice)}</legend>
${field("issued", w.issued, control("issued", v.issued, "date"), errors)}
${field("noticeDays", w.noticeDays, control("noticeDays", v.noticeDays, "number", ' min="0" max="60"'), errors)}
</fieldset>
<fieldset><legend>${e(w.caps)}</legend>
${field("maxConcurrentSessions", w.maxConcurrentSessions, control("maxConcurrentSessions", v.maxConcurrentSessions, "number", ' min="1"'), errors)}
${field("maxDailySessions", w.maxDailySessions, control("maxDailySessions", v.maxDailySessions, "number", ' min="1"'), errors)}
</fieldset>
<fieldset><legend>${e(w.organizer)}</legend>
${field("organizerName", w.organizerName, control("organizerName", v.organizerName, "text", ' size="50"'), errors)}
${field("organizerEmail", w.organizerEmail, control("organizerEmail", v.organizerEmail, "email", ' size="40"'), errors)}
</fieldset>
<fieldset><legend>${e(w.contact)}</legend>
${field("contactName", w.contactName, control("contactName", v.contactName, "text", ' size="50"'), errors)}
${field("contactPhone", w.phone, control("contactPhone", v.contactPhone, "tel"), errors)}
${field("contactEmail", w.email, control("contactEmail", v.contactEmail, "email", ' size="40"'), errors)}
</fieldset>
<fieldset><legend>${e(w.document)}</legend>
${field("documentNumber", w.documentNumber, control("documentNumber", v.documentNumber), errors)}
${field("documentIssuer", w.documentIssuer, control("documentIssuer", v.documentIssuer, "text", ' size="50"'), errors)}
${field("documentDate", w.documentDate, control("documentDate", v.documentDate, "date"), errors)}
</fieldset>`;
  return formPage(lang, file, `${w.campaign}: ${input.plan.data.campaign.title}`, action, input.base, errors, body, action);
}

// ————————————————————————————————————————— clusters —————————————————————————————————————————

export function clusterPage(input: FormPage<ClusterForm> & { readonly index: number | "new" }): string {
  const { lang, file, plan, values: v, errors, index } = input;
  const w = PLAN_FORM_WORDS[lang];
  const action = `${planBase(file)}/forms/clusters/${index}`;
  const own = index === "new" ? undefined : plan.data.clusters[index]!.name;
  const clusterOf = new Map(plan.provinces.map((p) => [p.record.code, p.cluster]));
  const chosen = new Set(v.provinces.map((name) => {
    const found = plan.registry.lookup(name);
    return found.ok ? found.record.code : name;
  }));
  const records = [...plan.registry.records].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const items = records.map((r) => {
    const elsewhere = clusterOf.get(r.code);
    const note = elsewhere && elsewhere !== own ? ` <small>${e(w.inCluster(elsewhere))}</small>` : "";
    return `<li data-name="${e(r.name)}"><label><input type="checkbox" name="provinces" value="${e(r.name)}"${chosen.has(r.code) ? " checked" : ""}> ${e(r.name)}</label>${note}</li>`;
  });
  const radio = (kind: ClusterForm["window"], label: string, extra = "") => `<label><input type="radio" name="window" value="${kind}"${v.window === kind ? " checked" : ""}> ${e(label)}</label>${extra}`;
  const body = `${field("name", w.clusterName, control("name", v.name, "text", ' size="40" required'), errors)}
<fieldset><legend>${e(w.window)}</legend>
<p>${radio("dated", w.windowDated)} <label>${e(w.from)} ${control("from", v.from, "date")}</label> ${errorFor("from", errors)} <label>${e(w.to)} ${control("to", v.to, "date")}</label> ${errorFor("to", errors)}</p>
<p>${radio("none", w.windowNone)}</p>
<p>${radio("propose", w.windowPropose)}</p>
</fieldset>
<fieldset><legend>${e(w.clusterProvinces)}</legend><p class="help">${e(w.provincesHelp)}</p>
<p><label for="province-search">${e(w.search)}</label> <input type="search" id="province-search" autocomplete="off"> <span id="chosen-count" data-template="${e(w.chosen(0))}">${e(w.chosen(chosen.size))}</span> ${errorFor("provinces", errors)}</p>
<ul class="province-list" id="province-list">${items.join("")}</ul>
</fieldset>`;
  const title = index === "new" ? w.newCluster : `${w.clusters}: ${own}`;
  return formPage(lang, file, title, action, input.base, errors, body, action);
}

// ————————————————————————————————————————— trainers —————————————————————————————————————————

export function trainerPage(input: FormPage<TrainerForm> & { readonly index: number | "new" }): string {
  const { lang, file, plan, values: v, errors, index } = input;
  const w = PLAN_FORM_WORDS[lang];
  const action = `${planBase(file)}/forms/trainers/${index}`;
  const roles = [...new Set([...Object.keys(plan.data.sessionNeeds), ...v.roles])].map((role) => `<label><input type="checkbox" name="roles" value="${e(role)}"${v.roles.includes(role) ? " checked" : ""}> ${e(roleLabel(plan, role, lang))}</label>`);
  const all = v.clusters === "all";
  const clusters = plan.data.clusters.map((c) => `<label><input type="checkbox" name="clusters" value="${e(c.name)}"${!all && v.clusters.includes(c.name) ? " checked" : ""}> ${e(c.name)}</label>`);
  const homes = [...plan.registry.records].sort((a, b) => a.name.localeCompare(b.name, "vi")).map((r) => `<option value="${e(r.name)}"></option>`).join("");
  const body = `${field("id", w.trainerId, control("id", v.id, "text", ' size="30" required'), errors)}
${field("organisation", w.organisation, control("organisation", v.organisation, "text", ' size="50" required'), errors)}
<p class="field"><span class="label">${e(w.roles)}</span> ${roles.join(" ")} ${errorFor("roles", errors)}</p>
<p class="field"><span class="label">${e(w.trainerClusters)}</span> ${clusters.join(" ")} ${errorFor("clusters", errors)}</p>
${field("home", w.home, `${control("home", v.home, "text", ' list="registry-names" autocomplete="off"')}<datalist id="registry-names">${homes}</datalist>`, errors)}
${field("maxSessionsPerDay", w.maxSessionsPerDay, `<select id="f-maxSessionsPerDay" name="maxSessionsPerDay" aria-describedby="error-maxSessionsPerDay">${["1", "2"].map((n) => `<option${v.maxSessionsPerDay === n ? " selected" : ""}>${n}</option>`).join("")}</select>`, errors)}
${field("maxSessionsPerWeek", w.maxSessionsPerWeek, control("maxSessionsPerWeek", v.maxSessionsPerWeek, "number", ' min="1"'), errors)}
${field("national", w.national, `<input type="checkbox" id="f-national" name="national" value="true"${v.national ? " checked" : ""}>`, errors)}
${field("email", w.email, control("email", v.email, "email", ' size="40"'), errors)}
${rangeRows(w, "unavailable", w.away, v.unavailable, errors)}
${rangeRows(w, "onlyAvailable", w.onlyAvailable, v.onlyAvailable, errors)}`;
  const title = index === "new" ? w.newTrainer : `${w.trainers}: ${plan.data.trainers[index]!.id}`;
  return formPage(lang, file, title, action, input.base, errors, body, action);
}

// ————————————————————————————————————————— provinces —————————————————————————————————————————

export function provincePage(input: FormPage<ProvinceForm> & { readonly code: string }): string {
  const { lang, file, plan, values: v, errors, code } = input;
  const w = PLAN_FORM_WORDS[lang];
  const action = `${planBase(file)}/forms/provinces/${encodeURIComponent(code)}`;
  const province = plan.index.province(code)!;
  const body = `${rangeRows(w, "unavailable", w.cannotHost, v.unavailable, errors)}
${rangeRows(w, "preferred", w.preferred, v.preferred, errors)}
<fieldset><legend>${e(w.fixed)}</legend>
<p><label>${e(w.fixedDate)} ${control("fixedDate", v.fixedDate, "date")}</label> ${halfDaySelect(w, "fixedHalfDay", v.fixedHalfDay || "morning", false)} ${errorFor("fixedDate", errors)} ${errorFor("fixedHalfDay", errors)}</p></fieldset>
${field("venue", w.venue, control("venue", v.venue, "text", ' size="60"'), errors)}
<fieldset><legend>${e(w.focal)}</legend>
${field("focalName", w.focalName, control("focalName", v.focalName, "text", ' size="50"'), errors)}
${field("focalPhone", w.phone, control("focalPhone", v.focalPhone, "tel"), errors)}
${field("focalEmail", w.email, control("focalEmail", v.focalEmail, "email", ' size="40"'), errors)}
</fieldset>`;
  return formPage(lang, file, `${w.provinceOf(province.name)} (${province.cluster})`, action, input.base, errors, body, action);
}

// ————————————————————————————————————————— the list —————————————————————————————————————————

/** The plan's parts, each a click from its form; clusters moved or removed, trainers removed, from here. */
export function formsPage(lang: Lang, file: string, plan: Plan, base: string, note?: { readonly ok: boolean; readonly text: string }): string {
  const w = PLAN_FORM_WORDS[lang];
  const root = `${planBase(file)}/forms`;
  const c = plan.data.campaign;
  const button = (action: string, label: string, extra = "", className = "") => `<form method="post" action="${action}?lang=${lang}" class="inline"><input type="hidden" name="base" value="${e(base)}">${extra}<button type="submit"${className ? ` class="${className}"` : ""}>${e(label)}</button></form>`;
  const windowText = (cluster: Plan["data"]["clusters"][number]) => (cluster.window === undefined ? w.noWindow : cluster.window === "propose" ? w.proposed : `${officialDate(cluster.window.from)}–${officialDate(cluster.window.to)}`);
  const clusters = plan.data.clusters.map((cluster, i) => {
    const provinces = plan.clusters[i]!.provinces.map((p) => `<a href="${root}/provinces/${encodeURIComponent(p.record.code)}?lang=${lang}">${e(p.name)}</a>`).join(", ");
    const moves = `${i > 0 ? button(`${root}/clusters/${i}/move`, w.moveUp, '<input type="hidden" name="by" value="-1">') : ""} ${i < plan.data.clusters.length - 1 ? button(`${root}/clusters/${i}/move`, w.moveDown, '<input type="hidden" name="by" value="1">') : ""}`;
    return `<tr><td><a href="${root}/clusters/${i}?lang=${lang}" class="edit-cluster">${e(cluster.name)}</a></td><td>${e(windowText(cluster))}</td><td>${provinces}</td><td>${moves} ${plan.data.clusters.length > 1 ? button(`${root}/clusters/${i}/remove`, w.remove, "", "remove-cluster") : ""}</td></tr>`;
  });
  const trainers = plan.data.trainers.map((t, i) => `<tr><td><a href="${root}/trainers/${i}?lang=${lang}" class="edit-trainer">${e(t.id)}</a></td><td>${e(t.organisation)}</td><td>${e(t.roles.map((role) => roleLabel(plan, role, lang)).join("; "))}</td><td>${e(t.clusters === "all" ? w.allClusters : t.clusters.join(", "))}</td><td>${button(`${root}/trainers/${i}/remove`, w.remove, "", "remove-trainer")}</td></tr>`);
  const said = note ? `<p class="${note.ok ? "note" : "bad"}" role="${note.ok ? "status" : "alert"}">${e(note.text)}</p>` : "";
  return layout(
    lang,
    w.formsOf(c.title),
    `<h1>${e(w.formsOf(c.title))}</h1>${said}
<section id="forms-campaign"><h2>${e(w.campaign)}</h2><p>${e(c.title)} · ${e(officialDate(c.period.from))}–${e(officialDate(c.period.to))} · <a id="edit-campaign" href="${root}/campaign?lang=${lang}">${e(w.edit)}</a></p></section>
<section id="forms-clusters"><h2>${e(w.clusters)}</h2><div class="scroll"><table><thead><tr><th>${e(w.clusterName)}</th><th>${e(w.window)}</th><th>${e(w.clusterProvinces)}</th><th></th></tr></thead><tbody>${clusters.join("")}</tbody></table></div><p><a id="add-cluster" href="${root}/clusters/new?lang=${lang}">${e(w.addCluster)}</a></p></section>
<section id="forms-trainers"><h2>${e(w.trainers)}</h2>${trainers.length ? `<div class="scroll"><table><thead><tr><th>${e(w.trainerHeader)}</th><th>${e(w.organisation)}</th><th>${e(w.roles)}</th><th>${e(w.clustersServed)}</th><th></th></tr></thead><tbody>${trainers.join("")}</tbody></table></div>` : `<p>${e(w.noTrainers)}</p>`}<p><a id="add-trainer" href="${root}/trainers/new?lang=${lang}">${e(w.addTrainer)}</a></p></section>
<p><a href="${planBase(file)}?lang=${lang}">${e(w.back)}</a> · <a href="${planBase(file)}/edit?lang=${lang}">${e(WORDS[lang].edit)}</a></p>`,
    "",
    root,
  );
}
