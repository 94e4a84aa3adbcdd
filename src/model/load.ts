/**
 * From the text of a plan file to a resolved `Plan`, with every problem placed at its line.
 * Pure: the caller reads the file; this never touches the disk.
 */
import { isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, Parser, type Document, type ErrorCode, type Node } from "yaml";
import type { z } from "zod";
import { error, InputError, type Issue, type PathSegment } from "./issues.ts";
import { resolvePlan, type Plan } from "./plan.ts";
import { UNREADABLE_KEY } from "./records.ts";
import { PlanSchema } from "./schema.ts";

/** Plans are a few kilobytes; a file this large is a mistake or an attack, refused before parsing. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** YAML aliases expand; a few are handy, thousands are a "billion laughs" bomb. */
const MAX_ALIASES = 200;

export type Located = Issue & { line?: number; column?: number };

export interface ParsedYaml {
  readonly value: unknown;
  readonly locate: (path: readonly PathSegment[]) => { line: number; column: number } | undefined;
}

/**
 * Refuses an input larger than `limit` (MAX_INPUT_BYTES unless said), before anything parses it; a
 * reader calls it as it reads, so it may know only that the input is larger.
 */
export function refuseOversized(size: number, file: string, limit = MAX_INPUT_BYTES): void {
  if (size > limit) {
    const most = limit % (1024 * 1024) === 0 ? `${limit / 1024 / 1024} MiB` : `${limit} bytes`;
    throw new InputError(file, [error("file-too-large", [], `is larger than ${most}, the most taphuan reads of one input`, "is this the right file? A plan, a schedule or a changes file is a few kilobytes", { limit: most })]);
  }
}

/** Parses YAML safely, or throws an `InputError` naming the file and line. */
export function parseYaml(text: string, file: string): ParsedYaml {
  refuseOversized(Buffer.byteLength(text, "utf8"), file);
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const { line, col } = deep;
    throw new InputError(file, [{ ...yamlIssue("RESOURCE_EXHAUSTION"), line, column: col }]);
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) throw new InputError(file, doc.errors.slice(0, 1).map((e) => ({ ...yamlIssue(e.code, e.message), ...at(e.pos[0]) })));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // A parsed document fails to become data where an alias names no anchor, or aliases expand past MAX_ALIASES.
    const unresolved = /^Unresolved alias.*: (.+)$/.exec(e instanceof Error ? e.message : "")?.[1];
    if (unresolved !== undefined) {
      const offset = text.indexOf(`*${unresolved}`);
      throw new InputError(file, [{ ...yamlIssue("BAD_ALIAS"), ...(offset >= 0 ? at(offset) : {}) }]);
    }
    throw new InputError(file, [error("yaml-aliases", [], "not a usable YAML document: its aliases (*name) expand it too far", `use at most ${MAX_ALIASES} aliases (*name)`)]);
  }
  const locate = (path: readonly PathSegment[]) => {
    const offset = nodeOffset(doc, path);
    return offset === undefined ? undefined : at(offset);
  };
  const unsafe = unsafeText(value);
  if (unsafe.length) throw new InputError(file, unsafe.map((issue) => ({ ...issue, ...locate(issue.path) })));
  return {
    value,
    locate: (path) => {
      const offset = nodeOffset(doc, path);
      return offset === undefined ? undefined : at(offset);
    },
  };
}

/** Validates a parsed document with a zod schema; problems carry their line. */
export function validate<S extends z.ZodType>(schema: S, parsed: ParsedYaml, file: string): z.output<S> {
  const result = schema.safeParse(parsed.value ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => fromZod(issue));
  throw new InputError(file, issues.map((issue) => ({ ...issue, ...parsed.locate(issue.path) })));
}

export interface LoadedPlan {
  readonly plan: Plan;
  readonly warnings: readonly Located[];
}

