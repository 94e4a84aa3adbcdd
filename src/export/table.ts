/**
 * The plan's tables, in the style of the letter: the cluster table (TT | Cụm | Thời gian | Tỉnh,
 * thành phố) and the detailed schedule (TT | Ngày | Buổi | Tỉnh, thành phố | Cụm | Giảng viên),
 * as Markdown, CSV (UTF-8 with BOM, safe against formula injection) and one printable HTML page.
 */
import { datesBetween } from "../model/calendar.ts";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import { DateTime } from "luxon";
import { scheduleMetrics } from "../model/metrics.ts";
import { firstAllowedDate } from "../solve/constraints/notice-period.ts";
import { decreeDate, decreeDateWords, LABELS, officialDate, officialDay, type Lang } from "../words/labels.ts";
import { provinceName, roleLabel, trainersByRole } from "./names.ts";

export interface TableOptions {
  readonly lang?: Lang;
  /** The letter's table alone (its four columns), without the column of scheduled dates. */
  readonly windows?: boolean;
  /** A column of trainers per role, headed by the plan's label of the role, instead of one "Giảng viên". */
  readonly roles?: boolean;
  /** Dates as Decree 30/2020/NĐ-CP writes them, with leading zeros ("05/9/2022"): for the Word appendix. */
  readonly decreeDates?: boolean;
}

export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Said above the table: a partial schedule says so, with the provinces not placed. */
  readonly note?: string;
}

/** A province the schedule names as the plan wrote it, in the registry's spelling. */
function registryName(plan: Plan, name: string): string {
  return provinceName(plan, { province: name });
}

function partialNote(plan: Plan, schedule: Schedule, lang: Lang): { note?: string } {
  return schedule.status === "partial" ? { note: LABELS[lang].partialNote(schedule.unplaced.map((u) => registryName(plan, u.province))) } : {};
}

/**
 * The letter's table: Thời gian is the plan's window as the letter wrote it (blank where the letter
 * left it blank), and the dates actually scheduled come in a column of their own, so a blank of
 * the letter never looks like one of its dates.
 */
export function clusterTable(plan: Plan, schedule: Schedule, options: TableOptions = {}): Table {
  const lang = options.lang ?? "vi";
  const labels = LABELS[lang];
  const date = options.decreeDates ? decreeDate : officialDate;
  const rows = plan.clusters.map((cluster, index) => {
    const window = cluster.windowGiven ? labels.range(date(cluster.window.from), date(cluster.window.to)) : "";
    const row = [String(index + 1), labels.clusterWithCount(cluster.name, cluster.provinces.length), window, `${cluster.provinces.map((p) => p.record.name).join(", ")}.`];
    if (options.windows) return row;
    const dates = schedule.sessions.filter((s) => s.cluster === cluster.name).map((s) => s.date).sort();
    const scheduled = dates.length ? labels.range(date(dates[0]!), date(dates.at(-1)!)) : "";
    return [...row, scheduled && cluster.windowProposed ? `${scheduled} (${labels.proposed})` : scheduled];
  });
  const header = options.windows ? labels.clusterHeader : [...labels.clusterHeader, labels.scheduledHeader];
  return { title: labels.clusterTitle, header, rows, ...partialNote(plan, schedule, lang) };
}

export function sessionTable(plan: Plan, schedule: Schedule, options: TableOptions = {}): Table {
  const lang = options.lang ?? "vi";
  const labels = LABELS[lang];
  const trainers = (s: Schedule["sessions"][number]) => (options.roles ? trainersByRole(plan, s).map((r) => r.trainers.join(", ")) : [s.trainers.join(", ")]);
  const rows = schedule.sessions.map((s, index) => [String(index + 1), officialDay(s.date, lang, options.decreeDates), labels[s.halfDay], provinceName(plan, s), s.cluster, ...trainers(s)]);
  const header = options.roles ? [...labels.sessionHeader.slice(0, -1), ...[...plan.needs.keys()].map((role) => labels.trainersAs(roleLabel(plan, role, lang)))] : labels.sessionHeader;
  return { title: labels.sessionTitle, header, rows, ...partialNote(plan, schedule, lang) };
}

/** Markdown cells: tags are escaped (Markdown renders HTML), and | \\ and line breaks cannot break the row. */
export function toMarkdown(table: Table): string {
  const cell = (text: string) => text.normalize("NFC").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const note = table.note ? `**${cell(table.note)}**\n\n` : "";
  return note + [line(table.header), `|${table.header.map(() => "---").join("|")}|`, ...table.rows.map(line)].join("\n") + "\n";
}

/**
 * A cell a spreadsheet could read as a formula is prefixed with an apostrophe: one starting with
 * = + - @ (or their fullwidth forms), also after leading spaces, quotes or line breaks, or with a tab or CR.
 */
