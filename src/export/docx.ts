/**
 * The appendix of the official letter as a Word document, in the form of Decree 30/2020/NĐ-CP:
 * A4, Times New Roman 13 pt, margins 20 mm top and bottom, 30 mm left, 15 mm right, page numbers
 * centred at the top from page 2; the title in capitals with the italic "(Kèm theo Công văn số …)"
 * line under it; then the letter's cluster table and the detailed schedule.
 */
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import type { Lang } from "../words/labels.ts";
import { appendixLine, clusterTable, sessionTable, type Table as RowTable } from "./table.ts";
import { stableZip } from "./zip.ts";

const FONT = "Times New Roman";

/** Millimetres to twips, rounded (docx's own helper truncates: 210 mm would be 11905, not A4's 11906). */
function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

/** Half-points: 13 pt for the text, 12 pt inside tables (the usual practice in appendices). */
const TEXT_SIZE = 26;
const TABLE_SIZE = 24;
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };

/** Column widths in millimetres (165 mm of text width): "Cụm 10" and "Thứ Năm, 15/9/2022" stay on one line. */
const CLUSTER_COLUMNS = [10, 30, 38, 55, 32];
const LETTER_COLUMNS = [10, 27, 45, 83];
const SESSION_COLUMNS = [10, 40, 16, 33, 21, 45];

function cell(text: string, widthMm: number, bold = false): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    children: [new Paragraph({ alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, bold, font: FONT, size: TABLE_SIZE })] })],
  });
}

function table(rows: RowTable, widths: readonly number[]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(widths.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widths.map((w) => mm(w)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: rows.header.map((h, i) => cell(h, widths[i]!, true)) }),
      ...rows.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, widths[i]!)) })),
    ],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, font: FONT, size: TEXT_SIZE })] });
}

export async function appendixDocx(plan: Plan, schedule: Schedule, options: { readonly lang?: Lang } = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const clusters = clusterTable(plan, schedule, { lang });
  const sessions = sessionTable(plan, schedule, { lang });
  const partial = clusters.note ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: clusters.note, bold: true, font: FONT, size: TEXT_SIZE })] })] : [];
  const document = new Document({
    creator: "taphuan",
    title: plan.data.campaign.title,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(MARGIN_MM.top), bottom: mm(MARGIN_MM.bottom), left: mm(MARGIN_MM.left), right: mm(MARGIN_MM.right), header: mm(10) },
          },
        },
        headers: {
          // Page numbers from page 2, centred at the top; the first page has none.
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: TEXT_SIZE })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: plan.data.campaign.title.toLocaleUpperCase("vi"), bold: true, font: FONT, size: 28 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: appendixLine(plan, lang), italics: true, font: FONT, size: TEXT_SIZE })] }),
          ...partial,
          heading(clusters.title),
          table(clusters, clusters.header.length === LETTER_COLUMNS.length ? LETTER_COLUMNS : CLUSTER_COLUMNS),
          heading(sessions.title),
          table(sessions, SESSION_COLUMNS),
          new Paragraph({ children: [] }),
        ],
      },
    ],
  });
  return stableZip(new Uint8Array(await Packer.toBuffer(document)), schedule.generatedAt);
}