/** Parses, validates and resolves a plan file's text. Throws `InputError` for anything wrong. */
export function loadPlanText(text: string, file: string): LoadedPlan {
  const parsed = parseYaml(text, file);
  const data = validate(PlanSchema, parsed, file);
  const resolved = resolvePlan(data);
  if (!resolved.ok) throw new InputError(file, resolved.issues.map((issue) => ({ ...issue, ...parsed.locate(issue.path) })));
  return { plan: resolved.value, warnings: resolved.warnings.map((issue) => ({ ...issue, ...parsed.locate(issue.path) })) };
}

function fromZod(issue: z.core.$ZodIssue): Issue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  switch (issue.code) {
    case "unrecognized_keys":
      return error("unknown-field", [...path, issue.keys[0]!], `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`, "check the spelling; plan.schema.json lists every field");
    case "invalid_type":
      if (issue.input === undefined) return error("missing-field", path, `required field is missing (expected ${expectedName(issue.expected)})`);
      return error("wrong-type", path, issue.message.startsWith("Invalid input") ? `expected ${expectedName(issue.expected)}, got ${describe(issue.input)}` : issue.message);
    case "too_small":
      return error("too-small", path, issue.message.startsWith("Too small") ? `must be at least ${String(issue.minimum)}` : issue.message);
    case "invalid_union":
      return error("wrong-shape", path, issue.message);
    default:
      return error(issue.code.replace(/_/g, "-"), path, issue.message);
  }
}

function expectedName(expected: string): string {
  return ({ object: "a mapping", record: "a mapping", array: "a list", string: "text", number: "a number", boolean: "true or false" } as Record<string, string>)[expected] ?? expected;
}

function describe(value: unknown): string {
  if (value === null) return "nothing (null)";
  // YAML's .nan and .inf are numbers JSON cannot write (it would say null).
  if (Number.isNaN(value)) return "not a number (.nan)";
  if (value === Infinity || value === -Infinity) return `${value > 0 ? "" : "minus "}infinity (${value > 0 ? "" : "-"}.inf)`;
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function nodeOffset(doc: Document, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      offset = (node as Node | undefined)?.range?.[0] ?? offset;
    } else {
      return offset;
    }
  }
  return (node as Node | null)?.range?.[0] ?? offset;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Lists and mappings nested deeper than this are refused before they are composed: a plan is a few
 * levels deep, and a few hundred would overflow the stack of the YAML composer (and of any reader
 * after it), which would then speak of "Maximum call stack size exceeded".
 */
const MAX_NESTING = 64;

/** Where the text nests past MAX_NESTING, found by the YAML parser alone (which keeps its own stack, so never overflows). */
function tooDeepAt(text: string): { line: number; col: number } | undefined {
  const lines = new LineCounter();
  lines.addNewLine(0);
  const parser = new Parser(lines.addNewLine);
  for (const lexeme of new Lexer().lex(text)) {
    for (const _ of parser.next(lexeme));
    if (parser.stack.length > MAX_NESTING) return lines.linePos(parser.offset);
  }
  return undefined;
}

const CHECK_THE_LINE = "check the colons, commas, brackets and quotes of this line";

