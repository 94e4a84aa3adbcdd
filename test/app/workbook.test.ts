/** The plan's workbook: written from the plan, read back unchanged, edited, and refused where it is wrong. */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importWorkbook, planTemplate, WorkbookError, workbookProblemLine } from "../../src/app/workbook.ts";
import { EMPTY_LOG, withChange, withWithdrawal } from "../../src/model/change-log.ts";
import { ChangesSchema } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";

const PLAN_FILE = "plans/2022-09-tcnscd.yaml";
const text = readFileSync(PLAN_FILE, "utf8");
const plan = loadPlanText(text, PLAN_FILE).plan;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

async function template(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await planTemplate(plan)) as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The rows of a sheet whose column A says `key`. */
function rowsOf(ws: ExcelJS.Worksheet, key: string): number[] {
  const rows: number[] = [];
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === key) rows.push(n);
  });
  return rows;
}

async function problemsOf(workbook: ExcelJS.Workbook, lang: "vi" | "en" = "en"): Promise<string[]> {
  try {
    await importWorkbook(text, PLAN_FILE, await bytesOf(workbook), "roster.xlsx");
  } catch (e) {
    if (e instanceof WorkbookError) return e.problems.map((p) => workbookProblemLine("roster.xlsx", p, lang));
    throw e;
  }
  throw new Error("the workbook was accepted");
}

