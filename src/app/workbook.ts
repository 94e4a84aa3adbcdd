/**
 * The plan's trainers and provinces as an Excel workbook, and back: `template` writes it, `import`
 * reads it into the plan file. Written once here for the CLI and the workspace.
 *
 * Layout (its words are src/words/workbook.ts'): a sheet of trainers, one row per trainer, and a
 * sheet of provinces, one row per province. A date range takes a row of its own: a trainer away on three
 * ranges has three rows, its id repeated, the other cells filled on its first row (a further row may
 * leave them empty or repeat them). A province's days it cannot host and its preferred days share its
 * rows the same way, the n-th range of each on its n-th row. A hidden sheet holds the
 * lists the dropdowns offer. What the workbook does not show (a trainer's `national`,
 * `onlyAvailable`, a province's `fixed` half-day) is kept as it is.
 *
 * Import changes the plan file only where the workbook changes the plan: each changed trainer, each
 * changed province's settings, each cluster whose provinces changed is written again in place; every
 * other line of the file, its comments included, stays byte for byte. Nothing is written until the
 * plan the workbook makes loads as any plan does.
 */
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { DateTime } from "luxon";
import { parseDocument } from "yaml";
import { answersLostBy, type ChangeLog } from "../model/change-log.ts";
import { stableZip } from "../export/zip.ts";
import { TaphuanError } from "../model/errors.ts";
import { error, formatPath, InputError, type Issue, type PathSegment } from "../model/issues.ts";
import { loadPlanText, type Located } from "../model/load.ts";
import type { Plan } from "../model/plan.ts";
import type { HalfDayName, PlanData } from "../model/schema.ts";
import { issueText } from "../words/issues.ts";
import type { Lang } from "../words/labels.ts";
import { rangeOf, selectorOf, type DateRange } from "./date-ranges.ts";
import { clusterListChanges, withMoves } from "./cluster-moves.ts";
import { editYaml, type YamlChange } from "./yaml-edit.ts";
import { WORKBOOK_SHEET as W, workbookPlace, workbookProblemText } from "../words/workbook.ts";

/** A workbook unpacks to a few hundred kilobytes; more is a zip bomb, refused before exceljs expands it. */
const MAX_UNPACKED_BYTES = 32 * 1024 * 1024;
/** Dropdowns and formats reach this far down: room for a roster of hundreds. */
const LAST_ROW = 2000;

type Range = DateRange;

/** A trainer as the workbook shows it. */
interface TrainerView {
  readonly id: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  readonly clusters: "all" | readonly string[];
  readonly home?: string;
  readonly email?: string;
  readonly maxSessionsPerDay: number;
  readonly unavailable: readonly Range[];
}

/** A province as the workbook shows it. */
interface ProvinceView {
  readonly name: string;
  readonly cluster: string;
  readonly focal?: { readonly name?: string; readonly phone?: string; readonly email?: string };
  readonly venue?: string;
  readonly cannotHost: readonly Range[];
  readonly preferred: readonly Range[];
}

const TRAINER_FIELDS = ["organisation", "roles", "clusters", "home", "email", "maxSessionsPerDay", "unavailable"] as const;
const PROVINCE_FIELDS = ["cluster", "focal", "venue", "cannotHost", "preferred"] as const;
/** A trainer's field → its column (1-based), as WORKBOOK_SHEET.trainerHeader orders them. */
const TRAINER_COLUMN: Readonly<Record<string, number>> = { id: 1, organisation: 2, roles: 3, clusters: 4, home: 5, email: 6, maxSessionsPerDay: 7 };
const AWAY = { from: 8, to: 9, halfDay: 10 };
const CANNOT = { from: 7, to: 8, halfDay: 9 };
const PREFERRED = { from: 10, to: 11, halfDay: 12 };

function trainerView(t: PlanData["trainers"][number]): TrainerView {
  return {
    id: t.id.normalize("NFC"),
    organisation: t.organisation,
    roles: t.roles,
    clusters: t.clusters,
    ...(t.home ? { home: t.home } : {}),
    ...(t.email ? { email: t.email } : {}),
    maxSessionsPerDay: t.maxSessionsPerDay,
    unavailable: t.unavailable.map(rangeOf),
  };
}

