/**
 * What the browser tests share: a workspace served on 127.0.0.1 (a port of the system's choosing),
 * real headless Chromium (installed by `npm ci` through @sparticuz/chromium, nothing by hand), and
 * a click that waits for the page it leads to.
 */
import type { AddressInfo } from "node:net";
import chromium from "@sparticuz/chromium";
import { serve, type ServerType } from "@hono/node-server";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { createWorkspace } from "../../src/serve/workspace.ts";

export interface ServedWorkspace {
  /** http://127.0.0.1:PORT */
  readonly base: string;
  close(): Promise<void>;
}

/** The workspace over `dir`, as `taphuan serve` starts it; `env` stands for the process's environment (TAPHUAN_SMTP_URL). */
export async function serveWorkspace(dir: string, env?: NodeJS.ProcessEnv): Promise<ServedWorkspace> {
  let app: ReturnType<typeof createWorkspace> | undefined;
  const server: ServerType = serve({ fetch: (request) => app!.fetch(request), port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  // The port is known once listening: Host and Origin are checked against it.
  app = createWorkspace({ dir, host: "127.0.0.1", port, ...(env ? { env } : {}) });
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Kept-alive connections and event streams end with the server.
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  }) };
}

/**
 * Chromium; with `downloadPath`, its downloads are saved there without asking (in its one context:
 * --single-process has no other); with `lang`, the language a planner's browser has (its date
 * inputs day first for vi-VN; this headless shell has English words only for its own controls).
 */
export async function launchBrowser(options: { downloadPath?: string; lang?: string } = {}): Promise<Browser> {
  return puppeteer.launch({
    args: [...chromium.args, ...(options.lang ? [`--lang=${options.lang}`] : [])],
    executablePath: await chromium.executablePath(),
    headless: true,
    ...(options.downloadPath ? { downloadBehavior: { policy: "allow", downloadPath: options.downloadPath } } : {}),
  });
}

/** A page of 1280 × 900, a planner's laptop screen. */
export async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return page;
}

/** Clicks what `selector` finds and waits for the page it leads to; its response (a status to check). */
export async function clickThrough(page: Page, selector: string, timeout = 90_000) {
  const [response] = await Promise.all([page.waitForNavigation({ timeout }), page.click(selector)]);
  return response;
}

// ——————————————————————— the plan's forms, as a planner fills them (shared by the browser tests) ———————————————————————

/** Sets a field as typing would, so the page's script hears it (and checks the form). */
export async function typeInto(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (element, v) => {
    (element as HTMLInputElement).value = v;
    element.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
}

/** Presses a form's Save (or `selector`) and waits for the page it leads to; its response. */
export const saveForm = (page: Page, selector = "#save-button") => clickThrough(page, selector);

/** The text of the page's note (the line a redirect after a change lands on). */
export const noteOn = (page: Page) => page.$eval("p.note", (e) => e.textContent);

/** Opens the list of the plan's parts, each a click from its form. */
export async function openForms(page: Page, base: string, file: string): Promise<void> {
  await page.goto(`${base}/p/${encodeURIComponent(file)}/forms?lang=vi`);
}

/** From the new-plan page: a blank plan on `registry`, made with the page's form (not yet saved: `saveForm(page, "#create-plan")`). */
export async function fillNewBlankPlan(page: Page, plan: { file: string; title: string; registry: "vn-63" | "vn-34" }): Promise<void> {
  await typeInto(page, 'input[name="file"]', plan.file);
  await typeInto(page, 'input[name="title"]', plan.title);
  await page.click('input[name="from"][value="blank"]');
  await page.select('select[name="registry"]', plan.registry);
}

/** Fields of a form by name (`#f-NAME`), typed in: dates as YYYY-MM-DD, as a date picker leaves them. */
export async function fillFields(page: Page, values: Readonly<Record<string, string>>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await typeInto(page, `#f-${name}`, value);
}

/** Folds accents away, as planners often type a search: "Nam Định" → "nam dinh". */
const unaccented = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

export interface ClusterValues {
  readonly name: string;
  /** A dated window; none given: the form's window left as it is. */
  readonly window?: { readonly from: string; readonly to: string };
  /** The cluster's provinces, exactly: each found by a search typed without accents and ticked; any other ticked is unticked. */
  readonly provinces: readonly string[];
}

/** The cluster's form filled in (not saved). */
export async function fillCluster(page: Page, cluster: ClusterValues): Promise<void> {
  await typeInto(page, "#f-name", cluster.name);
  await typeInto(page, "#province-search", "");
  for (const name of await page.$$eval("#province-list input:checked", (inputs) => inputs.map((i) => (i as HTMLInputElement).value))) {
    if (!cluster.provinces.includes(name)) await page.click(`#province-list li[data-name="${name}"] input`);
  }
  for (const province of cluster.provinces) {
    await typeInto(page, "#province-search", unaccented(province));
    const visible = await page.$$eval("#province-list li:not([hidden])", (items) => items.map((i) => (i as HTMLElement).dataset.name));
    if (!visible.includes(province)) throw new Error(`the search "${unaccented(province)}" does not find ${province}: ${visible.join(", ")}`);
    if (!(await page.$eval(`#province-list li[data-name="${province}"] input`, (i) => (i as HTMLInputElement).checked))) await page.click(`#province-list li[data-name="${province}"] input`);
  }
  await typeInto(page, "#province-search", "");
  if (cluster.window) {
    await page.click('input[name="window"][value="dated"]');
    await fillFields(page, cluster.window);
  }
}

export interface TrainerValues {
  readonly id: string;
  readonly organisation: string;
  readonly roles: readonly string[];
  /** The clusters served; none: every cluster. */
  readonly clusters?: readonly string[];
  readonly home: string;
  readonly email?: string;
}

/** A new trainer's form filled in (not saved). */
export async function fillTrainer(page: Page, trainer: TrainerValues): Promise<void> {
  await fillFields(page, { id: trainer.id, organisation: trainer.organisation, home: trainer.home, ...(trainer.email !== undefined ? { email: trainer.email } : {}) });
  for (const role of trainer.roles) await page.click(`input[name="roles"][value="${role}"]`);
  for (const cluster of trainer.clusters ?? []) await page.click(`input[name="clusters"][value="${cluster}"]`);
}

/** Waits until the page's check says a problem beside `field` (or, with `empty`, until it says none); the words said. */
export async function problemAt(page: Page, field: string, empty = false): Promise<string> {
  await page.waitForFunction((f, none) => (document.querySelector(`[data-error-for="${f}"]`)!.textContent === "") === none, { timeout: 10_000 }, field, empty);
  return page.$eval(`[data-error-for="${field}"]`, (e) => e.textContent ?? "");
}
