/** Argument parsing for every command: argv in, typed options out, usage errors as values. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { TaphuanError } from "../model/errors.ts";
import { terminalLang } from "../words/cli.ts";
import { LANGS, type Lang } from "../words/labels.ts";

export class UsageError extends TaphuanError {
  readonly code = "usage";
  readonly kind = "bad-input";
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

type Options = NonNullable<ParseArgsConfig["options"]>;

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** `optional` names arguments that may be left out; a last one ending in "..." may also repeat (FILE...). */
export function parse<O extends Options>(argv: string[], options: O, positionals: readonly string[], optional: readonly string[] = []): Parsed<O> {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional.*$/s, "") : String(e));
  }
  const most = optional.at(-1)?.endsWith("...") ? Number.POSITIVE_INFINITY : positionals.length + optional.length;
  if (parsed.positionals.length < positionals.length || parsed.positionals.length > most) {
    const expected = [...positionals.map((p) => p.toUpperCase()), ...optional.map((p) => `[${p.toUpperCase()}]`)].join(" ");
    throw new UsageError(`expected ${expected || "no arguments"}, got ${parsed.positionals.length ? parsed.positionals.join(" ") : "nothing"}`);
  }
  return parsed;
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid value for --${flag} (${value}). Expected one of: ${allowed.join(", ")}`);
}

/** Longer than a day is a mistake (and past 24.8 days Node's timers would fire at once). */
export const MAX_TIME_LIMIT_SECONDS = 86_400;

export function positiveNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > MAX_TIME_LIMIT_SECONDS) {
    throw new UsageError(`invalid value for --${flag} (${value}). Expected a number of seconds above 0 and at most ${MAX_TIME_LIMIT_SECONDS} (a day), e.g. 60`);
  }
  return number;
}

/** `--lang`: the language of the files written (Vietnamese unless it says otherwise) and of the terminal (else the locale's). */
export function languages(value: string | undefined): { documents: Lang; terminal: Lang } {
  const chosen = value === undefined ? undefined : oneOf("lang", value, LANGS, "vi");
  return { documents: chosen ?? "vi", terminal: terminalLang(chosen) };
}
