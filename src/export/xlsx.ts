/**
 * The schedule as an Excel workbook: a sheet per view (the letter's cluster table, the sessions,
 * the sessions by trainer). Values are typed — row numbers and counts are numbers, dates real date
 * cells shown d/m/yyyy, a cluster's window two date columns — so a planner can sort, filter and
 * count; the half-day and the weekday have columns of their own, roles their plan's labels. The
 * header is frozen, the filter spans the data, and every sheet prints on A4, one page wide, with
 * its header on every page.
 */
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";
import type { Schedule, Session } from "../model/schedule.ts";
import { LABELS, type Lang } from "../words/labels.ts";
import { WORKBOOK_WORDS } from "../words/documents.ts";
import { provinceName, roleLabel, rolesOf, trainersByRole } from "./names.ts";
import { stableZip } from "./zip.ts";

type Value = string | number | Date | null;

/** A calendar date as Excel stores it: midnight UTC of that day, so no time zone shifts it. */
function excelDate(date: string): Date {
  return DateTime.fromISO(date, { zone: "utc" }).toJSDate();
}

/** Text in NFC: Excel's filter and search would not match a decomposed letter with a typed one. */
function nfc(value: Value): Value {
  return typeof value === "string" ? value.normalize("NFC") : value;
}

/** Character widths of a sheet wider than this print in landscape (A4 portrait holds about 95 at 12 pt). */
const PORTRAIT_CHARACTERS = 95;
/** The longest a column gets, in characters: longer text wraps. */
const MAX_COLUMN = 50;

function sheet(workbook: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly (readonly Value[])[], note?: string): void {
  const headerRow = note ? 2 : 1;
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRow }] });
  if (note) ws.addRow([note.normalize("NFC")]).font = { bold: true, color: { argb: "FFB00020" } };
  const head = ws.addRow(header.map((h) => h.normalize("NFC")));
  head.font = { bold: true };
  for (const row of rows) ws.addRow(row.map(nfc));
  const lastRow = headerRow + rows.length;
  // The filter over the whole data, header and rows: Excel then sorts every row, not the header alone.
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: header.length } };
  const widths = header.map((h, index) => {
    const texts = rows.map((r) => r[index]).map((v) => (v instanceof Date ? "00/00/0000" : String(v ?? "")));
    // A long header (a role's label) wraps: the column is as wide as its data or the header's longest word.
    const headerWords = Math.max(...h.split(/\s+/).map((w) => [...w].length));
    return Math.min(MAX_COLUMN, Math.max(6, headerWords + 2, ...texts.map((t) => [...t].length + 2)));
  });
  widths.forEach((width, index) => (ws.getColumn(index + 1).width = width));
  ws.eachRow((row) => row.eachCell((c) => {
    c.font = { ...c.font, name: "Times New Roman", size: 12 };
    c.alignment = { vertical: "top", wrapText: true };
    if (c.value instanceof Date) c.numFmt = "d/m/yyyy";
  }));
  const total = widths.reduce((a, b) => a + b, 0);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: total > PORTRAIT_CHARACTERS ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as it takes
    printTitlesRow: `${headerRow}:${headerRow}`,
    horizontalCentered: true,
    // Inches: 2 cm at the sides, 2 cm top and bottom with the header and footer 0.8 cm from the edge.
    margins: { left: 0.79, right: 0.79, top: 0.79, bottom: 0.79, header: 0.31, footer: 0.31 },
  };
  ws.headerFooter = { oddFooter: "&C&P/&N" };
}

export async function scheduleXlsx(plan: Plan, schedule: Schedule, options: { readonly lang?: Lang } = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const labels = LABELS[lang];
  const words = WORKBOOK_WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "taphuan";
  workbook.created = new Date(schedule.generatedAt);
  workbook.modified = new Date(schedule.generatedAt);
  const note = schedule.status === "partial" ? labels.partialNote(schedule.unplaced.map((u) => provinceName(plan, { province: u.province }))) : undefined;

  // The letter's table, typed: the window as two dates (blank where the letter left it blank), the dates scheduled as two more.
  const proposed = plan.clusters.some((c) => c.windowProposed);
  const clusterRows = plan.clusters.map((cluster, index) => {
    const dates = schedule.sessions.filter((s) => s.cluster === cluster.name).map((s) => s.date).sort();
    return [
      index + 1,
      cluster.name,
      cluster.provinces.length,
      cluster.windowGiven ? excelDate(cluster.window.from) : null,
      cluster.windowGiven ? excelDate(cluster.window.to) : null,
      cluster.provinces.map((p) => p.record.name).join(", "),
      dates.length ? excelDate(dates[0]!) : null,
      dates.length ? excelDate(dates.at(-1)!) : null,
      ...(proposed ? [cluster.windowProposed ? words.proposed : null] : []),
    ];
  });
  sheet(workbook, words.clusters, [...words.clusterHeader, ...(proposed ? [words.clusterNote] : [])], clusterRows, note);

  const hours = (s: Session) => `${plan.data.campaign.halfDays[s.halfDay].start}–${plan.data.campaign.halfDays[s.halfDay].end}`;
  const weekday = (s: Session) => labels.weekday(DateTime.fromISO(s.date).weekday);
  const roleHeaders = [...plan.needs.keys()].map((role) => labels.trainersAs(roleLabel(plan, role, lang)));
  sheet(
    workbook,
    words.sessions,
    [...words.header, ...roleHeaders],
    schedule.sessions.map((s, i) => [i + 1, excelDate(s.date), weekday(s), labels[s.halfDay], hours(s), provinceName(plan, s), s.cluster, ...trainersByRole(plan, s).map((r) => r.trainers.join(", "))]),
    note,
  );
  const byTrainer = plan.trainers.flatMap((t) =>
    schedule.sessions.filter((s) => s.trainers.includes(t.id)).map((s): Value[] => {
      const role = rolesOf(plan, s)[s.trainers.indexOf(t.id)];
      return [t.id, role ? roleLabel(plan, role, lang) : "", excelDate(s.date), weekday(s), labels[s.halfDay], provinceName(plan, s), s.cluster];
    }),
  );
  sheet(workbook, words.trainers, words.trainerHeader, byTrainer);
  const buffer = await workbook.xlsx.writeBuffer();
  return stableZip(new Uint8Array(buffer as ArrayBuffer), schedule.generatedAt);
}
