/**
 * What a planner sends, read back as its readers would: the Word appendix (its XML), the Excel
 * workbook (exceljs), per-trainer calendars (ical.js), invitation e-mails (mailparser), and the
 * updates of a re-plan: who gets an update, a first invitation, a withdrawal or a cancellation.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { appendixDocx } from "../../src/export/docx.ts";
import { exportAll, versionFiles } from "../../src/export/index.ts";
import { linesIn, textWidthMm } from "../../src/export/layout.ts";
import { provinceName } from "../../src/export/names.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { registry } from "../../src/model/provinces.ts";
import { scheduleXlsx } from "../../src/export/xlsx.ts";
import { defaultGeneratedAt, planHash, type Schedule } from "../../src/model/schedule.ts";
import { replan } from "../../src/solve/replan.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { plan2022, session, smallPlan } from "../helpers.ts";

const text = (value: string | Uint8Array | undefined) => (typeof value === "string" ? value : strFromU8(value!));

/** The text of each paragraph of a document.xml, its runs joined; a line break inside a paragraph as "\n". */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => t[1] ?? "\n").join(""));
}

/** Each table of a document.xml: its column widths (mm, padding included), its font size (pt) and its rows of cell texts. */
function tablesOf(xml: string): { widths: number[]; size: number; rows: string[][] }[] {
  return [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => ({
    widths: [...m[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => (Number(g[1]) * 25.4) / 1440),
    size: Number(/<w:sz w:val="(\d+)"\/>/.exec(m[0])![1]) / 2,
    rows: [...m[0].matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((tr) => [...tr[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((tc) => [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))),
  }));
}

/** Estimated height of the document's tables in pages of 257 mm, at Word's single line spacing (1.15 × the size for Times New Roman). */
function tablePages(xml: string): number {
  const mm = tablesOf(xml).reduce((sum, table) => {
    const line = (table.size * 1.15 * 25.4) / 72;
    return sum + table.rows.reduce((h, row, r) => h + line * Math.max(...row.map((text, c) => linesIn(text, table.widths[c]! - 3.8, table.size, r === 0))), 0);
  }, 0);
  return mm / 257;
}

describe("the Word appendix", async () => {
  const plan = plan2022();
  const { schedule } = await solvePlan(plan);
  const docx = await appendixDocx(plan, schedule);
  const files = unzipSync(docx);
  const document = strFromU8(files["word/document.xml"]!);
  const styles = strFromU8(files["word/styles.xml"]!);
  const paragraphs = paragraphsOf(document);
  const body = [...document.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => m[0]);

  it("is A4 with the decree's margins, Times New Roman 13 pt in Vietnamese, page numbers at the top from page 2", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain("<w:titlePg/>");
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)![0];
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/>/);
    expect(defaults).toContain('<w:sz w:val="26"/>');
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]!));
    expect(headers.some((h) => h.includes("PAGE") && h.includes('w:val="center"'))).toBe(true);
    expect(headers.some((h) => !h.includes("PAGE"))).toBe(true);
  });

  it("opens with the Phụ lục line in bold, centred, 13 pt, over the title in bold capitals split into even lines", () => {
    expect(paragraphs[0]).toBe("Phụ lục");
    expect(body[0]).toContain('<w:jc w:val="center"/>');
    expect(body[0]).toContain("<w:b/>");
    expect(body[0]).toContain('<w:sz w:val="26"/>');
    // Not "… CỘNG" and "ĐỒNG" alone: the two lines are the title's halves, as the letter's own heading is set.
    expect(paragraphs[1]).toBe("BỒI DƯỠNG, TẬP HUẤN TRỰC TIẾP\nCHO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG");
    expect(body[1]).toContain('<w:jc w:val="center"/>');
    expect(body[1]).toContain("<w:b/>");
    expect(body[1]).toContain("<w:br/>");
    const [first, second] = paragraphs[1]!.split("\n") as [string, string];
    expect(Math.abs(textWidthMm(first, 14, true) - textWidthMm(second, 14, true))).toBeLessThan(20);
  });

  it("carries the italic line of the letter it is attached to, its date with the decree's leading zero", () => {
    expect(paragraphs[2]).toBe("(Kèm theo Công văn số …/BTTTT-CĐSQG ngày 05 tháng 9 năm 2022 của Bộ Thông tin và Truyền thông)");
    expect(body[2]).toContain("<w:i/>");
  });

  it("has the letter's cluster table, blank where the letter is blank, and every session in the registry's spelling", () => {
    expect(paragraphs).toContain("Từ ngày 12/9/2022 đến ngày 30/9/2022");
    const row6 = paragraphs.indexOf("Cụm 6 (6 tỉnh)");
    expect(paragraphs[row6 + 1]).toBe("");
    for (const s of schedule.sessions) expect(paragraphs).toContain(provinceName(plan, s));
    expect(paragraphs).toContain("Hồ Chí Minh");
    expect(paragraphs).not.toContain("TP. Hồ Chí Minh");
    expect(paragraphs.filter((p) => /^Thứ (Hai|Ba|Tư|Năm|Sáu), \d{2}\/9\/2022$/.test(p!))).toHaveLength(63);
  });

  it("names a column of trainers per role by the plan's label", () => {
    const [, sessions] = tablesOf(document);
    expect(sessions!.rows[0]!.slice(-2)).toEqual(["Giảng viên (Chủ trương, chính sách, pháp luật về chuyển đổi số)", "Giảng viên (Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số)"]);
    expect(sessions!.rows[1]!.slice(-2)).toEqual(schedule.sessions[0]!.trainers);
    expect(document).not.toMatch(/>(policy|skills)</);
  });

  it("sizes its columns from their text: a date and its weekday on one line, tables 13 pt or (the wide one) 12 pt, across the text width", () => {
    const tables = tablesOf(document);
    for (const table of tables) {
      expect(table.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(165, 0);
      expect([12, 13]).toContain(table.size);
    }
    expect(tables[0]!.size).toBe(13);
    const sessions = tables[1]!;
    for (const row of sessions.rows.slice(1)) expect(linesIn(row[1]!, sessions.widths[1]! - 3.8, sessions.size)).toBe(1);
    expect(tablePages(document)).toBeLessThan(4);
  });

  it("is the same bytes every time", async () => {
    expect(Buffer.from(await appendixDocx(plan, schedule)).equals(Buffer.from(docx))).toBe(true);
  });
});