function provinceViews(plan: Plan): ProvinceView[] {
  return plan.provinces.map((p) => ({
    name: p.name,
    cluster: p.cluster,
    ...(p.focal ? { focal: { name: p.focal.name, ...(p.focal.phone ? { phone: p.focal.phone } : {}), ...(p.focal.email ? { email: p.focal.email } : {}) } } : {}),
    ...(p.venue ? { venue: p.venue } : {}),
    cannotHost: p.unavailable.map(rangeOf),
    preferred: p.preferred.map(rangeOf),
  }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// ————————————————————————————————————————— template —————————————————————————————————————————

/** A calendar date as Excel stores it: midnight UTC of that day, so no time zone shifts it. */
const excelDate = (date: string) => DateTime.fromISO(date, { zone: "utc" }).toJSDate();
const halfDayCell = (range: Range | undefined) => (range?.halfDay ? W[range.halfDay] : null);
const column = (index: number) => String.fromCharCode(64 + index);

/**
 * The workbook of the plan's trainers and provinces. Its bytes depend on the plan alone: the zip's
 * times and the workbook's own are the plan's issue time (or the campaign's first day).
 */
export async function planTemplate(plan: Plan): Promise<Uint8Array> {
  const when = plan.data.campaign.issued ?? `${plan.data.campaign.period.from}T00:00:00Z`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "taphuan";
  workbook.created = new Date(when);
  workbook.modified = new Date(when);

  const trainers = workbook.addWorksheet(W.trainers, { views: [{ state: "frozen", ySplit: 1 }] });
  trainers.addRow([...W.trainerHeader]);
  for (const t of plan.data.trainers.map(trainerView)) {
    const ranges = t.unavailable.length ? t.unavailable : [undefined];
    ranges.forEach((range, i) => {
      const first = i === 0;
      trainers.addRow([
        t.id,
        first ? t.organisation : null,
        first ? t.roles.join(", ") : null,
        first ? (t.clusters === "all" ? W.allClusters : t.clusters.join(", ")) : null,
        first ? (t.home ?? null) : null,
        first ? (t.email ?? null) : null,
        first ? t.maxSessionsPerDay : null,
        range ? excelDate(range.from) : null,
        range ? excelDate(range.to) : null,
        halfDayCell(range),
      ]);
    });
  }

  const provinces = workbook.addWorksheet(W.provinces, { views: [{ state: "frozen", ySplit: 1 }] });
  provinces.addRow([...W.provinceHeader]);
  for (const p of provinceViews(plan)) {
    const rows = Math.max(1, p.cannotHost.length, p.preferred.length);
    for (let i = 0; i < rows; i++) {
      const [cannot, preferred] = [p.cannotHost[i], p.preferred[i]];
      const first = i === 0;
      provinces.addRow([
        p.name,
        first ? p.cluster : null,
        first ? (p.focal?.name ?? null) : null,
        first ? (p.focal?.phone ?? null) : null,
        first ? (p.focal?.email ?? null) : null,
        first ? (p.venue ?? null) : null,
        cannot ? excelDate(cannot.from) : null,
        cannot ? excelDate(cannot.to) : null,
        halfDayCell(cannot),
        preferred ? excelDate(preferred.from) : null,
        preferred ? excelDate(preferred.to) : null,
        halfDayCell(preferred),
      ]);
    }
  }

  // The dropdowns' lists: too long to write inside a validation (Excel allows 255 characters there).
  const lists = workbook.addWorksheet(W.lists, { state: "hidden" });
  const columns = [[...plan.needs.keys()], [...plan.clusters.map((c) => c.name), W.allClusters], plan.registry.records.map((r) => r.name), [W.morning, W.afternoon]];
  lists.addRow([...W.listsHeader]);
  for (let i = 0; i < Math.max(...columns.map((c) => c.length)); i++) lists.addRow(columns.map((c) => c[i] ?? null));
  const list = (index: number) => `'${W.lists}'!$${column(index + 1)}$2:$${column(index + 1)}$${columns[index]!.length + 1}`;

  type Validation = ExcelJS.DataValidation;
  // exceljs validates a whole range at once (one sqref), though its types only know a cell's validation.
  const validate = (ws: ExcelJS.Worksheet, col: number, validation: Validation) => (ws as unknown as { dataValidations: { add(range: string, v: Validation): void } }).dataValidations.add(`${column(col)}2:${column(col)}${LAST_ROW}`, validation);
  // Several roles or clusters go in one cell: the dropdown offers one, and a list typed in is only warned about.
  const several = (index: number): Validation => ({ type: "list", allowBlank: true, formulae: [list(index)], errorStyle: "warning", showErrorMessage: true, showInputMessage: true, prompt: W.severalPrompt });
  const one = (index: number, strict = false): Validation => ({ type: "list", allowBlank: true, formulae: [list(index)], errorStyle: strict ? "stop" : "warning", showErrorMessage: true });
  const date = (ws: ExcelJS.Worksheet, col: number) => {
    validate(ws, col, { type: "date", operator: "between", allowBlank: true, formulae: [excelDate(plan.data.campaign.period.from), excelDate(plan.data.campaign.period.to)], errorStyle: "warning", showErrorMessage: true });
    ws.getColumn(col).numFmt = "d/m/yyyy";
  };
  validate(trainers, 3, several(0));
  validate(trainers, 4, several(1));
  validate(trainers, 5, one(2));
  validate(trainers, 7, { type: "whole", operator: "between", allowBlank: true, formulae: [1, 2], errorStyle: "stop", showErrorMessage: true });
  validate(trainers, 10, { ...one(3, true), showInputMessage: true, prompt: W.wholeDay });
  for (const col of [AWAY.from, AWAY.to]) date(trainers, col);
  validate(provinces, 1, one(2));
  validate(provinces, 2, one(1, true));
  for (const col of [CANNOT.halfDay, PREFERRED.halfDay]) validate(provinces, col, { ...one(3, true), showInputMessage: true, prompt: W.wholeDay });
  for (const col of [CANNOT.from, CANNOT.to, PREFERRED.from, PREFERRED.to]) date(provinces, col);
  // A phone number typed in stays text: 0912… keeps its leading zero.
  provinces.getColumn(4).numFmt = "@";

  for (const ws of [trainers, provinces, lists]) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((col) => {
      let widest = 8;
      col.eachCell?.({ includeEmpty: false }, (cell) => (widest = Math.max(widest, cell.value instanceof Date ? 11 : [...String(cell.value ?? "")].length + 2)));
      col.width = Math.min(60, widest);
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return stableZip(new Uint8Array(buffer as ArrayBuffer), when);
}

// ————————————————————————————————————————— import —————————————————————————————————————————

/** Where a problem of the workbook is, and what it is. */
export interface WorkbookProblem {
  readonly sheet?: string;
  readonly row?: number;
  /** The column's letter, and its header. */
  readonly column?: string;
  readonly header?: string;
  readonly issue: Issue;
}

/** The workbook cannot go into the plan as it is; nothing was written. */
export class WorkbookError extends TaphuanError {
  readonly code = "bad-workbook";
  readonly kind = "bad-input";
  constructor(
    readonly file: string,
    readonly problems: readonly WorkbookProblem[],
  ) {
    super(problems.map((p) => workbookProblemLine(file, p, "en")).join("\n"));
    this.name = "WorkbookError";
  }
}

/** A problem as a planner reads it: the file, the sheet, row and column, then what is wrong. */
export function workbookProblemLine(file: string, problem: WorkbookProblem, lang: Lang): string {
  const place = problem.sheet ? `: ${workbookPlace({ sheet: problem.sheet, ...(problem.row ? { row: problem.row } : {}), ...(problem.column ? { column: problem.column } : {}), ...(problem.header ? { header: problem.header } : {}) }, lang)}` : "";
  const { issue } = problem;
  const text = workbookProblemText(issue.code, issue.params ?? {}, lang) ?? issueText(issue, lang);
  // A plan problem the workbook has no cell for is said with its field in the plan.
  const field = !problem.row && issue.path.length ? ` (${formatPath(issue.path)})` : "";
  return `${file}${place}${field}: ${text}`;
}

export interface ImportSummary {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly { readonly id: string; readonly fields: readonly string[] }[];
  readonly provinces: readonly { readonly name: string; readonly fields: readonly string[] }[];
}

export interface ImportResult {
  /** The plan file's new text (the same text when nothing changed). */
  readonly text: string;
  readonly changed: boolean;
  readonly summary: ImportSummary;
  /** The new plan's warnings the plan did not have, placed in the plan file. */
  readonly warnings: readonly Located[];
}

type Cell = ExcelJS.Cell;
type Problems = WorkbookProblem[];

function problemAt(sheet: string, header: readonly string[], row: number, col: number, issue: Issue): WorkbookProblem {
  return { sheet, row, column: column(col), header: header[col - 1]!, issue };
}

/** A cell's value as typed: rich text and links (Excel makes one of an e-mail address) read as their text, a formula as its result. */
function cellValue(cell: Cell): string | number | boolean | Date | undefined | { error: true } {
  let value: unknown = cell.value;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) value = v.richText.map((r) => r.text).join("");
    else if ("text" in v) value = typeof v.text === "string" ? v.text : v.text && typeof v.text === "object" && "richText" in v.text ? (v.text as { richText: { text: string }[] }).richText.map((r) => r.text).join("") : String(v.text ?? "");
    else if ("result" in v) value = v.result;
    else return { error: true };
    if (value && typeof value === "object" && !(value instanceof Date)) return { error: true };
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") {
    const text = value.trim().normalize("NFC");
    return text === "" ? undefined : text;
  }
  return value as number | boolean | Date;
}

function displayed(value: ReturnType<typeof cellValue>): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "object" ? "#" : String(value ?? "");
}

/** Reads one sheet's rows into cells, problems for what is no value; rows left empty are skipped. */
class SheetReader {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly header: readonly string[],
    readonly problems: Problems,
  ) {}

  rows(): number[] {
    const out: number[] = [];
    this.ws.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      if (this.header.some((_, i) => cellValue(row.getCell(i + 1)) !== undefined)) out.push(number);
    });
    return out;
  }

  private at(row: number, col: number, issue: Issue): void {
    this.problems.push(problemAt(this.ws.name, this.header, row, col, issue));
  }

  text(row: number, col: number): string | undefined {
    const value = cellValue(this.ws.getRow(row).getCell(col));
    if (typeof value === "object" && !(value instanceof Date)) {
      this.at(row, col, error("not-text", [], "is a formula or an error, not a value"));
      return undefined;
    }
    return value === undefined ? undefined : displayed(value);
  }

  list(row: number, col: number): string[] | undefined {
    const text = this.text(row, col);
    return text === undefined ? undefined : text.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  }

  whole(row: number, col: number): number | undefined {
    const text = this.text(row, col);
    if (text === undefined) return undefined;
    if (/^\d+$/.test(text)) return Number(text);
    this.at(row, col, error("not-a-whole-number", [], `"${text}" is not a whole number`, undefined, { value: text }));
    return undefined;
  }

  /** A date cell, an Excel serial number, or text written d/m/yyyy or yyyy-mm-dd: the plan's YYYY-MM-DD (the plan's loader judges the day). */
  date(row: number, col: number): string | undefined {
    const value = cellValue(this.ws.getRow(row).getCell(col));
    if (value === undefined) return undefined;
    if (value instanceof Date) return DateTime.fromJSDate(value, { zone: "utc" }).toISODate()!;
    if (typeof value === "number" && value > 0 && value < 100_000) return DateTime.fromMillis(Math.round((value - 25_569) * 86_400_000), { zone: "utc" }).toISODate()!;
    const text = displayed(value);
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    this.at(row, col, error("not-a-date", [], `"${text}" is not a date`, undefined, { value: text }));
    return undefined;
  }

  range(row: number, columns: { from: number; to: number; halfDay: number }): Range | undefined {
    const [from, to] = [this.date(row, columns.from), this.date(row, columns.to)];
    const halfText = this.text(row, columns.halfDay);
    const halfDay = halfText === undefined ? undefined : HALF_DAY_NAMES.get(halfText.toLowerCase());
    if (halfText !== undefined && !halfDay) this.at(row, columns.halfDay, error("not-a-half-day", [], `"${halfText}" is not a half-day`, undefined, { value: halfText }));
    if (from === undefined) {
      if (to !== undefined) this.at(row, columns.to, error("to-without-from", [], "an end date without a start date"));
      return undefined;
    }
    return { from, to: to ?? from, ...(halfDay ? { halfDay } : {}) };
  }

  /** A further row of one trainer or province: a cell it fills must say what the first row says. */
  agrees(row: number, col: number, first: number, what: "trainer" | "province"): void {
    const [value, expected] = [this.text(row, col), this.text(first, col)];
    if (value !== undefined && value !== expected) this.at(row, col, error("row-disagrees", [], `differs from row ${first}`, undefined, { first, value: expected ?? "", what }));
  }
}

