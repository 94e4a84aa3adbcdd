/**
 * The words of the plan's workbook (`taphuan template`, `taphuan import`): its sheets and headers,
 * written in Vietnamese whatever the reader's language (the workbook goes round the planner's
 * office and back), and what an import says — its problems and its summary — in Vietnamese and English.
 */
import type { Lang } from "./labels.ts";

/** The workbook itself: what a cell says is read back, so these are its one spelling. */
export const WORKBOOK_SHEET = {
  trainers: "Giảng viên",
  provinces: "Tỉnh",
  lists: "Danh mục",
  trainerHeader: ["Mã giảng viên (vai trò)", "Đơn vị", "Vai trò", "Cụm phụ trách", "Tỉnh nơi ở", "E-mail", "Số buổi tối đa mỗi ngày", "Vắng từ ngày", "Vắng đến ngày", "Buổi vắng"],
  provinceHeader: ["Tỉnh, thành phố", "Cụm", "Đầu mối: họ tên hoặc chức danh", "Đầu mối: điện thoại", "Đầu mối: e-mail", "Địa điểm", "Không tổ chức được từ ngày", "Không tổ chức được đến ngày", "Buổi không tổ chức được", "Mong muốn từ ngày", "Mong muốn đến ngày", "Buổi mong muốn"],
  listsHeader: ["Vai trò", "Cụm", "Tỉnh, thành phố", "Buổi"],
  /** A trainer who may serve every cluster. */
  allClusters: "tất cả",
  morning: "Sáng",
  afternoon: "Chiều",
  /** Shown when a list cell is chosen: several values go in one cell, separated by commas. */
  severalPrompt: "Chọn trong danh sách; nhiều giá trị thì ghi cách nhau bằng dấu phẩy.",
  wholeDay: "Để trống: cả ngày.",
} as const;

type P = Readonly<Record<string, string | number | boolean>>;
const s = (p: P, key: string) => String(p[key] ?? "");

/** A workbook's own problems (a problem of the plan it would make is worded by src/words/issues.ts). */
const PROBLEMS: Readonly<Record<Lang, Readonly<Record<string, (p: P) => string>>>> = {
  en: {
    "not-a-workbook": () => "is not an Excel workbook (.xlsx) — save it as an Excel workbook and import it again",
    "workbook-too-large": (p) => `unpacks to more than ${s(p, "limit")} — is this the workbook taphuan wrote?`,
    "missing-sheet": (p) => `the workbook has no sheet "${s(p, "sheet")}" — start from taphuan's template (taphuan template PLAN)`,
    "wrong-header": (p) => `the header should read "${s(p, "expected")}", not "${s(p, "found")}" — keep the template's columns in their order`,
    "missing-id": () => "a row with no trainer id — write the id (a role label) in column A, or empty the row",
    "missing-province": () => "a row with no province — write the province in column A, or empty the row",
    "missing-cluster": () => "no cluster — choose the province's cluster",
    "unknown-cluster": (p) => `no cluster "${s(p, "cluster")}" — the plan's clusters: ${s(p, "clusters")}`,
    "not-a-date": (p) => `"${s(p, "value")}" is not a date — give a date cell, or write it d/m/yyyy`,
    "to-without-from": () => "an end date without a start date — give the first day too",
    "not-a-half-day": (p) => `"${s(p, "value")}" is not a half-day — write Sáng, Chiều, or leave it empty for the whole day`,
    "not-a-whole-number": (p) => `"${s(p, "value")}" is not a whole number — write 1 or 2`,
    "not-text": () => "is a formula or an error, not a value — type the value itself",
    "row-disagrees": (p) => `differs from row ${s(p, "first")} of the same ${p["what"] === "trainer" ? "trainer" : "province"} ("${s(p, "value")}" there) — a further row only adds dates; leave the other cells empty or the same`,
  },
  vi: {
    "not-a-workbook": () => "không phải sổ tính Excel (.xlsx) — hãy lưu thành sổ tính Excel rồi nhập lại",
    "workbook-too-large": (p) => `khi giải nén lớn hơn ${s(p, "limit")} — đây có phải sổ tính taphuan đã tạo không?`,
    "missing-sheet": (p) => `sổ tính không có trang "${s(p, "sheet")}" — hãy dùng mẫu của taphuan (taphuan template PLAN)`,
    "wrong-header": (p) => `tiêu đề phải là "${s(p, "expected")}", không phải "${s(p, "found")}" — hãy giữ các cột của mẫu theo đúng thứ tự`,
    "missing-id": () => "dòng chưa có mã giảng viên — hãy ghi mã (chức danh) ở cột A, hoặc xóa trắng dòng",
    "missing-province": () => "dòng chưa có tên tỉnh — hãy ghi tỉnh ở cột A, hoặc xóa trắng dòng",
    "missing-cluster": () => "chưa có cụm — hãy chọn cụm của tỉnh",
    "unknown-cluster": (p) => `không có cụm "${s(p, "cluster")}" — các cụm của kế hoạch: ${s(p, "clusters")}`,
    "not-a-date": (p) => `"${s(p, "value")}" không phải một ngày — hãy nhập ô kiểu ngày, hoặc ghi ngày/tháng/năm`,
    "to-without-from": () => "có ngày kết thúc mà chưa có ngày bắt đầu — hãy ghi cả ngày đầu",
    "not-a-half-day": (p) => `"${s(p, "value")}" không phải một buổi — hãy ghi Sáng, Chiều, hoặc để trống nếu cả ngày`,
    "not-a-whole-number": (p) => `"${s(p, "value")}" không phải số nguyên — hãy ghi 1 hoặc 2`,
    "not-text": () => "là công thức hoặc lỗi, không phải giá trị — hãy nhập chính giá trị",
    "row-disagrees": (p) => `khác với dòng ${s(p, "first")} của cùng ${p["what"] === "trainer" ? "giảng viên" : "tỉnh"} ("${s(p, "value")}" ở đó) — dòng tiếp theo chỉ để thêm ngày; các ô khác để trống hoặc ghi giống nhau`,
  },
};

