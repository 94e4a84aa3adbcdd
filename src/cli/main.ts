/**
 * The `taphuan` command: a thin table of commands, each loaded only when it runs, and one place
 * that turns errors into exit codes: 0 ok · 1 no full schedule / check failed · 2 bad input or
 * usage · 3 internal error (a bug).
 */
import { InputError } from "../model/issues.ts";
import { FrozenConflictError } from "../solve/build.ts";
import { TimeLimitError } from "../solve/solve.ts";
import { UsageError } from "./args.ts";

export const EXIT = { ok: 0, failed: 1, badInput: 2, bug: 3 } as const;

const COMMANDS: Record<string, { summary: string; run: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  validate: { summary: "validate PLAN [--json]                      check a plan file and summarise it", run: () => import("./commands/validate.ts") },
  solve: { summary: "solve PLAN [--out DIR] [--solver highs|js] [--time-limit SECONDS] [--quiet]   make the calendar", run: () => import("./commands/solve.ts") },
  export: { summary: "export PLAN SCHEDULE.json --format ics|md|csv|html [--windows] [--lang vi|en] [--table clusters|sessions|all] [--out PATH]", run: () => import("./commands/export.ts") },
  replan: {
    summary: 'replan PLAN --schedule SCHEDULE.json [--changes FILE] [--unavailable "PROVINCE=DATE[..DATE]"]… [--fix "PROVINCE=DATE/morning|afternoon"]… [--trainer-unavailable "ID=DATE[..DATE]"]… [--today DATE] [--out DIR]',
    run: () => import("./commands/replan.ts"),
  },
  check: { summary: "check PLAN SCHEDULE.json [--json]           list every broken rule of a schedule", run: () => import("./commands/check.ts") },
};

function usage(): string {
  return ["Usage: taphuan <command> …", "", ...Object.values(COMMANDS).map((c) => `  taphuan ${c.summary}`), "", "Exit codes: 0 ok, 1 no full schedule or check failed, 2 bad input, 3 internal error."].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}". Expected one of: ${Object.keys(COMMANDS).join(", ")}`);
    const module = await command.run();
    return await module.run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return EXIT.badInput;
    }
    if (e instanceof TimeLimitError || e instanceof FrozenConflictError) {
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
