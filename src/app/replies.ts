/**
 * Reading the trainers' answers back, once for every caller: iMIP REPLY and COUNTER messages
 * (RFC 6047, RFC 5546 §3.2.3 and §3.2.7), as Outlook, Thunderbird and Apple Calendar send them,
 * matched by UID, SEQUENCE and attendee against the folder's current version (its requests/, which
 * name who was invited to what, at which SEQUENCE). A reply to an earlier SEQUENCE answers an
 * invitation that has changed since: shown as such, not applied. What was applied is kept in
 * replies.json — one answer per trainer and session, the latest (RFC 5546 §2.1.5: by SEQUENCE, then
 * DTSTAMP) — so the state of every session can be said at any time: who accepted, declined,
 * proposed another time, or has not answered; and a decline comes with the re-plan that re-staffs
 * that trainer away that day.
 */
import { existsSync, readdirSync } from "node:fs";
import { MAX_RECORD_BYTES, readBounded, readText } from "./read-input.ts";
import { basename, join } from "node:path";
import type { DateTime } from "luxon";
import { sessionUid } from "../export/ics.ts";
import { componentsNamed, dateTimeValue, integerValue, mailAddress, param, parseCalendar, properties, property, textValue, type Component } from "../export/ical-read.ts";
import { readImip } from "../export/imip-read.ts";
import { writeAtomic } from "../folder/safe-write.ts";
import { ScheduleFolder, type ScheduleFolderReader } from "../folder/schedule-folder.ts";
import { error, InputError } from "../model/issues.ts";
import type { Session } from "../model/schedule.ts";

export const REPLIES_FILE = "replies.json";

/** An e-mail with its attachments, not a plan: larger than a plan may be, within reason. */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

/** The answer a trainer gave: a participation status (RFC 5545 §3.2.12), or another time proposed (COUNTER). */
export type Answer = "accepted" | "declined" | "tentative" | "delegated" | "proposed" | "needs-action";

/** One answer, as replies.json keeps it. */
export interface RecordedReply {
  readonly uid: string;
  readonly province: string;
  readonly trainer: string;
  readonly email: string;
  readonly answer: Answer;
  readonly sequence: number;
  /** When the trainer's calendar wrote it (DTSTAMP, UTC); the later of two answers to one SEQUENCE stands. */
  readonly dtstamp: string;
  /** A COUNTER's proposed time, ISO with the campaign's offset. */
  readonly proposed?: { readonly start: string; readonly end?: string };
  readonly comment?: string;
  readonly messageId?: string;
}

/** What one file was found to be. */
export type Reading =
  | { readonly file: string; readonly kind: "applied"; readonly reply: RecordedReply }
  /** A reply to an earlier SEQUENCE than the session's now: the invitation it answers has changed. */
  | { readonly file: string; readonly kind: "outdated"; readonly reply: RecordedReply; readonly current: number }
  /** An answer older (DTSTAMP) than one already recorded for the same invitation. */
  | { readonly file: string; readonly kind: "older"; readonly reply: RecordedReply }
  | { readonly file: string; readonly kind: "not-a-reply"; readonly method?: string }
  /** A UID that is no session of the current version (a session cancelled since, or another campaign's). */
  | { readonly file: string; readonly kind: "unknown-session"; readonly uid: string; readonly province?: string }
  /** From someone the current version does not invite to that session. */
  | { readonly file: string; readonly kind: "not-invited"; readonly address: string; readonly province: string };

export interface SessionAnswers {
  readonly session: Session;
  readonly uid: string;
  readonly sequence: number;
  readonly answers: readonly { readonly trainer: string; readonly email: string; readonly answer: Answer; readonly proposed?: RecordedReply["proposed"]; readonly comment?: string; readonly earlier?: Answer; readonly unsent?: true }[];
}

export interface RepliesOutcome {
  readonly current: number;
  readonly file: string;
  readonly readings: readonly Reading[];
  readonly sessions: readonly SessionAnswers[];
  /** Each decline standing now, with the re-plan that re-staffs that trainer away that day. */
  readonly declines: readonly { readonly trainer: string; readonly province: string; readonly date: string; readonly command: readonly string[] }[];
}

interface Invitation {
  readonly session: Session;
  readonly sequence: number;
  /** Invited addresses (lower case) → trainer id. */
  readonly attendees: ReadonlyMap<string, string>;
}

