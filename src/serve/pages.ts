/**
 * The workspace's HTML, rendered on the server from the same tables and words as the exports.
 * Every planner-supplied string goes through `escapeHtml`; the only script is /assets/app.js.
 */
import { issueLine, unplacedText } from "../words/issues.ts";
import { clusterTable, escapeHtml, schedulableDay, sessionTable, type Table } from "../export/table.ts";
import { officialDay, type Lang } from "../words/labels.ts";
import { datesBetween } from "../model/calendar.ts";
import type { Alternatives } from "../app/alternatives.ts";
import type { Outgoing, SendOutcome } from "../app/send.ts";
import type { SmtpSetting } from "../app/smtp-settings.ts";
import { REPLY_WORDS, SEND_PAGE_WORDS } from "../words/mailbox.ts";
import type { Reading, RepliesOutcome } from "../app/replies.ts";
import { todayIn } from "../app/today.ts";
import type { Issue } from "../model/issues.ts";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import { NEW_PLAN_WORDS } from "../words/new-plan.ts";
import { PLAN_FORM_WORDS } from "../words/plan-forms.ts";
import { WORDS, type Words } from "../words/page.ts";
import { alternativeText } from "../words/alternatives.ts";

const e = escapeHtml;

/** Cluster colours for the grid and the map: distinct, readable on white, colour-blind friendly first. */
const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#999900", "#7f3c8d", "#11a579", "#3969ac", "#f2b701", "#e73f74"];

