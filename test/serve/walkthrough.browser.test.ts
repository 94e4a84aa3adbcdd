/**
 * A planner's September from nothing, clicked through in real headless Chromium: an empty folder, a
 * blank plan made on the new-plan page, its period, two clusters of three provinces and three
 * trainers given through the forms, then the plan solved from the page, one session moved through
 * "where can this session go?", the trainers' roster filled in the Excel template the page gives and
 * imported back, the plan re-planned with it, and the invitations sent to a real SMTP server in this
 * process — each trainer getting their sessions, and nothing twice. No step a planner takes is an HTTP
 * call of the test's own, nor a file it writes into the folder: links, buttons, inputs and uploads
 * only (the form-filling steps are test/serve/browser.ts's, shared with forms.browser.test.ts); the
 * test reads files and the SMTP server to check what happened. Screenshots of each step go to
 * test-output/walkthrough/ (git-ignored); with TAPHUAN_DOCS_SHOTS=1, three of them, cropped to the
 * screen, also to docs/planner-forms.png, docs/planner-grid.png and docs/planner-sent.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScheduleFolderReader } from "../../src/folder/schedule-folder.ts";
import { officialDay } from "../../src/words/labels.ts";
import { startSmtpServer, type TestServer } from "../smtp-server.ts";
import { clickThrough, fillCluster, fillFields, fillNewBlankPlan, fillTrainer, launchBrowser, noteOn, openForms, openPage, saveForm, serveWorkspace, type ClusterValues, type ServedWorkspace, type TrainerValues } from "./browser.ts";

const SHOTS = join(import.meta.dirname, "../../test-output/walkthrough");
const DOCS = join(import.meta.dirname, "../../docs");
const PLAN = "thang-9.yaml";
const TITLE = "Tập huấn chuyển đổi số tháng 9/2022";
/** Two clusters of three provinces, a week each in September 2022. */
const CLUSTERS: readonly ClusterValues[] = [
  { name: "Cụm Đồng bằng", window: { from: "2022-09-12", to: "2022-09-16" }, provinces: ["Hà Nam", "Nam Định", "Ninh Bình"] },
  { name: "Cụm Kinh Bắc", window: { from: "2022-09-19", to: "2022-09-23" }, provinces: ["Bắc Ninh", "Bắc Giang", "Hải Dương"] },
];
/** The trainers, without e-mail yet (the roster gives them). */
const TRAINERS: readonly TrainerValues[] = [
  { id: "CĐSQG-1", organisation: "Cục Chuyển đổi số quốc gia", roles: ["policy"], home: "Hà Nội" },
  { id: "Doanh nghiệp-1", organisation: "Doanh nghiệp", roles: ["skills"], clusters: ["Cụm Đồng bằng"], home: "Hà Nội" },
  { id: "Đoàn-1", organisation: "Trung ương Đoàn", roles: ["skills"], clusters: ["Cụm Kinh Bắc"], home: "Bắc Ninh" },
];
/** The addresses the roster gives, and the trainer it adds. */
const EMAILS: Readonly<Record<string, string>> = {
  "CĐSQG-1": "cdsqg-1@example.org",
  "Doanh nghiệp-1": "doanh-nghiep-1@example.org",
  "Đoàn-1": "doan-1@example.org",
  "Đoàn-2": "doan-2@example.org",
};
/** "Today" as the planner types it in each re-plan: the campaign is still ahead. */
const TODAY = "2022-09-05";

/** The half-days of the grid's cells, as the page shows them: "Hà Nam (Sáng)" on its day's row. */
async function gridCells(page: Page): Promise<string[]> {
  return page.$$eval("table.grid tbody tr", (rows) =>
    rows.flatMap((row) => [...row.querySelectorAll("a.session")].map((a) => `${row.querySelector("th")!.textContent}: ${a.textContent}`)),
  );
}

/** Common English words of taphuan's sentences (as test/serve/vietnamese.test.ts has them), whole words. */
const ENGLISH = /(?<![\p{L}\p{N}_.-])(the|and|of|is|are|no|not|session|sessions|cluster|trainer|trainers|window|proven|version|changes|cannot|half-day|schedule|province|with|from|it|for|held|today|plan|move|moved|sent|send|email|unavailable)(?![\p{L}\p{N}_.-])/iu;

/** The lines of the page a planner reads that hold English. */
async function englishOn(page: Page): Promise<string[]> {
  const text = await page.$eval("body", (b) => (b as HTMLElement).innerText);
  return text.split("\n").filter((line) => ENGLISH.test(line));
}

