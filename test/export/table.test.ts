import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseHtml } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { clusterTable, csvCell, sessionTable, toCsv, toHtmlPage, toMarkdown } from "../../src/export/table.ts";
import type { Plan } from "../../src/model/plan.ts";
import { defaultGeneratedAt, planHash, type Schedule } from "../../src/model/schedule.ts";
import { plan2022, session, smallPlan } from "../helpers.ts";

// The letter's table (../shared/seed), the seven clusters with dates, as written there.
const LETTER_ROWS = [
  ["1", "Cụm 1 (12 tỉnh)", "Từ ngày 12/9/2022 đến ngày 30/9/2022", "Bắc Giang, Bắc Ninh, Hải Dương, Hà Nội, Hà Nam, Hải Phòng, Hòa Bình, Hưng Yên, Nam Định, Ninh Bình, Quảng Ninh, Thái Bình."],
  ["2", "Cụm 2 (4 tỉnh)", "Từ ngày 13/9/2022 đến ngày 23/9/2022", "Thái Nguyên, Lạng Sơn, Bắc Kạn, Cao Bằng"],
  ["3", "Cụm 3 (5 tỉnh)", "Từ ngày 13/9/2022 đến ngày 23/9/2022", "Vĩnh Phúc, Phú Thọ, Yên Bái, Tuyên Quang, Hà Giang."],
  ["4", "Cụm 4 (4 tỉnh)", "Từ ngày 13/9/2022 đến ngày 23/9/2022", "Điện Biên, Lào Cai, Sơn La, Lai Châu"],
  ["5", "Cụm 5 (7 tỉnh)", "Từ ngày 12/9/2022 đến ngày 30/9/2022", "Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị, Thừa Thiên Huế, Đà Nẵng."],
  ["7", "Cụm 7 (5 tỉnh)", "Từ ngày 13/9/2022 đến ngày 23/9/2022", "Lâm Đồng, Gia Lai, Đắk Lắk, Đắk Nông, Kon Tum"],
  ["9", "Cụm 9 (6 tỉnh)", "Từ ngày 11/9/2022 đến ngày 30/9/2022", "Bến Tre, Trà Vinh, Đồng Tháp, Long An, Tiền Giang, Vĩnh Long"],
];

