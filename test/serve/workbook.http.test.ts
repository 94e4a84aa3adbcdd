/** The workspace's Excel template and import, over HTTP requests without a browser. */
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createWorkspace } from "../../src/serve/workspace.ts";

const PORT = 4173;
const HOST = `127.0.0.1:${PORT}`;
const PLAN = "small.yaml";

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-http-workbook-"));
  cpSync("test/fixtures/small-plan.yaml", join(dir, PLAN));
  const app = createWorkspace({ dir, host: "127.0.0.1", port: PORT });
  const get = (path: string) => app.request(`http://${HOST}${path}`, { headers: { host: HOST } });
  // A multipart post, followed by its redirect as a browser does (Post/Redirect/Get).
  const upload = async (bytes: Uint8Array | undefined, headers: Record<string, string> = { origin: `http://${HOST}` }) => {
    const form = new FormData();
    if (bytes) form.append("workbook", new File([new Uint8Array(bytes)], "roster.xlsx"));
    const response = await app.request(`http://${HOST}/p/${PLAN}/import?lang=vi`, { method: "POST", body: form, headers: { host: HOST, ...headers } });
    return response.status === 303 ? get(response.headers.get("location")!) : response;
  };
  return { dir, get, upload };
}

async function edited(bytes: ArrayBuffer, edit: (trainers: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  edit(workbook.getWorksheet("Giảng viên")!);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the workspace's Excel template and import", () => {
  it("offers the template for download, the same bytes each time", async () => {
    const w = workspace();
    const page = await (await w.get(`/p/${PLAN}?lang=vi`)).text();
    expect(page).toContain(`href="/p/${PLAN}/template.xlsx" download>Tải mẫu Excel</a>`);
    expect(page).toContain('enctype="multipart/form-data"');
    const first = await w.get(`/p/${PLAN}/template.xlsx`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(first.headers.get("content-disposition")).toContain("filename*=UTF-8''small.xlsx");
    const [a, b] = [Buffer.from(await first.arrayBuffer()), Buffer.from(await (await w.get(`/p/${PLAN}/template.xlsx`)).arrayBuffer())];
    expect(a.equals(b)).toBe(true);
  });

  it("imports an edited workbook (Post/Redirect/Get, the summary on the page), and refuses a bad one with its problems in Vietnamese, writing nothing", async () => {
    const w = workspace();
    const template = await (await w.get(`/p/${PLAN}/template.xlsx`)).arrayBuffer();
    const original = readFileSync(join(w.dir, PLAN), "utf8");

    const bad = await w.upload(await edited(template, (ws) => (ws.getRow(2).getCell(7).value = "ba")));
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain("Chưa nhập: sổ tính có lỗi, kế hoạch giữ nguyên.");
    expect(badPage.indexOf('id="import-outcome"')).toBeLessThan(badPage.indexOf('id="workbook"'));
    expect(badPage).toContain("roster.xlsx: Trang &quot;Giảng viên&quot;, dòng 2, cột G (Số buổi tối đa mỗi ngày): &quot;ba&quot; không phải số nguyên — hãy ghi 1 hoặc 2");
    expect(readFileSync(join(w.dir, PLAN), "utf8")).toBe(original);

    expect((await w.upload(undefined)).status).toBe(422);
    expect((await w.upload(await edited(template, () => undefined), { origin: "http://evil.example" })).status).toBe(403);

    const good = await w.upload(await edited(template, (ws) => ws.addRow(["Đoàn-2", "Trung ương Đoàn", "skills", "Cụm A", "Hà Nam"])));
    expect(good.status).toBe(200);
    const page = await good.text();
    expect(page).toContain("Đã nhập sổ tính vào kế hoạch:");
    expect(page).toContain("<li>thêm giảng viên (1): Đoàn-2</li>");
    // Said where the page opens, under its title, before the schedule and the workbook's own section.
    expect(page.indexOf('id="import-outcome"')).toBeGreaterThan(page.indexOf("</h1>"));
    expect(page.indexOf('id="import-outcome"')).toBeLessThan(page.indexOf('id="solve"'));
    expect(page.indexOf('id="import-outcome"')).toBeLessThan(page.indexOf('id="workbook"'));
    expect(readFileSync(join(w.dir, PLAN), "utf8")).toBe(`${original}  - { id: Đoàn-2, organisation: Trung ương Đoàn, roles: [skills], clusters: [Cụm A], home: Hà Nam }\n`);
    // A note is only what an import said: an id nobody was given shows nothing.
    expect(await (await w.get(`/p/${PLAN}?lang=vi&note=imported-made-up`)).text()).not.toContain("Đã nhập sổ tính");
  });
});
