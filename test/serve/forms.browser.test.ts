/**
 * The plan's forms in real headless Chromium, and what they say when something is wrong: a blank
 * vn-63 plan from the new-plan page, then a cluster of six provinces with its window, two trainers,
 * a province's settings, each problem said beside its field as it is typed (and by the server when
 * sent anyway); solved: six sessions in the grid. The steps a planner takes are test/serve/browser.ts's,
 * shared with the walkthrough. Screenshots of each form go to test-output/forms/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickThrough, fillCluster, fillFields, fillNewBlankPlan, fillTrainer, launchBrowser, noteOn, openForms, openPage, problemAt, saveForm, serveWorkspace, typeInto, type ServedWorkspace } from "./browser.ts";

const SHOTS = join(import.meta.dirname, "../../test-output/forms");
const FILE = "Tập huấn sáu tỉnh.yaml";
const PROVINCES = ["Hà Nam", "Nam Định", "Thái Bình", "Ninh Bình", "Hưng Yên", "Hải Dương"];

describe("a plan made with the forms alone, in a browser", () => {
  let server: ServedWorkspace;
  let browser: Browser;
  let page: Page;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "taphuan-forms-browser-"));
    mkdirSync(SHOTS, { recursive: true });
    server = await serveWorkspace(dir);
    // A Vietnamese browser, as planners have: its date fields read dd/mm/yyyy.
    browser = await launchBrowser({ lang: "vi-VN" });
    page = await openPage(browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("makes a blank vn-63 plan from the new-plan page", async () => {
    await page.goto(`${server.base}/new`);
    await fillNewBlankPlan(page, { file: FILE, title: "Tập huấn sáu tỉnh đồng bằng", registry: "vn-63" });
    await saveForm(page, "#create-plan");
    expect(await noteOn(page)).toBe("Đã tạo kế hoạch. Hãy sửa các phần còn thiếu, rồi Xếp lịch.");
    expect(await page.$eval("#edit-forms", (e) => e.textContent)).toBe("Sửa kế hoạch");
    await clickThrough(page, "#edit-forms");
    expect(await page.$eval("h1", (e) => e.textContent)).toBe("Sửa kế hoạch: Tập huấn sáu tỉnh đồng bằng");
    await page.screenshot({ path: join(SHOTS, "1-forms.png"), fullPage: true });
  }, 60_000);

  it("shows the campaign's form with its labels, a problem said beside its field as it is typed", async () => {
    await clickThrough(page, "#edit-campaign");
    await typeInto(page, "#f-maxDailySessions", "0");
    expect(await problemAt(page, "maxDailySessions")).toBe("phải từ 1 trở lên");
    await (await page.$("#f-maxDailySessions"))!.scrollIntoView();
    await page.screenshot({ path: join(SHOTS, "2-campaign-error.png"), fullPage: true });
    await fillFields(page, { maxDailySessions: "", organizerName: "Cục Chuyển đổi số quốc gia", organizerEmail: "dau-moi@example.org" });
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("adds a cluster of six provinces found by search, with a window inside the period; a reversed window is said at once", async () => {
    const text = readFileSync(join(dir, FILE), "utf8");
    const [, from, to] = /period: \{ from: (\S+), to: (\S+) \}/.exec(text)!;
    await openForms(page, server.base, FILE);
    await clickThrough(page, "#add-cluster");
    // Typed without accents, as planners often do: "nam dinh" finds Nam Định.
    await fillCluster(page, { name: "Cụm Đồng bằng", provinces: PROVINCES, window: { from: to!, to: from! } });
    expect(await page.$eval("#chosen-count", (e) => e.textContent)).toBe("Đã chọn 6 tỉnh");
    expect(await problemAt(page, "to")).toMatch(/^thời gian của Cụm Đồng bằng kết thúc \(.+\) trước khi bắt đầu/);
    await page.screenshot({ path: join(SHOTS, "3-cluster-error.png"), fullPage: true });
    await fillFields(page, { from: from!, to: to! });
    await problemAt(page, "to", true);
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("removes the blank plan's first cluster from the list", async () => {
    await openForms(page, server.base, FILE);
    await clickThrough(page, "button.remove-cluster");
    expect(await page.$$eval("a.edit-cluster", (links) => links.map((a) => a.textContent))).toEqual(["Cụm Đồng bằng"]);
  }, 60_000);

  it("adds two trainers; a bad e-mail address is said beside its field, with JavaScript and without", async () => {
    const said = '"cdsqg-1@" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)';
    await openForms(page, server.base, FILE);
    await clickThrough(page, "#add-trainer");
    await fillTrainer(page, { id: "CĐSQG-1", organisation: "Cục Chuyển đổi số quốc gia", roles: ["policy"], home: "Hà Nội", email: "cdsqg-1@" });
    expect(await problemAt(page, "email")).toBe(said);
    // Sent anyway, the form comes back refused, as typed, the problem beside the field.
    const response = await saveForm(page);
    expect(response!.status()).toBe(422);
    expect(await page.$eval("#f-id", (e) => (e as HTMLInputElement).value)).toBe("CĐSQG-1");
    expect(await page.$eval('[data-error-for="email"]', (e) => e.textContent)).toBe(said);
    await page.screenshot({ path: join(SHOTS, "4-trainer-error.png"), fullPage: true });
    await typeInto(page, "#f-email", "cdsqg-1@example.org");
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");

    await openForms(page, server.base, FILE);
    await clickThrough(page, "#add-trainer");
    await fillTrainer(page, { id: "Doanh nghiệp-1", organisation: "Doanh nghiệp", roles: ["skills"], home: "Nam Định" });
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("edits a province's settings", async () => {
    await openForms(page, server.base, FILE);
    await clickThrough(page, '#forms-clusters a[href*="/provinces/"]');
    await fillFields(page, { venue: "Hội trường Sở Thông tin và Truyền thông", focalName: "Phòng Bưu chính - Viễn thông", focalPhone: "0226 3852 000" });
    await page.screenshot({ path: join(SHOTS, "5-province.png"), fullPage: true });
    await saveForm(page);
    expect(await noteOn(page)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("solves the plan the forms made: six sessions in the grid", async () => {
    await page.waitForSelector("#solve-button");
    await page.click("#solve-button");
    await page.waitForSelector("table.grid", { timeout: 90_000 });
    const sessions = await page.$$eval("table.grid a.session", (links) => links.map((a) => a.textContent!.replace(/ \(.*\)$/, "")));
    expect(sessions.sort()).toEqual([...PROVINCES].sort());
    await page.screenshot({ path: join(SHOTS, "6-grid.png") });
    // The schedule's file is the plan the forms wrote: it loads and holds what was typed.
    const text = readFileSync(join(dir, FILE), "utf8");
    expect(text).toContain("# yaml-language-server: $schema=../plan.schema.json");
    expect(text).toContain("organizer: { name: Cục Chuyển đổi số quốc gia, email: dau-moi@example.org }");
  }, 120_000);
});
