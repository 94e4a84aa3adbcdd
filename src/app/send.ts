/**
 * Sending a schedule folder's invitations, by the book, once for every caller:
 * - only the current state of each session goes to each trainer: what the folder holds is read
 *   (every message's UID, SEQUENCE and METHOD) against what each trainer was told (sent.json), so an
 *   invitation a later version superseded is never sent — a trainer never told gets the current
 *   invitation, one told an older state gets the update, one taken off gets the cancellation;
 * - a permanent refusal (5xx to RCPT or DATA) is recorded for that message with the server's words,
 *   and the others go on; a temporary one (4xx, a connection lost) is tried again after short,
 *   bounded waits, then reported; a rerun tries again what failed for a temporary reason, and what
 *   was refused only when asked (`retryRefused`);
 * - one pooled connection, one AUTH; a password only over TLS (smtps://, or STARTTLS required)
 *   unless `allowInsecureAuth`; never a password in a message or an error;
 * - the Date: header says when the message went; the files on disk stay as written.
 */
import { existsSync, readdirSync } from "node:fs";
import { MAX_RECORD_BYTES, readText } from "./read-input.ts";
import { join, relative, sep } from "node:path";
import { DateTime } from "luxon";
import nodemailer from "nodemailer";
import { sessionUid } from "../export/ics.ts";
import { integerValue, property } from "../export/ical-read.ts";
import { readImip } from "../export/imip-read.ts";
import { writeAtomic } from "../folder/safe-write.ts";
import { ScheduleFolder, type ScheduleFolderReader } from "../folder/schedule-folder.ts";
import { error, InputError } from "../model/issues.ts";

export const SENT_LOG = "sent.json";

/** Waits before each new attempt of a message that failed for a temporary reason: bounded, about half a minute in all. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [2_000, 8_000, 20_000];

export interface SendInput {
  readonly dir: string;
  /** smtp://user:password@host:port or smtps://…; not needed for a dry run. */
  readonly smtp?: string;
  /** Say what would be sent; send nothing. */
  readonly dryRun?: boolean;
  /** Also try again the messages a server refused permanently. */
  readonly retryRefused?: boolean;
  /** Send the password even where the connection is not encrypted. */
  readonly allowInsecureAuth?: boolean;
  readonly backoffMs?: readonly number[];
  /** Injected by tests, so that no test waits. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  /** A message failed for a temporary reason and is tried again after `waitMs`. */
  readonly onRetry?: (message: Outgoing, attempt: number, waitMs: number, response: string) => void;
}

/** One message of the folder, as it would be sent. */
export interface Outgoing {
  /** Relative to the folder, e.g. versions/v2/updates/messages/cdsqg-1/ha-nam.eml. */
  readonly file: string;
  readonly version: number;
  /** The trainer's id, as the message names them. */
  readonly trainer: string;
  readonly to: string;
  readonly from: string;
  readonly uid: string;
  readonly sequence: number;
  readonly method: "REQUEST" | "CANCEL";
  /** The session's province. */
  readonly province: string;
  /** The half-day the message tells of: the session as the message's version holds it (or, for a cancellation, as it stood last). */
  readonly session?: { readonly date: string; readonly halfDay: "morning" | "afternoon" };
  /** Due as an update: the trainer was already sent an invitation to this session (an earlier state of it). */
  readonly update?: true;
}

/** Why a message was not delivered, as data (src/words/mailbox.ts words it). */
export type NotDelivered =
  /** The server refused it for good (5xx to RCPT TO or DATA): recorded, not tried again unless asked. */
  | { readonly kind: "refused"; readonly response: string }
  /** Refused in an earlier run; skipped without `retryRefused`. */
  | { readonly kind: "refused-earlier"; readonly response: string; readonly at: string }
  /** Still failing after every attempt for a reason that may pass (4xx, a connection lost): the next run tries again. */
  | { readonly kind: "temporary"; readonly response: string; readonly attempts: number }
  /** Sending stopped before it: the server wants TLS that is not there, refused the login or the sender, or cannot be reached. */
  | { readonly kind: "stopped"; readonly cause: "tls" | "auth" | "server" | "connection"; readonly response: string };