export function layout(lang: Lang, title: string, body: string, query = "", path = ""): string {
  const w = WORDS[lang];
  const other = lang === "vi" ? "en" : "vi";
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header><a href="/?lang=${lang}" class="home">${e(w.appName)}</a> <a class="lang" id="lang-switch" href="${e(path)}?${e(query ? `${query}&` : "")}lang=${other}">${e(w.language)}</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function planList(lang: Lang, plans: readonly { file: string; title?: string; problem?: string }[]): string {
  const w = WORDS[lang];
  const items = plans.map((p) => `<li><a href="/p/${encodeURIComponent(p.file)}?lang=${lang}">${e(p.title ?? p.file)}</a> <small>${e(p.file)}</small>${p.problem ? ` <span class="bad">${e(p.problem)}</span>` : ""}</li>`);
  return layout(lang, w.appName, `<h1>${e(w.plans)}</h1>${items.length ? `<ul class="plans">${items.join("")}</ul>` : `<p>${e(w.noPlans)}</p>`}<p><a id="new-plan" href="/new?lang=${lang}">${e(NEW_PLAN_WORDS[lang].newPlan)}</a></p>`);
}

/** A problem of a plan file, with its place in the text where known. */
type Problem = Issue & { readonly line?: number; readonly column?: number };

function issuesBlock(w: Words, lines: readonly string[]): string {
  return `<section class="issues"><h2>${e(w.invalid)}</h2><ul>${lines.map((l) => `<li><code>${e(l)}</code></li>`).join("")}</ul></section>`;
}

function editor(w: Words, file: string, lang: Lang, text: string, message?: string): string {
  return `<section id="edit"><h2>${e(w.edit)}</h2>${message ? `<p class="note">${e(message)}</p>` : ""}
<form method="post" action="/p/${encodeURIComponent(file)}/edit?lang=${lang}"><textarea name="text" rows="24" spellcheck="false">${e(text)}</textarea><p><button type="submit">${e(w.save)}</button></p></form></section>`;
}

/** A plan file's text in an editor, under the problems that keep it from loading, if any. */
export function editorPage(lang: Lang, file: string, text: string, problems: readonly Problem[], message?: string): string {
  const w = WORDS[lang];
  const lines = problems.map((issue) => issueLine(file, issue, lang));
  return layout(lang, file, `<h1>${e(file)}</h1>${lines.length ? issuesBlock(w, lines) : ""}${editor(w, file, lang, text, message)}`);
}

function table(t: Table, id: string): string {
  return `<section id="${id}"><h2>${e(t.title)}</h2><table><thead><tr>${t.header.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${t.rows
    .map((row) => `<tr>${row.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table></section>`;
}

function sessionLink(file: string, lang: Lang, province: string, label: string): string {
  return `<a class="session" href="/p/${encodeURIComponent(file)}/replan?province=${encodeURIComponent(province)}&lang=${lang}">${label}</a>`;
}

/** Days × clusters, like schedule.html; every session a link to re-plan it. */
function grid(plan: Plan, schedule: Schedule, lang: Lang, file: string, editable: boolean): string {
  const w = WORDS[lang];
  const { from, to } = plan.data.campaign.period;
  // Working days, and the holidays that fall on them: a holiday is shown as one, not left out.
  const workdays = new Set(plan.data.campaign.workingDays);
  const days = [...datesBetween(from, to)].filter((d) => plan.calendar.isWorkingDay(d) || (plan.calendar.isHoliday(d) && workdays.has(plan.calendar.weekday(d))));
  const head = `<tr><th>${e(w.sessionHeader[1]!)}</th>${plan.clusters.map((c, i) => `<th><span class="swatch c${i % PALETTE.length}"></span>${e(c.name)}</th>`).join("")}</tr>`;
  const rows = days.map((date) => {
    if (plan.calendar.isHoliday(date)) return `<tr class="holiday"><th>${e(officialDay(date, lang))}</th><td colspan="${plan.clusters.length}">${e(w.holiday)}</td></tr>`;
    const cells = plan.clusters.map((cluster) => {
      const inWindow = schedulableDay(plan, cluster, date);
      const entries = schedule.sessions
        .filter((s) => s.cluster === cluster.name && s.date === date)
        .map((s) => {
          const label = `${e(s.province)} <small>(${e(w[s.halfDay])})</small>`;
          return editable ? sessionLink(file, lang, s.province, label) : `<span class="session">${label}</span>`;
        });
      return `<td class="${inWindow ? "window" : "outside"}">${entries.join("<br>")}</td>`;
    });
    return `<tr><th>${e(officialDay(date, lang))}</th>${cells.join("")}</tr>`;
  });
  return `<section id="grid"><h2>${e(w.grid)}</h2><p class="legend"><span class="outside-sample"></span> ${e(w.outsideWindow)}</p><div class="scroll"><table class="grid"><thead>${head}</thead><tbody>${rows.join("")}</tbody></table></div></section>`;
}

/** Who is where, when, and the trip between consecutive sessions. */
function perTrainer(plan: Plan, schedule: Schedule, lang: Lang): string {
  const w = WORDS[lang];
  const byCode = new Map(plan.provinces.map((p) => [p.record.code, p]));
  const blocks = plan.trainers.map((trainer) => {
    const own = schedule.sessions.filter((s) => s.trainers.includes(trainer.id));
    if (!own.length) return "";
    const items = own.map((s, i) => {
      const previous = own[i - 1];
      const a = previous?.code ? byCode.get(previous.code) : undefined;
      const b = s.code ? byCode.get(s.code) : undefined;
      const trip = a && b && a !== b ? ` <small>(${e(w.travel)} ${e(w.hours(plan.travel.hours(a.record, b.record)))})</small>` : "";
      return `<li>${e(officialDay(s.date, lang))}, ${e(w[s.halfDay].toLowerCase())}: ${e(s.province)}${trip}</li>`;
    });
    return `<div class="trainer"><h3>${e(trainer.id)} <small>${e(trainer.organisation)}</small></h3><ol>${items.join("")}</ol></div>`;
  });
  return `<section id="trainers"><h2>${e(w.perTrainer)}</h2><div class="trainers">${blocks.join("")}</div></section>`;
}

/** A label's box, estimated from its length: wide enough for Vietnamese at 10 px, no font metrics needed. */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const LABEL_HEIGHT = 11;
const labelWidth = (text: string) => text.length * 5.6 + 2;
const overlap = (a: LabelBox, b: LabelBox) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Where a label may go around its dot, nearest first: the four sides, then rings further out, which get a leader line. */
const PLACES: readonly { dx: number; dy: number; anchor: "start" | "end" | "middle" }[] = [
  { dx: 9, dy: 4, anchor: "start" }, { dx: -9, dy: 4, anchor: "end" }, { dx: 0, dy: -10, anchor: "middle" }, { dx: 0, dy: 17, anchor: "middle" },
  { dx: 8, dy: -7, anchor: "start" }, { dx: 8, dy: 14, anchor: "start" }, { dx: -8, dy: -7, anchor: "end" }, { dx: -8, dy: 14, anchor: "end" },
  ...[24, 40, 58, 80, 105].flatMap((radius) =>
    Array.from({ length: 16 }, (_, k) => {
      const angle = (k * Math.PI) / 8;
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      return { dx: Math.round(radius * cos), dy: Math.round(radius * sin) + 4, anchor: cos > 0.3 ? ("start" as const) : cos < -0.3 ? ("end" as const) : ("middle" as const) };
    }),
  ),
];

/**
 * Labels that do not cover each other nor another dot: each province, the most crowded first, takes
 * the nearest free place around its dot (a leader line to the far ones), or else the least covered.
 */
export function placeLabels(points: readonly { x: number; y: number; text: string }[]): { x: number; y: number; anchor: "start" | "end" | "middle"; box: LabelBox; leader: boolean }[] {
  const dots: LabelBox[] = points.map((p) => ({ x: p.x - 7, y: p.y - 7, width: 14, height: 14 }));
  const crowd = (i: number) => points.filter((q) => Math.hypot(q.x - points[i]!.x, q.y - points[i]!.y) < 40).length;
  const order = points.map((_, i) => i).sort((a, b) => crowd(b) - crowd(a) || a - b);
  const placed: LabelBox[] = [];
  const result = new Array<{ x: number; y: number; anchor: "start" | "end" | "middle"; box: LabelBox; leader: boolean }>(points.length);
  for (const i of order) {
    const p = points[i]!;
    const width = labelWidth(p.text);
    const candidates = PLACES.map((place) => {
      const x = p.x + place.dx;
      const y = p.y + place.dy;
      const left = place.anchor === "start" ? x : place.anchor === "end" ? x - width : x - width / 2;
      const box = { x: left, y: y - LABEL_HEIGHT + 2, width, height: LABEL_HEIGHT };
      const covered = [...placed, ...dots.filter((_, j) => j !== i)].reduce((sum, other) => sum + overlap(box, other), 0);
      return { x, y, anchor: place.anchor, box, leader: Math.hypot(place.dx, place.dy) > 20, covered };
    });
    const best = candidates.find((c) => c.covered === 0) ?? candidates.reduce((a, b) => (b.covered < a.covered ? b : a));
    placed.push(best.box);
    result[i] = best;
  }
  return result;
}

/** The provinces at their capitals' coordinates, coloured by cluster, labelled without overlap, with a legend: no tiles, no network. */
function map(plan: Plan, schedule: Schedule, lang: Lang, file: string, editable: boolean): string {
  const w = WORDS[lang];
  const records = plan.provinces.map((p) => p.record);
  const lats = records.map((r) => r.lat);
  const lons = records.map((r) => r.lon);
  const [minLat, maxLat, minLon] = [Math.min(...lats), Math.max(...lats), Math.min(...lons)];
  // Tall enough that the Red River delta's provinces, 20–40 km apart, get room for their names; a
  // plan of a few neighbours is not blown up past 400 px a degree.
  const scale = Math.min(400, 860 / Math.max(0.1, maxLat - minLat));
  const clusterIndex = new Map(plan.clusters.map((c, i) => [c.name, i]));
  const scheduled = new Set(schedule.sessions.map((s) => s.code));
  const points = plan.provinces.map((p) => ({ x: 90 + (p.record.lon - minLon) * scale, y: 30 + (maxLat - p.record.lat) * scale, text: p.name }));
  const labels = placeLabels(points);
  const dots = plan.provinces.map((p, i) => {
    const { x, y } = points[i]!;
    const label = labels[i]!;
    const colour = PALETTE[(clusterIndex.get(p.cluster) ?? 0) % PALETTE.length]!;
    const leader = label.leader ? `<line x1="${x.toFixed(1)}" y1="${y.toFixed(1)}" x2="${(label.anchor === "end" ? label.box.x + label.box.width : label.anchor === "start" ? label.box.x : label.box.x + label.box.width / 2).toFixed(1)}" y2="${(label.box.y + LABEL_HEIGHT / 2).toFixed(1)}" stroke="#888" stroke-width="0.7"/>` : "";
    const dot = `${leader}<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="6" fill="${scheduled.has(p.record.code) ? colour : "#ffffff"}" stroke="${colour}" stroke-width="2"><title>${e(`${p.name} — ${p.cluster}`)}</title></circle><text x="${label.x.toFixed(1)}" y="${label.y.toFixed(1)}" text-anchor="${label.anchor}" font-size="10">${e(p.name)}</text>`;
    return editable ? `<a href="/p/${encodeURIComponent(file)}/replan?province=${encodeURIComponent(p.name)}&amp;lang=${lang}">${dot}</a>` : dot;
  });
  const legend = `<ul class="map-legend">${plan.clusters.map((c, i) => `<li><span class="swatch c${i % PALETTE.length}"></span>${e(c.name)}</li>`).join("")}<li><span class="dot filled"></span>${e(w.mapScheduled)}</li><li><span class="dot hollow"></span>${e(w.mapNotScheduled)}</li></ul>`;
  // The drawing's bounds: every dot and every label, wherever it was placed.
  const boxes = [...labels.map((l) => l.box), ...points.map((p) => ({ x: p.x - 8, y: p.y - 8, width: 16, height: 16 }))];
  const [left, top] = [Math.min(...boxes.map((b) => b.x)) - 4, Math.min(...boxes.map((b) => b.y)) - 4];
  const [width, height] = [Math.max(...boxes.map((b) => b.x + b.width)) + 4 - left, Math.max(...boxes.map((b) => b.y + b.height)) + 4 - top];
  return `<section id="map"><h2>${e(w.map)}</h2>${legend}<div class="scroll"><svg xmlns="http://www.w3.org/2000/svg" viewBox="${left.toFixed(0)} ${top.toFixed(0)} ${width.toFixed(0)} ${height.toFixed(0)}" width="${width.toFixed(0)}" height="${height.toFixed(0)}" role="img" aria-label="${e(w.map)}">${dots.join("")}</svg></div></section>`;
}