const HALF_DAY_NAMES = new Map<string, HalfDayName>([
  [W.morning.toLowerCase(), "morning"],
  [W.afternoon.toLowerCase(), "afternoon"],
  ["morning", "morning"],
  ["afternoon", "afternoon"],
]);

async function openWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const refuse = (code: string, message: string, params?: Record<string, string>) => new WorkbookError(file, [{ issue: error(code, [], message, undefined, params) }]);
  let unpacked = 0;
  try {
    unzipSync(bytes, { filter: (entry) => ((unpacked += entry.originalSize), false) });
  } catch {
    throw refuse("not-a-workbook", "is not an Excel workbook (.xlsx)");
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw refuse("workbook-too-large", `unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MiB`, { limit: `${MAX_UNPACKED_BYTES / 1024 / 1024} MiB` });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw refuse("not-a-workbook", "is not an Excel workbook (.xlsx)");
  }
  return workbook;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string, header: readonly string[], problems: Problems): SheetReader | undefined {
  const ws = workbook.getWorksheet(name);
  if (!ws) {
    problems.push({ sheet: name, issue: error("missing-sheet", [], `the workbook has no sheet "${name}"`, undefined, { sheet: name }) });
    return undefined;
  }
  const reader = new SheetReader(ws, header, problems);
  header.forEach((expected, i) => {
    const found = reader.text(1, i + 1) ?? "";
    if (found !== expected) problems.push(problemAt(name, header, 1, i + 1, error("wrong-header", [], `the header should read "${expected}"`, undefined, { expected, found })));
  });
  return reader;
}

