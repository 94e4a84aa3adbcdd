/** `taphuan send` against a real SMTP server on 127.0.0.1 (smtp-server, test/smtp-server.ts), read back with mailparser. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type TestServer } from "../smtp-server.ts";
import { runCli } from "./run-cli.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "taphuan.js");

function sendCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Asynchronous, unlike runCli: the SMTP server answers from this very process.
    const child = spawn(process.execPath, [BIN, "send", ...args], { cwd: ROOT, env: { ...process.env, LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("taphuan send", () => {
  let server: TestServer;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), "taphuan-send-"));
  const plan = join(dir, "plan.yaml");
  const out = join(dir, "out");

  beforeAll(async () => {
    server = await startSmtpServer();
    url = `smtp://127.0.0.1:${server.port}`;
    writeFileSync(
      plan,
      readFileSync(join(ROOT, "test/fixtures/small-plan.yaml"), "utf8")
        .replace("  registry: vn-63", "  registry: vn-63\n  organizer: { name: Ban tổ chức, email: btc@example.org }")
        .replace("home: Hà Nội }", "home: Hà Nội, email: cdsqg-1@example.org }")
        .replace("roles: [skills], clusters: [Cụm A], home: Hà Nội }", "roles: [skills], clusters: [Cụm A], home: Hà Nội, email: dn-1@example.org }"),
    );
    expect(runCli(["solve", plan, "--out", out, "--quiet"]).code).toBe(0);
  }, 60_000);
  afterAll(() => server?.close());

  it("lists what it would send with --dry-run and sends nothing", async () => {
    const result = await sendCli([out, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("would send versions/v1/messages/cdsqg-1/ha-nam.eml to cdsqg-1@example.org");
    expect(server.received).toHaveLength(0);
  });

  it("refuses a malformed --smtp as a usage error (exit 2), never printing the password", async () => {
    for (const smtp of ["notaurl", "http://x", "http://me:hunter2@x", "smtp://me:hunter2@mail.example.org?ignoreTLS=true"]) {
      const result = await sendCli([out, "--smtp", smtp]);
      expect(result.code, smtp).toBe(2);
      expect(result.stderr).toMatch(/^--smtp: /);
      expect(result.stderr + result.stdout).not.toContain("hunter2");
    }
    expect(server.received).toHaveLength(0);
  });

  it("records a recipient refused for good and sends the others (exit 1, a table of who and why); a rerun sends it only with --retry-refused", async () => {
    server.refused.add("dn-1@example.org");
    const first = await sendCli([out, "--smtp", url]);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("taphuan send: 2 message(s) not delivered:");
    expect(first.stderr).toMatch(/trainer +address +session +why/);
    expect(first.stderr).toMatch(/Doanh nghiệp-1 +dn-1@example\.org +Hà Nam +refused by the server: 550 mailbox unavailable/);
    expect(first.stderr).toContain("--retry-refused");
    const delivered = server.received.length;
    expect(delivered).toBeGreaterThan(0);
    expect(server.received.every((r) => r.to !== "dn-1@example.org")).toBe(true);
    server.refused.clear();
    const again = await sendCli([out, "--smtp", url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Doanh nghiệp-1 +dn-1@example\.org +Nam Định +refused on \d{4}-\d{2}-\d{2}: 550 mailbox unavailable/);
    expect(server.received).toHaveLength(delivered);
    const dryRun = await sendCli([out, "--dry-run"]);
    expect(dryRun.stdout).toMatch(/^would not send versions\/v1\/messages\/doanh-nghiep-1\/ha-nam\.eml to dn-1@example\.org: refused on \d{4}-\d{2}-\d{2}: 550 mailbox unavailable/m);
    const retried = await sendCli([out, "--smtp", url, "--retry-refused"]);
    expect(retried.code, retried.stderr).toBe(0);
    expect(server.received.slice(delivered).map((r) => r.to)).toEqual(["dn-1@example.org", "dn-1@example.org"]);
    const log = JSON.parse(readFileSync(join(out, "sent.json"), "utf8")) as { sent: { file: string }[] };
    expect(new Set(log.sent.map((e) => e.file)).size).toBe(log.sent.length);
    expect(server.received.length).toBe(log.sent.length);
    const nothing = await sendCli([out, "--smtp", url]);
    expect(nothing.stdout).toContain("nothing to send: every message up to version 1 was sent");
    expect(server.received.length).toBe(log.sent.length);
  }, 60_000);

  it("delivers invitations Outlook shows with Accept/Decline: a text/calendar part with method=REQUEST", () => {
    const haNam = server.received.find((r) => r.to === "cdsqg-1@example.org" && r.mail.subject?.includes("Hà Nam"))!;
    expect(haNam.mail.text).toContain("Tỉnh, thành phố: Hà Nam");
    const calendar = haNam.mail.attachments.find((a) => a.contentType === "text/calendar")!;
    expect(calendar.content.toString("utf8")).toContain("METHOD:REQUEST");
    const type = calendar.headers.get("content-type") as { value: string; params: Record<string, string> };
    expect(type.value).toBe("text/calendar");
    expect(type.params.method).toBe("REQUEST");
  });

  it("after a re-plan, sends only what changed", async () => {
    const count = server.received.length;
    expect(runCli(["replan", plan, "--schedule", join(out, "schedule.json"), "--unavailable", "Hà Nam=2022-09-12", "--today", "2022-09-05", "--quiet"]).code).toBe(0);
    const result = await sendCli([out, "--smtp", url]);
    expect(result.code, result.stderr).toBe(0);
    const sent = server.received.slice(count);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => /^(Cập nhật lịch|Mời tham gia|Thu hồi lời mời|Hủy):/.test(r.mail.subject ?? ""))).toBe(true);
    expect(sent.some((r) => r.mail.subject?.startsWith("Cập nhật lịch: Tập huấn thử – Hà Nam"))).toBe(true);
  }, 60_000);

  it("with a password, refuses a server that offers no TLS (exit 1, the password never printed) unless --allow-insecure-auth", async () => {
    const insecure = await startSmtpServer({ auth: "insecure" });
    try {
      const other = join(dir, "other");
      expect(runCli(["solve", plan, "--out", other, "--quiet"]).code).toBe(0);
      const refused = await sendCli([other, "--smtp", `smtp://btc:hunter2@127.0.0.1:${insecure.port}`]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("the server offers no TLS (STARTTLS), and taphuan sends a password only over TLS");
      expect(refused.stderr + refused.stdout).not.toContain("hunter2");
      expect(insecure.received).toHaveLength(0);
      const allowed = await sendCli([other, "--smtp", `smtp://btc:hunter2@127.0.0.1:${insecure.port}`, "--allow-insecure-auth"]);
      expect(allowed.code, allowed.stderr).toBe(0);
      expect(insecure.logins).toEqual([{ user: "btc", secure: false }]);
    } finally {
      await insecure.close();
    }
  }, 60_000);
});
