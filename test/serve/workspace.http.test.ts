/** Every endpoint of the workspace, and every refusal, over HTTP requests without a browser. */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, cpSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPlanText } from "../../src/model/load.ts";
import { createWorkspace } from "../../src/serve/workspace.ts";

const PORT = 4173;
const HOST = `127.0.0.1:${PORT}`;
const PLAN = "small.yaml";

function workspace(options: { host?: string; token?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-http-"));
  cpSync("test/fixtures/small-plan.yaml", join(dir, PLAN));
  const app = createWorkspace({ dir, host: options.host ?? "127.0.0.1", port: PORT, ...(options.token ? { token: options.token } : {}) });
  const host = options.host && options.host !== "127.0.0.1" ? `${options.host}:${PORT}` : HOST;
  const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://${host}${path}`, { headers: { host, ...headers } });
  // A post answered with 303 is followed by a GET, as a browser does (Post/Redirect/Get).
  const post = async (path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const response = await app.request(`http://${host}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { host, origin: `http://${host}`, ...headers } });
    return response.status === 303 ? get(response.headers.get("location")!, headers) : response;
  };
  return { dir, app, get, post };
}

/** Solves through the page's endpoint and waits for the job to finish. */
async function solved(w: ReturnType<typeof workspace>) {
  const started = await w.post(`/p/${PLAN}/solve`);
  expect(started.status).toBe(202);
  const { job } = (await started.json()) as { job: string };
  const events = await (await w.get(`/p/${PLAN}/jobs/${job}/events`)).text();
  expect(events).toContain("event: done");
  return events;
}

async function preview(w: ReturnType<typeof workspace>, province: string, day: string): Promise<string> {
  const response = await w.post(`/p/${PLAN}/replan`, { province, kind: "day", day, today: "2022-09-11" });
  expect(response.status).toBe(200);
  return /previews\/([\w-]+)\/accept/.exec(await response.text())![1]!;
}

describe("the workspace over HTTP", () => {
  let w: ReturnType<typeof workspace>;
  beforeEach(() => {
    w = workspace();
  });

  it("lists the plans, serves its assets with their types, and sets a CSP without inline script", async () => {
    const home = await w.get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`<a href="/p/${PLAN}?lang=vi">Tập huấn thử</a>`);
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self';");
    const script = await w.get("/assets/app.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await w.get("/assets/app.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await w.get("/assets/toString")).status).toBe(404);
  });

  it("refuses a foreign Host (DNS rebinding) and posts from another origin or none", async () => {
    expect((await w.app.request(`http://evil.example/`, { headers: { host: "evil.example" } })).status).toBe(403);
    expect((await w.post(`/p/${PLAN}/solve`, {}, { origin: "http://evil.example" })).status).toBe(403);
    const noOrigin = await w.app.request(`http://${HOST}/p/${PLAN}/solve`, { method: "POST", headers: { host: HOST } });
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.text()).toContain("a change must come from this workspace's own page");
  });

  it("keeps plan names inside the folder: no traversal, no absolute path, no link out", async () => {
    symlinkSync("/etc/hostname", join(w.dir, "link.yaml"));
    for (const path of ["/p/..%2Fpackage.json", "/p/%2Fetc%2Fpasswd.yaml", "/p/..%2F..%2Fetc%2Fx.yaml", "/p/link.yaml", "/p/missing.yaml", "/p/.hidden.yaml"]) {
      expect((await w.get(path)).status, path).toBe(404);
    }
  });

  it("refuses an oversized body", async () => {
    const response = await w.post(`/p/${PLAN}/edit`, { text: "x".repeat(2 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it("never writes a bad plan over a good one, and saves a good one", async () => {
    const before = readFileSync(join(w.dir, PLAN), "utf8");
    const bad = await w.post(`/p/${PLAN}/edit`, { text: before.replace("Hà Nam", "Hà Nan") });
    expect(bad.status).toBe(422);
    // Where, as the CLI says it (file, line, field), then what is wrong in the page's language.
    expect(await bad.text()).toContain("small.yaml:14:17: clusters[0].provinces[0]: không có tỉnh, thành phố &quot;Hà Nan&quot; trong vn-63 — có phải Hà Nam");
    expect(readFileSync(join(w.dir, PLAN), "utf8")).toBe(before);
    const good = await w.post(`/p/${PLAN}/edit`, { text: before.replace("title: Tập huấn thử", "title: Tập huấn thử lần 2") });
    expect(good.status).toBe(200);
    expect(readFileSync(join(w.dir, PLAN), "utf8")).toContain("Tập huấn thử lần 2");
  });

  it("escapes every planner string", async () => {
    writeFileSync(join(w.dir, PLAN), readFileSync(join(w.dir, PLAN), "utf8").replace("title: Tập huấn thử", 'title: "<script>alert(1)</script>"'));
    const page = await (await w.get(`/p/${PLAN}`)).text();
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("solves with progress events into the plan's schedule folder, as the CLI lays it out", async () => {
    const events = await solved(w);
    expect(events).toMatch(/event: progress\ndata: \{"part":1,"parts":\d,/);
    expect(JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")).version).toBe(1);
    const page = await (await w.get(`/p/${PLAN}`)).text();
    expect(page).toContain('<strong id="shown-version">v1 (hiện hành)</strong>');
    // Each download said in the planner's words, its file name beside it.
    expect(page).toContain('/files/1/appendix.docx" download>Phụ lục lịch tập huấn kèm công văn (Word)</a> <small>appendix.docx</small></li>');
    expect(page).toContain('/files/1/schedule.ics" download>Lịch cho Outlook, Google Calendar (.ics)</a> <small>schedule.ics</small></li>');
    // The appendix, the workbook and the calendar first; the data files after.
    const order = ["appendix.docx", "schedule.xlsx", "schedule.ics", "sessions.csv", "plan.json", "schedule.json"].map((f) => page.indexOf(`/files/1/${f}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // A trip between two sessions in Vietnamese: a decimal comma, in hours.
    expect(page).toMatch(/<small>\(di chuyển \d+,\d giờ\)<\/small>/);
    expect(await (await w.get(`/p/${PLAN}?lang=en`)).text()).toMatch(/<small>\(travel \d+\.\d h\)<\/small>/);
    expect((await w.post(`/p/${PLAN}/solve`)).status).toBe(409);
  });

  it("previews a re-plan, accepts it as v2, and refuses a second accept of v1 with the version that won", async () => {
    await solved(w);
    const first = await preview(w, "Hà Nam", "2022-09-12");
    const second = await preview(w, "Bắc Ninh", "2022-09-12");
    const accepted = await w.post(`/p/${PLAN}/previews/${first}/accept`);
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain("Đã ghi phiên bản 2.");
    const stale = await w.post(`/p/${PLAN}/previews/${second}/accept`);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Phiên bản 2 đã được chấp nhận trong lúc này; hãy tải lại trang và đổi lịch từ phiên bản 2.");
    expect(JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")).version).toBe(2);
    // The change is recorded in the log beside the schedule, as the CLI's re-plan does: check applies it.
    expect(JSON.parse(readFileSync(join(w.dir, "small", "changes.json"), "utf8")).entries).toMatchObject([{ id: 1, kind: "change", version: 2, today: "2022-09-11", change: { provinces: { "Hà Nam": { unavailable: ["2022-09-12"] } } } }]);
    // Accepting it again (a double click, a resent form) answers the same and writes nothing.
    const again = await w.post(`/p/${PLAN}/previews/${first}/accept`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Đã ghi phiên bản 2.");
    expect(JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")).version).toBe(2);
  });

  it("Post/Redirect/Get: every change answers 303, a preview is a resource, a reload repeats nothing, HTML is never cached", async () => {
    await solved(w);
    const raw = (path: string, form: Record<string, string>) => w.app.request(`http://${HOST}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { host: HOST, origin: `http://${HOST}` } });
    const asked = await raw(`/p/${PLAN}/replan`, { province: "Hà Nam", kind: "day", day: "2022-09-12", today: "2022-09-11" });
    expect(asked.status).toBe(303);
    const location = asked.headers.get("location")!;
    expect(location).toMatch(/^\/p\/small\.yaml\/previews\/[\w-]+\?lang=vi$/);
    // The preview shows again on reload, in either language.
    for (let i = 0; i < 2; i++) expect(await (await w.get(location)).text()).toContain('id="accept-button"');
    expect(await (await w.get(location.replace("lang=vi", "lang=en"))).text()).toContain("Accept");
    const accepted = await raw(`${location.split("?")[0]}/accept`, {});
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(`/p/${PLAN}?lang=vi&note=accepted-2`);
    // Reloading the page it lands on, or going back to the preview, writes nothing more.
    for (let i = 0; i < 2; i++) expect(await (await w.get(accepted.headers.get("location")!)).text()).toContain("Đã ghi phiên bản 2.");
    const back = await (await w.get(location)).text();
    expect(back).toContain("Đã ghi phiên bản 2.");
    expect(back).not.toContain('id="accept-button"');
    expect(JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")).version).toBe(2);
    // Saving the plan redirects too; the page is never cached.
    const saved = await raw(`/p/${PLAN}/edit`, { text: readFileSync(join(w.dir, PLAN), "utf8") });
    expect([saved.status, saved.headers.get("location")]).toEqual([303, `/p/${PLAN}?lang=vi&note=saved`]);
    expect((await w.get(`/p/${PLAN}`)).headers.get("cache-control")).toBe("no-store");
  });

  it("re-plans under today: a malformed date is a 422 in the planner's words, a change about a held session a 409, never a 500", async () => {
    await solved(w);
    const form = { province: "Hà Nam", kind: "day", day: "2022-09-12" };
    for (const today of ["", "14/9/2022", "2022-13-01"]) {
      const bad = await w.post(`/p/${PLAN}/replan`, { ...form, today });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain("Ngày hôm nay không hợp lệ");
    }
    // The form's defaults: the session's own day, and today's real date, long after 2022 — the session was held.
    const defaults = await (await w.get(`/p/${PLAN}/replan?province=${encodeURIComponent("Hà Nam")}`)).text();
    const realToday = /name="today" value="(\d{4}-\d{2}-\d{2})"/.exec(defaults)![1]!;
    expect(realToday > "2026-01-01").toBe(true);
    const held = await w.post(`/p/${PLAN}/replan`, { ...form, today: realToday });
    expect(held.status).toBe(409);
    expect(await held.text()).toContain("mâu thuẫn với buổi đã tổ chức");
    expect(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")).toContain('"version": 1');
    // Accepted, the change shows in the log with its withdraw button; withdrawn, it stays listed as withdrawn.
    await w.post(`/p/${PLAN}/previews/${await preview(w, "Hà Nam", "2022-09-12")}/accept`);
    const page = await (await w.get(`/p/${PLAN}`)).text();
    expect(page).toMatch(/<section id="change-log">.*#1 \(v2, 11\/9\/2022\): Hà Nam không thể tổ chức: 12\/9\/2022.*action="\/p\/small.yaml\/changes\/1\/withdraw/s);
    const withdrawing = await (await w.post(`/p/${PLAN}/changes/1/withdraw`, { today: "2022-09-11" })).text();
    expect(withdrawing).toContain("0 buổi đổi ngày");
    await w.post(`/p/${PLAN}/previews/${/previews\/([\w-]+)\/accept/.exec(withdrawing)![1]}/accept`);
    expect(await (await w.get(`/p/${PLAN}`)).text()).toContain("[đã rút lại ở v3, 11/9/2022]");
  });

  it("an edited plan file: a renamed cluster and a removed province are said, and re-planned, never a stale grid or a 500", async () => {
    await solved(w);
    const text = readFileSync(join(w.dir, PLAN), "utf8").replaceAll("Cụm B", "Cụm Bắc").replace("provinces: [Bắc Ninh, Bắc Giang]", "provinces: [Bắc Ninh]");
    expect((await w.post(`/p/${PLAN}/edit`, { text })).status).toBe(200);
    const page = await w.get(`/p/${PLAN}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Kế hoạch đã được sửa từ phiên bản 1:");
    expect(html).toContain("<li>bỏ (hoặc đổi tên) Cụm B</li><li>thêm Cụm Bắc</li><li>bỏ Bắc Giang khỏi kế hoạch (trước thuộc Cụm B)</li>");
    const preview = await (await w.post(`/p/${PLAN}/replan-edited`, { today: "2022-09-05" })).text();
    expect(preview).toContain("Bắc Giang: ");
    expect((await w.post(`/p/${PLAN}/previews/${/previews\/([\w-]+)\/accept/.exec(preview)![1]}/accept`)).status).toBe(200);
    const v2 = JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")) as { sessions: { province: string; cluster: string }[] };
    expect(v2.sessions.map((s) => `${s.province} ${s.cluster}`).sort()).toEqual(["Bắc Ninh Cụm Bắc", "Hà Nam Cụm A", "Nam Định Cụm A"]);
    const log = JSON.parse(readFileSync(join(w.dir, "small", "changes.json"), "utf8")) as { entries: { kind: string; differences: unknown[] }[] };
    expect(log.entries).toMatchObject([{ kind: "plan-edit", differences: expect.arrayContaining([{ code: "province-removed", params: { province: "Bắc Giang", cluster: "Cụm B" } }]) }]);
    const after = await (await w.get(`/p/${PLAN}`)).text();
    expect(after).not.toContain("Kế hoạch đã được sửa");
    expect(after).toContain("Cụm Bắc");
  });

  it("shows the plan's warnings in the page's language, and a holiday as a row of its own in the grid", async () => {
    await solved(w);
    const vi = await (await w.get(`/p/${PLAN}`)).text();
    expect(vi).toContain('<section id="plan-warnings"><h2>Lưu ý về kế hoạch</h2><ul><li>Cụm B chưa có thời gian: áp dụng cả đợt, từ ngày 12/9/2022 đến ngày 16/9/2022 (hoặc chọn “Để taphuan đề xuất” ở thời gian của cụm)</li></ul></section>');
    expect(vi).toMatch(/<tr class="holiday"><th>Thứ Tư, 14\/9\/2022<\/th><td colspan="2">Ngày lễ: không xếp buổi nào<\/td><\/tr>/);
    const en = await (await w.get(`/p/${PLAN}?lang=en`)).text();
    expect(en).toContain("<li>Cụm B has no date window: the campaign period 2022-09-12..2022-09-16 applies — or write window: propose to have taphuan propose one</li>");
  });

  it("answers each kind of error with its status: busy 503 while the plan is being solved, internal 500 with a reference and no path or stack", async () => {
    const first = await w.post(`/p/${PLAN}/solve`);
    expect(first.status).toBe(202);
    const second = await w.post(`/p/${PLAN}/solve`);
    expect(second.status).toBe(503);
    expect(((await second.json()) as { error: string }).error).toBe("Một thao tác khác đang ghi lịch của kế hoạch này; hãy thử lại sau khi nó xong.");
    const { job } = (await first.json()) as { job: string };
    expect(await (await w.get(`/p/${PLAN}/jobs/${job}/events`)).text()).toContain("event: done");
    // A job is reached through its own plan only.
    cpSync(join(w.dir, PLAN), join(w.dir, "another.yaml"));
    expect((await w.get(`/p/another.yaml/jobs/${job}/events`)).status).toBe(404);
    expect((await w.post(`/p/another.yaml/jobs/${job}/stop`)).status).toBe(404);
    // A file the workspace itself wrote, broken behind its back: a bug's answer, not a planner's mistake.
    writeFileSync(join(w.dir, "small", "versions", "v1", "diff.json"), "{ not json");
    const broken = await w.get(`/p/${PLAN}`);
    expect(broken.status).toBe(500);
    const html = await broken.text();
    expect(html).toMatch(/Lỗi nội bộ \(mã [0-9a-f]{8}\): lịch đã lưu không thay đổi/);
    expect(html).not.toContain(w.dir);
    expect(html).not.toContain("SyntaxError");
  });

  it("switches language on every page, keeping what the page is about", async () => {
    await solved(w);
    const asked = await w.app.request(`http://${HOST}/p/${PLAN}/replan`, { method: "POST", body: new URLSearchParams({ province: "Hà Nam", kind: "day", day: "2022-09-12", today: "2022-09-11" }), headers: { host: HOST, origin: `http://${HOST}` } });
    const preview = asked.headers.get("location")!;
    await w.post(`${preview.split("?")[0]}/accept`);
    const pages = ["/?lang=vi", `/p/${PLAN}?lang=vi`, `/p/${PLAN}/edit?lang=vi`, `/p/${PLAN}/replan?province=${encodeURIComponent("Bắc Ninh")}&lang=vi`, preview, `/p/${PLAN}/compare?a=1&b=2&lang=vi`];
    for (const path of pages) {
      const html = await (await w.get(path)).text();
      expect(html, path).toContain('<html lang="vi">');
      const href = /id="lang-switch" href="([^"]*)"/.exec(html)![1]!.replaceAll("&amp;", "&");
      const switched = await w.get(new URL(href, `http://${HOST}${path}`).pathname + new URL(href, `http://${HOST}${path}`).search);
      expect(switched.status, `${path} → ${href}`).toBe(200);
      expect(await switched.text(), `${path} → ${href}`).toContain('<html lang="en">');
    }
  });

  it("a fix is offered and applied only on the plan text it was proven on; concurrent Accepts of one preview give one version and one answer", async () => {
    cpSync("examples/infeasible-cap.yaml", join(w.dir, "cap.yaml"));
    const started = await w.post("/p/cap.yaml/solve");
    const { job } = (await started.json()) as { job: string };
    await (await w.get(`/p/cap.yaml/jobs/${job}/events`)).text();
    expect(await (await w.get("/p/cap.yaml")).text()).toContain('class="apply-fix"');
    // The planner edits the plan meanwhile: the fix proven on the old text is neither shown nor applied over the edit.
    const edited = readFileSync(join(w.dir, "cap.yaml"), "utf8").replace("maxConcurrentSessions: 2", "maxConcurrentSessions: 6");
    writeFileSync(join(w.dir, "cap.yaml"), edited);
    expect(await (await w.get("/p/cap.yaml")).text()).not.toContain('class="apply-fix"');
    expect((await w.post("/p/cap.yaml/fixes/0/apply", { version: "1" })).status).toBe(404);
    expect(readFileSync(join(w.dir, "cap.yaml"), "utf8")).toBe(edited);

    await solved(w);
    const id = await preview(w, "Hà Nam", "2022-09-12");
    const raw = () => w.app.request(`http://${HOST}/p/${PLAN}/previews/${id}/accept`, { method: "POST", headers: { host: HOST, origin: `http://${HOST}` } });
    const answers = await Promise.all([raw(), raw(), raw()]);
    expect(answers.map((a) => [a.status, a.headers.get("location")])).toEqual(Array(3).fill([303, `/p/${PLAN}?lang=vi&note=accepted-2`]));
    expect(JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8")).version).toBe(2);
  });

  it("compares two versions, restores an old one as the next, and serves downloads and the updates .zip", async () => {
    writeFileSync(join(w.dir, PLAN), readFileSync(join(w.dir, PLAN), "utf8").replace("  registry: vn-63", "  registry: vn-63\n  organizer: { name: Ban tổ chức, email: btc@example.org }"));
    await solved(w);
    expect((await w.post(`/p/${PLAN}/previews/${await preview(w, "Hà Nam", "2022-09-12")}/accept`)).status).toBe(200);
    const compare = await (await w.get(`/p/${PLAN}/compare?a=1&b=2&lang=en`)).text();
    expect(compare).toMatch(/<li>Hà Nam: Monday, 12\/9\/2022, (morning|afternoon) → .+<\/li>/);
    const zip = await w.get(`/p/${PLAN}/updates-v2.zip`);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(["updates/requests/ha-nam.ics"]);
    expect(new TextDecoder().decode(entries["updates/requests/ha-nam.ics"])).toContain("SEQUENCE:1");
    expect((await w.get(`/p/${PLAN}/updates-v1.zip`)).status).toBe(404);
    // Restoring v1 is a re-plan toward it: Hà Nam's answer (not on 12/9) still stands, so it alone does not come back.
    const restoring = await (await w.post(`/p/${PLAN}/versions/1/restore`, { today: "2022-09-05" })).text();
    expect(restoring).toContain("Không trở lại như phiên bản 1:");
    expect(restoring).toMatch(/<li>Hà Nam: 12\/9\/2022 \((sáng|chiều)\): không xếp buổi khi tỉnh không thể tổ chức — thay đổi #1, từ v2<\/li>/);
    const restored = await w.post(`/p/${PLAN}/previews/${/previews\/([\w-]+)\/accept/.exec(restoring)![1]}/accept`);
    expect(await restored.text()).toContain("Đã ghi phiên bản 3.");
    const v1 = JSON.parse(readFileSync(join(w.dir, "small", "versions", "v1", "schedule.json"), "utf8"));
    const v3 = JSON.parse(readFileSync(join(w.dir, "small", "schedule.json"), "utf8"));
    expect(v3.version).toBe(3);
    const slots = (schedule: { sessions: { province: string; date: string; halfDay: string }[] }) => schedule.sessions.filter((s) => s.province !== "Hà Nam").map((s) => `${s.province} ${s.date}/${s.halfDay}`).sort();
    expect(slots(v3)).toEqual(slots(v1));
    expect(v3.sessions.find((s: { province: string }) => s.province === "Hà Nam").date).not.toBe("2022-09-12");
    const ics = await w.get(`/p/${PLAN}/files/3/schedule.ics`);
    expect(ics.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
    expect((await w.get(`/p/${PLAN}/files/3/appendix.docx`)).headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect((await w.get(`/p/${PLAN}/files/3/..%2F..%2F..%2Fsmall.yaml`)).status).toBe(404);
    expect((await w.get(`/p/${PLAN}/files/9/schedule.ics`)).status).toBe(404);
  });

  it("shows where a session could go, each half-day marked in Vietnamese, a free one a preview away", async () => {
    await solved(w);
    const form = await (await w.get(`/p/${PLAN}/replan?province=${encodeURIComponent("Hà Nam")}`)).text();
    expect(form).toContain('id="alternatives-button"');
    const response = await w.get(`/p/${PLAN}/alternatives?lang=vi&province=${encodeURIComponent("Hà Nam")}&today=2022-09-09`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Các buổi có thể chuyển cho Hà Nam");
    expect(html).toContain('class="alt-current"');
    // 14/9 is a holiday of the small plan: not a working half-day, so not listed.
    expect(html).not.toContain("14/9/2022");
    const free = /<tr class="alt-free">.*?name="fixedDate" value="([\d-]+)".*?name="fixedHalfDay" value="(\w+)"/.exec(html)!;
    const previewed = await w.post(`/p/${PLAN}/replan`, { province: "Hà Nam", kind: "fixed", fixedDate: free[1]!, fixedHalfDay: free[2]!, today: "2022-09-09" });
    expect(previewed.status).toBe(200);
    expect(await previewed.text()).toMatch(/previews\/[\w-]+\/accept/);
    expect((await w.get(`/p/${PLAN}/alternatives?province=${encodeURIComponent("Hà Nam")}&today=yesterday`)).status).toBe(422);
  });

  it("makes a new plan without YAML: the letter's plan as a template, a copy, or blank on vn-34; never over a file; a bad name said", async () => {
    expect(await (await w.get("/")).text()).toContain('id="new-plan"');
    const letter = await w.post("/new", { file: "Kế hoạch 2027", title: "Tập huấn 2027", from: "letter" });
    expect(letter.status).toBe(200);
    const made = loadPlanText(readFileSync(join(w.dir, "Kế hoạch 2027.yaml"), "utf8"), "k.yaml");
    expect(made.plan.data.campaign.title).toBe("Tập huấn 2027");
    expect(made.plan.clusters).toHaveLength(10);
    expect(readFileSync(join(w.dir, "Kế hoạch 2027.yaml"), "utf8")).toContain("# SAMPLE roster");
    await w.post("/new", { file: "ban sao.yaml", title: "Bản sao", from: "copy", copy: PLAN });
    expect(loadPlanText(readFileSync(join(w.dir, "ban sao.yaml"), "utf8"), "b.yaml").plan.provinces.map((p) => p.name)).toEqual(loadPlanText(readFileSync(join(w.dir, PLAN), "utf8"), "s.yaml").plan.provinces.map((p) => p.name));
    await w.post("/new", { file: "trống.yaml", title: "Kế hoạch trống", from: "blank", registry: "vn-34" });
    expect(loadPlanText(readFileSync(join(w.dir, "trống.yaml"), "utf8"), "t.yaml").plan.data.campaign.registry).toBe("vn-34");
    const again = await w.post("/new", { file: "trống.yaml", title: "X", from: "blank", registry: "vn-63" });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain("đã có: kế hoạch mới không bao giờ ghi đè một tệp");
    expect(loadPlanText(readFileSync(join(w.dir, "trống.yaml"), "utf8"), "t.yaml").plan.data.campaign.registry).toBe("vn-34");
    expect((await w.post("/new", { file: "../x.yaml", title: "X", from: "letter" })).status).toBe(422);
    // Another extension, case or encoding of a plan's name would share its schedule folder, or look the same: refused.
    for (const file of ["small.yml", "SMALL.yaml", "Kế hoạch 2027.yaml".normalize("NFD")]) expect((await w.post("/new", { file, title: "X", from: "letter" })).status).toBe(422);
  });

  it("survives a broken schedule file: a 422 naming the file and the problem, and the next request works", async () => {
    await solved(w);
    const file = join(w.dir, "small", "versions", "v1", "schedule.json");
    const good = readFileSync(file, "utf8");
    rmSync(file);
    writeFileSync(file, "{ not json");
    const broken = await w.get(`/p/${PLAN}`);
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain("small/versions/v1/schedule.json:1:11: không phải YAML hợp lệ");
    rmSync(file);
    writeFileSync(file, good);
    expect((await w.get(`/p/${PLAN}`)).status).toBe(200);
  });
});

describe("a workspace on a non-loopback host", () => {
  const TOKEN = "s3cret-token-of-24-chars";
  it("requires its token on every request, exchanges it for a strict cookie and takes it out of the address", async () => {
    const w = workspace({ host: "192.0.2.10", token: TOKEN });
    const refused = await w.get("/");
    expect(refused.status).toBe(401);
    // Refusals carry the same protections as pages.
    expect(refused.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await w.get("/?token=wrong")).status).toBe(401);
    const entered = await w.get(`/?token=${TOKEN}&lang=en`);
    expect(entered.status).toBe(303);
    expect(entered.headers.get("location")).toBe("/?lang=en");
    expect(entered.headers.get("set-cookie")).toMatch(new RegExp(`^taphuan_token=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`));
    expect((await w.get("/", { cookie: `taphuan_token=${TOKEN}` })).status).toBe(200);
  });

  it("fails closed: no token, or a short one, is refused", () => {
    for (const token of [undefined, "", "short"]) expect(() => workspace({ host: "192.0.2.10", ...(token !== undefined ? { token } : {}) })).toThrow(/needs a token of at least 22 characters/);
  });

  it("on 0.0.0.0, answers to this machine's own addresses, not to another name", async () => {
    const w = workspace({ host: "0.0.0.0", token: TOKEN });
    const cookie = { cookie: `taphuan_token=${TOKEN}` };
    for (const host of [`127.0.0.1:${PORT}`, `localhost:${PORT}`]) expect((await w.app.request(`http://${host}/`, { headers: { host, ...cookie } })).status).toBe(200);
    expect((await w.app.request(`http://evil.example:${PORT}/`, { headers: { host: `evil.example:${PORT}`, ...cookie } })).status).toBe(403);
  });
});

describe("the workspace's folder: names and links", () => {
  it("lists every YAML file, Vietnamese, spaced, bracketed or decomposed, and says why one cannot be opened", async () => {
    const w = workspace();
    const text = readFileSync(join(w.dir, PLAN), "utf8");
    for (const name of ["Kế hoạch 2027.yaml", "ke-hoach(2).yaml", "Kế hoạch NFD.yaml".normalize("NFD")]) writeFileSync(join(w.dir, name), text);
    symlinkSync(join(w.dir, PLAN), join(w.dir, "lien-ket.yaml"));
    const home = await (await w.get("/")).text();
    for (const name of ["Kế hoạch 2027.yaml", "ke-hoach(2).yaml", "Kế hoạch NFD.yaml".normalize("NFD")]) {
      // Shown composed (NFC, as every page writes text); linked by the name the file has.
      expect(home).toContain(`<small>${name.normalize("NFC")}</small>`);
      expect(home).toContain(`href="/p/${encodeURIComponent(name)}?lang=vi"`);
      expect((await w.get(`/p/${encodeURIComponent(name)}`)).status).toBe(200);
    }
    expect(home).toMatch(/lien-ket\.yaml<\/small> <span class="bad">không mở được/);
    expect((await w.get(`/p/lien-ket.yaml`)).status).toBe(404);
  });

  it("follows no link: a schedule folder that is a link out of the workspace is refused, a version file that links outside is neither listed nor served", async () => {
    const w = workspace();
    await solved(w);
    const outside = mkdtempSync(join(tmpdir(), "taphuan-outside-"));
    writeFileSync(join(outside, "secret.txt"), "secret");
    symlinkSync(join(outside, "secret.txt"), join(w.dir, "small", "versions", "v1", "secret.txt"));
    const page = await (await w.get(`/p/${PLAN}`)).text();
    expect(page).not.toContain("secret.txt");
    expect((await w.get(`/p/${PLAN}/files/1/secret.txt`)).status).toBe(404);
    expect((await w.get(`/p/${PLAN}/files/1/%E0%A4%A`)).status).toBe(400);
    cpSync(join(w.dir, PLAN), join(w.dir, "other.yaml"));
    symlinkSync(outside, join(w.dir, "other"));
    const refused = await w.get("/p/other.yaml");
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("other: thư mục lịch là một liên kết (symlink): bàn làm việc không đọc, không ghi qua liên kết");
    expect((await w.post("/p/other.yaml/solve")).status).toBe(422);
  });
});