interface Rows {
  readonly first: number;
  /** The row of each range, in order. */
  readonly ranges: number[];
  readonly preferred: number[];
}

function readTrainers(sheet: SheetReader, problems: Problems): Map<string, { view: TrainerView; rows: Rows }> {
  const out = new Map<string, { view: TrainerView; rows: Rows; away: Range[] }>();
  for (const row of sheet.rows()) {
    const id = sheet.text(row, 1);
    if (id === undefined) {
      problems.push(problemAt(sheet.ws.name, sheet.header, row, 1, error("missing-id", [], "a row with no trainer id")));
      continue;
    }
    const range = sheet.range(row, AWAY);
    const known = out.get(id);
    if (known) {
      for (let col = 2; col <= 7; col++) sheet.agrees(row, col, known.rows.first, "trainer");
      if (range) {
        known.away.push(range);
        known.rows.ranges.push(row);
      }
      continue;
    }
    const clusters = sheet.list(row, 4);
    const [home, email] = [sheet.text(row, 5), sheet.text(row, 6)];
    const away = range ? [range] : [];
    const view: TrainerView = {
      id,
      organisation: sheet.text(row, 2) ?? "",
      roles: sheet.list(row, 3) ?? [],
      clusters: clusters === undefined || (clusters.length === 1 && clusters[0]!.toLowerCase() === W.allClusters) ? "all" : clusters,
      ...(home ? { home } : {}),
      ...(email ? { email } : {}),
      maxSessionsPerDay: sheet.whole(row, 7) ?? 2,
      unavailable: away,
    };
    out.set(id, { view, rows: { first: row, ranges: range ? [row] : [], preferred: [] }, away });
  }
  return out;
}

