/**
 * Reading the trainers' answers (src/app/replies.ts) in the shapes Outlook, Thunderbird and Apple
 * Calendar send them (test/fixtures/replies/, each shape's origin said in its README), against a
 * folder of the small plan: who accepted, declined, proposed another time or has not answered; an
 * answer to an earlier SEQUENCE is not applied; replies.json is the same bytes for the same answers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { markUnsent, readReplies, shellWord, type SessionAnswers } from "../../src/app/replies.ts";
import { sendInvitations } from "../../src/app/send.ts";
import { InputError } from "../../src/model/issues.ts";
import { startSmtpServer } from "../smtp-server.ts";
import { campaign, invitingPlanText, type Campaign } from "./campaign.ts";

const FIXTURES = "test/fixtures/replies";
const fixture = (name: string) => join(FIXTURES, name);
const ALL = ["outlook-accepted.eml", "outlook-counter.eml", "thunderbird-declined.eml", "apple-accepted.eml", "rfc6047-tentative.eml"].map(fixture);

/** Who gave which answer, per province. */
function state(sessions: readonly SessionAnswers[]): Record<string, Record<string, string>> {
  return Object.fromEntries(sessions.map((s) => [s.session.province, Object.fromEntries(s.answers.map((a) => [a.trainer, `${a.answer}${a.earlier ? ` (earlier: ${a.earlier})` : ""}`]))]));
}

