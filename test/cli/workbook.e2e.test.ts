/** `taphuan template` and `taphuan import` as a planner runs them (npm run build first). */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const PLAN = "test/fixtures/small-plan.yaml";

describe("taphuan template and import", () => {
  it("writes the workbook, reads it back unchanged, then an edit into the plan; a bad one is refused with exit 2 and nothing written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-workbook-"));
    const plan = join(dir, "small.yaml");
    copyFileSync(PLAN, plan);
    const original = readFileSync(plan, "utf8");
    const book = join(dir, "roster.xlsx");
    const made = runCli(["template", plan, "--out", book]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`wrote ${book}\n`);

    const same = runCli(["import", plan, book]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toBe("The workbook changes nothing in the plan.\n");
    expect(readFileSync(plan, "utf8")).toBe(original);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    workbook.getWorksheet("Giảng viên")!.getRow(2).getCell(6).value = "cdsqg-1@example.org";
    await workbook.xlsx.writeFile(book);
    const dry = runCli(["import", plan, book, "--dry-run", "--lang", "vi"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe("giảng viên CĐSQG-1: đổi e-mail\n(chạy thử: chưa ghi gì)\n");
    expect(readFileSync(plan, "utf8")).toBe(original);
    const done = runCli(["import", plan, book]);
    expect(done.stdout).toBe(`trainer CĐSQG-1: e-mail changed\nwrote ${plan}\n`);
    expect(readFileSync(plan, "utf8")).toBe(original.replace("roles: [policy], home: Hà Nội }", "roles: [policy], home: Hà Nội, email: cdsqg-1@example.org }"));

    workbook.getWorksheet("Giảng viên")!.getRow(2).getCell(8).value = "mai";
    await workbook.xlsx.writeFile(book);
    const before = readFileSync(plan, "utf8");
    const bad = runCli(["import", plan, book], { env: { LANG: "vi_VN.UTF-8" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`Sổ tính có 1 lỗi; chưa ghi gì:\n  ${book}: Trang "Giảng viên", dòng 2, cột H (Vắng từ ngày): "mai" không phải một ngày — hãy nhập ô kiểu ngày, hoặc ghi ngày/tháng/năm\n`);
    expect(readFileSync(plan, "utf8")).toBe(before);

    writeFileSync(join(dir, "notes.xlsx"), "plain text");
    const notBook = runCli(["import", plan, join(dir, "notes.xlsx")]);
    expect(notBook.code).toBe(2);
    expect(notBook.stderr).toContain("is not an Excel workbook (.xlsx)");
  });
});