function emptySchedule(plan: Plan, sessions: Schedule["sessions"] = []): Schedule {
  return { plan: "p", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", sessions, unplaced: [] };
}

describe("the cluster table", () => {
  it("with --windows reproduces the letter's table from the plan file (the letter ends some rows with a full stop, we end all)", () => {
    const plan = plan2022();
    const table = clusterTable(plan, emptySchedule(plan), { windows: true });
    expect(table.header).toEqual(["TT", "Cụm", "Thời gian", "Tỉnh, thành phố"]);
    const dated = table.rows.filter((r) => r[2] !== "");
    expect(dated.map((r) => [...r.slice(0, 3), r[3]!.replace(/\.$/, "")])).toEqual(LETTER_ROWS.map((r) => [...r.slice(0, 3), r[3]!.replace(/\.$/, "")]));
    expect(table.rows.filter((r) => r[2] === "").map((r) => r[1])).toEqual(["Cụm 6 (6 tỉnh)", "Cụm 8 (7 tỉnh)", "Cụm 10 (7 tỉnh)"]);
  });

  it("by default keeps the letter's window (blank where the letter is blank) and adds the scheduled days in a column of their own", () => {
    const plan = smallPlan();
    const sched = emptySchedule(plan, [
      session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1"]),
      session(plan, "Nam Định", "2022-09-15", "afternoon", ["CĐSQG-1"]),
      session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-2"]),
    ]);
    const table = clusterTable(plan, sched);
    expect(table.header).toEqual(["TT", "Cụm", "Thời gian", "Tỉnh, thành phố", "Lịch đã xếp"]);
    expect(table.rows[0]).toEqual(["1", "Cụm A (2 tỉnh)", "Từ ngày 12/9/2022 đến ngày 16/9/2022", "Hà Nam, Nam Định.", "Từ ngày 12/9/2022 đến ngày 15/9/2022"]);
    expect(table.rows[1]).toEqual(["2", "Cụm B (2 tỉnh)", "", "Bắc Ninh, Bắc Giang.", "Ngày 13/9/2022"]);
    expect(clusterTable(plan, sched, { lang: "en" }).rows[0]).toEqual(["1", "Cụm A (2 provinces)", "From 12/9/2022 to 16/9/2022", "Hà Nam, Nam Định.", "From 12/9/2022 to 15/9/2022"]);
  });

  it("a partial schedule says so above the table, in Markdown and CSV", () => {
    const plan = smallPlan();
    const sched: Schedule = { ...emptySchedule(plan), status: "partial", unplaced: [{ province: "Bắc Giang", cluster: "Cụm B", reasons: ["x"] }] };
    expect(toMarkdown(sessionTable(plan, sched)).startsWith("**LỊCH CHƯA ĐẦY ĐỦ — chưa xếp được lịch: Bắc Giang**\n\n| TT |")).toBe(true);
    expect(toCsv(clusterTable(plan, sched)).startsWith("\uFEFFLỊCH CHƯA ĐẦY ĐỦ — chưa xếp được lịch: Bắc Giang\r\nTT,")).toBe(true);
  });
});

describe("the detailed schedule", () => {
  const plan = smallPlan();
  const sched = emptySchedule(plan, [session(plan, "Hà Nam", "2022-09-13", "afternoon", ["CĐSQG-1", "=HYPERLINK(\"x\")"])]);

  it("writes dates as official documents do, and Sáng/Chiều", () => {
    expect(sessionTable(plan, sched).rows[0]).toEqual(["1", "Thứ Ba, 13/9/2022", "Chiều", "Hà Nam", "Cụm A", 'CĐSQG-1, =HYPERLINK("x")']);
    expect(sessionTable(plan, sched, { lang: "en" }).rows[0]!.slice(1, 3)).toEqual(["Tuesday, 13/9/2022", "Afternoon"]);
  });

  it("CSV: UTF-8 with a BOM, reads back with a CSV parser, and cannot run formulas", () => {
    const csv = toCsv(sessionTable(plan, sched));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(["TT", "Ngày", "Buổi", "Tỉnh, thành phố", "Cụm", "Giảng viên"]);
    expect(rows[1]).toEqual(["1", "Thứ Ba, 13/9/2022", "Chiều", "Hà Nam", "Cụm A", 'CĐSQG-1, =HYPERLINK("x")']);
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", " =1+1", "\t=1", '"=1"', "'=1", "\n=1", "\r\n@x", "＝1+1", "＋1", "－1", "＠SUM(A1)", "\u3000=1"]) {
      expect(csvCell(bad).replace(/^"/, "").startsWith("'"), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ["Hà Nam", "CĐSQG-1, Doanh nghiệp-1", "Thứ Ba, 13/9/2022", "1"]) expect(csvCell(good).replace(/^"/, "").startsWith("'")).toBe(false);
  });

  it("Markdown escapes pipes", () => {
    expect(toMarkdown({ title: "t", header: ["a"], rows: [["x|y"]] })).toBe("| a |\n|---|\n| x\\|y |\n");
    expect(toMarkdown({ title: "t", header: ["a"], rows: [["<img src=x onerror=alert(1)> & co"]] })).toBe("| a |\n|---|\n| &lt;img src=x onerror=alert(1)&gt; &amp; co |\n");
  });

  it("HTML: one self-contained A4 page in Times New Roman, everything escaped, with the month grid", () => {
    const hostile = smallPlan((t) => t.replace("title: Tập huấn thử", 'title: "<script>alert(1)</script> & co"').replace("name: Cụm B", 'name: "<b>Cụm B</b>"').replaceAll("clusters: [Cụm B]", 'clusters: ["<b>Cụm B</b>"]'));
    const page = toHtmlPage(hostile, emptySchedule(hostile, [session(hostile, "Bắc Ninh", "2022-09-12", "morning", ["CĐSQG-1", "Đoàn-1"])]));
    const root = parseHtml(page);
    expect(root.querySelectorAll("script")).toHaveLength(0);
    expect(root.querySelectorAll("b")).toHaveLength(0);
    expect(root.querySelector("h1")!.text).toBe("<script>alert(1)</script> & co");
    expect(page).toContain("size: A4");
    expect(page).toContain('"Times New Roman"');
    expect(page).not.toMatch(/<link|src=|@import/);
    const grid = root.querySelector("table.grid")!;
    expect(grid.querySelectorAll("thead th").map((th) => th.text)).toEqual(["Ngày", "Cụm A", "<b>Cụm B</b>", "Số buổi"]);
    expect(grid.querySelectorAll("tbody tr")).toHaveLength(4); // 12, 13, 15, 16 September: the 14th is a holiday
    expect(grid.querySelectorAll("tbody tr")[0]!.text).toContain("Bắc Ninh");
  });
});