describe("reading the trainers' answers", () => {
  let c: Campaign;
  let scratch: string;
  /** A fixture with some of its text changed, as another copy of the same client's reply. */
  const variant = (name: string, ...changes: readonly [string, string][]) => {
    const path = join(scratch, `${changes.map(([, to]) => to.replace(/\W+/g, "-")).join("-")}-${name}`);
    let text = readFileSync(fixture(name), "utf8");
    for (const [from, to] of changes) {
      expect(text).toContain(from);
      text = text.replaceAll(from, to);
    }
    writeFileSync(path, text);
    return path;
  };

  beforeEach(async () => {
    c = await campaign(invitingPlanText());
    scratch = mkdtempSync(join(tmpdir(), "taphuan-replies-"));
  }, 60_000);

  it("reads Outlook's, Thunderbird's, Apple Calendar's and RFC 6047's replies, and says every session's state", async () => {
    const sessions = c.reader().readSchedule(1).sessions;
    expect(sessions.map((s) => `${s.province} ${s.date} ${s.halfDay} ${s.trainers.join(",")}`)).toEqual([
      "Bắc Ninh 2022-09-12 morning CĐSQG-1,Đoàn-1",
      "Hà Nam 2022-09-12 afternoon CĐSQG-1,Doanh nghiệp-1",
      "Nam Định 2022-09-13 morning CĐSQG-1,Doanh nghiệp-1",
      "Bắc Giang 2022-09-13 morning CĐSQG-2,Đoàn-1",
    ]);
    const outcome = await readReplies({ dir: c.out, files: ALL });
    expect(outcome.readings.map((r) => (r.kind === "applied" ? [r.file, r.reply.trainer, r.reply.answer, r.reply.province] : [r.file, r.kind]))).toEqual([
      ["outlook-accepted.eml", "Doanh nghiệp-1", "accepted", "Hà Nam"],
      ["outlook-counter.eml", "CĐSQG-1", "proposed", "Nam Định"],
      ["thunderbird-declined.eml", "Đoàn-1", "declined", "Bắc Giang"],
      ["apple-accepted.eml", "CĐSQG-1", "accepted", "Bắc Ninh"],
      ["rfc6047-tentative.eml", "CĐSQG-2", "tentative", "Bắc Giang"],
    ]);
    const counter = outcome.readings[1]!;
    expect(counter.kind === "applied" && counter.reply).toMatchObject({
      // Outlook's "SE Asia Standard Time", read from its VTIMEZONE: 08:00 in Hà Nội.
      proposed: { start: "2022-09-15T08:00:00+07:00", end: "2022-09-15T11:30:00+07:00" },
      comment: "Sáng 13/9 tôi bận họp; xin dời sang sáng Thứ Năm 15/9.",
      sequence: 0,
      dtstamp: "2022-09-07T10:15:00Z",
    });
    expect(state(outcome.sessions)).toEqual({
      "Bắc Ninh": { "CĐSQG-1": "accepted", "Đoàn-1": "needs-action" },
      "Hà Nam": { "CĐSQG-1": "needs-action", "Doanh nghiệp-1": "accepted" },
      "Nam Định": { "CĐSQG-1": "proposed", "Doanh nghiệp-1": "needs-action" },
      "Bắc Giang": { "CĐSQG-2": "tentative", "Đoàn-1": "declined" },
    });
    expect(outcome.declines.map((d) => d.command.map(shellWord).join(" "))).toEqual([`taphuan replan ${c.planPath} --schedule ${join(c.out, "schedule.json")} --trainer-unavailable "Đoàn-1=2022-09-13"`]);
  }, 30_000);

  it("says an invitation still to send is not sent, not unanswered; an answer given stays what it is", async () => {
    const outcome = await readReplies({ dir: c.out, files: [fixture("outlook-accepted.eml")] });
    const due = await sendInvitations({ dir: c.out, dryRun: true });
    const marked = markUnsent(outcome, due.due);
    const said = (sessions: readonly SessionAnswers[]) => Object.fromEntries(sessions.map((s) => [s.session.province, Object.fromEntries(s.answers.map((a) => [a.trainer, a.unsent ? "unsent" : a.answer]))]));
    expect(said(marked.sessions)["Hà Nam"]).toEqual({ "CĐSQG-1": "unsent", "Doanh nghiệp-1": "accepted" });
    expect(said(marked.sessions)["Bắc Giang"]).toEqual({ "CĐSQG-2": "unsent", "Đoàn-1": "unsent" });
    // Nothing due (all sent): every unanswered invitation awaits its answer.
    expect(said(markUnsent(outcome, []).sessions)["Hà Nam"]).toEqual({ "CĐSQG-1": "needs-action", "Doanh nghiệp-1": "accepted" });
  }, 30_000);

  it("says an update still to send after a re-plan is not 'invitation not sent': the trainer had the invitation", async () => {
    const server = await startSmtpServer();
    try {
      expect((await sendInvitations({ dir: c.out, smtp: `smtp://127.0.0.1:${server.port}` })).failed).toEqual([]);
    } finally {
      await server.close();
    }
    // Hà Nam moves after every invitation went out: its two trainers are due an update, not a first invitation.
    await c.replan({ provinces: { "Hà Nam": { fixed: { date: "2022-09-15", halfDay: "morning" } } } }, "2022-09-01");
    const due = await sendInvitations({ dir: c.out, dryRun: true });
    const haNam = due.due.filter((m) => m.province === "Hà Nam");
    expect(haNam.map((m) => [m.trainer, m.method, m.update])).toEqual([["CĐSQG-1", "REQUEST", true], ["Doanh nghiệp-1", "REQUEST", true]]);
    const marked = markUnsent(await readReplies({ dir: c.out, files: [] }), due.due);
    expect(marked.sessions.find((s) => s.session.province === "Hà Nam")!.answers.map((a) => [a.trainer, a.answer, a.unsent ?? false])).toEqual([["CĐSQG-1", "needs-action", false], ["Doanh nghiệp-1", "needs-action", false]]);
  }, 60_000);

  it("keeps replies.json the same bytes for the same answers, in whatever order they are read, and reads it back", async () => {
    await readReplies({ dir: c.out, files: ALL });
    const first = readFileSync(join(c.out, "replies.json"), "utf8");
    const other = await campaign(invitingPlanText());
    await readReplies({ dir: other.out, files: [...ALL].reverse() });
    expect(readFileSync(join(other.out, "replies.json"), "utf8")).toBe(first);
    // Read again with no file: the state from replies.json alone, and the file untouched.
    const again = await readReplies({ dir: c.out, files: [] });
    expect(again.readings).toEqual([]);
    expect(state(again.sessions)["Bắc Giang"]).toEqual({ "CĐSQG-2": "tentative", "Đoàn-1": "declined" });
    expect(readFileSync(join(c.out, "replies.json"), "utf8")).toBe(first);
  }, 60_000);

  it("skips what is not an answer to this schedule: an invitation, another event, someone not invited", async () => {
    const outcome = await readReplies({
      dir: c.out,
      files: [join(c.out, "messages/cdsqg-1/ha-nam.eml"), variant("thunderbird-declined.eml", ["small-24@taphuan", "other-99@elsewhere.example"]), variant("thunderbird-declined.eml", ["small-24@taphuan", "small-35@taphuan"])],
    });
    expect(outcome.readings.map((r) => r.kind)).toEqual(["not-a-reply", "unknown-session", "not-invited"]);
    expect(outcome.readings[0]).toMatchObject({ method: "REQUEST" });
    expect(outcome.readings[2]).toMatchObject({ address: "doan-1@example.org", province: "Hà Nam" });
    expect(outcome.declines).toEqual([]);
  }, 30_000);

  it("keeps the latest answer of a trainer to an invitation: a later one replaces it, an older one is not applied", async () => {
    await readReplies({ dir: c.out, files: [fixture("thunderbird-declined.eml")] });
    const older = await readReplies({ dir: c.out, files: [variant("thunderbird-declined.eml", ["DTSTAMP:20220907T021500Z", "DTSTAMP:20220906T021500Z"], ["PARTSTAT=DECLINED", "PARTSTAT=ACCEPTED"])] });
    expect(older.readings.map((r) => r.kind)).toEqual(["older"]);
    expect(older.declines).toHaveLength(1);
    const later = await readReplies({ dir: c.out, files: [variant("thunderbird-declined.eml", ["DTSTAMP:20220907T021500Z", "DTSTAMP:20220908T021500Z"], ["PARTSTAT=DECLINED", "PARTSTAT=ACCEPTED"])] });
    expect(later.readings.map((r) => r.kind)).toEqual(["applied"]);
    expect(state(later.sessions)["Bắc Giang"]!["Đoàn-1"]).toBe("accepted");
    expect(later.declines).toEqual([]);
  }, 30_000);

  it("does not apply an answer to an invitation that has changed since (an earlier SEQUENCE), and says the trainer has not answered the current one", async () => {
    await readReplies({ dir: c.out, files: [fixture("outlook-accepted.eml")] });
    const outcome = await c.replan({ provinces: { "Hà Nam": { unavailable: ["2022-09-12"] } } }, "2022-09-05");
    expect(outcome.schedule.sessions.find((s) => s.province === "Hà Nam")!.sequence).toBe(1);
    const after = await readReplies({ dir: c.out, files: [fixture("outlook-accepted.eml")] });
    expect(after.readings).toEqual([expect.objectContaining({ kind: "outdated", current: 1, reply: expect.objectContaining({ trainer: "Doanh nghiệp-1", sequence: 0, answer: "accepted" }) })]);
    expect(state(after.sessions)["Hà Nam"]).toEqual({ "CĐSQG-1": "needs-action", "Doanh nghiệp-1": "needs-action (earlier: accepted)" });
  }, 60_000);

  it("refuses a folder without a schedule, and a file that is not there", async () => {
    await expect(readReplies({ dir: join(scratch, "empty"), files: [] })).rejects.toBeInstanceOf(InputError);
    await expect(readReplies({ dir: c.out, files: [join(scratch, "missing.eml")] })).rejects.toThrow(/missing.eml: there is no such file/);
  });
});