export interface PlanPageInput {
  readonly lang: Lang;
  readonly file: string;
  readonly plan: Plan;
  readonly schedule?: Schedule;
  readonly version?: number;
  readonly current?: number;
  readonly versions: readonly number[];
  /** The re-plan that made this version, in the planner's words. */
  readonly changes?: { readonly summary: string; readonly lines: readonly string[] };
  /** Goal profiles side by side, when the version was solved with --compare. */
  readonly comparison?: Table;
  readonly downloads: readonly { href: string; label: string }[];
  readonly note?: string;
  /** The change log of the version shown, one line each, with the standing ones withdrawable. */
  readonly log?: readonly { readonly id: number; readonly text: string; readonly standing: boolean }[];
  /** The real date where the campaign happens: the default "today" of every re-plan form. */
  readonly today?: string;
  /** What changed in the plan file since the current version was made from it. */
  readonly planEdit?: readonly string[];
  /** The plan's warnings, as the CLI prints them, in the page's language. */
  readonly warnings?: readonly string[];
  /** What the last import of a workbook said: its summary, or its problems (nothing written). */
  readonly workbook?: { readonly ok: boolean; readonly lines: readonly string[] };
  /** A partial version's proven fixes, each with its button to write it into the plan. */
  readonly fixes?: { readonly texts: readonly string[]; readonly complete: boolean };
}

