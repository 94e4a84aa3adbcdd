/** The page's own script and style sheet, the only ones its CSP allows; nothing else of the folder is served from here. */
import { readFileSync } from "node:fs";
import type { Hono } from "hono";
import { ASSETS_DIR, type WorkspaceContext } from "../context.ts";

const ASSETS: Record<string, string> = { "app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8" };

export function assetRoutes(app: Hono, _ws: WorkspaceContext): void {
  app.get("/assets/:name", (c) => {
    const name = c.req.param("name");
    if (!Object.hasOwn(ASSETS, name)) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(readFileSync(new URL(name, ASSETS_DIR)), 200, { "Content-Type": ASSETS[name]! });
  });
}
