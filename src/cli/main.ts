/**
 * The `taphuan` command: a thin table of commands, each loaded only when it runs, and one place
 * that turns errors into exit codes: 0 ok · 1 no full schedule / check failed · 2 bad input or
 * usage · 3 internal error (a bug).
 */
import { readFileSync } from "node:fs";
import { EXIT_CODE_OF, TaphuanError } from "../model/errors.ts";
import { InputError, showInvisible } from "../model/issues.ts";
import { UsageError } from "./args.ts";
import { terminalLang } from "../words/cli.ts";
import { issueLine } from "../words/issues.ts";

/** 0 ok · 1 no schedule, a conflict, busy · 2 bad input · 3 a bug; an error's kind gives its code (EXIT_CODE_OF). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, bug: 3 } as const;

interface Command {
  /** The one-line form, for the list of commands. */
  readonly summary: string;
  /** Every option, one a line: `taphuan <command> --help`. */
  readonly options: readonly string[];
  readonly run: () => Promise<{ run(argv: string[]): Promise<number> }>;
}

const SOLVING = ["--solver highs|js     the optimiser (default highs; js: javascript-lp-solver, pure JavaScript)", "--time-limit SECONDS  at most this long (up to 86400); the best schedule found is kept"];
const COMMON = ["--quiet               no warnings, no summary", "--help                this text"];

const COMMANDS: Record<string, Command> = {
  validate: { summary: "validate PLAN                 check a plan file and summarise it", options: ["--json                the summary, or the problems, as JSON on stdout", ...COMMON], run: () => import("./commands/validate.ts") },
  solve: {
    summary: "solve PLAN                    make the calendar into a schedule folder",
    options: [
      "--out DIR             the schedule folder (default out)",
      ...SOLVING,
      "--profile NAME        solve with a goal profile's weights: earliest, paced, or one the plan defines",
      "--compare A,B         solve with each profile, write comparison.md/.json, publish the first",
      "--propose-windows     clusters without a window get dates proposed (marked as such)",
      "--lang vi|en          the language of the files (default vi) and of what is printed (default: the locale, LANG)",
      "--json                the outcome as JSON on stdout",
      ...COMMON,
    ],
    run: () => import("./commands/solve.ts"),
  },
  replan: {
    summary: "replan PLAN --schedule FILE   change the fewest sessions after a change; a new version",
    options: [
      "--schedule FILE       the schedule to change (its folder gets the new version), - for standard input",
      "--changes FILE        a changes file (see examples/nam-dinh-doi-lich.yaml), - for standard input",
      '--unavailable "PROVINCE=DATE[..DATE]"       a province cannot host then (repeatable)',
      '--fix "PROVINCE=DATE/morning|afternoon"     a province must be then (repeatable)',
      '--trainer-unavailable "ID=DATE[..DATE]"     a trainer is away then (repeatable)',
      "--note TEXT           recorded with the change (e.g. the province's letter number)",
      "--withdraw N          withdraw standing change N (taphuan changes DIR lists them)",
      "--restore N           re-plan toward version N, under every standing change and the past",
      "                      (with no change, --withdraw or --restore: re-plan the edited plan file)",
      "--today DATE          the day it is decided (default: today in the plan's time zone); sessions up to it",
      "                      stay exactly as held, and changes lie campaign.replanNoticeDays (2) working days after it",
      "--out DIR             the schedule folder (default: the schedule's)",
      ...SOLVING,
      "--lang vi|en          the language of the files (default vi) and of what is printed (default: the locale, LANG)",
      "--json                the outcome as JSON on stdout",
      ...COMMON,
    ],
    run: () => import("./commands/replan.ts"),
  },
  alternatives: {
    summary: "alternatives PLAN --schedule FILE --province NAME   where a session could go: each half-day of its window marked",
    options: [
      "--schedule FILE       the current schedule (DIR/schedule.json)",
      '--province NAME       the province whose session may move, e.g. "Nam Định"',
      "--today DATE          the day it is asked on (default today in the plan's time zone)",
      "--budget SECONDS      time for the re-plans behind \"N other sessions move\" (default 20; the rest is marked not computed)",
      "--lang vi|en          the language of what is printed (default: the locale, LANG)",
      "--json                the half-days as JSON on stdout",
      ...COMMON,
    ],
    run: () => import("./commands/alternatives.ts"),
  },
  changes: {
    summary: "changes DIR                   the campaign's change log: every answer recorded, standing or withdrawn",
    options: ["--lang vi|en          the language of what is printed (default: the locale, LANG)", "--json                the log as JSON on stdout", "--help                this text"],
    run: () => import("./commands/changes.ts"),
  },
  check: {
    summary: "check PLAN SCHEDULE           list every broken rule of a schedule (also one made by hand)",
    options: ["--changes FILE        check against the plan with these changes (a re-plan's recorded changes are found by themselves)", "--previous FILE --today DATE   also: the sessions of FILE held up to DATE are unchanged", "--json                violations and warnings as JSON on stdout", "--lang vi|en          the language of what is printed (default: the locale, LANG)", ...COMMON],
    run: () => import("./commands/check.ts"),
  },
  export: {
    summary: "export PLAN SCHEDULE --format ics|md|csv|html|docx|xlsx   one export of a schedule",
    options: ["--format FORMAT       ics, md, csv, html, docx or xlsx", "--table clusters|sessions|all   which table (md, csv)", "--windows             the letter's cluster table alone (without the scheduled days)", "--lang vi|en          the language (default vi)", "--out PATH            the file to write (default standard output; required for docx and xlsx)", "--help                this text"],
    run: () => import("./commands/export.ts"),
  },
  send: {
    summary: "send DIR --smtp URL           the invitation e-mails of a schedule folder, each once",
    options: [
      "--smtp URL            smtp://user:password@host:587 (STARTTLS) or smtps://…:465 (TLS); a password goes only over TLS",
      "--dry-run             list what would be sent; send nothing",
      "--retry-refused       also send again what a server refused for good (5xx)",
      "--allow-insecure-auth send the password without TLS (a trusted network only)",
      "--lang vi|en          the language of what is printed (default: the locale, LANG)",
      ...COMMON,
    ],
    run: () => import("./commands/send.ts"),
  },
  replies: {
    summary: "replies DIR [FILE.eml...]     read the trainers' answers (Accept, Decline, a new time proposed); who has not answered",
    options: ["--lang vi|en          the language of what is printed (default: the locale, LANG)", "--json                the answers as JSON on stdout", ...COMMON],
    run: () => import("./commands/replies.ts"),
  },
  template: {
    summary: "template PLAN                 an Excel workbook of the plan's trainers and provinces, to fill in",
    options: ["--out FILE.xlsx       the workbook to write (default: the plan's name, .xlsx, in this folder)", "--lang vi|en          the language of what is printed (default: the locale, LANG); the workbook is in Vietnamese", "--help                this text"],
    run: () => import("./commands/template.ts"),
  },
  import: {
    summary: "import PLAN FILE.xlsx         read the filled-in workbook back into the plan file (comments kept)",
    options: ["--dry-run             say what would change; write nothing", "--lang vi|en          the language of what is printed (default: the locale, LANG)", ...COMMON],
    run: () => import("./commands/import.ts"),
  },
  serve: {
    summary: "serve [DIR]                   the planner's workspace page on a folder of plans (default plans)",
    options: ["--port N              the port (default 4173)", "--host H              the address to listen on (default 127.0.0.1; another needs the printed token)", "--token T             the access token (generated for a non-loopback host)", "--open                open the page in the browser", "--help                this text"],
    run: () => import("./commands/serve.ts"),
  },
};

