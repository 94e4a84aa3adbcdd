/**
 * The workspace as a planner uses it, in real headless Chromium (installed by `npm ci` through
 * @sparticuz/chromium): open the 2022 plan, solve, re-plan Nam Định, accept, download, English.
 * Screenshots of each step go to test-output/ (git-ignored).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage, serveWorkspace, type ServedWorkspace } from "./browser.ts";

const SHOTS = join(import.meta.dirname, "../../test-output/workspace");

describe("the workspace in a browser", () => {
  let server: ServedWorkspace;
  let browser: Browser;
  let page: Page;
  let base: string;
  let planDir: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-workspace-"));
    cpSync("plans/2022-09-tcnscd.yaml", join(dir, "2022-09-tcnscd.yaml"));
    cpSync("examples/infeasible-cap.yaml", join(dir, "vi-du-tran.yaml"));
    planDir = dir;
    mkdirSync(SHOTS, { recursive: true });
    server = await serveWorkspace(dir);
    base = server.base;
    browser = await launchBrowser();
    page = await openPage(browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens the 2022 plan, solves it with progress, and shows all 63 provinces in the grid", async () => {
    await page.goto(`${base}/`);
    await page.click("ul.plans a");
    await page.waitForSelector("#solve-button");
    await page.click("#solve-button");
    await page.waitForSelector("table.grid", { timeout: 90_000 });
    const sessions = await page.$$eval("table.grid a.session", (links) => links.map((a) => a.textContent));
    expect(sessions).toHaveLength(63);
    expect(await page.$eval("#shown-version", (e) => e.textContent)).toBe("v1 (hiện hành)");
    await page.screenshot({ path: join(SHOTS, "1-grid.png"), fullPage: false });
  }, 120_000);

  it("re-plans Nam Định from its session: a preview, proven minimal, then accepted as version 2", async () => {
    await Promise.all([page.waitForNavigation(), page.click('table.grid a.session[href*="Nam%20%C4%90%E1%BB%8Bnh"]')]);
    await page.$eval('input[name="today"]', (input) => ((input as HTMLInputElement).value = "2022-09-14"));
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click("#preview-button")]);
    const summary = await page.$eval("#preview-summary", (e) => e.textContent);
    expect(summary).toBe("v1 → v2: 1 buổi đổi ngày (ít nhất có thể, đã chứng minh); 0 buổi đổi giảng viên");
    const changes = await page.$$eval("#preview-changes li", (items) => items.map((i) => i.textContent));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^Nam Định: Thứ Năm, 15\/9\/2022, (sáng|chiều) → Thứ .+; giảng viên không đổi$/);
    await page.screenshot({ path: join(SHOTS, "2-replan-preview.png") });
    await Promise.all([page.waitForNavigation(), page.click("#accept-button")]);
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã ghi phiên bản 2.");
    expect(await page.$eval("#shown-version", (e) => e.textContent)).toBe("v2 (hiện hành)");
    expect(await page.$eval("#diff", (e) => e.textContent)).toContain("v1 → v2: 1 buổi đổi ngày (ít nhất có thể, đã chứng minh); 0 buổi đổi giảng viên");
    expect(await page.$$eval("#diff li", (items) => items.map((i) => i.textContent))).toEqual([changes[0]]);
    // The answer stands in the campaign's log, with its button to withdraw it.
    expect(await page.$eval("#change-log li", (e) => e.textContent)).toMatch(/^#1 \(v2, 14\/9\/2022\): Nam Định không thể tổ chức: 15\/9\/2022/);
    expect(await page.$("#change-log form.withdraw button")).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, "3-accepted.png") });
  }, 120_000);

  it("shows where else Hải Phòng's session could go, each half-day marked, and previews a free one", async () => {
    await Promise.all([page.waitForNavigation(), page.click('table.grid a.session[href*="H%E1%BA%A3i%20Ph%C3%B2ng"]')]);
    await page.$$eval('form.alternatives input[name="today"]', (inputs) => inputs.forEach((input) => ((input as HTMLInputElement).value = "2022-09-08")));
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click("#alternatives-button")]);
    expect(await page.$eval("h1", (e) => e.textContent)).toBe("Các buổi có thể chuyển cho Hải Phòng");
    const marks = await page.$$eval("table.alternatives tr", (rows) => rows.map((r) => r.className));
    expect(marks).toContain("alt-current");
    expect(marks.some((m) => m === "alt-free" || m === "alt-moves")).toBe(true);
    await page.screenshot({ path: join(SHOTS, "2b-alternatives.png"), fullPage: true });
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click("tr.alt-free button, tr.alt-moves button")]);
    expect(await page.$("#accept-button")).not.toBeNull();
    await Promise.all([page.waitForNavigation(), page.click("#discard-button")]);
  }, 120_000);

  it("re-plans a first-day session with the form's defaults: today is the real date, and the past cannot change", async () => {
    await Promise.all([page.waitForNavigation(), page.click('table.grid a.session[href*="H%C3%A0%20N%E1%BB%99i"]')]);
    const today = await page.$eval('input[name="today"]', (input) => (input as HTMLInputElement).value);
    expect(today > "2026-01-01").toBe(true);
    const response = await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click("#preview-button")]).then(([r]) => r);
    expect(response?.status()).toBe(409);
    expect(await page.$eval("p.note", (e) => e.textContent)).toContain("Kế hoạch sau thay đổi mâu thuẫn với buổi đã tổ chức (không thể đổi quá khứ)");
    await page.screenshot({ path: join(SHOTS, "3b-past-refused.png") });
    await Promise.all([page.waitForNavigation(), page.click("p a")]);
  }, 120_000);

  it("draws the map with every label clear of the others, a leader line to the ones placed further out, and a legend", async () => {
    // The boxes Chromium really draws, not an estimate: no two labels cover each other.
    const boxes = await page.$$eval("#map svg text", (texts) => texts.map((t) => { const b = (t as SVGTextElement).getBBox(); return { name: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height }; }));
    expect(boxes).toHaveLength(63);
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1).map((b) => `${a.name} / ${b.name}`));
    expect(overlapping).toEqual([]);
    expect(await page.$$eval(".map-legend li", (items) => items.map((i) => i.textContent))).toEqual(["Cụm 1", "Cụm 2", "Cụm 3", "Cụm 4", "Cụm 5", "Cụm 6", "Cụm 7", "Cụm 8", "Cụm 9", "Cụm 10", "đã xếp lịch", "chưa xếp lịch"]);
    await (await page.$("#map"))!.screenshot({ path: join(SHOTS, "5-map.png") });
  });

  it("downloads schedule.ics, which a calendar parser reads with Nam Định's new date", async () => {
    const href = await page.$eval('#downloads a[href$="/schedule.ics"]', (a) => (a as HTMLAnchorElement).href);
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(63);
    const namDinh = events.find((e) => e.summary.includes("Nam Định"))!;
    expect(namDinh.startDate.toJSDate() > new Date("2022-09-15T10:00:00Z")).toBe(true);
  });

  it("an infeasible plan: the cause, a proven fix in Vietnamese, applied to the plan file in one click, then re-planned in full", async () => {
    await page.goto(`${base}/p/vi-du-tran.yaml?lang=vi`);
    await page.click("#solve-button");
    await page.waitForSelector("#fixes", { timeout: 120_000 });
    expect(await page.$eval("p.summary", (e) => e.textContent)).toBe("4 buổi đã xếp lịch · LỊCH CHƯA ĐẦY ĐỦ");
    expect(await page.$$eval("section.partial li", (items) => items.map((i) => i.textContent))).toEqual([
      "Hà Nội (Cụm A): ở cả 2 buổi có thể xếp, trần 2 buổi đồng thời trên cả nước đã đủ (campaign.maxConcurrentSessions)",
      "Hà Nam (Cụm A): ở cả 2 buổi có thể xếp, trần 2 buổi đồng thời trên cả nước đã đủ (campaign.maxConcurrentSessions)",
    ]);
    expect(await page.$$eval("#fixes li", (items) => items.map((i) => i.textContent?.replace(/\s+/g, " ").trim()))).toEqual(["cho phép tối đa 3 buổi diễn ra cùng lúc trên cả nước — đã chứng minh bằng cách xếp lại với thay đổi này Áp dụng vào kế hoạch"]);
    await page.screenshot({ path: join(SHOTS, "6-infeasible.png"), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.click("button.apply-fix")]);
    // Written into the planner's file, its comments kept.
    const text = readFileSync(join(planDir, "vi-du-tran.yaml"), "utf8");
    expect(text).toContain("  maxConcurrentSessions: 3\n");
    expect(text).toContain("# EXAMPLE OF A PLAN WITH NO FULL SCHEDULE");
    expect(await page.$eval("#plan-edited li", (e) => e.textContent)).toBe("đợt tập huấn: số buổi tối đa diễn ra cùng lúc: 2 → 3");
    await page.$eval("#plan-edited input[name=today]", (input) => ((input as HTMLInputElement).value = "2022-09-05"));
    await Promise.all([page.waitForNavigation({ timeout: 90_000 }), page.click("#replan-edited-button")]);
    await Promise.all([page.waitForNavigation(), page.click("#accept-button")]);
    expect(await page.$eval("p.summary", (e) => e.textContent)).toBe("6 buổi đã xếp lịch");
    expect(await page.$("#fixes")).toBeNull();
  }, 180_000);

  it("on a 390 px phone, the grid scrolls sideways inside the page, its day column staying in view", async () => {
    await page.goto(`${base}/p/2022-09-tcnscd.yaml?lang=vi`);
    await page.setViewport({ width: 390, height: 844 });
    const sizes = await page.$eval("#grid .scroll", (d) => ({ scroll: d.scrollWidth, client: d.clientWidth, page: document.documentElement.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.client).toBeLessThanOrEqual(sizes.page);
    await page.$eval("#grid .scroll", (d) => d.scrollBy(400, 0));
    // The day column is sticky: after scrolling it is still at the left edge of the scroll box.
    const dayLeft = await page.$eval("#grid tbody th", (th) => th.getBoundingClientRect().left - th.closest(".scroll")!.getBoundingClientRect().left);
    expect(Math.abs(dayLeft)).toBeLessThan(2);
    await (await page.$("#grid"))!.screenshot({ path: join(SHOTS, "7-phone-grid.png") });
    await page.setViewport({ width: 1400, height: 900 });
  });

  it("makes a new plan without YAML, from the 2022 letter's plan, under a Vietnamese file name", async () => {
    await page.goto(`${base}/`);
    await Promise.all([page.waitForNavigation(), page.click("#new-plan")]);
    await page.type('input[name="file"]', "Kế hoạch 2027");
    await page.type('input[name="title"]', "Tập huấn trực tiếp năm 2027");
    await page.screenshot({ path: join(SHOTS, "8-new-plan.png") });
    await Promise.all([page.waitForNavigation(), page.click("#create-plan")]);
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã tạo kế hoạch. Hãy sửa các phần còn thiếu, rồi Xếp lịch.");
    expect(await page.$eval("h1", (e) => e.textContent)).toContain("Tập huấn trực tiếp năm 2027");
    expect(readFileSync(join(planDir, "Kế hoạch 2027.yaml"), "utf8")).toContain("title: Tập huấn trực tiếp năm 2027");
    await page.screenshot({ path: join(SHOTS, "8b-new-plan-made.png") });
    await page.goto(`${base}/p/2022-09-tcnscd.yaml`);
  }, 120_000);

  it("switches to English", async () => {
    await Promise.all([page.waitForNavigation(), page.click("#lang-switch")]);
    expect(await page.$eval("#shown-version", (e) => e.textContent)).toBe("v2 (current)");
    expect(await page.$eval("#grid h2", (e) => e.textContent)).toBe("Month");
    await page.screenshot({ path: join(SHOTS, "4-english.png") });
  });
});
