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

/** A page of 1400 × 900. */
export async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  return page;
}

/** Clicks what `selector` finds and waits for the page it leads to; its response (a status to check). */
export async function clickThrough(page: Page, selector: string, timeout = 90_000) {
  const [response] = await Promise.all([page.waitForNavigation({ timeout }), page.click(selector)]);
  return response;
}