/** Sets a date input the way a date picker leaves it. */
async function setDate(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (input, v) => ((input as HTMLInputElement).value = v), value);
}

describe("a planner's walk through the workspace, in a browser", () => {
  let smtp: TestServer;
  let server: ServedWorkspace;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let downloads: string;
  /** A screenshot of the whole page, whose every word a planner reads is Vietnamese. */
  const shot = async (name: string) => {
    await page.screenshot({ path: join(SHOTS, name), fullPage: true });
    expect(await englishOn(page), name).toEqual([]);
  };
  /**
   * With TAPHUAN_DOCS_SHOTS=1, the screen a planner sees (1280 wide), `selector` scrolled to its top,
   * as docs/NAME: the README's pictures of a plan made without YAML. Otherwise nothing (CI does not rewrite tracked files).
   */
  const docShot = async (name: string, selector?: string) => {
    if (process.env["TAPHUAN_DOCS_SHOTS"] !== "1") return;
    const y = selector ? await page.$eval(selector, (e) => Math.max(0, e.getBoundingClientRect().top + window.scrollY - 16)) : 0;
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.screenshot({ path: join(DOCS, name) });
    await page.evaluate(() => window.scrollTo(0, 0));
  };

  beforeAll(async () => {
    // The folder a planner's IT gives the workspace: empty.
    dir = mkdtempSync(join(tmpdir(), "taphuan-walk-"));
    downloads = mkdtempSync(join(tmpdir(), "taphuan-walk-downloads-"));
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtpServer();
    // The mail server as a planner's IT sets it: in the workspace's environment, not in the plan.
    server = await serveWorkspace(dir, { TAPHUAN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    // A planner's browser in Vietnamese, its downloads saved without a dialog.
    browser = await launchBrowser({ downloadPath: downloads, lang: "vi-VN" });
    page = await openPage(browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
    for (const d of [dir, downloads]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it("1. in an empty folder, makes a blank vn-63 plan from 'Kế hoạch mới'", async () => {
    await page.goto(`${server.base}/`);
    expect(readdirSync(dir)).toEqual([]);
    expect(await page.$("ul.plans")).toBeNull();
    await shot("1a-empty.png");
    await clickThrough(page, "#new-plan");
    await fillNewBlankPlan(page, { file: PLAN, title: TITLE, registry: "vn-63" });
    await shot("1b-new-plan.png");
    await saveForm(page, "#create-plan");
    expect(await noteOn(page)).toBe("Đã tạo kế hoạch. Hãy sửa các phần còn thiếu, rồi Xếp lịch.");
    expect(readdirSync(dir)).toEqual([PLAN]);
    await shot("1c-created.png");
  }, 60_000);

  it("2. gives the campaign its period and its organiser through the campaign's form", async () => {
    await clickThrough(page, "#edit-forms");
    await clickThrough(page, "#edit-campaign");
    await fillFields(page, { from: "2022-09-12", to: "2022-09-23", organizerName: "Cục Chuyển đổi số quốc gia", organizerEmail: "dau-moi@example.org" });
    await shot("2a-campaign.png");
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("3. makes the blank plan's cluster Cụm Đồng bằng and adds Cụm Kinh Bắc, three provinces each, a week each", async () => {
    const [first, second] = CLUSTERS;
    await openForms(page, server.base, PLAN);
    await clickThrough(page, "a.edit-cluster");
    await fillCluster(page, first!);
    expect(await page.$eval("#chosen-count", (e) => e.textContent)).toBe("Đã chọn 3 tỉnh");
    await shot("3a-cluster-1.png");
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
    await openForms(page, server.base, PLAN);
    await clickThrough(page, "#add-cluster");
    await fillCluster(page, second!);
    expect(await page.$eval("#chosen-count", (e) => e.textContent)).toBe("Đã chọn 3 tỉnh");
    await shot("3b-cluster-2.png");
    await docShot("planner-forms.png");
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("4. adds the three trainers, each through the trainer's form", async () => {
    for (const trainer of TRAINERS) {
      await openForms(page, server.base, PLAN);
      await clickThrough(page, "#add-trainer");
      await fillTrainer(page, trainer);
      if (trainer === TRAINERS[2]) await shot("4a-trainer.png");
      await saveForm(page);
      expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
    }
    await openForms(page, server.base, PLAN);
    expect(await page.$$eval("a.edit-cluster", (links) => links.map((a) => a.textContent))).toEqual(CLUSTERS.map((c) => c.name));
    expect(await page.$$eval("a.edit-trainer", (links) => links.map((a) => a.textContent))).toEqual(TRAINERS.map((t) => t.id));
    await shot("4b-forms.png");
    // Nothing but the plan the page wrote.
    expect(readdirSync(dir)).toEqual([PLAN]);
  }, 60_000);

  it("5. opens the plan from the folder's list and solves it: six sessions in the grid", async () => {
    await page.goto(`${server.base}/`);
    expect(await page.$eval("ul.plans a", (a) => a.textContent)).toBe(TITLE);
    await shot("5a-plans.png");
    await clickThrough(page, "ul.plans a");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe(TITLE);
    await shot("5b-no-schedule.png");
    await page.click("#solve-button");
    await page.waitForSelector("table.grid", { timeout: 90_000 });
    expect(await page.$eval("#shown-version", (e) => e.textContent)).toBe("v1 (hiện hành)");
    expect(await page.$eval("p.summary", (e) => e.textContent)).toMatch(/^6 buổi đã xếp lịch/);
    const cells = await gridCells(page);
    expect(cells).toHaveLength(6);
    for (const province of ["Hà Nam", "Nam Định", "Ninh Bình", "Bắc Ninh", "Bắc Giang", "Hải Dương"]) expect(cells.filter((c) => c.includes(`: ${province} (`))).toHaveLength(1);
    await shot("5c-solved.png");
    await docShot("planner-grid.png");
  }, 120_000);

  it("6. moves Hà Nam to a free half-day chosen on 'where can this session go?', previews it and accepts it", async () => {
    const before = await gridCells(page);
    await clickThrough(page, 'table.grid a.session[href*="province=H%C3%A0%20Nam"]');
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Đổi lịch: Hà Nam");
    await shot("6a-replan-form.png");
    await setDate(page, 'form.alternatives input[name="today"]', TODAY);
    await clickThrough(page, "#alternatives-button");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Các buổi có thể chuyển cho Hà Nam");
    const rows = await page.$$eval("table.alternatives tr", (trs) => trs.map((tr) => ({ kind: tr.className, text: tr.textContent ?? "" })));
    expect(rows.filter((r) => r.kind === "alt-current")).toHaveLength(1);
    expect(rows.filter((r) => r.kind === "alt-free").length).toBeGreaterThan(0);
    await shot("6b-alternatives.png");
    // The last free half-day of the cluster's week: the one a planner keeping the others' days would take.
    const free = await page.$$eval("table.alternatives tr.alt-free", (trs) => {
      const form = trs[trs.length - 1]!.querySelector("form")!;
      return { date: (form.elements.namedItem("fixedDate") as HTMLInputElement).value, halfDay: (form.elements.namedItem("fixedHalfDay") as HTMLInputElement).value };
    });
    const buttons = await page.$$("table.alternatives tr.alt-free button");
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), buttons[buttons.length - 1]!.click()]);
    expect(await page.$eval("#preview-summary", (e) => e.textContent)).toBe("v1 → v2: 1 buổi đổi ngày (ít nhất có thể, đã chứng minh); 0 buổi đổi giảng viên");
    const halfDayWord = free.halfDay === "morning" ? "sáng" : "chiều";
    expect(await page.$$eval("#preview-changes li", (items) => items.map((i) => i.textContent))).toEqual([expect.stringMatching(new RegExp(`^Hà Nam: .+ → ${officialDay(free.date, "vi")}, ${halfDayWord}; giảng viên không đổi$`))]);
    await shot("6c-preview.png");
    await clickThrough(page, "#accept-button");
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã ghi phiên bản 2.");
    expect(await page.$eval("#shown-version", (e) => e.textContent)).toBe("v2 (hiện hành)");
    // Hà Nam on the half-day chosen; the five others where they were.
    const after = await gridCells(page);
    const moved = `${officialDay(free.date, "vi")}: Hà Nam (${free.halfDay === "morning" ? "Sáng" : "Chiều"})`;
    expect(after).toContain(moved);
    expect(after.filter((c) => !c.includes("Hà Nam"))).toEqual(before.filter((c) => !c.includes("Hà Nam")));
    await shot("6d-accepted.png");
  }, 120_000);

  it("7. downloads the Excel template from the page, fills in the roster, uploads it, and sees what was imported", async () => {
    await page.click("#template-download");
    const file = join(downloads, "thang-9.xlsx");
    // Chromium writes a .crdownload first and renames it when done.
    for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(downloads)).toEqual(["thang-9.xlsx"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const trainers = workbook.getWorksheet("Giảng viên")!;
    expect(trainers.getRow(1).getCell(6).value).toBe("E-mail");
    const ids: string[] = [];
    trainers.eachRow((row, n) => {
      if (n === 1) return;
      const id = String(row.getCell(1).value);
      ids.push(id);
      row.getCell(6).value = EMAILS[id]!;
    });
    expect(ids).toEqual(["CĐSQG-1", "Doanh nghiệp-1", "Đoàn-1"]);
    // A second trainer of the Youth Union for Kinh Bắc; Đoàn-1 away on its first two days.
    trainers.addRow(["Đoàn-2", "Trung ương Đoàn", "skills", "Cụm Kinh Bắc", "Bắc Giang", EMAILS["Đoàn-2"]]);
    const doan1 = trainers.getRow(ids.indexOf("Đoàn-1") + 2);
    doan1.getCell(8).value = new Date(Date.UTC(2022, 8, 19));
    doan1.getCell(9).value = new Date(Date.UTC(2022, 8, 20));
    const roster = join(downloads, "danh-sach-giang-vien.xlsx");
    await workbook.xlsx.writeFile(roster);

    const input = (await page.$('#workbook input[type="file"]'))!;
    await input.uploadFile(roster);
    await shot("7a-workbook-chosen.png");
    const response = await clickThrough(page, "#import-button");
    expect(response?.status()).toBe(200);
    expect(await page.$eval("#import-outcome p", (e) => e.textContent)).toBe("Đã nhập sổ tính vào kế hoạch:");
    const lines = await page.$$eval("#import-outcome li", (items) => items.map((i) => i.textContent ?? ""));
    expect(lines).toContain("thêm giảng viên (1): Đoàn-2");
    expect(lines.join("\n")).toContain("Đoàn-1");
    // Said where the page opens after the import: on the screen, not below it.
    const box = (await (await page.$("#import-outcome"))!.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(900);
    await (await page.$("#import-outcome"))!.screenshot({ path: join(SHOTS, "7b-imported.png") });
    await shot("7c-imported-page.png");
    const text = readFileSync(join(dir, PLAN), "utf8");
    for (const address of Object.values(EMAILS)) expect(text).toContain(address);
    // The blank plan's comments stay, through the forms and the import alike.
    expect(text).toContain("# yaml-language-server: $schema=../plan.schema.json\n# Kế hoạch mới: hãy ghi thời gian đợt tập huấn");
  }, 120_000);

  it("8. re-plans against the edited plan: Đoàn-2 takes Đoàn-1's sessions on 19 and 20/9, accepted as version 3", async () => {
    expect(await page.$("#plan-edited")).not.toBeNull();
    expect(await page.$eval("#plan-edited p", (e) => e.textContent)).toBe("Kế hoạch đã được sửa từ phiên bản 2:");
    expect(await page.$$eval("#plan-edited li", (items) => items.map((i) => i.textContent))).toEqual([
      "giảng viên CĐSQG-1: e-mail: — → cdsqg-1@example.org",
      "giảng viên Doanh nghiệp-1: e-mail: — → doanh-nghiep-1@example.org",
      "giảng viên Đoàn-1: e-mail: — → doan-1@example.org",
      "giảng viên Đoàn-1: ngày vắng: — → 19/9/2022–20/9/2022",
      "thêm giảng viên Đoàn-2",
    ]);
    await setDate(page, '#plan-edited input[name="today"]', TODAY);
    await clickThrough(page, "#replan-edited-button");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Đổi lịch theo kế hoạch đã sửa");
    expect(await page.$("#accept-button")).not.toBeNull();
    await shot("8a-replan-preview.png");
    await clickThrough(page, "#accept-button");
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã ghi phiên bản 3.");
    expect(await page.$eval("#shown-version", (e) => e.textContent)).toBe("v3 (hiện hành)");
    expect(await page.$("#plan-edited")).toBeNull();
    const schedule = new ScheduleFolderReader(join(dir, "thang-9")).readSchedule(3);
    expect(schedule.sessions).toHaveLength(6);
    for (const s of schedule.sessions.filter((s) => s.trainers.includes("Đoàn-1"))) expect(["2022-09-19", "2022-09-20"]).not.toContain(s.date);
    expect(schedule.sessions.some((s) => s.trainers.includes("Đoàn-2"))).toBe(true);
    await shot("8b-version-3.png");
  }, 120_000);

  it("9. sends the invitations from the send page: what is due, Send, and each trainer gets their own sessions", async () => {
    await clickThrough(page, "#send-link");
    expect(await page.$eval("h1", (h) => h.textContent)).toBe("Gửi thư mời");
    const body = await page.$eval("main", (m) => m.textContent ?? "");
    expect(body).toContain(`Máy chủ thư: smtp://127.0.0.1:${smtp.port} (biến môi trường TAPHUAN_SMTP_URL)`);
    const schedule = new ScheduleFolderReader(join(dir, "thang-9")).readSchedule(3);
    // Every session, to each of its two trainers, all of whom have an address now.
    const due = schedule.sessions.length * 2;
    expect(body).toContain(`${due} thư sẽ gửi:`);
    const rows = await page.$$eval("table.send tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows).toHaveLength(due);
    for (const [trainer, to, , kind] of rows) {
      expect(to).toBe(EMAILS[trainer!]);
      expect(kind).toBe("thư mời");
    }
    expect(smtp.received).toHaveLength(0);
    // Nobody has answered, nor could they: nothing is sent yet.
    const answers = () => page.$$eval("table.replies td:last-child", (tds) => tds.flatMap((td) => (td as HTMLElement).innerText.split("\n")));
    expect(new Set((await answers()).map((a) => a.replace(/^.*: /, "")))).toEqual(new Set(["chưa gửi thư mời"]));
    await shot("9a-send-due.png");

    await clickThrough(page, "#send-button");
    expect(await page.$eval("section.sent p", (e) => e.textContent)).toBe(`Đã gửi ${due} thư.`);
    const sent = await page.$$eval("section.sent table.send tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(sent.map(([trainer, , province, outcome]) => `${trainer} ${province} ${outcome}`).sort()).toEqual(rows.map(([trainer, , province]) => `${trainer} ${province} đã gửi`).sort());
    expect(await page.$("#send-button")).toBeNull();
    // Sent: every invitation awaits its answer.
    expect(new Set((await answers()).map((a) => a.replace(/^.*: /, "")))).toEqual(new Set(["chưa trả lời"]));
    await shot("9b-sent.png");
    await docShot("planner-sent.png");

    // What the server received: per trainer with an address, one message per own session, its calendar part that session.
    expect(smtp.received).toHaveLength(due);
    for (const [trainer, address] of Object.entries(EMAILS)) {
      const own = schedule.sessions.filter((s) => s.trainers.includes(trainer)).map((s) => `${s.province} ${s.date} ${s.halfDay}`).sort();
      const got = smtp.received.filter((r) => r.to === address).map((r) => {
        expect(r.mail.from?.value[0]?.address).toBe("dau-moi@example.org");
        const calendars = r.mail.attachments.filter((a) => a.contentType === "text/calendar");
        expect(calendars).toHaveLength(1);
        const ics = new ICAL.Component(ICAL.parse(calendars[0]!.content.toString("utf8")));
        expect(ics.getFirstPropertyValue("method")).toBe("REQUEST");
        const events = ics.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
        expect(events).toHaveLength(1);
        // Its start in UTC, read where the session happens.
        const start = DateTime.fromJSDate(events[0]!.startDate.toJSDate(), { zone: "Asia/Ho_Chi_Minh" });
        const province = schedule.sessions.find((s) => events[0]!.summary.includes(s.province))!.province;
        expect(events[0]!.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toContain(`mailto:${address}`);
        return `${province} ${start.toISODate()} ${start.hour < 12 ? "morning" : "afternoon"}`;
      });
      expect(got.sort()).toEqual(own);
    }
  }, 120_000);

  it("10. a reload of the send page sends nothing twice, nor does coming back to it", async () => {
    const received = smtp.received.length;
    await page.reload();
    expect(await page.$eval("main", (m) => m.textContent ?? "")).toContain("Không còn thư nào phải gửi: mọi thư đến phiên bản hiện hành đã gửi.");
    expect(await page.$("#send-button")).toBeNull();
    await shot("10a-reloaded.png");
    await clickThrough(page, "main > p:last-child a");
    await clickThrough(page, "#send-link");
    expect(await page.$eval("main", (m) => m.textContent ?? "")).toContain("Không còn thư nào phải gửi: mọi thư đến phiên bản hiện hành đã gửi.");
    expect(await page.$("section.sent")).toBeNull();
    expect(await page.$("#send-button")).toBeNull();
    expect(smtp.received).toHaveLength(received);
    await shot("10b-nothing-left.png");
  }, 60_000);
});