/** What the YAML parser found wrong, in a planner's words: its own sentences speak of tokens, implicit keys and its API. */
const YAML_PROBLEMS: Readonly<Record<ErrorCode, readonly [what: string, fix?: string]>> = {
  ALIAS_PROPS: ["an alias (*name) cannot have an anchor (&) or a tag (!)", "remove the & or ! before it"],
  BAD_ALIAS: ["an anchor or alias (&name, *name) is empty, ends in a colon, or names no anchor above it", "give the anchor a name before the alias uses it, e.g. &window … *window"],
  BAD_COLLECTION_TYPE: ["a tag (!name) does not fit the list or mapping it is on", "remove the tag"],
  BAD_DIRECTIVE: ["a line starting with % is not a directive YAML knows", "remove it, or put the value in quotes"],
  BAD_DQ_ESCAPE: ["a backslash in double quotes starts an escape YAML does not know", "write \\\\ for a backslash, or use single quotes"],
  BAD_INDENT: ["this line is not indented like the lines it belongs with", "check the indentation and the colons of this line"],
  BAD_PROP_ORDER: ["an anchor or tag (&name, !name) must come after the - or : before it"],
  BAD_SCALAR_START: ["a value cannot start with this character unless it is in quotes", "put the value in quotes"],
  BLOCK_AS_IMPLICIT_KEY: ["a key cannot be a list or a mapping: a colon too many on this line?", "put text with a colon in quotes"],
  BLOCK_IN_FLOW: ["an indented list or mapping inside [ ] or { }", "write what is inside the brackets on one line, or use indentation alone"],
  DUPLICATE_KEY: ["a key appears twice in this mapping", "each key may appear once in a mapping"],
  IMPOSSIBLE: ["this line cannot be read as YAML", CHECK_THE_LINE],
  KEY_OVER_1024_CHARS: ["a key is longer than 1024 characters", "check the colons of this line"],
  MISSING_CHAR: ["something is missing here: a colon after a key, a comma between items, a closing bracket or quote", CHECK_THE_LINE],
  MULTILINE_IMPLICIT_KEY: ["a key must fit on one line", "check the line above for a missing colon or quote"],
  MULTIPLE_ANCHORS: ["a value has two anchors (&name)", "keep one"],
  MULTIPLE_DOCS: ["the file holds more than one YAML document (---)", "keep one document in the file: remove the second --- and what follows it, or move that to a file of its own"],
  MULTIPLE_TAGS: ["a value has two tags (!name)", "keep one"],
  NON_STRING_KEY: ["a key must be text", "write the key as text"],
  RESOURCE_EXHAUSTION: [`nested too deeply: lists and mappings more than ${MAX_NESTING} levels deep`, "a plan is a few levels deep: look for a run of [, { or - here"],
  TAB_AS_INDENT: ["a tab indents this line", "indent with spaces, not tabs"],
  TAG_RESOLVE_FAILED: ["a tag (!name) taphuan does not know", "remove the ! and the name after it"],
  UNEXPECTED_TOKEN: ["unexpected text here", `${CHECK_THE_LINE}; text starting with [ { * & ! | > % @ or \` goes in quotes`],
};

function yamlIssue(code: ErrorCode, parserMessage?: string): Issue {
  const [what, fix] = YAML_PROBLEMS[code] ?? [firstLine(parserMessage ?? code)];
  // A file that is YAML but more than one document, or too deep, is not malformed text.
  const prefix = code === "MULTIPLE_DOCS" || code === "RESOURCE_EXHAUSTION" ? "" : "not valid YAML: ";
  return error(`yaml-${code.toLowerCase()}`, [], `${prefix}${what}`, fix);
}

/**
 * Control characters (CR, ESC, bidirectional overrides such as U+202E…) would reach a terminal, a
 * table or a calendar raw, where they hide or reorder text; tab and line feed are ordinary.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Keys and text a plan must not hold: "__proto__" (zod's records drop it without a word) and control characters. */
function unsafeText(value: unknown, path: PathSegment[] = []): Issue[] {
  const control = (text: string, at: PathSegment[]) => {
    const found = CONTROL.exec(text);
    return found ? [error("control-character", at, `contains an invisible control character (U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`, "delete it; it could hide or reorder the text around it")] : [];
  };
  if (typeof value === "string") return control(value, path);
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeText(item, [...path, index]));
  if (!value || typeof value !== "object") return [];
  return Object.keys(value).flatMap((key) => {
    const at = [...path, key];
    if (key === UNREADABLE_KEY) return [error("reserved-key", at, `"${UNREADABLE_KEY}" cannot be used as a name here`, "rename this key")];
    return [...control(key, at), ...unsafeText((value as Record<string, unknown>)[key], at)];
  });
}