function readProvinces(sheet: SheetReader, plan: Plan, problems: Problems): Map<string, { view: ProvinceView; rows: Rows; code: string }> {
  const out = new Map<string, { view: ProvinceView; rows: Rows; code: string; cannot: Range[]; preferred: Range[] }>();
  const clusters = plan.clusters.map((c) => c.name);
  for (const row of sheet.rows()) {
    const name = sheet.text(row, 1);
    const at = (col: number, issue: Issue) => problems.push(problemAt(sheet.ws.name, sheet.header, row, col, issue));
    if (name === undefined) {
      at(1, error("missing-province", [], "a row with no province"));
      continue;
    }
    const found = plan.registry.lookup(name);
    if (!found.ok) {
      at(1, found.reason === "merged" ? error("province-merged", [], `"${name}" is part of ${found.into.name}`, undefined, { name, registry: plan.registry.id, into: found.into.name }) : error("unknown-province", [], `unknown province "${name}" in ${plan.registry.id}`, undefined, { name, registry: plan.registry.id, suggestions: found.suggestions.join(", ") }));
      continue;
    }
    const [cannot, preferred] = [sheet.range(row, CANNOT), sheet.range(row, PREFERRED)];
    const known = out.get(found.record.code);
    if (known) {
      for (let col = 2; col <= 6; col++) sheet.agrees(row, col, known.rows.first, "province");
      if (cannot) (known.cannot.push(cannot), known.rows.ranges.push(row));
      if (preferred) (known.preferred.push(preferred), known.rows.preferred.push(row));
      continue;
    }
    const cluster = sheet.text(row, 2);
    if (cluster === undefined) at(2, error("missing-cluster", [], "no cluster"));
    else if (!clusters.includes(cluster)) at(2, error("unknown-cluster", [], `no cluster "${cluster}"`, undefined, { cluster, clusters: clusters.join(", ") }));
    const [focalName, phone, email, venue] = [sheet.text(row, 3), sheet.text(row, 4), sheet.text(row, 5), sheet.text(row, 6)];
    const focal = focalName || phone || email ? { ...(focalName ? { name: focalName } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}) } : undefined;
    // The plan's own spelling of a province it has; the workbook's of one it adds.
    const inPlan = plan.index.province(found.record.code);
    const c = cannot ? [cannot] : [];
    const p = preferred ? [preferred] : [];
    const view: ProvinceView = { name: inPlan?.name ?? name, cluster: cluster ?? "", ...(focal ? { focal } : {}), ...(venue ? { venue } : {}), cannotHost: c, preferred: p };
    out.set(found.record.code, { view, code: found.record.code, rows: { first: row, ranges: cannot ? [row] : [], preferred: preferred ? [row] : [] }, cannot: c, preferred: p });
  }
  return out;
}

