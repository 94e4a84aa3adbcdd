/**
 * Sending a folder's invitations (src/app/send.ts) against an SMTP server in this process: refusals
 * for good and for a while, TLS and logins, the Date header, and only the current state of each
 * session, however sends and re-plans interleave. No test waits: the backoff's sleep is injected.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { redactUrl, sendInvitations, smtpOptions, withDate, type SendInput } from "../../src/app/send.ts";
import { fileSlug } from "../../src/model/file-names.ts";
import { InputError } from "../../src/model/issues.ts";
import { startSmtpServer, type TestServer } from "../smtp-server.ts";
import { campaign, invitingPlanText, type Campaign } from "./campaign.ts";

// CĐSQG-3 may take any cluster's policy part: a re-plan can re-staff instead of moving.
const PLAN = invitingPlanText((t) => t.replace("email: cdsqg-2@example.org }", "email: cdsqg-2@example.org }\n  - { id: CĐSQG-3, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], email: cdsqg-3@example.org }"));

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("sending a schedule folder's invitations", () => {
  let out: string;
  let plan: Campaign["plan"];
  let reader: Campaign["reader"];
  let replan: Campaign["replan"];
  let server: TestServer;
  const sleeps: number[] = [];
  const send = (more: Partial<SendInput> = {}) => sendInvitations({ dir: out, smtp: `smtp://127.0.0.1:${server.port}`, backoffMs: [10, 20, 40], sleep: async (ms) => void sleeps.push(ms), ...more });
  const log = () => JSON.parse(readFileSync(join(out, "sent.json"), "utf8")) as { sent: { file: string; uid?: string }[]; refused?: { file: string; response: string }[] };
  const messageCount = () => reader().readSchedule(reader().currentVersion()!).sessions.reduce((n, s) => n + s.trainers.length, 0);

  beforeEach(async () => {
    ({ out, plan, reader, replan } = await campaign(PLAN));
    sleeps.length = 0;
  }, 60_000);
  afterEach(async () => server?.close());

  it("records a recipient refused for good with the server's words, sends the others, and tries it again only when asked", async () => {
    server = await startSmtpServer();
    server.refused.add("dn-1@example.org");
    const first = await send();
    const refused = first.failed.filter((f) => f.why.kind === "refused");
    expect(refused.map((f) => f.message.to)).toEqual(["dn-1@example.org", "dn-1@example.org"]);
    expect(refused[0]!.why).toEqual({ kind: "refused", response: "550 mailbox unavailable" });
    expect(first.sent).toHaveLength(messageCount() - 2);
    expect(server.received).toHaveLength(messageCount() - 2);
    expect(log().refused!.map((r) => r.response)).toEqual(["550 mailbox unavailable", "550 mailbox unavailable"]);
    expect(sleeps).toEqual([]); // a refusal for good is not tried again

    server.refused.clear();
    const rerun = await send();
    expect(rerun.sent).toEqual([]);
    expect(rerun.failed.map((f) => f.why.kind)).toEqual(["refused-earlier", "refused-earlier"]);

    const retried = await send({ retryRefused: true });
    expect(retried.sent.map((m) => m.to)).toEqual(["dn-1@example.org", "dn-1@example.org"]);
    expect(retried.failed).toEqual([]);
    expect(log().refused).toBeUndefined();
    expect((await send()).due).toEqual([]);
  }, 30_000);

  it("tries a temporary failure again after the (injected) waits, and it goes", async () => {
    server = await startSmtpServer();
    server.busy.set("doan-1@example.org", 2);
    const outcome = await send();
    expect(outcome.failed).toEqual([]);
    expect(outcome.sent).toHaveLength(messageCount());
    expect(sleeps).toEqual([10, 20]);
  }, 30_000);

  it("reports a temporary failure that lasts, records no refusal, and the next run sends it", async () => {
    server = await startSmtpServer();
    server.busy.set("doan-1@example.org", Number.POSITIVE_INFINITY);
    const first = await send();
    const busy = { kind: "temporary", response: "451 mailbox busy, try again later", attempts: 4 };
    expect(first.failed.map((f) => [f.message.trainer, f.why])).toEqual([["Đoàn-1", busy], ["Đoàn-1", busy]]);
    expect(sleeps).toEqual([10, 20, 40, 10, 20, 40]);
    expect(log().refused).toBeUndefined();
    server.busy.clear();
    const second = await send();
    expect(second.sent.map((m) => m.trainer)).toEqual(["Đoàn-1", "Đoàn-1"]);
    expect(second.failed).toEqual([]);
  }, 30_000);

  it("stops at once, tries nothing else, when the server cannot be reached after the waits", async () => {
    server = await startSmtpServer();
    const port = server.port;
    await server.close();
    const outcome = await sendInvitations({ dir: out, smtp: `smtp://127.0.0.1:${port}`, backoffMs: [1], sleep: async () => {} });
    expect(outcome.sent).toEqual([]);
    expect(outcome.failed).toHaveLength(messageCount());
    expect(outcome.failed.every((f) => f.why.kind === "stopped" && f.why.cause === "connection")).toBe(true);
  }, 30_000);

  it("logs in once, over one pooled connection, for the whole run", async () => {
    server = await startSmtpServer({ auth: "insecure" });
    const outcome = await send({ smtp: `smtp://taphuan:s3cret@127.0.0.1:${server.port}`, allowInsecureAuth: true });
    expect(outcome.sent).toHaveLength(messageCount());
    expect(server.logins).toEqual([{ user: "taphuan", secure: false }]);
    expect(server.connections()).toBe(1);
  }, 30_000);

  it("sends a password only over TLS: a server without STARTTLS is refused (the password never shown), unless --allow-insecure-auth", async () => {
    server = await startSmtpServer({ auth: "insecure" });
    const outcome = await send({ smtp: `smtp://taphuan:s3cret@127.0.0.1:${server.port}` });
    expect(outcome.sent).toEqual([]);
    expect(outcome.failed).toHaveLength(messageCount());
    expect(outcome.failed[0]!.why).toMatchObject({ kind: "stopped", cause: "tls" });
    expect(JSON.stringify(outcome)).not.toContain("s3cret");
    expect(server.logins).toEqual([]);
    expect(server.received).toEqual([]);
    const insecure = await send({ smtp: `smtp://taphuan:s3cret@127.0.0.1:${server.port}`, allowInsecureAuth: true });
    expect(insecure.failed).toEqual([]);
  }, 30_000);

  it("upgrades with STARTTLS before the login where the server requires TLS", async () => {
    server = await startSmtpServer({ starttls: true, auth: "tls" });
    // smtp-server's own certificate is self-signed: trusted here by the URL's one option.
    const outcome = await send({ smtp: `smtp://taphuan:s3cret@127.0.0.1:${server.port}/?tls.rejectUnauthorized=false` });
    expect(outcome.failed).toEqual([]);
    expect(server.logins).toEqual([{ user: "taphuan", secure: true }]);
  }, 30_000);

  it("refuses a malformed URL as bad input, never showing its password", async () => {
    for (const [url, words] of [
      ["notaurl", "is not a URL"],
      ["http://x", "is not an smtp:// or smtps:// URL"],
      ["http://user:pw-secret@x", "is not an smtp:// or smtps:// URL"],
      ["user:pw-secret@mail.example.org", "is not an smtp:// or smtps:// URL"],
      ["smtp://user:pw-secret@mail.example.org/?ignoreTLS=true", "has an option taphuan does not take"],
    ] as const) {
      let refused: unknown;
      try {
        smtpOptions(url);
      } catch (e) {
        refused = e;
      }
      expect(refused, url).toBeInstanceOf(InputError);
      expect((refused as InputError).message).toContain(words);
      expect((refused as InputError).message).not.toContain("pw-secret");
      await expect(sendInvitations({ dir: out, smtp: url })).rejects.toThrow(words);
    }
    expect(redactUrl("smtps://me%40example.org:p%40ss@word@mail.example.org:465")).toBe("smtps://me%40example.org:***@mail.example.org:465");
  });

  it("says when it is sent in the Date: header, and leaves the file as it was", async () => {
    server = await startSmtpServer();
    const file = join(out, "versions/v1/messages/doanh-nghiep-1/ha-nam.eml");
    const before = sha(file);
    await send({ now: () => new Date("2030-01-02T03:04:05Z") });
    const received = server.received.find((r) => r.to === "dn-1@example.org" && r.mail.subject?.includes("Hà Nam"))!;
    expect(received.raw).toMatch(/^Date: Wed, 02 Jan 2030 03:04:05 \+0000\r$/m);
    expect(received.raw.match(/^Date:/gm)).toHaveLength(1);
    expect(sha(file)).toBe(before);
    expect(readFileSync(file, "utf8")).toContain("Date: Sun, 11 Sep 2022 17:00:00 +0000");
    expect(withDate("Subject: x\r\n\r\nDate: in the body\r\n", new Date("2030-01-02T03:04:05Z"))).toBe("Date: Wed, 02 Jan 2030 03:04:05 +0000\r\nSubject: x\r\n\r\nDate: in the body\r\n");
  }, 30_000);

  it("after a partial send and a re-plan, sends each trainer the current state only: never a superseded invitation", async () => {
    server = await startSmtpServer();
    const v1 = reader().readSchedule(1);
    const haNam = v1.sessions.find((s) => s.province === "Hà Nam")!;
    expect(haNam.trainers).toContain("Doanh nghiệp-1");
    server.busy.set("dn-1@example.org", Number.POSITIVE_INFINITY);
    const first = await send({ backoffMs: [] });
    expect(first.failed.map((f) => f.message.file)).toEqual(["versions/v1/messages/doanh-nghiep-1/ha-nam.eml", "versions/v1/messages/doanh-nghiep-1/nam-dinh.eml"]);

    const outcome = await replan({ provinces: { "Hà Nam": { unavailable: [haNam.date] } } }, "2022-09-05");
    const moved = outcome.schedule.sessions.find((s) => s.province === "Hà Nam")!;
    expect(moved.date).not.toBe(haNam.date);
    server.busy.clear();
    const count = server.received.length;
    const second = await send();
    const files = second.sent.map((m) => m.file);
    // Nothing of v1 goes: Doanh nghiệp-1 was never told, so gets v2's invitations (the moved session at its new day);
    // the others, told v1, get the update.
    expect(files.filter((f) => f.startsWith("versions/v1/"))).toEqual([]);
    expect(files).toContain("versions/v2/messages/doanh-nghiep-1/ha-nam.eml");
    expect(files).toContain("versions/v2/messages/doanh-nghiep-1/nam-dinh.eml");
    for (const trainer of moved.trainers.filter((t) => t !== "Doanh nghiệp-1")) expect(files).toContain(`versions/v2/updates/messages/${fileSlug(trainer)}/ha-nam.eml`);
    const toDn = server.received.slice(count).filter((r) => r.to === "dn-1@example.org");
    expect(toDn.map((r) => r.mail.subject?.split(":")[0]).sort()).toEqual(["Mời tham gia", "Mời tham gia"]);
    expect(toDn.find((r) => r.mail.subject?.includes("Hà Nam"))!.mail.text).toContain(`${Number(moved.date.slice(8))}/9/2022`);
    expect((await send()).due).toEqual([]);
  }, 60_000);

  it("after a re-plan that re-staffs: an update to who stays, an invitation to who joins, a withdrawal to who leaves — and nothing to one never told", async () => {
    server = await startSmtpServer();
    const v1 = reader().readSchedule(1);
    const ofOne = v1.sessions.filter((s) => s.trainers.includes("CĐSQG-1"));
    expect(ofOne.length).toBeGreaterThan(1);
    // CĐSQG-1's mailbox is busy for its first message: it is told of one session only.
    server.busy.set("cdsqg-1@example.org", 1);
    const first = await send({ backoffMs: [] });
    const [untold, told] = [first.failed[0]!.message.province, first.sent.find((m) => m.trainer === "CĐSQG-1")!.province];
    expect(first.failed).toHaveLength(1);
    const outcome = await replan({ trainers: { "CĐSQG-1": { unavailable: [{ from: "2022-09-12", to: "2022-09-16" }] } } }, "2022-09-05");
    expect(outcome.schedule.sessions.some((s) => s.trainers.includes("CĐSQG-1"))).toBe(false);
    const count = server.received.length;
    const second = await send();
    expect(second.failed).toEqual([]);
    const after = server.received.slice(count);
    const subjectOf = (to: string, province: string) => after.filter((r) => r.to === to && r.mail.subject?.includes(province)).map((r) => r.mail.subject!.split(":")[0]);
    const email = (id: string) => plan().trainers.find((t) => t.id === id)!.email!;
    expect(subjectOf("cdsqg-1@example.org", told)).toEqual(["Thu hồi lời mời"]);
    expect(subjectOf("cdsqg-1@example.org", untold)).toEqual([]);
    for (const old of ofOne) {
      const now = outcome.schedule.sessions.find((s) => s.province === old.province)!;
      for (const trainer of now.trainers) expect(subjectOf(email(trainer), old.province), `${trainer}, ${old.province}`).toEqual([old.trainers.includes(trainer) ? "Cập nhật lịch" : "Mời tham gia"]);
    }
    for (const r of after.filter((x) => x.to === "cdsqg-1@example.org")) {
      const calendar = r.mail.attachments.find((a) => a.contentType === "text/calendar")!.content.toString("utf8");
      expect(calendar).toContain("METHOD:CANCEL");
      expect(calendar).not.toContain("STATUS:");
    }
    expect(after).toHaveLength(second.sent.length);
    expect((await send()).due).toEqual([]);
  }, 60_000);

  it("reads a sent.json of an earlier taphuan (file, version, to, at): what it lists is not sent again", async () => {
    server = await startSmtpServer();
    await send();
    const old = { sent: (log().sent as { file: string; to: string }[]).map(({ file, to }) => ({ file, version: 1, to, at: "2022-09-06T00:00:00.000Z" })) };
    writeFileSync(join(out, "sent.json"), JSON.stringify(old));
    expect((await send()).due).toEqual([]);
    expect(server.received).toHaveLength(messageCount());
  }, 30_000);
});