export function planPage(input: PlanPageInput): string {
  const { lang, file, plan, schedule, version, current } = input;
  const w = WORDS[lang];
  const base = `/p/${encodeURIComponent(file)}`;
  const parts: string[] = [`<h1>${e(plan.data.campaign.title)}</h1>`];
  if (input.note) parts.push(`<p class="note" role="status">${e(input.note)}</p>`);
  // What an import said, where the page opens (its redirect lands at the top), as every note is said.
  if (input.workbook) parts.push(importOutcome(w, input.workbook));
  if (input.warnings?.length) parts.push(`<section id="plan-warnings"><h2>${e(w.planWarnings)}</h2><ul>${input.warnings.map((x) => `<li>${e(x)}</li>`).join("")}</ul></section>`);
  if (!schedule) {
    parts.push(`<p>${e(w.noSchedule)}</p>`, solveControls(w, base, lang));
  } else {
    const editable = version === current;
    parts.push(
      `<nav class="versions"><strong>${e(w.versions)}:</strong> ${input.versions
        .map((v) => (v === version ? `<strong id="shown-version">v${v}${v === current ? ` (${e(w.current)})` : ""}</strong>` : `<a href="${base}?v=${v}&lang=${lang}">v${v}${v === current ? ` (${e(w.current)})` : ""}</a>`))
        .join(" · ")}</nav>`,
    );
    if (input.versions.length > 1) {
      const options = (selected: number) => input.versions.map((v) => `<option value="${v}"${v === selected ? " selected" : ""}>v${v}</option>`).join("");
      parts.push(
        `<form method="get" action="${base}/compare" class="compare"><input type="hidden" name="lang" value="${lang}">${e(w.compare)} <select name="a">${options(input.versions[input.versions.length - 2]!)}</select> ↔ <select name="b">${options(input.versions[input.versions.length - 1]!)}</select> <button type="submit" id="compare-button">${e(w.compare)}</button></form>`,
      );
    }
    if (!editable && version !== undefined) {
      parts.push(`<form method="post" action="${base}/versions/${version}/restore?lang=${lang}" class="restore"><label>${e(w.today)}: <input type="date" name="today" value="${e(input.today ?? "")}" required></label> <button type="submit" id="restore-button">${e(w.restore)}</button></form>`);
    }
    const report = schedule.report;
    // The objective of a re-plan counts moves in tiers above the goals: a number for the solver, not the planner.
    // "Proven optimal" only of a complete schedule: a partial one is said to be partial, whatever its parts' proofs.
    parts.push(`<p class="summary">${e(w.scheduled(schedule.sessions.length))}${report && !input.changes ? ` · ${e(schedule.status === "partial" ? w.partial : report.proven ? w.proven : w.notProven)}` : ""}</p>`);
    if (schedule.status === "partial") {
      parts.push(
        `<section class="partial" role="alert"><h2>${e(w.partial)}</h2><p>${e(w.unplaced)}:</p><ul>${schedule.unplaced.map((u) => `<li><strong>${e(u.province)}</strong> (${e(u.cluster)}): ${e(unplacedText(u, lang))}</li>`).join("")}</ul></section>`,
      );
    }
    if (schedule.status === "partial" && input.fixes && version !== undefined) {
      const items = input.fixes.texts.map((text, i) => `<li>${e(text)} — ${e(w.provenBySolving)} <form method="post" action="${base}/fixes/${i}/apply?lang=${lang}" class="inline"><input type="hidden" name="version" value="${version}"><button type="submit" class="apply-fix">${e(w.applyFix)}</button></form></li>`);
      parts.push(`<section id="fixes"><h2>${e(w.wouldHelp)}</h2>${items.length ? `<ul>${items.join("")}</ul>` : input.fixes.complete ? `<p>${e(w.noFix)}</p>` : ""}${input.fixes.complete ? "" : `<p>${e(w.fixesStopped)}</p>`}</section>`);
    }
    if (input.planEdit?.length && editable && version !== undefined) {
      parts.push(
        `<section id="plan-edited" class="partial" role="alert"><p>${e(w.planEdited(version))}</p><ul>${input.planEdit.map((d) => `<li>${e(d)}</li>`).join("")}</ul><form method="post" action="${base}/replan-edited?lang=${lang}"><label>${e(w.today)}: <input type="date" name="today" value="${e(input.today ?? "")}" required></label> <button type="submit" id="replan-edited-button">${e(w.replanEdited)}</button></form></section>`,
      );
    }
    if (input.log) {
      const entries = input.log.map((entry) =>
        `<li>${e(entry.text)}${entry.standing && editable ? ` <form method="post" action="${base}/changes/${entry.id}/withdraw?lang=${lang}" class="inline withdraw"><input type="date" name="today" value="${e(input.today ?? "")}" required aria-label="${e(w.today)}"> <button type="submit">${e(w.withdraw)}</button></form>` : ""}</li>`,
      );
      parts.push(`<section id="change-log"><h2>${e(w.changeLog)}</h2>${entries.length ? `<ul>${entries.join("")}</ul>` : `<p>${e(w.noChanges)}</p>`}</section>`);
    }
    if (input.changes) parts.push(`<section id="diff"><h2>${e(w.diff)}</h2><p>${e(input.changes.summary)}</p><ul>${input.changes.lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul></section>`);
    if (input.comparison) parts.push(table(input.comparison, "comparison"));
    parts.push(
      `<nav class="views"><a href="#grid">${e(w.grid)}</a> · <a href="#clusters">${e(w.clusterTitle)}</a> · <a href="#sessions">${e(w.sessionTitle)}</a> · <a href="#trainers">${e(w.perTrainer)}</a> · <a href="#map">${e(w.map)}</a> · <a href="#downloads">${e(w.downloads)}</a></nav>`,
      grid(plan, schedule, lang, file, editable),
      table(clusterTable(plan, schedule, { lang }), "clusters"),
      table(sessionTable(plan, schedule, { lang }), "sessions"),
      perTrainer(plan, schedule, lang),
      map(plan, schedule, lang, file, editable),
      `<section id="downloads"><h2>${e(w.downloads)}</h2><ul>${downloadOrder(w, input.downloads).map((d) => downloadItem(w, d)).join("")}</ul><p><a id="send-link" href="/p/${encodeURIComponent(file)}/send?lang=${lang}">${e(SEND_PAGE_WORDS[lang].title)}</a></p></section>`,
    );
  }
  parts.push(workbookSection(w, base, lang));
  parts.push(`<p><a id="edit-forms" href="${base}/forms?lang=${lang}">${e(PLAN_FORM_WORDS[lang].editPlan)}</a> · <a href="${base}/edit?lang=${lang}">${e(w.edit)}</a></p>`);
  return layout(lang, plan.data.campaign.title, parts.join("\n"), version !== undefined ? `v=${version}` : "", base);
}