const FORMULA_START = /^[\s"'\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/u;

export function csvCell(text: string): string {
  const nfc = text.normalize("NFC");
  const safe = FORMULA_START.test(nfc) ? `'${nfc}` : nfc;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Table): string {
  const rows = [...(table.note ? [[table.note]] : []), table.header, ...table.rows];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Escaped, and in NFC: a title typed in decomposed form is shown and found as the same letters. */
export function escapeHtml(text: string): string {
  return text.normalize("NFC").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function htmlTable(table: Table, className: string): string {
  return [
    `<h2>${escapeHtml(table.title)}</h2>`,
    `<table class="${className}">`,
    `<thead><tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${table.rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}

/** A day a cluster's session may be on: inside its window, and not before the notice period ends. */
export function schedulableDay(plan: Plan, cluster: Plan["clusters"][number], date: string): boolean {
  const first = firstAllowedDate(plan);
  return cluster.window.from <= date && date <= cluster.window.to && (first === undefined || date >= first);
}

/** The month at a glance: one row per working day, one column per cluster, provinces in the cells. */
function monthGrid(plan: Plan, schedule: Schedule, lang: Lang): string {
  const labels = LABELS[lang];
  const { from, to } = plan.data.campaign.period;
  const days = [...datesBetween(from, to)].filter((d) => plan.calendar.isWorkingDay(d));
  const head = `<tr><th>${escapeHtml(labels.sessionHeader[1]!)}</th>${plan.clusters.map((c) => `<th>${escapeHtml(c.name)}</th>`).join("")}<th>${escapeHtml(labels.sessionsCount)}</th></tr>`;
  const metrics = scheduleMetrics(plan, schedule);
  const body = days.map((date) => {
    const cells = plan.clusters.map((cluster) => {
      const inWindow = schedulableDay(plan, cluster, date);
      const entries = schedule.sessions
        .filter((s) => s.cluster === cluster.name && s.date === date)
        .map((s) => `${escapeHtml(provinceName(plan, s))} <small>(${escapeHtml(labels[s.halfDay])})</small>`);
      return `<td class="${inWindow ? "window" : "outside"}">${entries.join("<br>")}</td>`;
    });
    return `<tr><th>${escapeHtml(officialDay(date, lang))}</th>${cells.join("")}<td class="count">${metrics.perDay[date] ?? ""}</td></tr>`;
  });
  const { firstDate, lastDate, busiestHalfDay: h, busiestDay: d } = metrics;
  const pace = firstDate && lastDate && h && d ? `<p class="pace">${escapeHtml(labels.pace(officialDate(firstDate), officialDate(lastDate), `${officialDay(h.date, lang)}, ${labels[h.halfDay].toLowerCase()}`, h.sessions, officialDay(d.date, lang), d.sessions))}</p>` : "";
  return ['<section class="grid-page">', `<h2>${escapeHtml(labels.gridTitle)}</h2>`, `<p class="legend"><span></span> ${escapeHtml(labels.outsideWindow)}</p>`, pace, '<table class="grid">', `<thead>${head}</thead>`, `<tbody>${body.join("\n")}</tbody>`, "</table>", "</section>"].join("\n");
}

/**
 * "(Kèm theo Công văn số 123/BTTTT-CĐSQG ngày 05 tháng 9 năm 2022 của Bộ Thông tin và Truyền thông)",
 * the date as Decree 30/2020/NĐ-CP writes it, dots where the plan says nothing.
 */
export function appendixLine(plan: Plan, lang: Lang): string {
  const document = plan.data.campaign.document;
  const number = document?.number ? (document.number.startsWith("/") ? `…${document.number}` : document.number) : "…/…";
  const date = document?.date ? DateTime.fromISO(document.date) : undefined;
  const issuer = document?.issuer ?? "…";
  if (lang === "en") return `(Attached to letter No. ${number} dated ${date ? date.toFormat("d/M/yyyy") : "…"} of ${issuer})`;
  return `(Kèm theo Công văn số ${number} ${document?.date ? decreeDateWords(document.date) : "ngày … tháng … năm …"} của ${issuer})`;
}

export function toHtmlPage(plan: Plan, schedule: Schedule, options: TableOptions = {}): string {
  const lang = options.lang ?? "vi";
  const labels = LABELS[lang];
  const title = plan.data.campaign.title;
  const unplaced = schedule.unplaced.length
    ? `<p class="partial"><strong>${escapeHtml(labels.partial)}</strong> — ${escapeHtml(labels.unplaced)}: ${schedule.unplaced.map((u) => escapeHtml(`${registryName(plan, u.province)} (${u.cluster})`)).join(", ")}</p>`
    : "";
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page); font-family: "Times New Roman", Times, serif; font-size: 13pt; } }
@page :first { @top-center { content: none; } }
@page grid { size: A4 landscape; margin: 15mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 13pt; line-height: 1.3; }
h1 { font-size: 14pt; text-align: center; text-transform: uppercase; margin-bottom: 0; }
p.attached { text-align: center; font-style: italic; margin-top: 2pt; }
p.legend span { display: inline-block; width: 14pt; height: 9pt; background: #eee; border: 1px solid #000; vertical-align: middle; }
tbody tr:nth-last-child(-n+2) { break-before: avoid; }
h2 { font-size: 13pt; margin-top: 1.5em; break-after: avoid; }
section.grid-page { page: grid; break-before: page; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
th { font-weight: bold; text-align: center; }
table.grid { font-size: 10pt; }
/* "Cụm 10" and "Thứ Năm, 15/9/2022" never break across lines. */
table.clusters td:nth-child(2), table.sessions td:nth-child(2), table.sessions td:nth-child(3), table.sessions td:nth-child(5) { white-space: nowrap; }
table.grid td.outside { background: #eee; }
.partial { border: 1px solid #000; padding: 4pt; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="attached">${escapeHtml(appendixLine(plan, lang))}</p>
${unplaced}
${htmlTable(clusterTable(plan, schedule, options), "clusters")}
${htmlTable(sessionTable(plan, schedule, { ...options, roles: true }), "sessions")}
${monthGrid(plan, schedule, lang)}
</body>
</html>
`;
}