/** Who the current version invites to what: its requests/, by UID. */
function invitations(folder: ScheduleFolderReader, version: number): Map<string, Invitation> {
  const schedule = folder.readSchedule(version);
  const byUid = new Map(schedule.sessions.map((s) => [sessionUid(schedule.planId, s.code ?? s.id), s]));
  const found = new Map<string, Invitation>();
  let names: string[] = [];
  try {
    names = readdirSync(folder.versionPath(version, "requests")).filter((n) => n.endsWith(".ics")).sort();
  } catch {
    // No organizer in the plan: nobody was invited, and no answer can match.
  }
  for (const name of names) {
    for (const event of componentsNamed(parseCalendar(folder.readVersionFile(version, `requests/${name}`)), "VEVENT")) {
      const uid = property(event, "UID")?.value.trim();
      const session = uid ? byUid.get(uid) : undefined;
      if (!uid || !session) continue;
      const attendees = new Map(properties(event, "ATTENDEE").map((a) => [mailAddress(a.value), param(a, "CN") ?? mailAddress(a.value)] as const));
      found.set(uid, { session, sequence: integerValue(property(event, "SEQUENCE")) ?? 0, attendees });
    }
  }
  // In the schedule's own order (by day and half-day, then the plan's order of provinces).
  const order = new Map(schedule.sessions.map((s, i) => [s.id, i]));
  return new Map([...found].sort(([, a], [, b]) => order.get(a.session.id)! - order.get(b.session.id)!));
}

function readLog(path: string): RecordedReply[] {
  if (!existsSync(path)) return [];
  try {
    const parsed = JSON.parse(readText(path, MAX_RECORD_BYTES)) as { replies?: unknown };
    if (Array.isArray(parsed.replies)) return parsed.replies as RecordedReply[];
  } catch {
    // said below
  }
  throw new InputError(path, [error("bad-replies", [], "is not the record of answers taphuan writes", "restore it from a backup, or move it away and read the replies again", {})]);
}

const ANSWERS: Readonly<Record<string, Answer>> = { ACCEPTED: "accepted", DECLINED: "declined", TENTATIVE: "tentative", DELEGATED: "delegated", "NEEDS-ACTION": "needs-action" };

/** Which ATTENDEE of a reply is the one answering: an invited address, the sender's if several are (a COUNTER may list everyone). */
function answering(event: Component, invitation: Invitation, sender: string | undefined): { address: string; prop: ReturnType<typeof properties>[number] } | undefined {
  const invited = properties(event, "ATTENDEE").flatMap((prop) => {
    // Apple Calendar may answer from another address of the account, naming the invited one in EMAIL=.
    const address = [mailAddress(prop.value), param(prop, "EMAIL")?.toLowerCase()].find((a) => a !== undefined && invitation.attendees.has(a));
    return address ? [{ address, prop }] : [];
  });
  return invited.length > 1 ? (invited.find((a) => a.address === sender) ?? invited[0]) : invited[0];
}

function stamp(event: Component, calendar: Component): string {
  const prop = property(event, "DTSTAMP");
  return (prop && dateTimeValue(prop, calendar, "UTC")?.toUTC().toISO({ suppressMilliseconds: true })) || "";
}

/** The state of every session of the current version, from the answers recorded. */
function sessionAnswers(invited: ReadonlyMap<string, Invitation>, replies: readonly RecordedReply[]): SessionAnswers[] {
  const latest = (uid: string, email: string, sequence?: number) =>
    replies.filter((r) => r.uid === uid && r.email === email && (sequence === undefined || r.sequence === sequence)).sort((a, b) => b.sequence - a.sequence || b.dtstamp.localeCompare(a.dtstamp))[0];
  return [...invited.entries()].map(([uid, invitation]) => ({
    session: invitation.session,
    uid,
    sequence: invitation.sequence,
    answers: [...invitation.attendees].map(([email, trainer]) => {
      const now = latest(uid, email, invitation.sequence);
      // No answer to this invitation: an answer to an earlier one is worth saying.
      const before = now ? undefined : latest(uid, email);
      return { trainer, email, answer: now?.answer ?? "needs-action", ...(now?.proposed ? { proposed: now.proposed } : {}), ...(now?.comment ? { comment: now.comment } : {}), ...(before ? { earlier: before.answer } : {}) };
    }),
  }));
}

/** The campaign's time zone, for times a reply writes without one: from the version's plan.json, else Vietnam's. */
function campaignZone(folder: ScheduleFolderReader, version: number): string {
  try {
    const zone = (JSON.parse(folder.readVersionFile(version, "plan.json")) as { campaign?: { timeZone?: unknown } }).campaign?.timeZone;
    if (typeof zone === "string") return zone;
  } catch {
    // A version made before plan.json was kept, or the file damaged: the default zone of a plan.
  }
  return "Asia/Ho_Chi_Minh";
}

/** An argument as a shell reads it back: bare when safe, else in double quotes (as the README writes them) or single quotes. */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/u.test(word)) return word;
  return /[$`"\\!]/.test(word) ? `'${word.replace(/'/g, `'\\''`)}'` : `"${word}"`;
}