/** The files a planner reaches for first (the letter's appendix, the workbook, the calendar) first, as the words list them; the rest after. */
function downloadOrder<T extends { label: string }>(w: Words, downloads: readonly T[]): T[] {
  const known = Object.keys(w.fileLabels);
  const rank = (d: T) => (known.includes(d.label) ? known.indexOf(d.label) : known.length);
  return [...downloads].sort((a, b) => rank(a) - rank(b));
}

/** A file of the version: what it is in the planner's words, its name beside it; the .zip and any other file by its label alone. */
function downloadItem(w: Words, d: { href: string; label: string }): string {
  const what = Object.hasOwn(w.fileLabels, d.label) ? w.fileLabels[d.label] : undefined;
  return `<li><a href="${e(d.href)}" download>${e(what ?? d.label)}</a>${what ? ` <small>${e(d.label)}</small>` : ""}</li>`;
}

/** What the last import of a workbook said: its summary, or its problems (nothing written). */
function importOutcome(w: Words, outcome: NonNullable<PlanPageInput["workbook"]>): string {
  return `<div id="import-outcome" class="${outcome.ok ? "note" : "issues"}" role="${outcome.ok ? "status" : "alert"}"><p>${e(outcome.ok ? w.imported : w.notImported)}</p><ul>${outcome.lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul></div>`;
}

