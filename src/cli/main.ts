/**
 * The `taphuan` command: a thin table of commands, each loaded only when it runs, and one place
 * that turns errors into exit codes: 0 ok · 1 no full schedule / check failed · 2 bad input or
 * usage · 3 internal error (a bug).
 */
import { InputError } from "../model/issues.ts";
import { FrozenConflictError } from "../solve/build.ts";
import { ModelTooLargeError, TimeLimitError } from "../solve/solve.ts";
import { UsageError } from "./args.ts";
import { FolderBusyError } from "../folder/lock.ts";
import { VersionConflictError } from "../folder/schedule-folder.ts";

export const EXIT = { ok: 0, failed: 1, badInput: 2, bug: 3 } as const;

const COMMANDS: Record<string, { summary: string; run: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  validate: { summary: "validate PLAN [--json]                      check a plan file and summarise it", run: () => import("./commands/validate.ts") },
  solve: { summary: "solve PLAN [--out DIR] [--solver highs|js] [--time-limit SECONDS] [--quiet]   make the calendar", run: () => import("./commands/solve.ts") },
  export: { summary: "export PLAN SCHEDULE.json --format ics|md|csv|html|docx|xlsx [--windows] [--lang vi|en] [--table clusters|sessions|all] [--out PATH]", run: () => import("./commands/export.ts") },
  replan: {
    summary: 'replan PLAN --schedule SCHEDULE.json [--changes FILE] [--unavailable "PROVINCE=DATE[..DATE]"]… [--fix "PROVINCE=DATE/morning|afternoon"]… [--trainer-unavailable "ID=DATE[..DATE]"]… [--today DATE] [--out DIR]',
    run: () => import("./commands/replan.ts"),
  },
  send: { summary: "send DIR --smtp URL [--dry-run]                the invitation e-mails of a schedule folder, each once", run: () => import("./commands/send.ts") },
  serve: { summary: "serve [DIR] [--port N] [--host H] [--token T] [--open]   the planner's workspace page on a folder of plans (default plans/)", run: () => import("./commands/serve.ts") },
  check: { summary: "check PLAN SCHEDULE.json [--json]           list every broken rule of a schedule", run: () => import("./commands/check.ts") },
};

function usage(): string {
  return ["Usage: taphuan <command> …", "", ...Object.values(COMMANDS).map((c) => `  taphuan ${c.summary}`), "", "Exit codes: 0 ok, 1 no full schedule or check failed, 2 bad input, 3 internal error."].join("\n");
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
};

function ioProblem(e: unknown): { message: string; exit: number } | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const problem = code && Object.hasOwn(IO_PROBLEMS, code) ? IO_PROBLEMS[code] : undefined;
  if (!problem) return undefined;
  const path = (e as NodeJS.ErrnoException).path;
  return { message: `${path ? `${path}: ` : ""}${problem.what} (${code}) — ${problem.fix}`, exit: problem.exit };
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(", ")}`);
    const module = await command.run();
    return await module.run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.badInput;
    }
    if (e instanceof FolderBusyError || e instanceof VersionConflictError) {
      process.stderr.write(`taphuan ${name}: ${e.message}\n`);
      return EXIT.failed;
    }
    const io = ioProblem(e);
    if (io) {
      process.stderr.write(`taphuan ${name}: ${io.message}\n`);
      return io.exit;
    }
    if (e instanceof TimeLimitError || e instanceof FrozenConflictError || e instanceof ModelTooLargeError) {
      process.stderr.write(`taphuan ${name}: ${e.message}\n`);
      return EXIT.failed;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`taphuan ${name ?? ""}: ${e.message}\nRun "taphuan --help" for usage.\n`);
      return EXIT.badInput;
    }
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`taphuan: internal error — this is a bug, please report it with the command you ran, the plan file and this text:\n${detail}\n`);
    return EXIT.bug;
  }
}

process.exitCode = await main(process.argv.slice(2));