export function workbookProblemText(code: string, params: P, lang: Lang): string | undefined {
  return Object.hasOwn(PROBLEMS[lang], code) ? PROBLEMS[lang][code]!(params) : undefined;
}

/** Where a problem is: the sheet, and the row and the column when known. */
export function workbookPlace(place: { sheet: string; row?: number; column?: string; header?: string }, lang: Lang): string {
  const column = place.column ? (lang === "vi" ? `, cột ${place.column}` : `, column ${place.column}`) + (place.header ? ` (${place.header})` : "") : "";
  const row = place.row ? (lang === "vi" ? `, dòng ${place.row}` : `, row ${place.row}`) : "";
  return `${lang === "vi" ? "Trang" : "Sheet"} "${place.sheet}"${row}${column}`;
}

const en = {
  nothing: "The workbook changes nothing in the plan.",
  added: (ids: readonly string[]) => `trainers added (${ids.length}): ${ids.join(", ")}`,
  removed: (ids: readonly string[]) => `trainers removed (${ids.length}): ${ids.join(", ")}`,
  changed: (id: string, fields: readonly string[]) => `trainer ${id}: ${fields.join(", ")} changed`,
  province: (name: string, fields: readonly string[]) => `${name}: ${fields.join(", ")} changed`,
  wrote: (file: string) => `wrote ${file}`,
  dryRun: "(dry run: nothing written)",
  problems: (n: number) => `${n} problem(s) in the workbook; nothing written:`,
};

const vi: typeof en = {
  nothing: "Sổ tính không làm thay đổi gì trong kế hoạch.",
  added: (ids) => `thêm giảng viên (${ids.length}): ${ids.join(", ")}`,
  removed: (ids) => `bỏ giảng viên (${ids.length}): ${ids.join(", ")}`,
  changed: (id, fields) => `giảng viên ${id}: đổi ${fields.join(", ")}`,
  province: (name, fields) => `${name}: đổi ${fields.join(", ")}`,
  wrote: (file) => `đã ghi ${file}`,
  dryRun: "(chạy thử: chưa ghi gì)",
  problems: (n) => `Sổ tính có ${n} lỗi; chưa ghi gì:`,
};

export const IMPORT_WORDS: Readonly<Record<Lang, typeof en>> = { en, vi };

/** A changed field as the planner knows it: by its column's header, in Vietnamese or English. */
export const FIELD_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { organisation: "đơn vị", roles: "vai trò", clusters: "cụm phụ trách", home: "tỉnh nơi ở", email: "e-mail", maxSessionsPerDay: "số buổi tối đa mỗi ngày", unavailable: "ngày vắng", cluster: "cụm", focal: "đầu mối", venue: "địa điểm", cannotHost: "ngày không tổ chức được", preferred: "ngày mong muốn" },
  en: { organisation: "organisation", roles: "roles", clusters: "clusters", home: "home province", email: "e-mail", maxSessionsPerDay: "sessions per day", unavailable: "days away", cluster: "cluster", focal: "focal point", venue: "venue", cannotHost: "days it cannot host", preferred: "preferred days" },
};

/** What an import changed, a line each, in the reader's language. */
export function importSummaryLines(summary: { readonly added: readonly string[]; readonly removed: readonly string[]; readonly changed: readonly { readonly id: string; readonly fields: readonly string[] }[]; readonly provinces: readonly { readonly name: string; readonly fields: readonly string[] }[] }, lang: Lang): string[] {
  const w = IMPORT_WORDS[lang];
  const fields = (names: readonly string[]) => names.map((f) => FIELD_NAMES[lang][f] ?? f);
  const lines = [
    ...(summary.added.length ? [w.added(summary.added)] : []),
    ...(summary.removed.length ? [w.removed(summary.removed)] : []),
    ...summary.changed.map((c) => w.changed(c.id, fields(c.fields))),
    ...summary.provinces.map((p) => w.province(p.name, fields(p.fields))),
  ];
  return lines.length ? lines : [w.nothing];
}