export interface SendOutcome {
  readonly current: number;
  readonly log: string;
  readonly dryRun: boolean;
  /** What was to be sent this time (a dry run: what would be). */
  readonly due: readonly Outgoing[];
  readonly sent: readonly Outgoing[];
  readonly failed: readonly { readonly message: Outgoing; readonly why: NotDelivered }[];
}

interface SentEntry {
  readonly file: string;
  readonly version: number;
  readonly to: string;
  readonly at: string;
  /** Since sent.json records what each trainer was told; older entries are read from their file. */
  readonly uid?: string;
  readonly sequence?: number;
  readonly method?: "REQUEST" | "CANCEL";
}

interface RefusedEntry {
  readonly file: string;
  readonly version: number;
  readonly to: string;
  readonly at: string;
  readonly response: string;
}

interface SentLog {
  sent: SentEntry[];
  refused: RefusedEntry[];
}

function listEml(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? listEml(join(dir, e.name)) : e.name.endsWith(".eml") ? [join(dir, e.name)] : [])).sort();
}

/** The trainer's folder of a message file: …/messages/<trainer>/<province>.eml. */
function trainerDir(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 2] ?? "";
}

const keyOf = (m: { file: string; uid: string }) => `${trainerDir(m.file)}\u0000${m.uid}`;

function readLog(path: string): SentLog {
  // Nothing sent yet: no log.
  if (!existsSync(path)) return { sent: [], refused: [] };
  const text = readText(path, MAX_RECORD_BYTES);
  let parsed: Partial<SentLog>;
  try {
    parsed = JSON.parse(text) as Partial<SentLog>;
  } catch {
    parsed = {};
  }
  if (!Array.isArray(parsed.sent)) throw new InputError(path, [error("bad-sent-log", [], "is not the log of sent messages taphuan writes", "restore it from a backup; without it every invitation would be sent again", {})]);
  return { sent: parsed.sent, refused: Array.isArray(parsed.refused) ? parsed.refused : [] };
}

/** Reads the folder's messages, each once, with the session each is about. */
class Messages {
  private readonly cache = new Map<string, Outgoing | undefined>();
  /** Per version, in ascending order, each session by its calendar UID. */
  private readonly sessions: { version: number; byUid: Map<string, { province: string; date: string; halfDay: "morning" | "afternoon" }> }[] = [];

  constructor(private readonly folder: ScheduleFolderReader) {
    for (const version of [...folder.versions()].sort((a, b) => a - b)) {
      const schedule = folder.readSchedule(version);
      this.sessions.push({ version, byUid: new Map(schedule.sessions.map((s) => [sessionUid(schedule.planId, s.code ?? s.id), { province: s.province, date: s.date, halfDay: s.halfDay }])) });
    }
  }

