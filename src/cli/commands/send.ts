/**
 * `taphuan send DIR --smtp URL [--dry-run]`: the invitation e-mails of a schedule folder, sent
 * once each. The first send takes the current version's messages/ (every session as it is);
 * later sends take the updates/messages/ of each version published since. A log in the folder
 * (sent.json) records every message sent, so nothing goes twice, and a failure mid-way says
 * which went and which did not.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import nodemailer from "nodemailer";
import addressparser from "nodemailer/lib/addressparser";
import { MAX_RECORD_BYTES, readText } from "../../app/read-input.ts";
import { writeAtomic } from "../../folder/safe-write.ts";
import { ScheduleFolder } from "../../folder/schedule-folder.ts";
import { parse, UsageError } from "../args.ts";

const LOG = "sent.json";

interface SentEntry {
  readonly file: string;
  readonly version: number;
  readonly to: string;
  readonly at: string;
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

/** The unfolded value of a header of our own .eml. */
function header(eml: string, name: string): string {
  const head = eml.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}: (.*)$`, "mi").exec(head)?.[1] ?? "";
}

function address(eml: string, name: string): string {
  const parsed = addressparser(header(eml, name), { flatten: true }) as { address?: string }[];
  const found = parsed.find((a) => a.address)?.address;
  if (!found) throw new Error(`the message has no ${name} address`);
  return found;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { smtp: { type: "string" }, "dry-run": { type: "boolean" }, quiet: { type: "boolean" } }, ["dir"]);
  const dryRun = values["dry-run"] ?? false;
  if (!values.smtp && !dryRun) throw new UsageError("--smtp URL is required (e.g. smtp://user:password@mail.example.org:587), or --dry-run to list what would be sent");
  const folder = await ScheduleFolder.open(positionals[0]!, "send");
  try {
    const current = folder.currentVersion();
    if (current === undefined) throw new UsageError(`${folder.dir} holds no schedule yet: solve first (taphuan solve PLAN --out ${folder.dir})`);
    let log: SentEntry[] = existsSync(join(folder.dir, LOG)) ? (JSON.parse(readText(join(folder.dir, LOG), MAX_RECORD_BYTES)) as { sent: SentEntry[] }).sent : [];
    const first = log.length ? Math.min(...log.map((e) => e.version)) : current;
    const due = [
      ...listEml(folder.versionPath(first, "messages")).map((file) => ({ file, version: first })),
      ...folder.versions().filter((v) => v > first).flatMap((v) => listEml(folder.versionPath(v, "updates/messages")).map((file) => ({ file, version: v }))),
    ]
      .map((m) => ({ ...m, name: relative(folder.dir, m.file) }))
      .filter((m) => !log.some((e) => e.file === m.name));
    const out = process.stdout;
    if (!due.length) {
      if (!values.quiet) out.write(`nothing to send: every message up to version ${current} was sent (${join(folder.dir, LOG)})\n`);
      return 0;
    }
    if (dryRun) {
      for (const m of due) out.write(`would send ${m.name} to ${address(readText(m.file, MAX_RECORD_BYTES), "To")}\n`);
      out.write(`${due.length} message(s) would be sent; nothing was sent\n`);
      return 0;
    }
    const transport = nodemailer.createTransport(values.smtp!);
    const sent: string[] = [];
    try {
      for (const m of due) {
        const raw = readText(m.file, MAX_RECORD_BYTES);
        const to = address(raw, "To");
        await transport.sendMail({ envelope: { from: address(raw, "From"), to }, raw });
        log = [...log, { file: m.name, version: m.version, to, at: new Date().toISOString() }];
        // Recorded after each message: a failure later cannot make this one go twice.
        writeAtomic(join(folder.dir, LOG), `${JSON.stringify({ sent: log }, null, 2)}\n`);
        sent.push(`${m.name} → ${to}`);
      }
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      process.stderr.write(`taphuan send: sending stopped: ${reason}\n  sent (${sent.length}): ${sent.join(", ") || "none"}\n  not sent (${due.length - sent.length}): ${due.slice(sent.length).map((m) => m.name).join(", ")}\nRun the same command again to send the rest; what was sent is not sent again.\n`);
      return 1;
    } finally {
      transport.close();
    }
    if (!values.quiet) out.write(`sent ${sent.length} message(s) up to version ${current}; logged in ${join(folder.dir, LOG)}\n`);
    return 0;
  } finally {
    folder.close();
  }
}