/** The trainers and provinces as a workbook: its template to download, and the form that imports it back. */
function workbookSection(w: Words, base: string, lang: Lang): string {
  return `<section id="workbook"><h2>${e(w.workbook)}</h2><p>${e(w.workbookHelp)}</p>
<p><a id="template-download" href="${base}/template.xlsx" download>${e(w.downloadTemplate)}</a></p>
<form method="post" action="${base}/import?lang=${lang}" enctype="multipart/form-data"><input type="file" name="workbook" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required> <button type="submit" id="import-button">${e(w.importWorkbook)}</button></form></section>`;
}

export function solveControls(w: Words, base: string, lang: Lang): string {
  return `<section id="solve" data-base="${e(base)}" data-lang="${lang}"><button type="button" id="solve-button">${e(w.solve)}</button> <button type="button" id="stop-button" hidden>${e(w.stop)}</button>
<p id="progress" role="status" data-solving="${e(w.solving)}" data-proven="${e(w.proven)}" data-objective="${e(w.objective)}" data-bound="${e(w.bound)}" data-not-proven="${e(w.notProven)}" data-part="${e(w.part(0, 0).replace(/0\/0$/, ""))}"></p></section>`;
}

export function replanForm(w: Words, lang: Lang, file: string, plan: Plan, session: Schedule["sessions"][number], today: string): string {
  const base = `/p/${encodeURIComponent(file)}`;
  const trainers = plan.trainers.map((t) => `<option value="${e(t.id)}"${session.trainers.includes(t.id) ? " selected" : ""}>${e(t.id)}</option>`).join("");
  const half = (name: string) => `<select name="${name}"><option value="morning">${e(w.morning)}</option><option value="afternoon">${e(w.afternoon)}</option></select>`;
  return layout(
    lang,
    w.replanOf(session.province),
    `<h1>${e(w.replanOf(session.province))}</h1>
<p>${e(officialDay(session.date, lang))}, ${e(w[session.halfDay].toLowerCase())} · ${e(session.cluster)} · ${e(session.trainers.join(", "))}</p>
<form method="post" action="${base}/replan?lang=${lang}" class="replan alternatives">
<input type="hidden" name="province" value="${e(session.province)}"><input type="hidden" name="lang" value="${lang}">
<fieldset>
<label><input type="radio" name="kind" value="day" checked> ${e(w.cannotHostDay)}: <input type="date" name="day" value="${e(session.date)}"></label><br>
<label><input type="radio" name="kind" value="days"> ${e(w.cannotHostDays)} ${e(w.from)} <input type="date" name="from" value="${e(session.date)}"> ${e(w.to)} <input type="date" name="to" value="${e(session.date)}"></label><br>
<label><input type="radio" name="kind" value="fixed"> ${e(w.mustBeOn)} <input type="date" name="fixedDate" value="${e(session.date)}"> ${half("fixedHalfDay")}</label><br>
<label><input type="radio" name="kind" value="trainer"> ${e(w.trainerAway)} <select name="trainer">${trainers}</select> <input type="date" name="trainerDate" value="${e(session.date)}"></label>
</fieldset>
<p><label>${e(w.note)}: <input type="text" name="note" maxlength="500"></label></p>
<p><label>${e(w.today)}: <input type="date" name="today" value="${e(today)}" required></label></p>
<p><button type="submit" id="preview-button">${e(w.preview)}</button> <button type="submit" id="alternatives-button" formmethod="get" formaction="${base}/alternatives">${e(w.whereCanItGo)}</button> <a href="${base}?lang=${lang}">${e(w.back)}</a></p>
</form>`,
    // The language switch keeps the session asked about.
    `province=${encodeURIComponent(session.province)}`,
    `${base}/replan`,
  );
}

