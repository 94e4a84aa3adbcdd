/**
 * From the text of a plan file to a resolved `Plan`, with every problem placed at its line.
 * Pure: the caller reads the file; this never touches the disk.
 */
import { isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, Parser, type Document, type ErrorCode, type Node } from "yaml";
import type { z } from "zod";
import { schemaMessage, schemaMessageText } from "../words/validation.ts";
import { MAX_NESTING, YAML_WORDS, yamlText } from "../words/yaml.ts";
import { error, InputError, type Issue, type PathSegment } from "./issues.ts";
import { resolvePlan, type Plan } from "./plan.ts";
import { UNREADABLE_KEY } from "./records.ts";
import { DateString, PlanSchema } from "./schema.ts";

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
    throw new InputError(file, [error("yaml-aliases", [], "not a usable YAML document: its aliases (*name) expand it too far", `use at most ${MAX_ALIASES} aliases (*name)`, { max: MAX_ALIASES })]);
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

/**
 * A date given outside a file — an option (--today, --unavailable NAME=DATE …) or a request — judged
 * as DateString judges one in a file, so "2022-13-01" and "yesterday" are refused alike everywhere,
 * in the reader's language, as bad input naming where it came from.
 */
export function validDate(value: unknown, source: string): string {
  const parsed = DateString.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problem = fromZod(parsed.error.issues[0]!);
  throw new InputError(source, [{ ...problem, ...(problem.message.includes("YYYY-MM-DD") ? {} : { hint: "give a real date, written YYYY-MM-DD, e.g. 2022-09-14" }) }]);
}

/** A zod refusal as a planner's problem: the schema's named message, or zod's own said plainly. */
export function fromZod(issue: z.core.$ZodIssue): Issue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const named = schemaMessage(issue.message);
  if (named && !(issue.code === "invalid_type" && issue.input === undefined)) {
    // The schema named this refusal: its words come from the id, the value refused and the issue's facts.
    const facts = { input: typeof issue.input === "string" ? issue.input : JSON.stringify(issue.input) ?? "", ...(named.unit ? { unit: named.unit } : {}), ...(issue.code === "custom" ? (issue.params as Record<string, number>) : {}) };
    return error(named.id, path, schemaMessageText(named.id, facts, "en"), undefined, facts);
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return error("unknown-field", [...path, issue.keys[0]!], `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`, "check the spelling; plan.schema.json lists every field", { fields: issue.keys.map((k) => `"${k}"`).join(", ") });
    case "invalid_type":
      if (issue.input === undefined) return error("missing-field", path, `required field is missing (expected ${expectedName(issue.expected)})`, undefined, { expected: issue.expected });
      return error("wrong-type", path, issue.message.startsWith("Invalid input") ? `expected ${expectedName(issue.expected)}, got ${describe(issue.input)}` : issue.message, undefined, { expected: issue.expected, ...got(issue.input) });
    case "too_small":
      return error("too-small", path, issue.message.startsWith("Too small") ? `must be at least ${String(issue.minimum)}` : issue.message, undefined, { minimum: Number(issue.minimum), origin: issue.origin });
    case "invalid_union":
      return error("wrong-shape", path, issue.message);
    case "invalid_key": {
      // A record's key refused: the key's own refusal (a role name's, say), at the key.
      const inner = issue.issues[0];
      return inner ? { ...fromZod({ ...inner, input: inner.input ?? issue.input } as z.core.$ZodIssue), path } : error("invalid-key", path, issue.message);
    }
    default:
      return error(issue.code.replace(/_/g, "-"), path, issue.message);
  }
}

/** What was written instead, as facts a message can be worded from in either language. */
function got(value: unknown): Record<string, string> {
  if (value === null) return { got: "null" };
  if (Array.isArray(value)) return { got: "list" };
  if (typeof value === "object") return { got: "mapping" };
  if (Number.isNaN(value)) return { got: "nan" };
  if (value === Infinity || value === -Infinity) return { got: "infinity", value: value > 0 ? ".inf" : "-.inf" };
  return { got: typeof value, value: JSON.stringify(value) ?? String(value) };
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

function yamlIssue(code: ErrorCode, parserMessage?: string): Issue {
  if (!Object.hasOwn(YAML_WORDS.en, code)) return error(`yaml-${code.toLowerCase()}`, [], `not valid YAML: ${firstLine(parserMessage ?? code)}`);
  const { message, hint } = yamlText(code, "en");
  return error(`yaml-${code.toLowerCase()}`, [], message, hint, { yaml: code });
}

/**
 * Control characters (CR, ESC, bidirectional overrides such as U+202E…) would reach a terminal, a
 * table or a calendar raw, where they hide or reorder text; tab and line feed are ordinary.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Keys and text a plan must not hold: "__proto__" (zod's records drop it without a word) and control characters. */
export function unsafeText(value: unknown, path: PathSegment[] = []): Issue[] {
  const control = (text: string, at: PathSegment[]) => {
    const found = CONTROL.exec(text);
    return found ? [error("control-character", at, `contains an invisible control character (U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`, "delete it; it could hide or reorder the text around it", { codePoint: `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` })] : [];
  };
  if (typeof value === "string") return control(value, path);
  if (Array.isArray(value)) return value.flatMap((item, index) => unsafeText(item, [...path, index]));
  if (!value || typeof value !== "object") return [];
  return Object.keys(value).flatMap((key) => {
    const at = [...path, key];
    if (key === UNREADABLE_KEY) return [error("reserved-key", at, `"${UNREADABLE_KEY}" cannot be used as a name here`, "rename this key", { key: UNREADABLE_KEY })];
    return [...control(key, at), ...unsafeText((value as Record<string, unknown>)[key], at)];
  });
}