/** Changes the workbook makes, as whole values of the plan file's data. */
interface Changes {
  /** Index in the file → its new value (undefined: removed). */
  readonly trainers: Map<number, Record<string, unknown> | undefined>;
  readonly addedTrainers: Record<string, unknown>[];
  /** Settings key → new settings (undefined: removed); a key new to the file is added. */
  readonly provinces: Map<string, Record<string, unknown> | undefined>;
  /** The clusters' lists of provinces: as the file has them, and with the workbook's moves made. */
  readonly clusters: { readonly before: readonly string[][]; after: string[][] };
}

/** The workbook's changes as edits of the plan file's YAML (src/app/yaml-edit.ts keeps the rest of it). */
function yamlChanges(changes: Changes): YamlChange[] {
  const out: YamlChange[] = [];
  for (const [index, value] of changes.trainers) out.push(value ? { op: "set", path: ["trainers", index], value } : { op: "delete", path: ["trainers", index] });
  for (const value of changes.addedTrainers) out.push({ op: "append", path: ["trainers"], value });
  out.push(...clusterListChanges(changes.clusters.before, changes.clusters.after));
  for (const [key, value] of changes.provinces) out.push(value ? { op: "set", path: ["provinces", key], value } : { op: "delete", path: ["provinces", key] });
  return out;
}

/** A trainer's data as the plan file writes it: the workbook's fields set, the rest (national, onlyAvailable) kept. */
function trainerData(view: TrainerView, before: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(before ?? {}), id: before?.["id"] ?? view.id, organisation: view.organisation, roles: [...view.roles] };
  const setOrDrop = (key: string, value: unknown) => (value === undefined ? delete out[key] : (out[key] = value));
  // "all" is the default: a trainer who serves every cluster says nothing, unless the file said it.
  setOrDrop("clusters", view.clusters === "all" ? (before?.["clusters"] === "all" ? "all" : undefined) : [...view.clusters]);
  setOrDrop("home", view.home);
  setOrDrop("email", view.email);
  setOrDrop("maxSessionsPerDay", view.maxSessionsPerDay === 2 && before?.["maxSessionsPerDay"] === undefined ? undefined : view.maxSessionsPerDay);
  setOrDrop("unavailable", view.unavailable.length ? view.unavailable.map(selectorOf) : undefined);
  return out;
}

