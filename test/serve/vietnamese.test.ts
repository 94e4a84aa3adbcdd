/**
 * Every page of the workspace in Vietnamese, scanned for English a planner would read: the words
 * the page itself says (data the planner wrote — names, role labels — and the YAML keys a hint
 * quotes are theirs, and allowed).
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { createWorkspace } from "../../src/serve/workspace.ts";

const HOST = "127.0.0.1:4173";
/** Common English words of taphuan's sentences, matched as whole words. */
const ENGLISH = /(?<![\p{L}\p{N}_.-])(the|and|of|is|are|no|not|session|sessions|cluster|trainer|trainers|window|proven|version|changes|cannot|half-day|schedule|province|with|from|it|for|held|today|plan|move|moved)(?![\p{L}\p{N}_.-])/giu;
/** What a hint quotes from the plan file, word for word. */
const QUOTED = [/window: propose/g, /campaign\.\w+/g];

function englishIn(html: string): string[] {
  const root = parse(html);
  root.querySelectorAll("script,style,textarea").forEach((n) => n.remove());
  const texts = root.querySelectorAll("body *").flatMap((n) => n.childNodes.filter((c) => c.nodeType === 3).map((c) => c.text.trim())).filter(Boolean);
  return texts.map((t) => QUOTED.reduce((s, q) => s.replace(q, ""), t)).filter((t) => ENGLISH.test(t) && (ENGLISH.lastIndex = 0) === 0);
}

describe("the workspace in Vietnamese has no English a planner would read", () => {
  it("on every page: the list, a plan, a partial plan with its fixes, the forms, a preview, the log, comparisons, refusals and errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-vi-"));
    cpSync("test/fixtures/small-plan.yaml", join(dir, "small.yaml"));
    cpSync("examples/infeasible-cap.yaml", join(dir, "cap.yaml"));
    const app = createWorkspace({ dir, host: "127.0.0.1", port: 4173 });
    const get = async (path: string) => app.request(`http://${HOST}${path}`, { headers: { host: HOST } });
    const post = async (path: string, form: Record<string, string> = {}) => {
      const response = await app.request(`http://${HOST}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { host: HOST, origin: `http://${HOST}` } });
      return response.status === 303 ? get(response.headers.get("location")!) : response;
    };
    for (const plan of ["small.yaml", "cap.yaml"]) {
      const { job } = (await (await post(`/p/${plan}/solve`)).json()) as { job: string };
      await (await get(`/p/${plan}/jobs/${job}/events`)).text();
    }
    const preview = await (await post("/p/small.yaml/replan", { province: "Hà Nam", kind: "day", day: "2022-09-12", today: "2022-09-11", note: "CV 01" })).text();
    await post(`/p/small.yaml/previews/${/previews\/([\w-]+)\/accept/.exec(preview)![1]}/accept`);
    const pages: Record<string, string> = {
      "the list of plans": await (await get("/")).text(),
      "a plan after a re-plan, with its log": await (await get("/p/small.yaml")).text(),
      "a partial plan with its fixes": await (await get("/p/cap.yaml")).text(),
      "the re-plan form": await (await get(`/p/small.yaml/replan?province=${encodeURIComponent("Bắc Ninh")}`)).text(),
      "where a session could go": await (await get(`/p/small.yaml/alternatives?province=${encodeURIComponent("Bắc Ninh")}&today=2022-09-09`)).text(),
      "a new plan": await (await get("/new")).text(),
      "sending the invitations": await (await get("/p/small.yaml/send")).text(),
      "a preview": preview,
      "the editor": await (await get("/p/small.yaml/edit")).text(),
      "a comparison": await (await get("/p/small.yaml/compare?a=1&b=2")).text(),
      "a restore's preview": await (await post("/p/small.yaml/versions/1/restore", { today: "2022-09-11" })).text(),
      "a change about the past": await (await post("/p/small.yaml/replan", { province: "Hà Nam", kind: "day", day: "2022-09-13", today: "2022-09-14" })).text(),
      "a malformed today": await (await post("/p/small.yaml/replan", { province: "Hà Nam", kind: "day", day: "2022-09-13", today: "14/9" })).text(),
      "a page that is not there": await (await get("/p/small.yaml/files/9/x.ics")).text(),
      "a withdrawal of a change that is not there": await (await post("/p/small.yaml/changes/9/withdraw", { today: "2022-09-11" })).text(),
      "a restore of a version that is not there": await (await post("/p/small.yaml/versions/7/restore", { today: "2022-09-11" })).text(),
      "a re-plan of a plan not edited": await (await post("/p/small.yaml/replan-edited", { today: "2022-09-11" })).text(),
      "a second answer where one holds": await (async () => {
        const first = await (await post("/p/small.yaml/replan", { province: "Bắc Ninh", kind: "fixed", fixedDate: "2022-09-15", fixedHalfDay: "morning", today: "2022-09-11" })).text();
        await post(`/p/small.yaml/previews/${/previews\/([\w-]+)\/accept/.exec(first)![1]}/accept`);
        return (await post("/p/small.yaml/replan", { province: "Bắc Ninh", kind: "fixed", fixedDate: "2022-09-16", fixedHalfDay: "morning", today: "2022-09-11" })).text();
      })(),
    };
    // The plan edited: what changed, on its page and in its preview.
    const { readFileSync, writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "small.yaml"), readFileSync(join(dir, "small.yaml"), "utf8").replace("provinces: [Bắc Ninh, Bắc Giang]", "provinces: [Bắc Ninh]"));
    pages["a plan edited since its schedule"] = await (await get("/p/small.yaml")).text();
    pages["the preview of a re-plan of an edited plan"] = await (await post("/p/small.yaml/replan-edited", { today: "2022-09-11" })).text();
    const found = Object.fromEntries(Object.entries(pages).map(([name, html]) => [name, englishIn(html)] as const).filter(([, lines]) => lines.length));
    expect(found).toEqual({});
  }, 120_000);
});
