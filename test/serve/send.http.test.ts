/** Sending the invitations from the page, to a real SMTP server on 127.0.0.1: settings kept out of the plan, what is due, Send, who got what. */
import { chmodSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../../src/serve/workspace.ts";
import { startSmtpServer, type TestServer } from "../smtp-server.ts";

const HOST = "127.0.0.1:4173";
const PLAN = "small.yaml";
// The small plan with an organizer and the trainers' addresses: its sessions have invitations to send.
const TEXT = readFileSync("test/fixtures/small-plan.yaml", "utf8")
  .replace("  registry: vn-63\n", "  registry: vn-63\n  organizer: { name: Cục Chuyển đổi số quốc gia (mẫu), email: dau-moi@example.org }\n")
  .replace(/home: Hà Nội }/g, "home: Hà Nội, email: gv@example.org }")
  .replace("home: Bắc Ninh }", "home: Bắc Ninh, email: doan-1@example.org }")
  .replace("unavailable: [2022-09-12] }", "unavailable: [2022-09-12], email: cdsqg-2@example.org }");

function workspace(env: NodeJS.ProcessEnv) {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-send-http-"));
  writeFileSync(join(dir, PLAN), TEXT);
  const app = createWorkspace({ dir, host: "127.0.0.1", port: 4173, env });
  const get = (path: string) => app.request(`http://${HOST}${path}`, { headers: { host: HOST } });
  const post = async (path: string, form: Record<string, string> = {}) => {
    const response = await app.request(`http://${HOST}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { host: HOST, origin: `http://${HOST}` } });
    return response.status === 303 ? get(response.headers.get("location")!) : response;
  };
  const solve = async () => {
    const { job } = (await (await post(`/p/${PLAN}/solve`)).json()) as { job: string };
    expect(await (await get(`/p/${PLAN}/jobs/${job}/events`)).text()).toContain("event: done");
  };
  const upload = async (path: string, files: { name: string; text: string }[]) => {
    const form = new FormData();
    for (const f of files) form.append("replies", new File([f.text], f.name, { type: "message/rfc822" }));
    const response = await app.request(`http://${HOST}${path}`, { method: "POST", body: form, headers: { host: HOST, origin: `http://${HOST}` } });
    return response.status === 303 ? get(response.headers.get("location")!) : response;
  };
  return { dir, get, post, solve, upload };
}

describe("sending the invitations from the page", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(() => server.close());

  it("lists what is due, sends it, says per message what happened, and sends nothing twice", async () => {
    const w = workspace({ TAPHUAN_SMTP_URL: `smtp://127.0.0.1:${server.port}` });
    await w.solve();
    expect(await (await w.get(`/p/${PLAN}`)).text()).toContain('id="send-link"');
    server.refused.add("doan-1@example.org");
    const before = await (await w.get(`/p/${PLAN}/send`)).text();
    expect(before).toContain("Máy chủ thư: smtp://127.0.0.1");
    expect(before).toMatch(/\d+ thư sẽ gửi:/);
    expect(before).toContain('id="send-button"');
    const due = Number(/(\d+) thư sẽ gửi:/.exec(before)![1]);
    // Nobody can have answered yet: every invitation is still to send.
    expect(before).toContain("CĐSQG-1: chưa gửi thư mời");
    expect(before).not.toContain("chưa trả lời");
    const after = await (await w.post(`/p/${PLAN}/send`)).text();
    expect(after).toContain(`Đã gửi ${due - 2} thư.`);
    // Each message sent, in its row: who, where to, which session.
    expect(after.match(/<td>đã gửi<\/td>/g)).toHaveLength(due - 2);
    expect(after).toContain("<tr><td>CĐSQG-1</td><td>gv@example.org</td><td>Hà Nam — Thứ Hai, 12/9/2022, chiều</td><td>đã gửi</td></tr>");
    expect(after).toContain("máy chủ từ chối: ");
    expect(server.received).toHaveLength(due - 2);
    // A reload of the result sends nothing; what is left is the refused ones, never sent again by themselves.
    const again = await (await w.get(`/p/${PLAN}/send`)).text();
    expect(again).toContain("Không còn thư nào phải gửi");
    expect(again).toContain("đã bị từ chối ngày");
    expect(again).not.toContain('id="send-button"');
    // Sent, an invitation awaits its answer; refused by the server, it is still not sent.
    expect(again).toContain("CĐSQG-1: chưa trả lời");
    expect(again).toContain("Đoàn-1: chưa gửi thư mời");
    expect(again).not.toContain("CĐSQG-1: chưa gửi thư mời");
    expect(server.received).toHaveLength(due - 2);
  });

  it("reads the trainers' replies uploaded from a mail program, shows who answered what, and offers the re-staffing of a decline", async () => {
    const w = workspace({});
    await w.solve();
    const before = await (await w.get(`/p/${PLAN}/send`)).text();
    expect(before).toContain("Trả lời của giảng viên");
    expect(before).toContain("Đoàn-1: chưa gửi thư mời");
    // Thunderbird's decline of Bắc Giang by Đoàn-1 (test/fixtures/replies/README.md says where its shape comes from).
    const page = await (await w.upload(`/p/${PLAN}/replies`, [{ name: `${"Trả lời: Tập huấn thử – Bắc Giang ".repeat(8)}.eml`, text: "Subject: x\r\n\r\nx\r\n" }, { name: "tu-choi.eml", text: readFileSync("test/fixtures/replies/thunderbird-declined.eml", "utf8") }, { name: "khong-phai.eml", text: "Subject: hello\r\n\r\nhi\r\n" }])).text();
    expect(page).toContain("tu-choi.eml: Đoàn-1 từ chối Bắc Giang");
    expect(page).toContain("khong-phai.eml: không phải thư trả lời lịch");
    // A name too long for the disk is only shown, never used as a path.
    expect(page).toContain("Bắc Giang .eml: không phải thư trả lời lịch");
    expect(page).toContain("Đoàn-1: từ chối");
    const restaff = /<form method="post" action="([^"]+\/replan\?lang=vi)" class="inline"><input type="hidden" name="province" value="Bắc Giang"><input type="hidden" name="kind" value="trainer"><input type="hidden" name="trainer" value="Đoàn-1"><input type="hidden" name="trainerDate" value="([\d-]+)">/.exec(page)!;
    const preview = await w.post(restaff[1]!.replace(/&amp;/g, "&"), { province: "Bắc Giang", kind: "trainer", trainer: "Đoàn-1", trainerDate: restaff[2]!, today: "2022-09-07" });
    expect(preview.status).toBe(200);
    expect(readFileSync(join(w.dir, "small", "replies.json"), "utf8")).toContain('"answer": "declined"');
  });

  it("a settings file others may read is refused, said why, and nothing can be sent", async () => {
    const w = workspace({});
    writeFileSync(join(w.dir, ".taphuan-smtp"), `smtp://user:secret@127.0.0.1:${server.port}\n`);
    chmodSync(join(w.dir, ".taphuan-smtp"), 0o644);
    await w.solve();
    const page = await (await w.get(`/p/${PLAN}/send`)).text();
    expect(page).toContain("người khác đọc được tệp (có mật khẩu) — hãy chạy chmod 600 .taphuan-smtp");
    expect(page).not.toContain('id="send-button"');
    expect(page).not.toContain("secret");
    chmodSync(join(w.dir, ".taphuan-smtp"), 0o600);
    const usable = await (await w.get(`/p/${PLAN}/send`)).text();
    expect(usable).toContain("Máy chủ thư: smtp://user:***@127.0.0.1");
    expect(usable).not.toContain("secret");
    // Through a link, even to a file of the owner's alone: not read.
    renameSync(join(w.dir, ".taphuan-smtp"), join(w.dir, "smtp-url"));
    symlinkSync(join(w.dir, "smtp-url"), join(w.dir, ".taphuan-smtp"));
    expect(await (await w.get(`/p/${PLAN}/send`)).text()).toContain("đó không phải một tệp thường");
  });

  it("never shows a password, whatever characters it holds", async () => {
    for (const password of ["pa/ss", "pa?ss", "pa#ss", "p@ss"]) {
      const w = workspace({ TAPHUAN_SMTP_URL: `smtp://user:${password}@127.0.0.1:${server.port}` });
      await w.solve();
      const page = await (await w.get(`/p/${PLAN}/send`)).text();
      expect(page).toContain("smtp://user:***@127.0.0.1");
      expect(page).not.toContain(password);
    }
  });
});