function usage(): string {
  return [
    "Usage: taphuan <command> …    (taphuan <command> --help for its options)",
    "",
    ...Object.values(COMMANDS).map((c) => `  taphuan ${c.summary}`),
    "",
    "  --version  the version of taphuan",
    "",
    "Exit codes: 0 ok, 1 no full schedule, no re-plan, check failed or the folder busy, 2 bad input, 3 internal error.",
  ].join("\n");
}

function commandUsage(name: string, command: Command): string {
  return [`Usage: taphuan ${command.summary}`, "", "Options:", ...command.options.map((o) => `  ${o}`)].join("\n");
}

function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** What an operating-system error means to a planner, and what to do about it. */
const IO_PROBLEMS: Record<string, { what: string; fix: string; exit: number }> = {
  EACCES: { what: "permission denied", fix: "choose a file or folder you may read and write, or ask for the rights", exit: EXIT.badInput },
  EPERM: { what: "operation not permitted", fix: "choose a file or folder you may read and write", exit: EXIT.badInput },
  ENOENT: { what: "no such file or folder", fix: "check the path", exit: EXIT.badInput },
  EISDIR: { what: "is a folder where a file is needed", fix: "give the path of a file", exit: EXIT.badInput },
  ENOTDIR: { what: "a part of the path is a file, not a folder", fix: "check the path", exit: EXIT.badInput },
  EEXIST: { what: "already exists and is not taphuan's to replace", fix: "move it away or choose another path", exit: EXIT.badInput },
  ENAMETOOLONG: { what: "the path is too long", fix: "choose a shorter path", exit: EXIT.badInput },
  ELOOP: { what: "the path goes round in symbolic links", fix: "check the path", exit: EXIT.badInput },
  EROFS: { what: "the file system is read-only", fix: "choose a folder on a writable disk (--out DIR)", exit: EXIT.badInput },
  ENOSPC: { what: "the disk is full", fix: "free some space and run the command again; what was published before is intact", exit: EXIT.failed },
  EDQUOT: { what: "the disk quota is used up", fix: "free some space and run the command again; what was published before is intact", exit: EXIT.failed },
  EMFILE: { what: "too many open files", fix: "close other programs or raise the limit (ulimit -n), then run the command again", exit: EXIT.failed },
  ENFILE: { what: "too many open files on this machine", fix: "close other programs, then run the command again", exit: EXIT.failed },
  EIO: { what: "the disk reported an input/output error", fix: "check the disk, then run the command again", exit: EXIT.failed },
  EPIPE: { what: "closed before everything was written", fix: "let the command that reads it read to the end, or write to a file (--out FILE or > FILE)", exit: EXIT.failed },
};