function provinceData(view: ProvinceView, before: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...(before ?? {}) };
  const setOrDrop = (key: string, value: unknown) => (value === undefined ? delete out[key] : (out[key] = value));
  setOrDrop("focal", view.focal);
  setOrDrop("venue", view.venue);
  setOrDrop("unavailable", view.cannotHost.length ? view.cannotHost.map(selectorOf) : undefined);
  setOrDrop("preferred", view.preferred.length ? view.preferred.map(selectorOf) : undefined);
  return Object.keys(out).length ? out : undefined;
}

/**
 * The plan file's text with the workbook's trainers and provinces in it, or a `WorkbookError` with
 * every problem found, each at its sheet, row and column. Pure: the caller reads and writes.
 */
/**
 * `standing`: the change log of the plan's schedule, when it has one; an import that would drop a
 * standing answer (a trainer left out of the sheet who has days away recorded…) is refused, naming
 * the change to withdraw first, as the forms refuse it.
 */
export async function importWorkbook(planText: string, planFile: string, bytes: Uint8Array, workbookFile: string, standing?: ChangeLog): Promise<ImportResult> {
  const { plan, warnings: planWarnings } = loadPlanText(planText, planFile);
  const workbook = await openWorkbook(bytes, workbookFile);
  const problems: Problems = [];
  const trainerSheet = sheetOf(workbook, W.trainers, W.trainerHeader, problems);
  const provinceSheet = sheetOf(workbook, W.provinces, W.provinceHeader, problems);
  if (problems.length) throw new WorkbookError(workbookFile, problems);
  const sheetTrainers = readTrainers(trainerSheet!, problems);
  const sheetProvinces = readProvinces(provinceSheet!, plan, problems);
  if (problems.length) throw new WorkbookError(workbookFile, problems);

  const raw = (parseDocument(planText).toJS() ?? {}) as { trainers?: Record<string, unknown>[]; provinces?: Record<string, Record<string, unknown>> };
  const fileLists = plan.data.clusters.map((c) => [...c.provinces]);
  const changes: Changes = { trainers: new Map(), addedTrainers: [], provinces: new Map(), clusters: { before: fileLists, after: fileLists } };
  const summary = { added: [] as string[], removed: [] as string[], changed: [] as { id: string; fields: string[] }[], provinces: [] as { name: string; fields: string[] }[] };
  // Where each trainer of the new plan file came from in the workbook, to place its problems.
  const trainerRows = new Map<number, Rows>();

  const kept: number[] = [];
  plan.data.trainers.forEach((trainer, index) => {
    const before = trainerView(trainer);
    const now = sheetTrainers.get(before.id);
    if (!now) {
      changes.trainers.set(index, undefined);
      summary.removed.push(before.id);
      return;
    }
    kept.push(index);
    const fields = TRAINER_FIELDS.filter((f) => !same(before[f], now.view[f]));
    if (fields.length) {
      changes.trainers.set(index, trainerData(now.view, raw.trainers?.[index]));
      summary.changed.push({ id: before.id, fields: [...fields] });
    }
  });
  kept.forEach((index, newIndex) => trainerRows.set(newIndex, sheetTrainers.get(trainerView(plan.data.trainers[index]!).id)!.rows));
  const known = new Set(plan.data.trainers.map((t) => t.id.normalize("NFC")));
  for (const [id, { view, rows }] of sheetTrainers) {
    if (known.has(id)) continue;
    trainerRows.set(kept.length + changes.addedTrainers.length, rows);
    changes.addedTrainers.push(trainerData(view, undefined));
    summary.added.push(id);
  }

  // Provinces: settings under the key the file uses for them (a new one under the plan's spelling), and clusters' lists.
  const settingsKey = new Map<string, string>();
  for (const key of Object.keys(plan.data.provinces)) {
    const found = plan.registry.lookup(key);
    if (found.ok) settingsKey.set(found.record.code, key);
  }
  const views = new Map(provinceViews(plan).map((v, i) => [plan.provinces[i]!.record.code, v]));
  const codeOf = (name: string) => {
    const found = plan.registry.lookup(name);
    return found.ok ? found.record.code : name;
  };
  const provinceRows = new Map<string, Rows>();
  for (const [code, { view, rows }] of sheetProvinces) {
    const before: Partial<ProvinceView> = views.get(code) ?? { cannotHost: [], preferred: [] };
    const fields = PROVINCE_FIELDS.filter((f) => !same(before?.[f], view[f]));
    const key = settingsKey.get(code) ?? view.name;
    provinceRows.set(key, rows);
    if (!fields.length) continue;
    summary.provinces.push({ name: view.name, fields: [...fields] });
    if (fields.some((f) => f !== "cluster")) changes.provinces.set(key, provinceData(view, raw.provinces?.[key]));
    if (fields.includes("cluster")) {
      // Moved (or new to the plan): out of the cluster it was in, at the end of its new one's list; its settings stay under its name.
      const to = plan.data.clusters.findIndex((c) => c.name.normalize("NFC") === view.cluster);
      if (to >= 0) changes.clusters.after = withMoves(changes.clusters.after, codeOf, [{ name: view.name, to }]);
    }
  }

  const clusterLists = changes.clusters.after;
  const changed = changes.trainers.size + changes.addedTrainers.length + changes.provinces.size > 0 || !same(fileLists, clusterLists);
  const text = changed ? editYaml(planText, yamlChanges(changes)) : planText;
  let warnings: readonly Located[] = [];
  try {
    // The plan's own warnings were said before; what the workbook brings is new.
    const said = new Set(planWarnings.map((w) => `${w.code} ${w.message}`));
    const imported = loadPlanText(text, planFile);
    warnings = imported.warnings.filter((w) => !said.has(`${w.code} ${w.message}`));
    const lost = standing ? answersLostBy(plan.data, imported.plan.data, standing) : [];
    if (lost.length) throw new WorkbookError(workbookFile, lost.map((issue) => ({ issue })));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const clusterRow = (path: readonly PathSegment[]) => {
      const name = plan.data.clusters[Number(path[1])]?.provinces[Number(path[3])] ?? clusterLists[Number(path[1])]?.[Number(path[3])];
      const found = name === undefined ? undefined : plan.registry.lookup(name);
      return found?.ok ? sheetProvinces.get(found.record.code)?.rows.first : undefined;
    };
    throw new WorkbookError(workbookFile, e.issues.map((issue) => placeIssue(issue, trainerRows, provinceRows, clusterRow)));
  }
  return { text, changed: text !== planText, summary, warnings };
}