  /** The session a message of `version` is about: as that version holds it, else as the latest earlier version did. */
  private sessionOf(uid: string, version: number) {
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const entry = this.sessions[i]!;
      if (entry.version <= version && entry.byUid.has(uid)) return entry.byUid.get(uid)!;
    }
    // A message found in a version before its session's (e.g. a version rebuilt by hand): the session as first held.
    return this.sessions.find((entry) => entry.byUid.has(uid))?.byUid.get(uid);
  }

  /** The message a file of the folder holds, or undefined when it is not an iTIP message of ours (or is gone). */
  async read(file: string, version: number): Promise<Outgoing | undefined> {
    if (this.cache.has(file)) return this.cache.get(file);
    let raw: string | undefined;
    try {
      raw = readText(join(this.folder.dir, file), MAX_RECORD_BYTES);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
    const message = raw === undefined ? undefined : await readImip(raw);
    const event = message?.events[0];
    const uid = event && property(event, "UID")?.value.trim();
    const method = message?.method;
    const to = message?.to[0];
    const outgoing: Outgoing | undefined =
      message && event && uid && to && message.from && (method === "REQUEST" || method === "CANCEL")
        ? { file, version, trainer: to.name || to.address, to: to.address, from: message.from.address, uid, sequence: integerValue(property(event, "SEQUENCE")) ?? 0, method, ...this.about(uid, version, file) }
        : undefined;
    this.cache.set(file, outgoing);
    return outgoing;
  }

  private about(uid: string, version: number, file: string): Pick<Outgoing, "province" | "session"> {
    const session = this.sessionOf(uid, version);
    return session ? { province: session.province, session: { date: session.date, halfDay: session.halfDay } } : { province: trainerDir(file) };
  }

  async readAll(dir: string, version: number): Promise<Outgoing[]> {
    const found: Outgoing[] = [];
    for (const path of listEml(dir)) {
      const message = await this.read(relative(this.folder.dir, path).split(sep).join("/"), version);
      if (message) found.push(message);
    }
    return found;
  }
}

/**
 * What to send now, per trainer and session: nothing when the trainer was told this state; the
 * current invitation to a trainer never told (or told it was withdrawn); the newest update of this
 * state to a trainer told an older one; the newest cancellation to a trainer told of a session
 * they no longer give. What a later version superseded is never chosen.
 */
async function dueMessages(folder: ScheduleFolderReader, messages: Messages, log: SentLog): Promise<Outgoing[]> {
  const current = folder.currentVersion()!;
  const now = await messages.readAll(folder.versionPath(current, "messages"), current);
  const updates = (await Promise.all(folder.versions().map((v) => messages.readAll(folder.versionPath(v, "updates/messages"), v)))).flat();
  const told = new Map<string, { method: string; sequence: number; version: number }>();
  for (const entry of log.sent) {
    const known = entry.uid !== undefined && entry.sequence !== undefined && entry.method !== undefined ? { uid: entry.uid, sequence: entry.sequence, method: entry.method } : await messages.read(entry.file, entry.version);
    if (known) told.set(keyOf({ file: entry.file, uid: known.uid }), { method: known.method, sequence: known.sequence, version: entry.version });
  }
  const newest = (list: Outgoing[]) => list.sort((a, b) => b.version - a.version)[0];
  const due: Outgoing[] = [];
  const inCurrent = new Set<string>();
  for (const message of now) {
    const key = keyOf(message);
    inCurrent.add(key);
    const was = told.get(key);
    if (was?.method === "REQUEST" && was.sequence >= message.sequence) continue;
    if (was?.method !== "REQUEST") {
      due.push(message);
      continue;
    }
    const update = newest(updates.filter((u) => keyOf(u) === key && u.method === "REQUEST" && u.sequence === message.sequence));
    due.push({ ...(update ?? message), update: true });
  }
  for (const [key, was] of told) {
    if (inCurrent.has(key) || was.method !== "REQUEST") continue;
    const cancel = newest(updates.filter((u) => keyOf(u) === key && u.method === "CANCEL" && u.version > was.version));
    if (cancel) due.push(cancel);
  }
  return due.sort((a, b) => a.version - b.version || a.file.localeCompare(b.file));
}

/** The URL with its password hidden (user:password@ → user:***@), also in what is not quite a URL: for every message that names it. */
export function redactUrl(url: string): string {
  const start = url.includes("://") ? url.indexOf("://") + 3 : 0;
  const rest = url.slice(start);
  // The user part ends at the last "@": a password may hold "/", "?" or "#" (written raw, it is still a secret).
  const at = rest.lastIndexOf("@");
  if (at < 0) return url;
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(":");
  return `${url.slice(0, start)}${colon >= 0 ? `${userinfo.slice(0, colon)}:***` : userinfo}@${rest.slice(at + 1)}`;
}

