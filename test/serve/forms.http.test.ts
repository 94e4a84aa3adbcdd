/** The plan's forms over HTTP: shown, checked as one types (JSON), refused beside their fields (422), saved (303), and seen on the plan page. */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPlanText } from "../../src/model/load.ts";
import { createWorkspace } from "../../src/serve/workspace.ts";

const PORT = 4174;
const HOST = `127.0.0.1:${PORT}`;
const PLAN = "small.yaml";
const FIXTURE = readFileSync("test/fixtures/small-plan.yaml", "utf8");

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-forms-"));
  cpSync("test/fixtures/small-plan.yaml", join(dir, PLAN));
  const app = createWorkspace({ dir, host: "127.0.0.1", port: PORT });
  const get = (path: string) => app.request(`http://${HOST}${path}`, { headers: { host: HOST } });
  const send = (path: string, form: URLSearchParams | Record<string, string>, headers: Record<string, string> = { origin: `http://${HOST}` }) =>
    app.request(`http://${HOST}${path}`, { method: "POST", body: form instanceof URLSearchParams ? form : new URLSearchParams(form), headers: { host: HOST, ...headers } });
  const planText = () => readFileSync(join(dir, PLAN), "utf8");
  return { dir, get, send, planText };
}

/** A form's fields as the browser would post them: every named input's value, checked boxes and selected options only. */
function formOf(html: string, overrides: Record<string, string | string[]> = {}): URLSearchParams {
  const form = new URLSearchParams();
  const form_ = /<form method="post"[^>]*class="plan-form"[\s\S]*?<\/form>/.exec(html)![0];
  for (const [tag] of form_.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name in overrides) continue;
    if (/type="(checkbox|radio)"/.test(tag) && !/ checked/.test(tag)) continue;
    form.append(name, /value="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">") ?? "");
  }
  for (const [, name, options] of form_.matchAll(/<select name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    if (name! in overrides) continue;
    const selected = /<option value="([^"]*)" selected/.exec(options!)?.[1] ?? /<option(?: value="([^"]*)")?[^>]*>([^<]*)/.exec(options!)?.[1] ?? "";
    form.append(name!, selected);
  }
  for (const [, name, text] of form_.matchAll(/<textarea [^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) if (!(name! in overrides)) form.append(name!, text!);
  for (const [name, value] of Object.entries(overrides)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  return form;
}

describe("the plan's forms over HTTP", () => {
  let w: ReturnType<typeof workspace>;
  beforeEach(() => {
    w = workspace();
  });

  it("are linked from the plan page beside the YAML editor, and list the plan's parts", async () => {
    const page = await (await w.get(`/p/${PLAN}`)).text();
    expect(page).toContain(`<a id="edit-forms" href="/p/${PLAN}/forms?lang=vi">Sửa kế hoạch</a> · <a href="/p/${PLAN}/edit?lang=vi">Sửa tệp YAML</a>`);
    const list = await (await w.get(`/p/${PLAN}/forms`)).text();
    expect(list).toContain("<h1>Sửa kế hoạch: Tập huấn thử</h1>");
    expect(list).toMatch(/class="edit-cluster">Cụm A<\/a>.*class="edit-cluster">Cụm B<\/a>/s);
    expect(list).toContain('class="edit-trainer">Đoàn-1</a>');
    expect((await w.get(`/p/${PLAN}/forms/clusters/7`)).status).toBe(404);
    expect((await w.get(`/p/${PLAN}/forms/trainers/x`)).status).toBe(404);
  });

  it("checks the campaign as one types, refuses it with what was typed and each problem beside its field, and saves it", async () => {
    const html = await (await w.get(`/p/${PLAN}/forms/campaign`)).text();
    expect(html).toContain('<label for="f-title">Tên đợt tập huấn</label> <input type="text" id="f-title" name="title" value="Tập huấn thử"');
    const bad = formOf(html, { title: "Tập huấn mới", noticeDays: "năm", contactEmail: "không-phải-thư" });
    const check = await w.send(`/p/${PLAN}/forms/campaign/check`, bad);
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({ noticeDays: "cần một số nguyên (số ngày làm việc)", contactName: "Cần điền ô này", contactEmail: '"không-phải-thư" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)' });
    const checkEn = await w.send(`/p/${PLAN}/forms/campaign/check?lang=en`, bad);
    expect((await checkEn.json())["noticeDays"]).toBe("expected a whole number (working days)");
    // The check writes nothing; neither does a refused save, which comes back with the values typed.
    const refused = await w.send(`/p/${PLAN}/forms/campaign`, bad);
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('value="Tập huấn mới"');
    expect(again).toContain('<span class="field-error" id="error-noticeDays" data-error-for="noticeDays" aria-live="polite">cần một số nguyên (số ngày làm việc)</span>');
    expect(w.planText()).toBe(FIXTURE);

    // Holidays as the planner writes days: shown dd/mm/yyyy, and read so.
    expect(html).toContain('name="holidays" rows="3" cols="14" aria-describedby="error-holidays">14/09/2022</textarea>');
    const good = formOf(html, { title: "Tập huấn mới", maxDailySessions: "3" });
    expect(await (await w.send(`/p/${PLAN}/forms/campaign/check`, good)).json()).toEqual({});
    const saved = await w.send(`/p/${PLAN}/forms/campaign`, good);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/p/${PLAN}?lang=vi&note=saved`);
    expect(w.planText()).toBe(FIXTURE.replace("title: Tập huấn thử", "title: Tập huấn mới").replace("  registry: vn-63\n", "  registry: vn-63\n  maxDailySessions: 3\n"));
  });

  it("refuses a check or a save from another origin, and a save over a plan edited since the form was opened", async () => {
    const html = await (await w.get(`/p/${PLAN}/forms/campaign`)).text();
    const form = formOf(html, { title: "Khác" });
    expect((await w.send(`/p/${PLAN}/forms/campaign/check`, form, { origin: "http://evil.example" })).status).toBe(403);
    expect((await w.send(`/p/${PLAN}/forms/campaign`, form, {})).status).toBe(403);
    // Same-origin fetches without an Origin header pass on their Sec-Fetch-Site, as the page's script does.
    expect((await w.send(`/p/${PLAN}/forms/campaign/check`, form, { "sec-fetch-site": "same-origin" })).status).toBe(200);
    await w.send(`/p/${PLAN}/edit`, { text: FIXTURE.replace("Tập huấn thử", "Sửa nơi khác") });
    const stale = await w.send(`/p/${PLAN}/forms/campaign`, form);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Kế hoạch đã được sửa ở nơi khác từ khi mở trang này");
    expect(w.planText()).toContain("Sửa nơi khác");
  });

  it("renames a cluster with its trainers' lists; after a solve, the plan page lists the edit since the version", async () => {
    const started = await w.send(`/p/${PLAN}/solve`, {});
    const { job } = (await started.json()) as { job: string };
    expect(await (await w.get(`/p/${PLAN}/jobs/${job}/events`)).text()).toContain("event: done");
    const html = await (await w.get(`/p/${PLAN}/forms/clusters/1`)).text();
    expect(html).toContain('<input type="checkbox" name="provinces" value="Bắc Ninh" checked>');
    expect(html).toContain("Hà Nam</label> <small>(đang thuộc Cụm A)</small>");
    expect(html).toContain("Chọn một tỉnh đang thuộc cụm khác để chuyển tỉnh đó sang cụm này");
    const saved = await w.send(`/p/${PLAN}/forms/clusters/1`, formOf(html, { name: "Cụm Bắc" }));
    expect(saved.status).toBe(303);
    const plan = loadPlanText(w.planText(), PLAN).plan;
    expect(plan.data.trainers.map((t) => t.clusters)).toEqual(["all", ["Cụm A"], ["Cụm Bắc"], ["Cụm Bắc"]]);
    const page = await (await w.get(saved.headers.get("location")!)).text();
    expect(page).toContain("Đã lưu kế hoạch.");
    expect(page).toContain("<li>đổi tên Cụm B thành Cụm Bắc</li>");
  });

  it("never drops a standing answer unsaid: removing a trainer who has standing days away is refused until the change is withdrawn", async () => {
    const started = await w.send(`/p/${PLAN}/solve`, {});
    const { job } = (await started.json()) as { job: string };
    expect(await (await w.get(`/p/${PLAN}/jobs/${job}/events`)).text()).toContain("event: done");
    // Change #1: Đoàn-1 away on 16/9, previewed and accepted as v2.
    // A change asked for answers 303 to its preview (Post/Redirect/Get); its Accept publishes the next version.
    const accept = async (asked: Response) => {
      expect(asked.status).toBe(303);
      const preview = await (await w.get(asked.headers.get("location")!)).text();
      expect((await w.send(`/p/${PLAN}/previews/${/previews\/([\w-]+)\/accept/.exec(preview)![1]}/accept`, {})).status).toBe(303);
    };
    await accept(await w.send(`/p/${PLAN}/replan`, { province: "Bắc Ninh", kind: "trainer", trainer: "Đoàn-1", trainerDate: "2022-09-16", today: "2022-09-09" }));
    const base = async () => /name="base" value="(\w+)"/.exec(await (await w.get(`/p/${PLAN}/forms`)).text())![1]!;
    const refused = await w.send(`/p/${PLAN}/forms/trainers/2/remove`, { base: await base() });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("thay đổi #1 (v2) đang áp dụng sẽ không còn áp dụng được: giảng viên Đoàn-1 không còn trong kế hoạch — hãy rút lại thay đổi #1 ở trang kế hoạch trước, rồi làm lại");
    expect(w.planText()).toBe(FIXTURE);
    // The YAML editor refuses it the same way.
    const typed = await w.send(`/p/${PLAN}/edit`, { text: FIXTURE.replace(/^ {2}- \{ id: Đoàn-1,.*\n/m, "") });
    expect(typed.status).toBe(422);
    expect(await typed.text()).toContain("thay đổi #1 (v2) đang áp dụng sẽ không còn áp dụng được: giảng viên Đoàn-1 không còn trong kế hoạch");
    expect(w.planText()).toBe(FIXTURE);
    // Withdrawn (v3), the trainer can go.
    await accept(await w.send(`/p/${PLAN}/changes/1/withdraw`, { today: "2022-09-09" }));
    expect((await w.send(`/p/${PLAN}/forms/trainers/2/remove`, { base: await base() })).status).toBe(303);
    expect(loadPlanText(w.planText(), PLAN).plan.data.trainers.map((t) => t.id)).not.toContain("Đoàn-1");
  });

  it("moves a province ticked in another cluster's form to it, out of its old cluster, its settings kept", async () => {
    await w.send(`/p/${PLAN}/edit`, { text: FIXTURE.replace("trainers:", "provinces:\n  Hà Nam: { venue: Nhà văn hóa }\ntrainers:") });
    const html = await (await w.get(`/p/${PLAN}/forms/clusters/1`)).text();
    const saved = await w.send(`/p/${PLAN}/forms/clusters/1`, formOf(html, { provinces: ["Bắc Ninh", "Bắc Giang", "Hà Nam"] }));
    expect(saved.status).toBe(303);
    const plan = loadPlanText(w.planText(), PLAN).plan;
    expect(plan.data.clusters.map((c) => c.provinces)).toEqual([["Nam Định"], ["Bắc Ninh", "Bắc Giang", "Hà Nam"]]);
    expect(plan.index.provinceNamed("Hà Nam")!.venue).toBe("Nhà văn hóa");
  });

  it("adds a cluster and a trainer, moves and removes from the list, and saves a province's settings", async () => {
    const fresh = await (await w.get(`/p/${PLAN}/forms/clusters/new`)).text();
    const cluster = formOf(fresh, { name: "Cụm C", window: "dated", from: "2022-09-12", to: "2022-09-13", provinces: ["Hưng Yên", "Thái Bình"] });
    expect((await w.send(`/p/${PLAN}/forms/clusters/new`, cluster)).status).toBe(303);
    const trainer = formOf(await (await w.get(`/p/${PLAN}/forms/trainers/new`)).text(), { id: "GV-C", organisation: "Sở", roles: ["policy", "skills"], clusters: ["Cụm C"], home: "Thái Bình" });
    expect((await w.send(`/p/${PLAN}/forms/trainers/new`, trainer)).status).toBe(303);
    let plan = loadPlanText(w.planText(), PLAN).plan;
    expect(plan.data.clusters.at(-1)).toEqual({ name: "Cụm C", window: { from: "2022-09-12", to: "2022-09-13" }, provinces: ["Hưng Yên", "Thái Bình"] });
    expect(plan.data.trainers.at(-1)).toMatchObject({ id: "GV-C", roles: ["policy", "skills"], clusters: ["Cụm C"], home: "Thái Bình" });

    const list = await (await w.get(`/p/${PLAN}/forms`)).text();
    const base = /name="base" value="(\w+)"/.exec(list)![1]!;
    const moved = await w.send(`/p/${PLAN}/forms/clusters/2/move`, { base, by: "-1" });
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toBe(`/p/${PLAN}/forms?lang=vi&note=saved`);
    expect(loadPlanText(w.planText(), PLAN).plan.data.clusters.map((c) => c.name)).toEqual(["Cụm A", "Cụm C", "Cụm B"]);
    // A cluster a trainer serves alone is not removed: the list says why.
    const base2 = /name="base" value="(\w+)"/.exec(await (await w.get(`/p/${PLAN}/forms`)).text())![1]!;
    const refused = await w.send(`/p/${PLAN}/forms/clusters/1/remove`, { base: base2 });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Chưa thay đổi được: giảng viên GV-C (cụm phụ trách): không có cụm &quot;Cụm C&quot;");
    expect((await w.send(`/p/${PLAN}/forms/trainers/4/remove`, { base: base2 })).status).toBe(303);
    const base3 = /name="base" value="(\w+)"/.exec(await (await w.get(`/p/${PLAN}/forms`)).text())![1]!;
    expect((await w.send(`/p/${PLAN}/forms/clusters/1/remove`, { base: base3 })).status).toBe(303);
    expect(w.planText()).toBe(FIXTURE);

    plan = loadPlanText(w.planText(), PLAN).plan;
    const code = plan.provinces.find((p) => p.name === "Bắc Giang")!.record.code;
    const provinceForm = await (await w.get(`/p/${PLAN}/forms/provinces/${code}`)).text();
    expect(provinceForm).toContain("<h1>Thông tin của Bắc Giang (Cụm B)</h1>");
    const bad = await w.send(`/p/${PLAN}/forms/provinces/${code}`, formOf(provinceForm, { unavailableFrom: ["2022-09-31", ""], unavailableTo: ["", ""], unavailableHalfDay: ["", ""] }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('data-error-for="unavailable.0" aria-live="polite">&quot;2022-09-31&quot; không phải một ngày: tháng 9 năm 2022 có 30 ngày (đã ghi ngày 31)</span>');
    const good = await w.send(`/p/${PLAN}/forms/provinces/${code}`, formOf(provinceForm, { venue: "Nhà văn hóa tỉnh", unavailableFrom: ["2022-09-15", ""], unavailableTo: ["", ""], unavailableHalfDay: ["morning", ""] }));
    expect(good.status).toBe(303);
    expect(w.planText()).toBe(`${FIXTURE}provinces:\n  Bắc Giang: { unavailable: [{ date: 2022-09-15, halfDay: morning }], venue: Nhà văn hóa tỉnh }\n`);
  });
});