/** A problem of the plan the workbook would make, placed at the cell it came from. */
function placeIssue(issue: Issue, trainerRows: ReadonlyMap<number, Rows>, provinceRows: ReadonlyMap<string, Rows>, clusterRow: (path: readonly PathSegment[]) => number | undefined): WorkbookProblem {
  const [top, key, field, index, sub] = issue.path;
  const bare = { ...issue, path: issue.path } as Issue;
  if (top === "trainers" && typeof key === "number" && trainerRows.has(key)) {
    const rows = trainerRows.get(key)!;
    if (field === "unavailable" && typeof index === "number") {
      const col = sub === "to" ? AWAY.to : sub === "halfDay" ? AWAY.halfDay : AWAY.from;
      return problemAt(W.trainers, W.trainerHeader, rows.ranges[index] ?? rows.first, col, bare);
    }
    return problemAt(W.trainers, W.trainerHeader, rows.first, TRAINER_COLUMN[String(field)] ?? 1, bare);
  }
  if (top === "provinces" && typeof key === "string" && provinceRows.has(key)) {
    const rows = provinceRows.get(key)!;
    if ((field === "unavailable" || field === "preferred") && typeof index === "number") {
      const columns = field === "unavailable" ? CANNOT : PREFERRED;
      const row = (field === "unavailable" ? rows.ranges : rows.preferred)[index] ?? rows.first;
      return problemAt(W.provinces, W.provinceHeader, row, sub === "to" ? columns.to : sub === "halfDay" ? columns.halfDay : columns.from, bare);
    }
    const col = field === "focal" ? ({ name: 3, phone: 4, email: 5 } as Record<string, number>)[String(index)] ?? 3 : field === "venue" ? 6 : 1;
    return problemAt(W.provinces, W.provinceHeader, rows.first, col, bare);
  }
  if (top === "clusters" && field === "provinces") {
    const row = clusterRow(issue.path);
    if (row) return problemAt(W.provinces, W.provinceHeader, row, 2, bare);
  }
  return { issue: bare };
}