/** Hides `secrets` (and their URL-encoded forms) in a text from the mail library or the server. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets.filter((s) => s.length > 0)) for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("***");
  return out;
}

interface Transport {
  readonly options: Record<string, unknown>;
  readonly secrets: readonly string[];
}

const QUERY_OPTIONS: Readonly<Record<string, (value: string) => [string, unknown] | undefined>> = {
  // A server with a certificate of its own making, on a network one trusts.
  "tls.rejectUnauthorized": (v) => (v === "true" || v === "false" ? ["rejectUnauthorized", v === "true"] : undefined),
};

/** nodemailer's options from an smtp:// or smtps:// URL; anything else is refused naming what is wrong, without its password. */
export function smtpOptions(url: string, allowInsecureAuth = false): Transport {
  const refuse = (what: string, why: string) => new InputError("--smtp", [error("bad-smtp-url", [], `${redactUrl(url)}: ${what}`, "give smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (TLS)", { url: redactUrl(url), why })]);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse("is not a URL", "not-a-url");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") throw refuse("is not an smtp:// or smtps:// URL", "protocol");
  if (!parsed.hostname) throw refuse("names no host", "no-host");
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  const tls: Record<string, unknown> = {};
  for (const [name, value] of parsed.searchParams) {
    const option = Object.hasOwn(QUERY_OPTIONS, name) ? QUERY_OPTIONS[name]!(value) : undefined;
    if (!option) throw refuse(`has an option taphuan does not take (${name}=${value})`, "option");
    tls[option[0]] = option[1];
  }
  const secure = parsed.protocol === "smtps:";
  const auth = user || pass ? { user, pass } : undefined;
  return {
    secrets: [pass, parsed.password].filter(Boolean),
    options: {
      host: parsed.hostname.replace(/^\[|\]$/g, ""),
      ...(parsed.port ? { port: Number(parsed.port) } : {}),
      secure,
      ...(auth ? { auth } : {}),
      // Credentials go only over TLS: STARTTLS is required (nodemailer fails before AUTH without it).
      ...(auth && !secure && !allowInsecureAuth ? { requireTLS: true } : {}),
      ...(Object.keys(tls).length ? { tls } : {}),
      // One connection for the whole run, one login: maxMessages would otherwise reconnect every 100.
      pool: true,
      maxConnections: 1,
      maxMessages: Number.POSITIVE_INFINITY,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    },
  };
}

/** The message with its Date: header set to when it is sent (RFC 5322 §3.6.1: the moment it was ready to go). */
export function withDate(raw: string, date: Date): string {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const stamp = `Date: ${DateTime.fromJSDate(date).toUTC().toRFC2822()}`;
  const replaced = head.replace(/^Date:[^\r\n]*(\r?\n[ \t][^\r\n]*)*/im, stamp);
  return (replaced === head ? `${stamp}\r\n${head}` : replaced) + (end < 0 ? "" : raw.slice(end));
}

type Failure = { readonly kind: "refused" | "temporary" | "retry-connection" } | { readonly kind: "stop"; readonly cause: "tls" | "auth" | "server" };

/** What an error of nodemailer means for this message and for the rest. */
function classify(e: { code?: string; responseCode?: number; command?: string }): Failure {
  const code = e.responseCode;
  const aboutMessage = e.code === "EENVELOPE" || e.code === "EMESSAGE" || e.command === "RCPT TO" || e.command === "DATA";
  if (e.code === "ETLS") return { kind: "stop", cause: "tls" };
  if (e.code === "EAUTH" || e.code === "ENOAUTH") return { kind: "stop", cause: "auth" };
  if (code !== undefined && code >= 500 && aboutMessage) return { kind: "refused" };
  if (code !== undefined && code >= 400 && code < 500 && code !== 421 && aboutMessage) return { kind: "temporary" };
  if (code !== undefined && code >= 500) return { kind: "stop", cause: "server" };
  return { kind: "retry-connection" };
}

