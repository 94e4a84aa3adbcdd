/**
 * The appendix of the official letter as a Word document, in the form of Decree 30/2020/NĐ-CP
 * (Appendix I): A4, Times New Roman 13 pt (text and tables), margins 20 mm top and bottom, 30 mm
 * left, 15 mm right, page numbers centred at the top from page 2; "Phụ lục" in bold, centred, above
 * the title in bold capitals broken into even lines, the italic "(Kèm theo Công văn số …)" line
 * under it; then the letter's cluster table and the detailed schedule, with columns as wide as
 * their text asks. Dates carry the decree's leading zeros ("05/9/2022"); the text is Vietnamese (vi-VN)
 * to Word's proofing and hyphenation.
 */
import { AlignmentType, Document, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import { LABELS, type Lang } from "../words/labels.ts";
import { balancedLines, layoutColumns, type ColumnLayout } from "./layout.ts";
import { appendixLine, clusterTable, sessionTable, type Table as RowTable } from "./table.ts";
import { stableZip } from "./zip.ts";

const FONT = "Times New Roman";

/** Millimetres to twips, rounded (docx's own helper truncates: 210 mm would be 11905, not A4's 11906). */
function mm(millimetres: number): number {
  return Math.round((millimetres * 1440) / 25.4);
}

/** Half-points. The decree's 13 pt for text and tables; 14 pt for the title. */
const TEXT_SIZE = 26;
const TITLE_SIZE = 28;
/**
 * 12 pt, the usual size of a wide appendix table, for a table that 12 pt makes a fifth shorter or
 * more: the detailed schedule with a column per role, where at 13 pt "Doanh nghiệp-2" and
 * "Bà Rịa - Vũng Tàu" wrap on most rows.
 */
const SMALL_TABLE_SIZE = 24;
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
/** 165 mm of text width. */
const TEXT_WIDTH_MM = 210 - MARGIN_MM.left - MARGIN_MM.right;
/** Left and right padding of a cell: Word's default, 1.9 mm each side. */
const CELL_PADDING_MM = 1.9;

/** Every text of the document in NFC: a plan typed in decomposed form still gives Word composed letters. */
function run(text: string, options: { bold?: boolean; italics?: boolean; size: number; break?: number }): TextRun {
  return new TextRun({ text: text.normalize("NFC"), font: FONT, size: options.size, ...(options.bold ? { bold: true } : {}), ...(options.italics ? { italics: true } : {}), ...(options.break ? { break: options.break } : {}) });
}

function cell(text: string, widthMm: number, size: number, bold = false): TableCell {
  return new TableCell({
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    children: [new Paragraph({ alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold, size })] })],
  });
}

/**
 * A table with its columns sized from its text (see layoutColumns). The columns in `oneLine` — the
 * row number, a date with its weekday — stay on one line, unless the table's rows are so tall
 * anyway (long cluster names, long trainer ids) that letting them wrap makes it a tenth shorter.
 * 13 pt, or 12 pt when that makes it a fifth shorter (see SMALL_TABLE_SIZE).
 */
function table(rows: RowTable, oneLine: readonly boolean[]): Table {
  const available = TEXT_WIDTH_MM - 2 * CELL_PADDING_MM * rows.header.length;
  const height = (layout: ColumnLayout, size: number) => (layout.rowLines.reduce((a, b) => a + b, 0) * size) / 2;
  const at = (size: number) => {
    const kept = layoutColumns(rows.header, rows.rows, available, size / 2, oneLine);
    const free = layoutColumns(rows.header, rows.rows, available, size / 2)!;
    return kept && height(kept, size) <= 1.1 * height(free, size) ? kept : free;
  };
  const text = at(TEXT_SIZE);
  const small = at(SMALL_TABLE_SIZE);
  const size = height(small, SMALL_TABLE_SIZE) > 0.8 * height(text, TEXT_SIZE) ? TEXT_SIZE : SMALL_TABLE_SIZE;
  const layout = size === TEXT_SIZE ? text : small;
  const widths = layout.widths.map((w) => w + 2 * CELL_PADDING_MM);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mm(TEXT_WIDTH_MM), type: WidthType.DXA },
    columnWidths: widths.map((w) => mm(w)),
    margins: { left: mm(CELL_PADDING_MM), right: mm(CELL_PADDING_MM), top: 0, bottom: 0 },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: rows.header.map((h, i) => cell(h, widths[i]!, size, true)) }),
      ...rows.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, widths[i]!, size)) })),
    ],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [run(text, { bold: true, size: TEXT_SIZE })] });
}

/** The title in capitals, broken into lines of even length: never one word alone on the last line. */
function title(text: string): Paragraph {
  const lines = balancedLines(text.normalize("NFC").toLocaleUpperCase("vi"), TEXT_WIDTH_MM, TITLE_SIZE / 2, true);
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: lines.map((line, i) => run(line, { bold: true, size: TITLE_SIZE, ...(i > 0 ? { break: 1 } : {}) })) });
}

export async function appendixDocx(plan: Plan, schedule: Schedule, options: { readonly lang?: Lang } = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const decreeDates = lang === "vi";
  const clusters = clusterTable(plan, schedule, { lang, decreeDates });
  const sessions = sessionTable(plan, schedule, { lang, decreeDates, roles: true });
  const partial = clusters.note ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(clusters.note, { bold: true, size: TEXT_SIZE })] })] : [];
  const document = new Document({
    creator: "taphuan",
    title: plan.data.campaign.title.normalize("NFC"),
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE, language: { value: lang === "vi" ? "vi-VN" : "en-GB" } } } } },
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
          new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(LABELS[lang].appendix, { bold: true, size: TEXT_SIZE })] }),
          title(plan.data.campaign.title),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(appendixLine(plan, lang), { italics: true, size: TEXT_SIZE })] }),
          ...partial,
          heading(clusters.title),
          // TT stays on one line; a date is one word ("12/9/2022"), never broken.
          table(clusters, clusters.header.map((_, i) => i === 0)),
          heading(sessions.title),
          // TT, "Thứ Năm, 15/9/2022" and "Sáng" stay on one line.
          table(sessions, sessions.header.map((_, i) => i <= 2)),
          new Paragraph({ children: [] }),
        ],
      },
    ],
  });
  return stableZip(new Uint8Array(await Packer.toBuffer(document)), schedule.generatedAt);
}