/** Sending: the server set or how to set it, the messages due, Send, and what the last Send did. */
export function sendPage(lang: Lang, file: string, setting: SmtpSetting, due: SendOutcome, done: SendOutcome | undefined, replies: RepliesOutcome, read?: readonly Reading[]): string {
  const w = SEND_PAGE_WORDS[lang];
  const base = `/p/${encodeURIComponent(file)}`;
  const row = (m: Outgoing, last: string) => `<tr><td>${e(m.trainer)}</td><td>${e(m.to)}</td><td>${e(m.session ? REPLY_WORDS[lang].session(m.province, officialDay(m.session.date, lang), WORDS[lang][m.session.halfDay].toLowerCase()) : m.province)}</td><td>${e(last)}</td></tr>`;
  const table = (rows: readonly string[]) => `<div class="scroll"><table class="send"><thead><tr>${w.header.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
  const result = done
    ? `<section class="sent" role="status"><p>${e(w.sentNow(done.sent.length))}</p>${done.sent.length ? table(done.sent.map((m) => row(m, w.delivered))) : ""}${done.failed.length ? `<p class="bad">${e(w.notDelivered(done.failed.length))}</p>${table(done.failed.map(({ message, why }) => row(message, w.why(why))))}` : ""}</section>`
    : "";
  const server = setting.kind === "set" ? w.settings(setting.shown, setting.from) : setting.kind === "unset" ? w.unset : w.refused(setting.why);
  const earlier = due.failed.length ? `<p class="bad">${e(w.notDelivered(due.failed.length))}</p>${table(due.failed.map(({ message, why }) => row(message, w.why(why))))}` : "";
  const button = setting.kind === "set" && due.due.length ? `<form method="post" action="${base}/send?lang=${lang}"><button type="submit" id="send-button">${e(w.send)}</button></form>` : "";
  return layout(
    lang,
    w.title,
    `<h1>${e(w.title)}</h1>${result}<p>${e(server)}</p><p>${e(w.due(due.due.length))}</p>${due.due.length ? table(due.due.map((m) => row(m, m.method === "CANCEL" ? w.cancel : m.update ? w.update : w.request))) : ""}${earlier}${button}${repliesSection(lang, file, replies, read)}<p><a href="${base}?lang=${lang}">${e(w.back)}</a></p>`,
    "",
    `${base}/send`,
  );
}

/**
 * The trainers' answers per session (accepted, declined, another time proposed, not answered), an
 * upload of the replies saved from a mail program, and for each decline the re-plan "trainer away
 * that day" a click from its preview.
 */
function repliesSection(lang: Lang, file: string, replies: RepliesOutcome, read?: readonly Reading[]): string {
  const w = REPLY_WORDS[lang];
  const page = SEND_PAGE_WORDS[lang];
  const base = `/p/${encodeURIComponent(file)}`;
  const readList = read?.length ? `<ul class="readings" role="status">${read.map((r) => `<li>${e(w.reading(r, lang))}</li>`).join("")}</ul>` : "";
  const rows = replies.sessions.map((s) => {
    const answers = s.answers.map((a) => `${a.trainer}: ${a.unsent ? w.unsent : w.heading[a.answer]}${a.proposed ? ` (${w.proposedAt(a.proposed, lang)})` : ""}${a.earlier ? ` — ${w.earlier(a.earlier)}` : ""}`);
    return `<tr><td>${e(w.session(s.session.province, officialDay(s.session.date, lang), WORDS[lang][s.session.halfDay].toLowerCase()))}</td><td>${answers.map(e).join("<br>")}</td></tr>`;
  });
  const declines = replies.declines.map(
    (d) =>
      `<li>${e(`${d.trainer} — ${d.province}, ${officialDay(d.date, lang)}`)} <form method="post" action="${base}/replan?lang=${lang}" class="inline"><input type="hidden" name="province" value="${e(d.province)}"><input type="hidden" name="kind" value="trainer"><input type="hidden" name="trainer" value="${e(d.trainer)}"><input type="hidden" name="trainerDate" value="${e(d.date)}"><input type="hidden" name="today" value="${e(todayIn(undefined))}"><button type="submit">${e(page.restaff)}</button></form></li>`,
  );
  return `<section id="replies"><h2>${e(page.replies)}</h2>${readList}
<form method="post" action="${base}/replies?lang=${lang}" enctype="multipart/form-data"><label>${e(page.uploadReplies)} <input type="file" name="replies" multiple accept=".eml,message/rfc822"></label> <button type="submit" id="read-replies">${e(page.read)}</button></form>
${rows.length ? `<div class="scroll"><table class="replies"><tbody>${rows.join("")}</tbody></table></div>` : `<p>${e(w.noInvitations)}</p>`}${declines.length ? `<p>${e(w.restaff)}</p><ul>${declines.join("")}</ul>` : ""}</section>`;
}

/** A new plan: its file name, its title, and what it starts from. */
export function newPlanPage(lang: Lang, plans: readonly string[], asked: { file?: string; title?: string; from?: string; copy?: string; registry?: string } = {}, problem?: string): string {
  const w = NEW_PLAN_WORDS[lang];
  const checked = (from: string) => ((asked.from ?? "letter") === from ? " checked" : "");
  const copies = plans.map((p) => `<option value="${e(p)}"${asked.copy === p ? " selected" : ""}>${e(p)}</option>`).join("");
  return layout(
    lang,
    w.newPlan,
    `<h1>${e(w.newPlan)}</h1>${problem ? `<p class="bad" role="alert">${e(problem)}</p>` : ""}
<form method="post" action="/new?lang=${lang}" class="new-plan">
<p><label>${e(w.fileName)}: <input type="text" name="file" required maxlength="150" value="${e(asked.file ?? "")}"></label></p>
<p><label>${e(w.title)}: <input type="text" name="title" required maxlength="300" size="60" value="${e(asked.title ?? "")}"></label></p>
<fieldset><legend>${e(w.from)}</legend>
<label><input type="radio" name="from" value="letter"${checked("letter")}> ${e(w.fromLetter)}</label><br>
${plans.length ? `<label><input type="radio" name="from" value="copy"${checked("copy")}> ${e(w.fromCopy)} <select name="copy">${copies}</select></label><br>` : ""}
<label><input type="radio" name="from" value="blank"${checked("blank")}> ${e(w.fromBlank)} <select name="registry"><option value="vn-34"${asked.registry === "vn-34" ? " selected" : ""}>${e(w.vn34)}</option><option value="vn-63"${asked.registry === "vn-63" ? " selected" : ""}>${e(w.vn63)}</option></select></label>
</fieldset>
<p><button type="submit" id="create-plan">${e(w.create)}</button> <a href="/?lang=${lang}">${e(WORDS[lang].back)}</a></p>
</form>`,
    "",
    "/new",
  );
}

/** Every half-day of the session's window, marked; a free one or one that moves others has its preview a click away. */
export function alternativesPage(w: Words, lang: Lang, file: string, found: Alternatives, today: string): string {
  const base = `/p/${encodeURIComponent(file)}`;
  const rows = found.alternatives.map((a) => {
    const when = `${officialDay(a.date, lang)}, ${w[a.halfDay].toLowerCase()}`;
    const choose = a.kind === "free" || a.kind === "moves" || a.kind === "not-computed"
      ? `<form method="post" action="${base}/replan?lang=${lang}" class="inline"><input type="hidden" name="province" value="${e(found.province)}"><input type="hidden" name="kind" value="fixed"><input type="hidden" name="fixedDate" value="${e(a.date)}"><input type="hidden" name="fixedHalfDay" value="${a.halfDay}"><input type="hidden" name="today" value="${e(today)}"><button type="submit">${e(w.preview)}</button></form>`
      : "";
    return `<tr class="alt-${a.kind}"><td>${e(when)}</td><td>${e(alternativeText(a, lang))}</td><td>${choose}</td></tr>`;
  });
  return layout(
    lang,
    w.alternativesOf(found.province),
    `<h1>${e(w.alternativesOf(found.province))}</h1>
<p>${e(w.alternativesNote(found.version, found.cluster))}</p>
<div class="scroll"><table class="alternatives"><tbody>${rows.join("")}</tbody></table></div>
<p><a href="${base}/replan?lang=${lang}&amp;province=${encodeURIComponent(found.province)}">${e(w.back)}</a></p>`,
    `province=${encodeURIComponent(found.province)}&today=${encodeURIComponent(today)}`,
    `${base}/alternatives`,
  );
}

export function previewPage(w: Words, lang: Lang, file: string, input: { id?: string; title: string; lines: readonly string[]; summary: string; suggestions?: readonly string[]; ok: boolean; notes?: readonly string[]; sections?: readonly { title: string; lines: readonly string[] }[] }): string {
  const base = `/p/${encodeURIComponent(file)}`;
  const actions = input.ok && input.id
    ? `<form method="post" action="${base}/previews/${e(input.id)}/accept?lang=${lang}" class="inline"><button type="submit" id="accept-button">${e(w.accept)}</button></form>
<form method="post" action="${base}/previews/${e(input.id)}/discard?lang=${lang}" class="inline"><button type="submit" id="discard-button">${e(w.discard)}</button></form>`
    : `<p><a href="${base}?lang=${lang}">${e(w.back)}</a></p>`;
  return layout(
    lang,
    input.title,
    `<h1>${e(input.title)}</h1>${(input.notes ?? []).map((n) => `<p class="note">${e(n)}</p>`).join("")}<p class="summary" id="preview-summary">${e(input.summary)}</p><ul id="preview-changes">${input.lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul>${(input.sections ?? [])
      .map((section) => `<p>${e(section.title)}</p><ul class="preview-section">${section.lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul>`)
      .join("")}${
      input.suggestions?.length ? `<p>${e(w.wouldHelp)}</p><ul>${input.suggestions.map((s) => `<li>${e(s)}</li>`).join("")}</ul>` : ""
    }${actions}`,
  );
}

export function messagePage(lang: Lang, title: string, message: string, back: string): string {
  const w = WORDS[lang];
  return layout(lang, title, `<h1>${e(title)}</h1><p class="note" role="alert">${e(message)}</p><p><a href="${e(back)}">${e(w.back)}</a></p>`);
}

export function comparePage(w: Words, lang: Lang, file: string, a: number, b: number, lines: readonly string[]): string {
  const base = `/p/${encodeURIComponent(file)}`;
  const title = `${w.compare}: v${a} ↔ v${b}`;
  return layout(lang, title, `<h1>${e(title)}</h1>${lines.length ? `<ul id="compare-changes">${lines.map((l) => `<li>${e(l)}</li>`).join("")}</ul>` : `<p id="compare-changes">${e(w.identical)}</p>`}<p><a href="${base}?lang=${lang}">${e(w.back)}</a></p>`, `a=${a}&b=${b}`, `${base}/compare`);
}