describe("the plan's workbook", () => {
  it("is the same bytes every time, with a sheet of trainers and one of provinces, dates as date cells and dropdowns", async () => {
    const [a, b] = [await planTemplate(plan), await planTemplate(plan)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const workbook = await template();
    const trainers = workbook.getWorksheet("Giảng viên")!;
    expect(trainers.getRow(1).getCell(1).value).toBe("Mã giảng viên (vai trò)");
    // CĐSQG-2 is away on two ranges: two rows, the id repeated, the second with its dates only.
    const [first, second] = rowsOf(trainers, "CĐSQG-2");
    expect(trainers.getRow(first!).getCell(3).value).toBe("policy");
    expect(trainers.getRow(first!).getCell(8).value).toEqual(utc("2022-09-13"));
    expect(trainers.getRow(second!).getCell(2).value).toBeNull();
    expect(trainers.getRow(second!).getCell(10).value).toBe("Chiều");
    expect(trainers.getCell("C2").dataValidation?.type).toBe("list");
    expect(workbook.getWorksheet("Tỉnh")!.getRow(2).getCell(1).value).toBe("Bắc Giang");
    expect(workbook.getWorksheet("Danh mục")!.state).toBe("hidden");
  });

  it("read back unchanged leaves the plan file byte for byte", async () => {
    const result = await importWorkbook(text, PLAN_FILE, await planTemplate(plan), "mau.xlsx");
    expect(result.changed).toBe(false);
    expect(result.text).toBe(text);
    expect(result.summary).toEqual({ added: [], removed: [], changed: [], provinces: [] });
  });

  it("edited, changes only what it changes: a trainer's e-mail and days away, one removed, one added, a province's settings and cluster", async () => {
    const workbook = await template();
    const trainers = workbook.getWorksheet("Giảng viên")!;
    const [row] = rowsOf(trainers, "CĐSQG-3");
    trainers.getRow(row!).getCell(6).value = { text: "moi@example.org", hyperlink: "mailto:moi@example.org" };
    trainers.getRow(row!).getCell(9).value = utc("2022-09-17");
    trainers.spliceRows(rowsOf(trainers, "Đoàn-4")[0]!, 1);
    trainers.addRow(["Đoàn-8", "Trung ương Đoàn TNCS Hồ Chí Minh", "skills", "Cụm 5, Cụm 6", "Huế", null, 1, "26/9/2022", null, "sáng"]);
    const provinces = workbook.getWorksheet("Tỉnh")!;
    const [nam] = rowsOf(provinces, "Nam Định");
    provinces.getRow(nam!).getCell(3).value = "Sở Thông tin và Truyền thông";
    provinces.getRow(nam!).getCell(4).value = "0228 3849 999";
    provinces.getRow(nam!).getCell(7).value = utc("2022-09-14");
    const [tn] = rowsOf(provinces, "Thái Nguyên");
    provinces.getRow(tn!).getCell(2).value = "Cụm 1";

    const result = await importWorkbook(text, PLAN_FILE, await bytesOf(workbook), "roster.xlsx");
    expect(result.summary).toEqual({
      added: ["Đoàn-8"],
      removed: ["Đoàn-4"],
      changed: [{ id: "CĐSQG-3", fields: ["email", "unavailable"] }],
      provinces: [{ name: "Nam Định", fields: ["focal", "cannotHost"] }, { name: "Thái Nguyên", fields: ["cluster"] }],
    });
    const before = text.split("\n");
    const after = result.text.split("\n");
    // Every other line, comments included, as it was.
    expect(after.filter((l) => !before.includes(l))).toEqual([
      "    provinces: [Bắc Giang, Bắc Ninh, Hải Dương, Hà Nội, Hà Nam, Hải Phòng, Hòa Bình, Hưng Yên, Nam Định, Ninh Bình, Quảng Ninh, Thái Bình, Thái Nguyên]",
      "    provinces: [Lạng Sơn, Bắc Kạn, Cao Bằng]",
      "  - { id: CĐSQG-3, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], clusters: [Cụm 3, Cụm 4], home: Hà Nội, email: moi@example.org, unavailable: [{ from: 2022-09-16, to: 2022-09-17 }] }",
      "  - { id: Đoàn-8, organisation: Trung ương Đoàn TNCS Hồ Chí Minh, roles: [skills], clusters: [Cụm 5, Cụm 6], home: Huế, maxSessionsPerDay: 1, unavailable: [{ date: 2022-09-26, halfDay: morning }] }",
      "provinces:",
      "  Nam Định: { focal: { name: Sở Thông tin và Truyền thông, phone: 0228 3849 999 }, unavailable: [2022-09-14] }",
    ]);
    expect(before.filter((l) => !after.includes(l))).toHaveLength(5);
    expect(result.text).toContain("# SAMPLE roster (role labels, not people).");
    const again = loadPlanText(result.text, PLAN_FILE).plan;
    expect(again.trainers.find((t) => t.id === "CĐSQG-9")!.onlyAvailable).toEqual([{ from: "2022-09-12", to: "2022-09-23" }]);
    expect(again.provinces.find((p) => p.name === "Thái Nguyên")!.cluster).toBe("Cụm 1");
  });

  it("refuses to drop a standing answer: a trainer left out of the sheet who has days away recorded, until the change is withdrawn", async () => {
    const workbook = await template();
    const trainers = workbook.getWorksheet("Giảng viên")!;
    trainers.spliceRows(rowsOf(trainers, "Đoàn-4")[0]!, 1);
    const bytes = await bytesOf(workbook);
    const log = withChange(EMPTY_LOG, ChangesSchema.parse({ trainers: { "Đoàn-4": { unavailable: ["2022-09-20"] } } }), { version: 2, today: "2022-09-06" });
    const refused = await importWorkbook(text, PLAN_FILE, bytes, "roster.xlsx", log).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WorkbookError);
    expect((refused as WorkbookError).problems.map((p) => workbookProblemLine("roster.xlsx", p, "vi"))).toEqual([
      "roster.xlsx: thay đổi #1 (v2) đang áp dụng sẽ không còn áp dụng được: giảng viên Đoàn-4 không còn trong kế hoạch — hãy rút lại thay đổi #1 ở trang kế hoạch trước, rồi làm lại",
    ]);
    const withdrawn = withWithdrawal(log, 1, { version: 3, today: "2022-09-07" }, PLAN_FILE);
    expect((await importWorkbook(text, PLAN_FILE, bytes, "roster.xlsx", withdrawn)).changed).toBe(true);
  });

  it("places every problem at its sheet, row and column, in English or Vietnamese, and writes nothing", async () => {
    const workbook = await template();
    const trainers = workbook.getWorksheet("Giảng viên")!;
    const [row] = rowsOf(trainers, "CĐSQG-1");
    trainers.getRow(row!).getCell(3).value = "policy, speaker"; // a role the plan has not
    trainers.getRow(row!).getCell(6).value = "not-an-address"; // the schema's refusal
    trainers.getRow(row!).getCell(7).value = "hai"; // not a number
    trainers.getRow(row!).getCell(8).value = "31/9/2022"; // no such day
    const [r2] = rowsOf(trainers, "CĐSQG-2");
    trainers.getRow(r2!).getCell(10).value = "tối";
    trainers.addRow([null, "Doanh nghiệp", "skills"]);
    // A further row of CĐSQG-2 that says another organisation than its first row.
    trainers.getRow(r2! + 1).getCell(2).value = "Bộ khác";
    const provinces = workbook.getWorksheet("Tỉnh")!;
    provinces.getRow(2).getCell(2).value = "Cụm 99";
    provinces.addRow(["Hà Tây", "Cụm 1"]);
    const problems = await problemsOf(workbook);
    expect(problems).toHaveLength(6);
    expect(problems).toContain(`roster.xlsx: Sheet "Giảng viên", row ${r2! + 1}, column B (Đơn vị): differs from row ${r2} of the same trainer ("Cục Chuyển đổi số quốc gia" there) — a further row only adds dates; leave the other cells empty or the same`);
    expect(problems.some((p) => p.includes(`row ${r2}, column J`))).toBe(true);
    expect(problems.some((p) => p.includes(`row ${row}, column G`) && p.includes("not a whole number"))).toBe(true);
    expect(problems.some((p) => p.includes("a row with no trainer id"))).toBe(true);
    expect(problems.some((p) => p.includes('Sheet "Tỉnh", row 2, column B (Cụm): no cluster "Cụm 99"'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown province "Hà Tây"'))).toBe(true);

    // Those fixed, what only the plan's own checks find: each at its cell too, in Vietnamese.
    trainers.getRow(r2!).getCell(10).value = "Chiều";
    trainers.getRow(r2! + 1).getCell(2).value = null;
    trainers.getRow(row!).getCell(7).value = 1;
    trainers.spliceRows(trainers.rowCount, 1);
    provinces.getRow(2).getCell(2).value = "Cụm 1";
    provinces.spliceRows(provinces.rowCount, 1);
    expect(await problemsOf(workbook, "vi")).toEqual([
      `roster.xlsx: Trang "Giảng viên", dòng ${row}, cột F (E-mail): "not-an-address" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)`,
      `roster.xlsx: Trang "Giảng viên", dòng ${row}, cột H (Vắng từ ngày): "2022-09-31" không phải một ngày: tháng 9 năm 2022 có 30 ngày (đã ghi ngày 31)`,
    ]);
    // The plan's rules that link fields are judged once its fields are right.
    trainers.getRow(row!).getCell(6).value = null;
    trainers.getRow(row!).getCell(8).value = "30/9/2022";
    expect(await problemsOf(workbook, "vi")).toEqual([
      `roster.xlsx: Trang "Giảng viên", dòng ${row}, cột C (Vai trò): không có vai trò "speaker" — các vai trò của kế hoạch (sessionNeeds): policy, skills`,
      `roster.xlsx: Trang "Giảng viên", dòng ${row}, cột I (Vắng đến ngày): khoảng ngày kết thúc (20/9/2022) trước khi bắt đầu (30/9/2022) — hãy đổi chỗ ngày bắt đầu và ngày kết thúc`,
    ]);
  });

  it("refuses what is no workbook, and a workbook without the template's sheets or columns", async () => {
    await expect(importWorkbook(text, PLAN_FILE, new TextEncoder().encode("id,name\n"), "roster.csv")).rejects.toThrow(/roster.csv: is not an Excel workbook/);
    const workbook = await template();
    workbook.removeWorksheet(workbook.getWorksheet("Tỉnh")!.id);
    workbook.getWorksheet("Giảng viên")!.getCell("B1").value = "Cơ quan";
    const problems = await problemsOf(workbook, "vi");
    expect(problems).toEqual([
      'roster.xlsx: Trang "Giảng viên", dòng 1, cột B (Đơn vị): tiêu đề phải là "Đơn vị", không phải "Cơ quan" — hãy giữ các cột của mẫu theo đúng thứ tự',
      'roster.xlsx: Trang "Tỉnh": sổ tính không có trang "Tỉnh" — hãy dùng mẫu của taphuan (taphuan template PLAN)',
    ]);
  });
});