describe("the Word appendix of other plans", () => {
  it("writes the decree's leading zeros: days below 10, January and February", async () => {
    const plan = smallPlan((t) =>
      t
        .replaceAll("2022-09-12", "2023-01-03")
        .replaceAll("2022-09-16", "2023-01-06")
        .replace("holidays: [2022-09-14]", "holidays: []\n  document: { number: 12/BTTTT-CĐSQG, date: 2023-01-15 }")
        .replace("period: { from: 2023-01-03, to: 2023-01-06 }", "period: { from: 2023-01-02, to: 2023-02-28 }"),
    );
    const schedule: Schedule = {
      plan: "p", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", unplaced: [],
      sessions: [session(plan, "Hà Nam", "2023-01-05", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]), session(plan, "Bắc Ninh", "2023-02-15", "morning", ["CĐSQG-2", "Đoàn-1"])],
    };
    const paragraphs = paragraphsOf(strFromU8(unzipSync(await appendixDocx(plan, schedule))["word/document.xml"]!));
    expect(paragraphs).toContain("(Kèm theo Công văn số 12/BTTTT-CĐSQG ngày 15 tháng 01 năm 2023 của …)");
    expect(paragraphs).toContain("Thứ Năm, 05/01/2023");
    expect(paragraphs).toContain("Thứ Tư, 15/02/2023");
    expect(paragraphs).toContain("Từ ngày 03/01/2023 đến ngày 06/01/2023");
  });

  it("keeps long cluster names within five lines and a vn-34 plan's 34 sessions within three pages", async () => {
    const names = registry("vn-34").records.map((r) => r.name);
    const clusterNames = [
      "Cụm các tỉnh trung du và miền núi phía Bắc (vùng Đông Bắc và Việt Bắc)",
      "Cụm các tỉnh, thành phố vùng đồng bằng sông Hồng và duyên hải Đông Bắc",
      "Cụm các tỉnh Bắc Trung Bộ và duyên hải miền Trung",
      "Cụm các tỉnh Tây Nguyên và Nam Trung Bộ",
      "Cụm các tỉnh, thành phố Đông Nam Bộ và đồng bằng sông Cửu Long",
    ];
    const clusters = clusterNames.map((name, i) => `  - name: ${name}\n    window: { from: 2025-09-08, to: 2025-09-30 }\n    provinces: [${names.slice(i * 7, i * 7 + 7).join(", ")}]`).join("\n");
    const plan = loadPlanText(
      `campaign:\n  id: vn34\n  title: Bồi dưỡng, tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng tại 34 tỉnh, thành phố sau sắp xếp đơn vị hành chính\n  period: { from: 2025-09-08, to: 2025-09-30 }\n  registry: vn-34\nsessionNeeds: { policy: 1, skills: 1 }\nroles: { policy: \"Chủ trương, chính sách, pháp luật về chuyển đổi số\", skills: \"Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số\" }\nclusters:\n${clusters}\ntrainers:\n  - { id: Cục Chuyển đổi số quốc gia-1, organisation: Cục, roles: [policy] }\n  - { id: Doanh nghiệp viễn thông-12, organisation: Doanh nghiệp, roles: [skills] }\n`,
      "vn34.yaml",
    ).plan;
    const days = plan.clusters[0]!.slots.filter((s) => s.halfDay === "morning").map((s) => s.date);
    const schedule: Schedule = {
      plan: "p", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", unplaced: [],
      sessions: plan.provinces.map((p, i) => session(plan, p.name, days[i % days.length]!, i < days.length ? "morning" : "afternoon", ["Cục Chuyển đổi số quốc gia-1", "Doanh nghiệp viễn thông-12"])),
    };
    const document = strFromU8(unzipSync(await appendixDocx(plan, schedule))["word/document.xml"]!);
    const [clusterTable] = tablesOf(document);
    for (const row of clusterTable!.rows.slice(1)) expect(linesIn(row[1]!, clusterTable!.widths[1]! - 3.8, clusterTable!.size)).toBeLessThanOrEqual(5);
    expect(tablePages(document)).toBeLessThan(3);
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
  it.skipIf(!soffice)(`renders the 2022 appendix to PDF in LibreOffice within four pages${soffice ? "" : " — skipped: LibreOffice (soffice) is not installed"}`, async () => {
    const plan = plan2022();
    const { schedule } = await solvePlan(plan);
    const dir = mkdtempSync(join(tmpdir(), "taphuan-docx-pdf-"));
    writeFileSync(join(dir, "appendix.docx"), await appendixDocx(plan, schedule));
    const run = spawnSync(soffice!, ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "appendix.docx")], { encoding: "utf8", timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const pdf = readFileSync(join(dir, "appendix.pdf"), "latin1");
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(4);
  }, 180_000);
});

describe("the Excel workbook", async () => {
  const plan = plan2022();
  const { schedule } = await solvePlan(plan);
  const bytes = await scheduleXlsx(plan, schedule);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

  it("has a sheet per view with frozen headers, the filter over the whole data and A4 print setup", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Cụm", "Lịch chi tiết", "Theo giảng viên"]);
    const lastColumn = (ws: ExcelJS.Worksheet) => String.fromCharCode(64 + ws.getRow(1).cellCount);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${lastColumn(ws)}${ws.rowCount}`);
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
      expect(ws.pageSetup.margins).toMatchObject({ left: 0.79, right: 0.79, top: 0.79, bottom: 0.79 });
    }
    expect(workbook.getWorksheet("Lịch chi tiết")!.autoFilter).toBe("A1:I64");
    expect(workbook.getWorksheet("Lịch chi tiết")!.pageSetup.orientation).toBe("landscape");
  });

  it("types its values: TT and counts as numbers, the cluster window as two real date columns, blank where the letter is", () => {
    const ws = workbook.getWorksheet("Cụm")!;
    expect(ws.getRow(1).values).toEqual([undefined, "TT", "Cụm", "Số tỉnh", "Từ ngày", "Đến ngày", "Tỉnh, thành phố", "Xếp từ ngày", "Xếp đến ngày"]);
    expect(ws.getCell("A2").value).toBe(1);
    expect(ws.getCell("C2").value).toBe(12);
    expect((ws.getCell("D2").value as Date).toISOString()).toBe("2022-09-12T00:00:00.000Z");
    expect((ws.getCell("E2").value as Date).toISOString()).toBe("2022-09-30T00:00:00.000Z");
    expect(ws.getCell("D2").numFmt).toBe("d/m/yyyy");
    const cluster6 = ws.getRow(7);
    expect(cluster6.getCell(2).value).toBe("Cụm 6");
    expect(cluster6.getCell(4).value).toBeNull();
    expect(cluster6.getCell(7).value).toBeInstanceOf(Date);
    expect(ws.getCell("F9").value).toContain("Hồ Chí Minh, Đồng Nai");
  });

  it("has real date cells shown d/m/yyyy, the weekday and the half-day in their own columns, trainers by role under the plan's labels", () => {
    const ws = workbook.getWorksheet("Lịch chi tiết")!;
    expect(ws.getRow(1).values).toEqual([undefined, "TT", "Ngày", "Thứ", "Buổi", "Giờ", "Tỉnh, thành phố", "Cụm", "Giảng viên (Chủ trương, chính sách, pháp luật về chuyển đổi số)", "Giảng viên (Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số)"]);
    expect(ws.rowCount).toBe(64);
    const first = schedule.sessions[0]!;
    expect(ws.getCell("A2").value).toBe(1);
    expect(ws.getCell("A64").value).toBe(63);
    const cell = ws.getCell("B2");
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe(`${first.date}T00:00:00.000Z`);
    expect(cell.numFmt).toBe("d/m/yyyy");
    expect(ws.getCell("F2").value).toBe(provinceName(plan, first));
    expect([ws.getCell("H2").value, ws.getCell("I2").value]).toEqual(first.trainers);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual("Bà Rịa - Vũng Tàu".length);
    const trainers = workbook.getWorksheet("Theo giảng viên")!;
    expect(trainers.rowCount - 1).toBe(schedule.sessions.reduce((n, s) => n + s.trainers.length, 0));
    const roles = new Set(trainers.getColumn(2).values.slice(2));
    expect(roles).toEqual(new Set(["Chủ trương, chính sách, pháp luật về chuyển đổi số", "Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số"]));
  });

  it("keeps the role ids in English", async () => {
    const english = new ExcelJS.Workbook();
    await english.xlsx.load(Buffer.from(await scheduleXlsx(plan, schedule, { lang: "en" })) as unknown as ArrayBuffer);
    expect(english.getWorksheet("Sessions")!.getRow(1).values).toContain("Trainers (policy)");
    expect(new Set(english.getWorksheet("By trainer")!.getColumn(2).values.slice(2))).toEqual(new Set(["policy", "skills"]));
  });

  it("is the same bytes every time", async () => {
    expect(Buffer.from(await scheduleXlsx(plan, schedule)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("per-trainer calendars and invitation e-mails", async () => {
  const plan = plan2022();
  const { schedule } = await solvePlan(plan);
  const { files } = await exportAll(plan, schedule, { lang: "vi" });

  it("give each trainer one calendar of their own sessions, with the trip to each", () => {
    const calendar = text(files.get("trainers/cdsqg-1.ics"));
    const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const own = schedule.sessions.filter((s) => s.trainers.includes("CĐSQG-1"));
    expect(events.map((e) => e.summary)).toEqual(own.map((s) => `Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng – ${provinceName(plan, s)}`));
    expect(events[1]!.description).toMatch(new RegExp(`Di chuyển: từ ${provinceName(plan, own[0]!)}, khoảng \\d+,\\d giờ`));
    // The role by the plan's label, a line per role.
    expect(events[0]!.description).toContain("Giảng viên:\n– Chủ trương, chính sách, pháp luật về chuyển đổi số: CĐSQG-1 (Cục Chuyển đổi số quốc gia)\n– Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số: ");
    expect(events[0]!.description).not.toMatch(/\b(policy|skills)\b/);
    expect(calendar).not.toContain("ATTENDEE");
  });

  it("write one iMIP message per trainer and session, which mailparser reads with its REQUEST calendar part", async () => {
    const names = [...files.keys()].filter((f) => f.startsWith("messages/"));
    expect(names).toHaveLength(schedule.sessions.reduce((n, s) => n + s.trainers.length, 0));
    const haNam = schedule.sessions.find((s) => s.province === "Hà Nam")!;
    const file = `messages/${haNam.trainers[0] === "CĐSQG-1" ? "cdsqg-1" : names.find((n) => n.endsWith("/ha-nam.eml"))!.split("/")[1]}/ha-nam.eml`;
    const mail = await simpleParser(text(files.get(file)));
    expect(mail.subject).toMatch(/^Mời tham gia: Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng – Hà Nam, Thứ .+, \d+\/9\/2022, (sáng|chiều)$/);
    expect(mail.from?.value[0]?.address).toBe("dau-moi-cdsqg@example.org");
    expect(mail.text).toContain("Tỉnh, thành phố: Hà Nam — Cụm: Cụm 1");
    expect(mail.text).toContain("Liên hệ: Đầu mối Cục Chuyển đổi số quốc gia (mẫu), dau-moi-cdsqg@example.org");
    expect(mail.text).toContain("– Chủ trương, chính sách, pháp luật về chuyển đổi số: ");
    expect(mail.text).toContain("– Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số: ");
    const calendarPart = text(files.get(file)).match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(calendarPart).not.toBeNull();
    const ics = (mail.attachments.find((a) => a.contentType === "text/calendar") ?? mail.attachments[0])!.content.toString("utf8");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("UID:2022-09-tcnscd-35@taphuan");
  });
});

describe("names in every output: the plan's role labels, the registry's spelling of provinces, NFC", async () => {
  const nfd = "Tập huấn thử".normalize("NFD");
  const plan = smallPlan((t) =>
    t
      .replace("title: Tập huấn thử", `title: ${nfd}`)
      .replace("provinces: [Hà Nam, Nam Định]", "provinces: [ha nam, TỈNH NAM ĐỊNH]")
      .replace("  registry: vn-63", "  registry: vn-63\n  organizer: { name: Ban tổ chức, email: btc@example.org }")
      .replace("sessionNeeds:\n  policy: 1\n  skills: 1\n", "sessionNeeds:\n  policy: 1\n  skills: 1\nroles: { policy: \"Chủ trương, chính sách\", skills: Kỹ năng số }\n")
      .replace("home: Hà Nội }", "home: Hà Nội, email: cdsqg-1@example.org }"),
  );
  const schedule: Schedule = {
    plan: "p", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", unplaced: [],
    sessions: [session(plan, "ha nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]), session(plan, "TỈNH NAM ĐỊNH", "2022-09-13", "morning", ["CĐSQG-1", "Doanh nghiệp-1"])],
  };
  const { files } = await exportAll(plan, schedule, { lang: "vi" });
  // Each file as its reader gets it: an office file's XML, an e-mail decoded (its subject, text and calendar part).
  const readable = async (name: string, content: string | Uint8Array) => {
    if (name.endsWith(".docx") || name.endsWith(".xlsx")) return Object.values(unzipSync(content as Uint8Array)).map((f) => strFromU8(f)).join("\n");
    if (!name.endsWith(".eml")) return text(content);
    const mail = await simpleParser(text(content));
    return [mail.subject, mail.text, ...mail.attachments.map((a) => a.content.toString("utf8"))].join("\n");
  };
  const all = await Promise.all([...files].map(async ([name, content]) => [name, await readable(name, content)] as const));

  it("writes no decomposed letter, no spelling of the plan's and no role id in any file", () => {
    for (const [name, content] of all) {
      expect(content.normalize("NFC") === content, name).toBe(true);
      expect(content, name).not.toContain("ha nam");
      expect(content, name).not.toContain("TỈNH NAM ĐỊNH");
    }
    for (const name of ["schedule.ics", "requests/ha-nam.ics", "messages/cdsqg-1/ha-nam.eml", "appendix.docx", "schedule.xlsx", "schedule.html"]) {
      const content = all.find(([n]) => n === name)![1];
      expect(content, name).toContain("Hà Nam");
      expect(content, name).toContain("Kỹ năng số");
      expect(content, name).not.toMatch(/\b(policy|skills)\b/);
    }
  });

  it("gives mail clients an NFC subject with the registry's name", async () => {
    const mail = await simpleParser(text(files.get("messages/cdsqg-1/nam-dinh.eml")));
    expect(mail.subject).toBe("Mời tham gia: Tập huấn thử – Nam Định, Thứ Ba, 13/9/2022, sáng");
    expect(mail.subject!.normalize("NFC")).toBe(mail.subject);
    expect(mail.text).toContain("Tỉnh, thành phố: Nam Định — Cụm: Cụm A");
    expect(mail.text).toContain("– Chủ trương, chính sách: CĐSQG-1 (Cục Chuyển đổi số quốc gia)\n– Kỹ năng số: Doanh nghiệp-1 (Doanh nghiệp)");
  });

  it("keeps the role ids in English", async () => {
    const { files: english } = await exportAll(plan, schedule, { lang: "en" });
    expect(text(english.get("schedule.ics")).replace(/\r\n /g, "")).toContain("Trainers:\\n– policy: CĐSQG-1 (Cục Chuyển đổi số quốc gia)\\n– skills: Doanh nghiệp-1 (Doanh nghiệp)");
  });
});

describe("the updates of a re-plan, by the book (RFC 5546): who is told what", async () => {
  const withEmails = (t: string) =>
    t
      .replace("home: Hà Nội }", "home: Hà Nội, email: cdsqg-1@example.org }")
      .replace("home: Bắc Ninh }", "home: Bắc Ninh, email: doan-1@example.org }")
      .replace("unavailable: [2022-09-12] }", "unavailable: [2022-09-12], email: cdsqg-2@example.org }");
  const plan = smallPlan((t) => withEmails(t.replace("  registry: vn-63", "  registry: vn-63\n  organizer: { name: Ban tổ chức, email: btc@example.org }")));
  const previous: Schedule = {
    plan: "p", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", unplaced: [],
    sessions: [
      session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(plan, "Nam Định", "2022-09-12", "afternoon", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-1", "Đoàn-1"]),
      session(plan, "Bắc Giang", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-1"]),
    ],
  };
  // replanNoticeDays: 0, so that 13/9, the day after today, may be re-staffed.
  const changed = smallPlan((t) => withEmails(t.replace("  registry: vn-63", "  registry: vn-63\n  replanNoticeDays: 0\n  organizer: { name: Ban tổ chức, email: btc@example.org }")).replace("cdsqg-1@example.org }", "cdsqg-1@example.org, unavailable: [2022-09-13] }"));
  const outcome = await replan(changed, previous, { today: "2022-09-12" });
  const { files } = await versionFiles(changed, outcome.schedule, { lang: "vi", replan: outcome });
  const bacNinh = outcome.schedule.sessions.find((s) => s.province === "Bắc Ninh")!;
  const event = (ics: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
  const attendees = (ics: string) => event(ics).attendees.map((a) => String(a.getFirstValue()).toLowerCase());
  const mail = (file: string) => simpleParser(text(files.get(file)));

  it("withdraws the invitation of the trainer taken off a session that goes on: a CANCEL to them alone, without STATUS (§3.2.5), worded as a withdrawal", async () => {
    expect(bacNinh.trainers).toEqual(["CĐSQG-2", "Đoàn-1"]);
    const cancel = text(files.get("updates/cancel/bac-ninh.ics"));
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).not.toContain("STATUS:");
    expect(cancel).not.toContain("RSVP");
    expect(cancel).not.toContain("VALARM");
    expect(attendees(cancel)).toEqual(["mailto:cdsqg-1@example.org"]);
    expect(event(cancel).sequence).toBe(bacNinh.sequence);
    expect(event(cancel).startDate.toJSDate().toISOString()).toBe("2022-09-13T01:00:00.000Z"); // the session as they had it
    const withdrawn = await mail("updates/messages/cdsqg-1/bac-ninh.eml");
    expect(withdrawn.subject).toBe("Thu hồi lời mời: Tập huấn thử – Bắc Ninh, Thứ Ba, 13/9/2022, sáng");
    expect(withdrawn.text).toContain("xin thu hồi lời mời anh/chị tham gia buổi tập huấn sau; buổi tập huấn vẫn diễn ra");
    expect(withdrawn.text).not.toContain("chấp nhận hoặc từ chối");
    expect(text(files.get("updates/messages/cdsqg-1/bac-ninh.eml"))).toContain("method=CANCEL");
  });

  it("invites the trainer added to the session (a first invitation, not a change) and updates the one who stays", async () => {
    const request = text(files.get("updates/requests/bac-ninh.ics"));
    expect(request).toContain("METHOD:REQUEST");
    expect(attendees(request)).toEqual(["mailto:cdsqg-2@example.org", "mailto:doan-1@example.org"]);
    const invited = await mail("updates/messages/cdsqg-2/bac-ninh.eml");
    expect(invited.subject).toMatch(/^Mời tham gia: Tập huấn thử – Bắc Ninh/);
    expect(invited.text).toContain("Trân trọng mời anh/chị tham gia buổi tập huấn sau:");
    const updated = await mail("updates/messages/doan-1/bac-ninh.eml");
    expect(updated.subject).toMatch(/^Cập nhật lịch: Tập huấn thử – Bắc Ninh/);
    expect(updated.text).toContain("Lịch buổi tập huấn sau đã thay đổi");
    for (const file of ["updates/messages/cdsqg-2/bac-ninh.eml", "updates/messages/doan-1/bac-ninh.eml"]) expect(text(files.get(file))).toContain("method=REQUEST");
    // A library caller that gives the changed sessions alone (no `before`) gets updates to every trainer, as before.
    const { files: alone } = await exportAll(changed, outcome.schedule, { lang: "vi", updated: outcome.updated });
    expect((await simpleParser(text(alone.get("updates/messages/cdsqg-2/bac-ninh.eml")))).subject).toMatch(/^Cập nhật lịch: /);
    expect(alone.has("updates/messages/cdsqg-1/bac-ninh.eml")).toBe(false);
  });

  it("cancels a whole session with STATUS:CANCELLED and a higher SEQUENCE, to every trainer it had", async () => {
    const without = smallPlan((t) => withEmails(t.replace("  registry: vn-63", "  registry: vn-63\n  organizer: { name: Ban tổ chức, email: btc@example.org }").replace("provinces: [Bắc Ninh, Bắc Giang]", "provinces: [Bắc Ninh]")));
    const removal = await replan(without, previous, { today: "2022-09-05" });
    expect(removal.cancelled.map((s) => s.province)).toEqual(["Bắc Giang"]);
    const { files: removed } = await versionFiles(without, removal.schedule, { lang: "vi", replan: removal });
    const cancel = text(removed.get("updates/cancel/bac-giang.ics"));
    expect(cancel).toContain("STATUS:CANCELLED");
    expect(event(cancel).sequence).toBe(1);
    expect(attendees(cancel)).toEqual(["mailto:cdsqg-2@example.org", "mailto:doan-1@example.org"]);
    const told = await simpleParser(text(removed.get("updates/messages/doan-1/bac-giang.eml")));
    expect(told.subject).toMatch(/^Hủy: Tập huấn thử – Bắc Giang/);
    expect(told.text).toContain("Buổi tập huấn sau đã bị hủy:");
  });
});

describe("every calendar file, read by Debian's python3-icalendar", async () => {
  const python = "/usr/bin/python3";
  const available = spawnSync(python, ["-c", "import icalendar"]).status === 0;
  it.skipIf(!available)("parses the feed, the requests and the trainers' calendars, with the events schedule.json holds", async () => {
    const plan = plan2022();
    const { schedule } = await solvePlan(plan);
    const { files } = await exportAll(plan, schedule, { lang: "vi" });
    const dir = mkdtempSync(join(tmpdir(), "taphuan-pyical-"));
    const paths = [...files.keys()].filter((f) => f.endsWith(".ics")).map((f) => {
      const path = join(dir, f.replaceAll("/", "__"));
      writeFileSync(path, files.get(f)!);
      return path;
    });
    const run = spawnSync(python, [join(import.meta.dirname, "read-ics.py"), ...paths], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const read = JSON.parse(run.stdout) as Record<string, { method: string; events: { uid: string; summary: string; start: string; alarms: number }[] }>;
    expect(Object.keys(read)).toHaveLength(paths.length);
    // ical.js reads every one of them too, to the same events.
    for (const path of paths) {
      const events = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8"))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
      expect(events.map((e) => e.uid)).toEqual(read[path]!.events.map((e) => e.uid));
    }
    const feed = read[join(dir, "schedule.ics")]!;
    expect(feed.method).toBe("");
    expect(feed.events.map((e) => e.summary)).toEqual(schedule.sessions.map((s) => `Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng – ${provinceName(plan, s)}`));
    expect(feed.events.map((e) => new Date(e.start).toISOString())).toEqual(schedule.sessions.map((s) => new Date(s.start!).toISOString()));
    expect(feed.events.every((e) => e.alarms === 1)).toBe(true);
    expect(read[join(dir, "requests__ha-nam.ics")]!.method).toBe("REQUEST");
  }, 60_000);
});