export async function readReplies(input: { readonly dir: string; readonly files: readonly string[] }): Promise<RepliesOutcome> {
  const folder = await ScheduleFolder.open(input.dir, "replies");
  try {
    const current = folder.currentVersion();
    if (current === undefined) throw new InputError(folder.dir, [error("no-schedule", [], "holds no schedule yet", `solve first (taphuan solve PLAN --out ${folder.dir})`)]);
    const invited = invitations(folder, current);
    const everUid = new Map<string, string>();
    for (const version of folder.versions()) {
      const schedule = folder.readSchedule(version);
      for (const s of schedule.sessions) everUid.set(sessionUid(schedule.planId, s.code ?? s.id), s.province);
    }
    const zone = campaignZone(folder, current);
    const path = join(folder.dir, REPLIES_FILE);
    const replies = readLog(path);
    const readings: Reading[] = [];

    for (const file of input.files) {
      const message = await readImip(readBounded(file, MAX_REPLY_BYTES));
      const name = basename(file);
      if ((message.method !== "REPLY" && message.method !== "COUNTER") || !message.calendar || !message.events.length) {
        readings.push({ file: name, kind: "not-a-reply", ...(message.method ? { method: message.method } : {}) });
        continue;
      }
      for (const event of message.events) {
        const uid = property(event, "UID")?.value.trim() ?? "";
        const invitation = invited.get(uid);
        if (!invitation) {
          readings.push({ file: name, kind: "unknown-session", uid, ...(everUid.has(uid) ? { province: everUid.get(uid)! } : {}) });
          continue;
        }
        const who = answering(event, invitation, message.from?.address);
        if (!who) {
          readings.push({ file: name, kind: "not-invited", address: message.from?.address ?? mailAddress(properties(event, "ATTENDEE")[0]?.value ?? ""), province: invitation.session.province });
          continue;
        }
        const counter = message.method === "COUNTER";
        const start = counter && property(event, "DTSTART") ? dateTimeValue(property(event, "DTSTART")!, message.calendar, zone) : undefined;
        const end = counter && property(event, "DTEND") ? dateTimeValue(property(event, "DTEND")!, message.calendar, zone) : undefined;
        const local = (t: DateTime) => t.setZone(zone).toISO({ suppressMilliseconds: true })!;
        const comment = properties(event, "COMMENT").map((c) => textValue(c.value).trim()).filter(Boolean).join("\n");
        const reply: RecordedReply = {
          uid,
          province: invitation.session.province,
          trainer: invitation.attendees.get(who.address)!,
          email: who.address,
          answer: counter ? "proposed" : (ANSWERS[(param(who.prop, "PARTSTAT") ?? "NEEDS-ACTION").toUpperCase()] ?? "needs-action"),
          sequence: integerValue(property(event, "SEQUENCE")) ?? 0,
          dtstamp: stamp(event, message.calendar),
          ...(start ? { proposed: { start: local(start), ...(end ? { end: local(end) } : {}) } } : {}),
          ...(comment ? { comment } : {}),
          ...(message.messageId ? { messageId: message.messageId } : {}),
        };
        if (reply.sequence < invitation.sequence) {
          readings.push({ file: name, kind: "outdated", reply, current: invitation.sequence });
          continue;
        }
        const same = replies.find((r) => r.uid === uid && r.email === reply.email && r.sequence === reply.sequence);
        if (same && same.dtstamp > reply.dtstamp) {
          readings.push({ file: name, kind: "older", reply });
          continue;
        }
        replies.splice(0, replies.length, ...replies.filter((r) => !(r.uid === uid && r.email === reply.email)), reply);
        readings.push({ file: name, kind: "applied", reply });
      }
    }

    if (input.files.length) {
      // Sorted, without the clock: the same replies give the same file.
      replies.sort((a, b) => a.uid.localeCompare(b.uid) || a.email.localeCompare(b.email));
      writeAtomic(path, `${JSON.stringify({ replies }, null, 2)}\n`);
    }
    const sessions = sessionAnswers(invited, replies);
    const schedule = folder.readSchedule(current);
    const plan = existsSync(schedule.plan) ? schedule.plan : "PLAN";
    const declines = sessions.flatMap((s) =>
      s.answers
        .filter((a) => a.answer === "declined")
        .map((a) => ({
          trainer: a.trainer,
          province: s.session.province,
          date: s.session.date,
          command: ["taphuan", "replan", plan, "--schedule", join(folder.dir, "schedule.json"), "--trainer-unavailable", `${a.trainer}=${s.session.date}`],
        })),
    );
    return { current, file: path, readings, sessions, declines };
  } finally {
    folder.close();
  }
}

/**
 * The answers with each not-yet-answered invitation that was never sent marked `unsent`: a trainer
 * cannot have answered what they were not sent. `due` is what sending would send now (src/app/send.ts's
 * dry run): an invitation (REQUEST) of a session still due to an address is one its trainer has not had.
 */
export function markUnsent(outcome: RepliesOutcome, due: readonly { readonly uid: string; readonly to: string; readonly method: string; readonly update?: true }[]): RepliesOutcome {
  // An update due is to a trainer who had the invitation: not answered yet, but sent.
  const pending = new Set(due.filter((m) => m.method === "REQUEST" && !m.update).map((m) => `${m.uid}\u0000${m.to.toLowerCase()}`));
  return {
    ...outcome,
    sessions: outcome.sessions.map((s) => ({
      ...s,
      answers: s.answers.map((a) => (a.answer === "needs-action" && pending.has(`${s.uid}\u0000${a.email.toLowerCase()}`) ? { ...a, unsent: true as const } : a)),
    })),
  };
}
