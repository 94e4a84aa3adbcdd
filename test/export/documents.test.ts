/**
 * What a planner sends, read back as its readers would: the Word appendix (its XML), the Excel
 * workbook (exceljs), per-trainer calendars (ical.js), invitation e-mails (mailparser), and the
 * updates of a re-plan: who gets an update, a first invitation, a withdrawal or a cancellation.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { appendixDocx } from "../../src/export/docx.ts";
import { exportAll, versionFiles } from "../../src/export/index.ts";
import { scheduleXlsx } from "../../src/export/xlsx.ts";
import { defaultGeneratedAt, planHash, type Schedule } from "../../src/model/schedule.ts";
import { replan } from "../../src/solve/replan.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { plan2022, session, smallPlan } from "../helpers.ts";

const text = (value: string | Uint8Array | undefined) => (typeof value === "string" ? value : strFromU8(value!));

describe("the Word appendix", async () => {
  const plan = plan2022();
  const { schedule } = await solvePlan(plan);
  const docx = await appendixDocx(plan, schedule);
  const files = unzipSync(docx);
  const document = strFromU8(files["word/document.xml"]!);
  const paragraphs = [...document.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));

  it("is A4 with the decree's margins, Times New Roman 13 pt, page numbers at the top from page 2", () => {
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain("<w:titlePg/>");
    const styles = strFromU8(files["word/styles.xml"]!);
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/>/);
    expect(styles).toContain('<w:sz w:val="26"/>');
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => strFromU8(files[f]!));
    expect(headers.some((h) => h.includes("PAGE") && h.includes('w:val="center"'))).toBe(true);
    expect(headers.some((h) => !h.includes("PAGE"))).toBe(true);
  });

  it("carries the title in capitals and the italic line of the letter it is attached to", () => {
    expect(paragraphs[0]).toBe("BỒI DƯỠNG, TẬP HUẤN TRỰC TIẾP CHO TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG");
    expect(paragraphs[1]).toBe("(Kèm theo Công văn số …/BTTTT-CĐSQG ngày 5 tháng 9 năm 2022 của Bộ Thông tin và Truyền thông)");
    expect(document).toMatch(/<w:i\/>.*Kèm theo Công văn/s);
  });

  it("has the letter's cluster table, blank where the letter is blank, and every session", () => {
    expect(paragraphs).toContain("Từ ngày 12/9/2022 đến ngày 30/9/2022");
    const row6 = paragraphs.indexOf("Cụm 6 (6 tỉnh)");
    expect(paragraphs[row6 + 1]).toBe("");
    for (const s of schedule.sessions) expect(paragraphs).toContain(s.province);
    expect(paragraphs.filter((p) => /^Thứ (Hai|Ba|Tư|Năm|Sáu), \d+\/9\/2022$/.test(p!))).toHaveLength(63);
    expect(document).toMatch(/<w:gridCol w:w="2268"\/>/); // 40 mm: "Thứ Năm, 15/9/2022" on one line
  });

  it("is the same bytes every time", async () => {
    expect(Buffer.from(await appendixDocx(plan, schedule)).equals(Buffer.from(docx))).toBe(true);
  });
});

describe("the Excel workbook", async () => {
  const plan = plan2022();
  const { schedule } = await solvePlan(plan);
  const bytes = await scheduleXlsx(plan, schedule);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);

  it("has a sheet per view with frozen, filtered headers", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Cụm", "Lịch chi tiết", "Theo giảng viên"]);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
  });

  it("has real date cells shown d/m/yyyy, the weekday and the half-day in their own columns, and fitting widths", () => {
    const ws = workbook.getWorksheet("Lịch chi tiết")!;
    expect(ws.getRow(1).values).toEqual([undefined, "TT", "Ngày", "Thứ", "Buổi", "Giờ", "Tỉnh, thành phố", "Cụm", "Giảng viên"]);
    expect(ws.rowCount).toBe(64);
    const first = schedule.sessions[0]!;
    const cell = ws.getCell("B2");
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe(`${first.date}T00:00:00.000Z`);
    expect(cell.numFmt).toBe("d/m/yyyy");
    expect(ws.getCell("F2").value).toBe(first.province);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual("Bà Rịa - Vũng Tàu".length);
    const trainers = workbook.getWorksheet("Theo giảng viên")!;
    expect(trainers.rowCount - 1).toBe(schedule.sessions.reduce((n, s) => n + s.trainers.length, 0));
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
    expect(events.map((e) => e.summary)).toEqual(own.map((s) => `Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng – ${s.province}`));
    expect(events[1]!.description).toMatch(new RegExp(`Di chuyển: từ ${own[0]!.province}, khoảng \\d+,\\d giờ`));
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
    const calendarPart = text(files.get(file)).match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/);
    expect(calendarPart).not.toBeNull();
    const ics = (mail.attachments.find((a) => a.contentType === "text/calendar") ?? mail.attachments[0])!.content.toString("utf8");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("UID:2022-09-tcnscd-35@taphuan");
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
    expect(feed.events.map((e) => e.summary)).toEqual(schedule.sessions.map((s) => `Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng – ${s.province}`));
    expect(feed.events.map((e) => new Date(e.start).toISOString())).toEqual(schedule.sessions.map((s) => new Date(s.start!).toISOString()));
    expect(feed.events.every((e) => e.alarms === 1)).toBe(true);
    expect(read[join(dir, "requests__ha-nam.ics")]!.method).toBe("REQUEST");
  }, 60_000);
});
