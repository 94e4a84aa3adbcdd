/**
 * The September story through the workspace page, over HTTP: each event is the form a planner
 * fills (cannot host a day or days, a trainer away, a half-day asked for, withdraw, restore, the
 * plan edited in the editor), previewed and accepted. The page runs on the same application layer
 * as the CLI; the invariants are the story's own.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Schedule } from "../../src/model/schedule.ts";
import { createWorkspace } from "../../src/serve/workspace.ts";
import { playStory, type Applied, type Driver, type StoryEvent } from "./september.ts";
import { SEPTEMBER_2022 } from "./stories.ts";

const HOST = "127.0.0.1:4173";
const PLAN = "ke-hoach.yaml";

function pageDriver(file: string): Driver {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-page-story-"));
  cpSync(file, join(dir, PLAN));
  const app = createWorkspace({ dir, host: "127.0.0.1", port: 4173 });
  const get = (path: string) => app.request(`http://${HOST}${path}`, { headers: { host: HOST } });
  // Every change answers 303 (Post/Redirect/Get); the driver follows it, as a browser does.
  const post = async (path: string, form: Record<string, string> = {}) => {
    const response = await app.request(`http://${HOST}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { host: HOST, origin: `http://${HOST}` } });
    return response.status === 303 ? get(response.headers.get("location")!) : response;
  };
  const folder = join(dir, "ke-hoach");
  const current = () => JSON.parse(readFileSync(join(folder, "schedule.json"), "utf8")) as Schedule;
  const log = () => (existsSync(join(folder, "changes.json")) ? (JSON.parse(readFileSync(join(folder, "changes.json"), "utf8")) as { entries: { id: number; kind: string; withdrawn?: unknown }[] }).entries : []);
  const standing = () => log().filter((e) => e.kind === "change" && !e.withdrawn).map((e) => e.id);
  const idOfStep = new Map<number, number>();
  const base = `/p/${PLAN}`;
  return {
    async start() {
      const started = await post(`${base}/solve`);
      const { job } = (await started.json()) as { job: string };
      expect(await (await get(`${base}/jobs/${job}/events`)).text()).toContain("event: done");
      return current();
    },
    async apply(step, today, story): Promise<Applied> {
      let response: Response;
      if (step.kind === "answer") {
        const a = step.answer;
        const province = a.kind === "province-off" || a.kind === "fix" ? a.province : current().sessions[0]!.province;
        const form: Record<string, string> = { province, today, note: step.note ?? "" };
        if (a.kind === "province-off" && Array.isArray(a.dates)) Object.assign(form, { kind: "day", day: (a.dates as string[])[0]! });
        else if (a.kind === "province-off") Object.assign(form, { kind: "days", from: (a.dates as { from: string }).from, to: (a.dates as { to: string }).to });
        else if (a.kind === "trainer-off") Object.assign(form, { kind: "trainer", trainer: a.trainer, trainerDate: (a.dates as string[])[0]! });
        else if (a.kind === "fix") Object.assign(form, { kind: "fixed", fixedDate: a.date, fixedHalfDay: a.halfDay });
        else throw new Error(`the page has no form for ${a.kind} yet`);
        response = await post(`${base}/replan`, form);
      } else if (step.kind === "withdraw") response = await post(`${base}/changes/${idOfStep.get(step.step)}/withdraw`, { today });
      else if (step.kind === "restore") response = await post(`${base}/versions/${step.version}/restore`, { today });
      else {
        const text = step.edit(readFileSync(join(dir, PLAN), "utf8"));
        expect((await post(`${base}/edit`, { text })).status).toBe(200);
        // The plan's page says the plan changed since the schedule, and offers to re-plan against it.
        expect(await (await get(base)).text()).toContain('id="replan-edited-button"');
        response = await post(`${base}/replan-edited`, { today });
      }
      const html = await response.text();
      if (response.status === 409 && html.includes("mâu thuẫn với buổi đã tổ chức")) return { result: "refused", schedule: current(), standing: standing() };
      expect(response.status, html).toBe(200);
      const accept = /previews\/([\w-]+)\/accept/.exec(html);
      if (!accept) {
        expect(html).toContain("Không có cách đổi lịch nào xếp được mọi tỉnh; chưa ghi gì.");
        return { result: "no-replan", schedule: current(), standing: standing() };
      }
      expect(html).toContain(`Hôm nay ${today.slice(8).replace(/^0/, "")}/${Number(today.slice(5, 7))}/${today.slice(0, 4)}`);
      const moves = Number(/(\d+) buổi đổi ngày/.exec(html)![1]);
      const accepted = await post(`${base}/previews/${accept[1]}/accept`);
      const acceptedHtml = await accepted.text();
      expect(acceptedHtml, /class="note"[^>]*>([^<]*)/.exec(acceptedHtml)?.[1]).toContain(`Đã ghi phiên bản ${current().version}.`);
      if (step.kind === "answer") idOfStep.set(story.length - 1, Math.max(...log().map((e) => e.id)));
      return { result: "replanned", schedule: current(), standing: standing(), moves };
    },
  };
}

/** The 2022 story without the changes the page has no form for yet (a trainer joining or leaving, a window moved). */
const ON_THE_PAGE: StoryEvent[] = SEPTEMBER_2022.filter((_, index) => ![6, 7, 8].includes(index));

describe("a September of changes, through the workspace page", () => {
  it("on the 2022 plan: the forms, previews and accepts keep every answer and the past, as the CLI does", async () => {
    const results = await playStory(pageDriver("plans/2022-09-tcnscd.yaml"), ON_THE_PAGE, { provinces: 63, holidays: ["2022-09-01", "2022-09-02"] });
    expect(results).toEqual(ON_THE_PAGE.map((e) => e.expect));
  }, 300_000);
});
