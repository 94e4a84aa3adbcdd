/**
 * The schedule as an Excel workbook: a sheet per view (the letter's cluster table, the sessions,
 * the sessions by trainer), dates as real date cells shown d/m/yyyy, the half-day and the weekday
 * in columns of their own, the header frozen and filtered, columns wide enough for Vietnamese.
 */
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";
import type { Schedule, Session } from "../model/schedule.ts";
import { rolesOf } from "./ics.ts";
import { LABELS, type Lang } from "../words/labels.ts";
import { clusterTable } from "./table.ts";
import { stableZip } from "./zip.ts";
import { WORKBOOK_WORDS } from "../words/documents.ts";

/** A calendar date as Excel stores it: midnight UTC of that day, so no time zone shifts it. */
function excelDate(date: string): Date {
  return DateTime.fromISO(date, { zone: "utc" }).toJSDate();
}

function sheet(workbook: ExcelJS.Workbook, name: string, header: readonly string[], rows: readonly (readonly (string | number | Date)[])[], note?: string): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: note ? 2 : 1 }] });
  if (note) ws.addRow([note]).font = { bold: true, color: { argb: "FFB00020" } };
  const headerRow = ws.addRow([...header]);
  headerRow.font = { bold: true };
  for (const row of rows) ws.addRow([...row]);
  const first = note ? 2 : 1;
  ws.autoFilter = { from: { row: first, column: 1 }, to: { row: first, column: header.length } };
  ws.columns.forEach((column, index) => {
    const texts = [header[index]!, ...rows.map((r) => r[index])].map((v) => (v instanceof Date ? "00/00/0000" : String(v ?? "")));
    column.width = Math.min(80, Math.max(6, ...texts.map((t) => [...t].length + 2)));
  });
  ws.eachRow((row) => row.eachCell((c) => (c.font = { ...c.font, name: "Times New Roman", size: 12 })));
  ws.getColumn(header.length).alignment = { wrapText: true, vertical: "top" };
}

export async function scheduleXlsx(plan: Plan, schedule: Schedule, options: { readonly lang?: Lang } = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const labels = LABELS[lang];
  const words = WORKBOOK_WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "taphuan";
  workbook.created = new Date(schedule.generatedAt);
  workbook.modified = new Date(schedule.generatedAt);
  const clusters = clusterTable(plan, schedule, { lang });
  sheet(workbook, words.clusters, clusters.header, clusters.rows, clusters.note);
  const hours = (s: Session) => `${plan.data.campaign.halfDays[s.halfDay].start}–${plan.data.campaign.halfDays[s.halfDay].end}`;
  const weekday = (s: Session) => labels.weekday(DateTime.fromISO(s.date).weekday);
  sheet(
    workbook,
    words.sessions,
    words.header,
    schedule.sessions.map((s, i) => [i + 1, excelDate(s.date), weekday(s), labels[s.halfDay], hours(s), s.province, s.cluster, s.trainers.join(", ")]),
    clusters.note,
  );
  const byTrainer = plan.trainers.flatMap((t) =>
    schedule.sessions.filter((s) => s.trainers.includes(t.id)).map((s) => [t.id, rolesOf(plan, s)[s.trainers.indexOf(t.id)] ?? "", excelDate(s.date), weekday(s), labels[s.halfDay], s.province, s.cluster] as (string | Date)[]),
  );
  sheet(workbook, words.trainers, words.trainerHeader, byTrainer);
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) => row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = "d/m/yyyy";
    }));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return stableZip(new Uint8Array(buffer as ArrayBuffer), schedule.generatedAt);
}
