/**
 * Problems found in a planner's input, as data: a stable `code`, the `path` of the field, a
 * sentence saying what is wrong and, where we know it, what would be right. Detecting a problem is
 * separate from placing it in a file (line numbers are added by whoever holds the source text).
 */
import { TaphuanError } from "./errors.ts";

export type PathSegment = string | number;

export interface Issue {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly hint?: string;
  /** The facts the message is made of, so it can be said again in another language (src/words/issues.ts). */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

type Params = Readonly<Record<string, string | number | boolean>>;

export function error(code: string, path: readonly PathSegment[], message: string, hint?: string, params?: Params): Issue {
  return { code, severity: "error", path, message, ...(hint ? { hint } : {}), ...(params ? { params } : {}) };
}

export function warning(code: string, path: readonly PathSegment[], message: string, hint?: string, params?: Params): Issue {
  return { code, severity: "warning", path, message, ...(hint ? { hint } : {}), ...(params ? { params } : {}) };
}

/** `clusters[0].provinces[3]`, the way an editor's breadcrumb reads. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "(top level)";
}

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

/** Data a planner gave us is wrong; the CLI maps it to exit code 2. */
export class InputError extends TaphuanError {
  readonly code = "bad-input";
  readonly kind = "bad-input";
  constructor(
    readonly file: string | undefined,
    readonly issues: readonly (Issue & { line?: number; column?: number })[],
  ) {
    super(issues.map((issue) => formatIssue(file, issue)).join("\n"));
    this.name = "InputError";
  }
}

export function formatIssue(file: string | undefined, issue: Issue & { line?: number; column?: number }): string {
  const where = [file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((x) => x !== undefined).join(":");
  const head = where ? `${where}: ` : "";
  const field = issue.path.length ? `${formatPath(issue.path)}: ` : "";
  return showInvisible(`${head}${issue.severity === "warning" ? "warning: " : ""}${field}${issue.message}${issue.hint ? ` — ${issue.hint}` : ""}`);
}

/**
 * Characters that show as nothing, or as an ordinary space: zero-width spaces and joiners, the
 * byte-order mark, soft hyphens, variation selectors, Hangul fillers, every space but U+0020.
 */
const INVISIBLE = /(?! )[\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0]/gu;

/**
 * `text` with each invisible character written as its code point ("An<U+200D>"), so that two names
 * a message shows alike ("An" and "An" with a zero-width joiner) can be told apart.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}