function ioProblem(e: unknown, path = (e as NodeJS.ErrnoException | undefined)?.path): { message: string; exit: number } | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const problem = code && Object.hasOwn(IO_PROBLEMS, code) ? IO_PROBLEMS[code] : undefined;
  if (!problem) return undefined;
  return { message: `${path ? `${path}: ` : ""}${problem.what} (${code}) — ${problem.fix}`, exit: problem.exit };
}

/** `--lang X` or `--lang=X` as given, for words printed after the command's own parsing failed or threw. */
function langFlag(args: readonly string[]): string | undefined {
  const at = args.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (at < 0) return undefined;
  const value = args[at]!.startsWith("--lang=") ? args[at]!.slice("--lang=".length) : args[at + 1];
  return value === "vi" || value === "en" ? value : undefined;
}

/** Set once standard output failed: the command's own exit code no longer says how it went. */
let outputLost = false;

/**
 * Standard output that fails — a full disk (> /dev/full), a reader gone (`| head -c1`) — is said in
 * one line and the exit code is 1; without a listener Node would end on an unhandled 'error' event
 * with a stack. The command itself runs to its end, so a schedule folder it holds is released.
 */
function watchOutput(name: string | undefined): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    process.exitCode = EXIT.failed;
    if (outputLost) return;
    outputLost = true;
    process.stderr.write(`taphuan${name ? ` ${name}` : ""}: ${ioProblem(e, "standard output")?.message ?? `standard output: ${e.message}`}\n`);
  });
  // Standard error gone too: there is nowhere left to say anything.
  process.stderr.on("error", () => undefined);
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  watchOutput(name);
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command && (rest.includes("--help") || rest.includes("-h"))) {
    process.stdout.write(`${commandUsage(name, command)}\n`);
    return EXIT.ok;
  }
  try {
    if (!command) throw new UsageError(`unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(", ")}`);
    const module = await command.run();
    return await module.run(rest);
  } catch (e) {
    if (e instanceof InputError && rest.includes("--json")) {
      // With --json a script gets the problems as data, each with its file, line, field and fix.
      process.stdout.write(`${JSON.stringify({ ok: false, errors: e.issues.map((issue) => ({ file: e.file, ...issue })) }, null, 2)}\n`);
    }
    if (e instanceof TaphuanError && e.kind !== "internal") {
      // An InputError's lines show invisible characters as code points (formatIssue and its Vietnamese words alike).
      if (e instanceof InputError) process.stderr.write(`${e.issues.map((issue) => issueLine(e.file, issue, terminalLang(langFlag(rest)))).join("\n")}\n`);
      else if (e instanceof UsageError) process.stderr.write(`taphuan ${name ?? ""}: ${showInvisible(e.message)}\nRun "taphuan ${command ? `${name} ` : ""}--help" for usage.\n`);
      else process.stderr.write(`taphuan ${name}: ${showInvisible(e.message)}\n`);
      return EXIT_CODE_OF[e.kind];
    }
    const io = ioProblem(e);
    if (io) {
      process.stderr.write(`taphuan ${name}: ${io.message}\n`);
      return io.exit;
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`taphuan: internal error — this is a bug, please report it with the command you ran, the plan file and this text:\n${detail}\n`);
    return EXIT.bug;
  }
}

const code = await main(process.argv.slice(2));
if (!outputLost) process.exitCode = code;