export async function sendInvitations(input: SendInput): Promise<SendOutcome> {
  const transport = input.dryRun ? undefined : smtpOptions(input.smtp ?? "", input.allowInsecureAuth);
  const folder = await ScheduleFolder.open(input.dir, "send");
  try {
    const current = folder.currentVersion();
    if (current === undefined) throw new InputError(folder.dir, [error("no-schedule", [], "holds no schedule yet", `solve first (taphuan solve PLAN --out ${folder.dir})`)]);
    const logPath = join(folder.dir, SENT_LOG);
    const log = readLog(logPath);
    const messages = new Messages(folder);
    const candidates = await dueMessages(folder, messages, log);
    const refusedBefore = new Map(log.refused.map((r) => [r.file, r]));
    const failed: { message: Outgoing; why: NotDelivered }[] = [];
    const due: Outgoing[] = [];
    for (const message of candidates) {
      const refused = refusedBefore.get(message.file);
      if (refused && !input.retryRefused) failed.push({ message, why: { kind: "refused-earlier", response: refused.response, at: refused.at } });
      else due.push(message);
    }
    const base = { current, log: logPath, due, failed };
    if (!transport) return { ...base, dryRun: true, sent: [] };

    const now = input.now ?? (() => new Date());
    const sleep = input.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const backoff = input.backoffMs ?? DEFAULT_BACKOFF_MS;
    const sent: Outgoing[] = [];
    const record = () => writeAtomic(logPath, `${JSON.stringify({ sent: log.sent, ...(log.refused.length ? { refused: log.refused } : {}) }, null, 2)}\n`);
    const mailer = nodemailer.createTransport(transport.options as Parameters<typeof nodemailer.createTransport>[0]);
    try {
      for (const [index, message] of due.entries()) {
        let stop: NotDelivered | undefined;
        for (let attempt = 0; ; attempt++) {
          try {
            const raw = withDate(readText(join(folder.dir, message.file), MAX_RECORD_BYTES), now());
            await mailer.sendMail({ envelope: { from: message.from, to: message.to }, raw });
            const at = now().toISOString();
            log.sent.push({ file: message.file, version: message.version, to: message.to, at, uid: message.uid, sequence: message.sequence, method: message.method });
            log.refused = log.refused.filter((r) => r.file !== message.file);
            // Recorded after each message: a failure later cannot make this one go twice.
            record();
            sent.push(message);
            break;
          } catch (e) {
            const err = e as { code?: string; responseCode?: number; command?: string; response?: string; message?: string };
            const response = redact(err.response ?? err.message ?? String(e), transport.secrets);
            const what = classify(err);
            if (what.kind === "refused") {
              log.refused = [...log.refused.filter((r) => r.file !== message.file), { file: message.file, version: message.version, to: message.to, at: now().toISOString(), response }];
              record();
              failed.push({ message, why: { kind: "refused", response } });
              break;
            }
            if (what.kind === "stop") {
              stop = { kind: "stopped", cause: what.cause, response };
              break;
            }
            if (attempt >= backoff.length) {
              // A server that cannot be reached for one message cannot for the next: the rest wait for the next run.
              if (what.kind === "retry-connection") stop = { kind: "stopped", cause: "connection", response };
              else failed.push({ message, why: { kind: "temporary", response, attempts: attempt + 1 } });
              break;
            }
            input.onRetry?.(message, attempt + 1, backoff[attempt]!, response);
            await sleep(backoff[attempt]!);
          }
        }
        if (stop) {
          failed.push(...due.slice(index).map((m) => ({ message: m, why: stop })));
          break;
        }
      }
    } finally {
      mailer.close();
    }
    return { ...base, dryRun: false, sent, failed: failed.sort((a, b) => due.indexOf(a.message) - due.indexOf(b.message)) };
  } finally {
    folder.close();
  }
}
