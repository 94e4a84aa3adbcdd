/**
 * A plan made from nothing with the forms alone, in real headless Chromium: a blank vn-63 plan from
 * the new-plan page, then a cluster of six provinces with its window, two trainers, checked as they
 * are typed, then solved: six sessions in the grid. Screenshots of each form go to test-output/forms/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import chromium from "@sparticuz/chromium";
import { serve, type ServerType } from "@hono/node-server";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../../src/serve/workspace.ts";

const SHOTS = join(import.meta.dirname, "../../test-output/forms");
const FILE = "Tập huấn sáu tỉnh.yaml";
const PROVINCES = ["Hà Nam", "Nam Định", "Thái Bình", "Ninh Bình", "Hưng Yên", "Hải Dương"];

describe("a plan made with the forms alone, in a browser", () => {
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "taphuan-forms-browser-"));
    mkdirSync(SHOTS, { recursive: true });
    let app: ReturnType<typeof createWorkspace> | undefined;
    server = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const port = (server.address() as AddressInfo).port;
    app = createWorkspace({ dir, host: "127.0.0.1", port });
    base = `http://127.0.0.1:${port}`;
    // A Vietnamese browser, as planners have: its date fields read dd/mm/yyyy.
    browser = await puppeteer.launch({ args: [...chromium.args, "--lang=vi-VN"], env: { ...process.env, LANG: "vi_VN.UTF-8", LANGUAGE: "vi" }, executablePath: await chromium.executablePath(), headless: true });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Sets a field as typing would, so the page's script hears it. */
  const type = (selector: string, value: string) =>
    page.$eval(selector, (element, v) => {
      (element as HTMLInputElement).value = v;
      element.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);
  const submit = (selector = "#save-button") => Promise.all([page.waitForNavigation(), page.click(selector)]);
  const errorAt = (field: string) => page.$eval(`[data-error-for="${field}"]`, (e) => e.textContent);
  const toForms = async () => {
    await page.goto(`${base}/p/${encodeURIComponent(FILE)}/forms?lang=vi`);
  };

  it("makes a blank vn-63 plan from the new-plan page", async () => {
    await page.goto(`${base}/new`);
    await type('input[name="file"]', FILE);
    await type('input[name="title"]', "Tập huấn sáu tỉnh đồng bằng");
    await page.click('input[name="from"][value="blank"]');
    await page.select('select[name="registry"]', "vn-63");
    await submit("#create-plan");
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã tạo kế hoạch. Hãy sửa các phần còn thiếu, rồi Xếp lịch.");
    expect(await page.$eval("#edit-forms", (e) => e.textContent)).toBe("Sửa kế hoạch");
    await Promise.all([page.waitForNavigation(), page.click("#edit-forms")]);
    expect(await page.$eval("h1", (e) => e.textContent)).toBe("Sửa kế hoạch: Tập huấn sáu tỉnh đồng bằng");
    await page.screenshot({ path: join(SHOTS, "1-forms.png"), fullPage: true });
  }, 60_000);

  it("shows the campaign's form with its labels, a problem said beside its field as it is typed", async () => {
    await Promise.all([page.waitForNavigation(), page.click("#edit-campaign")]);
    await type("#f-maxDailySessions", "0");
    await page.waitForFunction(() => document.querySelector('[data-error-for="maxDailySessions"]')!.textContent !== "", { timeout: 10_000 });
    expect(await errorAt("maxDailySessions")).toBe("phải từ 1 trở lên");
    await (await page.$("#f-maxDailySessions"))!.scrollIntoView();
    await page.screenshot({ path: join(SHOTS, "2-campaign-error.png"), fullPage: true });
    await type("#f-maxDailySessions", "");
    await type("#f-organizerName", "Cục Chuyển đổi số quốc gia");
    await type("#f-organizerEmail", "dau-moi@example.org");
    await submit();
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("adds a cluster of six provinces found by search, with a window inside the period; a reversed window is said at once", async () => {
    const text = readFileSync(join(dir, FILE), "utf8");
    const [, from, to] = /period: \{ from: (\S+), to: (\S+) \}/.exec(text)!;
    await toForms();
    await Promise.all([page.waitForNavigation(), page.click("#add-cluster")]);
    await type("#f-name", "Cụm Đồng bằng");
    for (const province of PROVINCES) {
      // Typed without accents, as planners often do: "nam dinh" finds Nam Định.
      await type("#province-search", province.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase());
      const visible = await page.$$eval("#province-list li:not([hidden])", (items) => items.map((i) => (i as HTMLElement).dataset.name));
      expect(visible).toContain(province);
      await page.click(`#province-list li[data-name="${province}"] input`);
    }
    await type("#province-search", "");
    expect(await page.$eval("#chosen-count", (e) => e.textContent)).toBe("Đã chọn 6 tỉnh");
    await type("#f-from", to!);
    await type("#f-to", from!);
    await page.waitForFunction(() => document.querySelector('[data-error-for="to"]')!.textContent !== "", { timeout: 10_000 });
    expect(await errorAt("to")).toMatch(/^thời gian của Cụm Đồng bằng kết thúc \(.+\) trước khi bắt đầu/);
    await page.screenshot({ path: join(SHOTS, "3-cluster-error.png"), fullPage: true });
    await type("#f-from", from!);
    await type("#f-to", to!);
    await page.waitForFunction(() => document.querySelector('[data-error-for="to"]')!.textContent === "", { timeout: 10_000 });
    await submit();
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã lưu kế hoạch.");
  }, 60_000);

  it("removes the blank plan's first cluster from the list", async () => {
    await toForms();
    await Promise.all([page.waitForNavigation(), page.click("button.remove-cluster")]);
    expect(await page.$$eval("a.edit-cluster", (links) => links.map((a) => a.textContent))).toEqual(["Cụm Đồng bằng"]);
  }, 60_000);

  it("adds two trainers; a bad e-mail address is said beside its field, with JavaScript and without", async () => {
    const trainers = [
      { id: "CĐSQG-1", organisation: "Cục Chuyển đổi số quốc gia", role: "policy", home: "Hà Nội" },
      { id: "Doanh nghiệp-1", organisation: "Doanh nghiệp", role: "skills", home: "Nam Định" },
    ];
    for (const [i, trainer] of trainers.entries()) {
      await toForms();
      await Promise.all([page.waitForNavigation(), page.click("#add-trainer")]);
      await type("#f-id", trainer.id);
      await type("#f-organisation", trainer.organisation);
      await page.click(`input[name="roles"][value="${trainer.role}"]`);
      await type("#f-home", trainer.home);
      if (i === 0) {
        await type("#f-email", "cdsqg-1@");
        await page.waitForFunction(() => document.querySelector('[data-error-for="email"]')!.textContent !== "", { timeout: 10_000 });
        expect(await errorAt("email")).toBe('"cdsqg-1@" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)');
        // Sent anyway, the form comes back refused, as typed, the problem beside the field.
        const [response] = await submit();
        expect(response!.status()).toBe(422);
        expect(await page.$eval("#f-id", (e) => (e as HTMLInputElement).value)).toBe("CĐSQG-1");
        expect(await errorAt("email")).toBe('"cdsqg-1@" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)');
        await page.screenshot({ path: join(SHOTS, "4-trainer-error.png"), fullPage: true });
        await type("#f-email", "cdsqg-1@example.org");
      }
      await submit();
      expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã lưu kế hoạch.");
    }
  }, 60_000);

  it("edits a province's settings", async () => {
    await toForms();
    await Promise.all([page.waitForNavigation(), page.click('#forms-clusters a[href*="/provinces/"]')]);
    await type("#f-venue", "Hội trường Sở Thông tin và Truyền thông");
    await type("#f-focalName", "Phòng Bưu chính - Viễn thông");
    await type("#f-focalPhone", "0226 3852 000");
    await page.screenshot({ path: join(SHOTS, "5-province.png"), fullPage: true });
    await submit();
    expect(await page.$eval("p.note", (e) => e.textContent)).toBe("Đã lưu kế hoạch.");
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
