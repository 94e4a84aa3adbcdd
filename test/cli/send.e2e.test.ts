/** `taphuan send` against a real SMTP server on 127.0.0.1 (smtp-server), read back with mailparser. */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "taphuan.js");

function sendCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "send", ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe("taphuan send", () => {
  const received: { to: string; mail: ParsedMail }[] = [];
  const refused = new Set<string>();
  let server: SMTPServer;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), "taphuan-send-"));
  const plan = join(dir, "plan.yaml");
  const out = join(dir, "out");

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        callback(refused.has(address.address) ? Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }) : undefined);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), mail });
            callback();
          });
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
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
    expect(received).toHaveLength(0);
  });

  it("stops at a refused recipient, says what went and what did not, then sends only the rest", async () => {
    refused.add("dn-1@example.org");
    const first = await sendCli([out, "--smtp", url]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/sending stopped: .*mailbox unavailable[\s\S]*sent \(\d+\): [\s\S]*not sent \(\d+\): versions\/v1\/messages\/doanh-nghiep-1\//);
    const before = received.length;
    expect(before).toBeGreaterThan(0);
    refused.clear();
    const second = await sendCli([out, "--smtp", url]);
    expect(second.code, second.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(out, "sent.json"), "utf8")) as { sent: { file: string }[] };
    expect(new Set(log.sent.map((e) => e.file)).size).toBe(log.sent.length);
    expect(received.length).toBe(log.sent.length);
    const again = await sendCli([out, "--smtp", url]);
    expect(again.stdout).toContain("nothing to send: every message up to version 1 was sent");
    expect(received.length).toBe(log.sent.length);
  }, 60_000);

  it("delivers invitations Outlook shows with Accept/Decline: a text/calendar part with method=REQUEST", () => {
    const haNam = received.find((r) => r.to === "cdsqg-1@example.org" && r.mail.subject?.includes("Hà Nam"))!;
    expect(haNam.mail.text).toContain("Tỉnh, thành phố: Hà Nam");
    const calendar = haNam.mail.attachments.find((a) => a.contentType === "text/calendar")!;
    expect(calendar.content.toString("utf8")).toContain("METHOD:REQUEST");
    const type = calendar.headers.get("content-type") as { value: string; params: Record<string, string> };
    expect(type.value).toBe("text/calendar");
    expect(type.params.method).toBe("REQUEST");
  });

  it("after a re-plan, sends only that version's updates", async () => {
    const count = received.length;
    expect(runCli(["replan", plan, "--schedule", join(out, "schedule.json"), "--unavailable", "Hà Nam=2022-09-12", "--today", "2022-09-05", "--quiet"]).code).toBe(0);
    const result = await sendCli([out, "--smtp", url]);
    expect(result.code, result.stderr).toBe(0);
    const sent = received.slice(count);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.mail.subject?.startsWith("Cập nhật lịch:") || r.mail.subject?.startsWith("Hủy:"))).toBe(true);
  }, 60_000);
});
