/**
 * Edits of a plan file's YAML that keep everything not edited as it was: its comments, its order, its
 * flow or block style, byte for byte. Each change is made in the text itself where its place allows
 * (a value written again where it stands, a line added after its siblings, a line taken out); where
 * one cannot be (a key deleted from a one-line `{ … }`, say), every change of the call goes through
 * the yaml Document API instead, which keeps the comments and order and re-spaces the rest.
 *
 * Used by every writer of the plan file that changes parts of it: the workbook import
 * (src/app/workbook.ts) and the plan's forms (src/app/plan-edit.ts).
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import type { PathSegment } from "../model/issues.ts";

/** One change of the plan's data, by its path in the file: a value set (added where missing), deleted, appended to a list, or a list item moved. */
export type YamlChange =
  | { readonly op: "set"; readonly path: readonly PathSegment[]; readonly value: unknown }
  | { readonly op: "delete"; readonly path: readonly PathSegment[] }
  | { readonly op: "append"; readonly path: readonly PathSegment[]; readonly value: unknown }
  | { readonly op: "move"; readonly path: readonly PathSegment[]; readonly from: number; readonly to: number };

/** One replacement of the text; applied last to first, so offsets stay right. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How the file spaces its flow collections: `{ a: 1 }` or `{a: 1}`, `[a, b]` or `[ a, b ]`, whichever it writes most. */
export interface FlowStyle {
  readonly maps: boolean;
  readonly seqs: boolean;
}

export const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
/** Past the end of the line `offset` is on, its line feed included. */
export const lineEnd = (text: string, offset: number) => {
  const at = text.indexOf("\n", offset);
  return at < 0 ? text.length : at + 1;
};

export function flowStyle(text: string): FlowStyle {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return { maps: count(/\{ [^\s}]/g) >= count(/\{[^\s}]/g), seqs: count(/\[ [^\s\]]/g) > count(/\[[^\s\]]/g) };
}

/** A value in the file's style: flow collections on one line, spaced as the file spaces them. */
export function render(value: unknown, style: FlowStyle, indent: number): string {
  const doc = new Document();
  doc.contents = doc.createNode(value, { flow: true });
  const text = pad(doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, ""), style);
  return text.split("\n").join(`\n${" ".repeat(indent)}`);
}

/** Spaces inside non-empty brackets of the kinds the style pads; a bracket in a quoted string is text, not structure. */
function pad(text: string, style: FlowStyle): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote && !(quote === '"' && text[i - 1] === "\\")) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else {
      const padded = c === "{" || c === "}" ? style.maps : c === "[" || c === "]" ? style.seqs : false;
      const empty = (c === "{" && text[i + 1] === "}") || (c === "[" && text[i + 1] === "]") || (c === "}" && text[i - 1] === "{") || (c === "]" && text[i - 1] === "[");
      if (padded && !empty) {
        out += c === "{" || c === "[" ? `${c} ` : ` ${c}`;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Where a node's own text ends: a block collection's range runs past its last line feed, which belongs to the lines after it. */
function valueEnd(text: string, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(text[end - 1]!)) end--;
  return end;
}

export function replaceNode(text: string, node: Node, value: unknown, style: FlowStyle): Edit {
  const start = node.range![0];
  return { start, end: valueEnd(text, node), text: render(value, style, start - lineStart(text, start)) };
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  // Last first; of two insertions at one place, the one made first ends up first.
  const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.start - a.edit.start || b.index - a.index);
  for (const { edit } of order) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The text with `changes` made, every part of it not changed kept. */
export function editYaml(text: string, changes: readonly YamlChange[]): string {
  const edits = textEdits(text, changes);
  return edits ? applyEdits(text, edits) : documentEdit(text, changes);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/** A mapping of mappings (the provinces' settings) is written a level in block style, one line per entry, as planners write it. */
const blockOneLevel = (value: unknown) => isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value).every(isPlainObject);

/** `key: value` for a new line at `indent`. */
function entryText(key: PathSegment, value: unknown, style: FlowStyle, indent: number): string {
  const keyText = render(String(key), style, indent);
  if (!blockOneLevel(value)) return `${keyText}: ${render(value, style, indent + keyText.length + 2)}`;
  const inner = " ".repeat(indent + 2);
  return `${keyText}:\n${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${entryText(k, v, style, indent + 2)}`).join("\n")}`;
}

function pairOf(map: YAMLMap, key: PathSegment): Pair | undefined {
  return map.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key)) as Pair | undefined;
}

/** The text of a collection's lines, when it sits alone on them: its `- ` or `key:` starts its line. */
function ownLines(text: string, start: number, end: number, prefix: RegExp): { start: number; end: number } | undefined {
  const from = lineStart(text, start);
  return prefix.test(text.slice(from, start)) ? { start: from, end: lineEnd(text, end - 1) } : undefined;
}

/**
 * The edits that make the changes in place, or undefined where one of them cannot be made in the
 * text (the caller then goes through the Document API). Paths are the file's before any change.
 */
function textEdits(text: string, changes: readonly YamlChange[]): Edit[] | undefined {
  const doc = parseDocument(text);
  const style = flowStyle(text);
  const edits: Edit[] = [];
  // A flow collection changed in its items is written again whole: the last value asked of it counts.
  const rewritten = new Map<Node, unknown>();
  const rewrite = (node: Node, change: (value: unknown) => unknown) => rewritten.set(node, change(rewritten.has(node) ? rewritten.get(node) : node.toJSON()));

  const set = (path: readonly PathSegment[], value: unknown): boolean => {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    if (parent === undefined && parentPath.length && typeof key === "string") return set(parentPath, { [key]: value });
    if (isMap(parent)) {
      const pair = pairOf(parent, key);
      const node = pair?.value as Node | null | undefined;
      if (pair && node?.range) {
        if ((isMap(node) || isSeq(node)) && !node.flow) {
          // A block value becomes a flow one on its key's line.
          const keyNode = pair.key as Node;
          const colon = text.indexOf(":", keyNode.range![1]);
          edits.push({ start: colon + 1, end: valueEnd(text, node), text: ` ${render(value, style, node.range[0] - lineStart(text, node.range[0]))}` });
        } else edits.push(replaceNode(text, node, value, style));
        return true;
      }
      if (pair) return false;
      if (parent.flow) return !!parent.range && (rewrite(parent, (v) => ({ ...(v as object), [String(key)]: value })), true);
      const last = parent.items[parent.items.length - 1];
      if (!last) return false;
      const keyStart = (last.key as Node).range![0];
      const indent = keyStart - lineStart(text, keyStart);
      const end = lineEnd(text, valueEnd(text, (last.value as Node | null)?.range ? (last.value as Node) : (last.key as Node)) - 1);
      edits.push({ start: end, end, text: `${end === text.length && !text.endsWith("\n") ? "\n" : ""}${" ".repeat(indent)}${entryText(key, value, style, indent)}\n` });
      return true;
    }
    if (isSeq(parent) && typeof key === "number") {
      if (key === parent.items.length) return append(parentPath, value);
      const item = parent.items[key] as Node | undefined;
      if (!item?.range) return false;
      if (parent.flow) return rewrite(parent, (v) => (v as unknown[]).map((x, i) => (i === key ? value : x))), true;
      edits.push(replaceNode(text, item, value, style));
      return true;
    }
    return false;
  };

  // A block collection every entry of which the changes delete is left empty, written `{}` or `[]` after its key.
  const emptied = emptiedBlocks(doc, changes);
  const emptiedDone = new Set<Node>();
  const leaveEmpty = (parent: YAMLMap | YAMLSeq, parentPath: readonly PathSegment[]): boolean => {
    if (emptiedDone.has(parent)) return true;
    emptiedDone.add(parent);
    const holder = parentPath.length > 1 ? doc.getIn(parentPath.slice(0, -1), true) : parentPath.length ? doc.contents : undefined;
    const pair = isMap(holder) && !holder.flow ? pairOf(holder, parentPath[parentPath.length - 1]!) : undefined;
    if (!pair || pair.value !== parent) return false;
    const colon = text.indexOf(":", (pair.key as Node).range![1]);
    edits.push({ start: colon + 1, end: colon + 1, text: isMap(parent) ? " {}" : " []" });
    return true;
  };

  const remove = (path: readonly PathSegment[]): boolean => {
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    if (isMap(parent)) {
      const pair = pairOf(parent, key);
      if (!pair) return true;
      if (parent.flow) return !!parent.range && (rewrite(parent, (v) => Object.fromEntries(Object.entries(v as object).filter(([k]) => k !== String(key)))), true);
      if (emptied.has(parent) && !leaveEmpty(parent, parentPath)) return false;
      const keyNode = pair.key as Node;
      const valueNode = pair.value as Node | null;
      const lines = ownLines(text, keyNode.range![0], valueNode?.range ? valueEnd(text, valueNode) : keyNode.range![1], /^\s*$/);
      if (!lines) return false;
      edits.push({ ...lines, text: "" });
      return true;
    }
    if (isSeq(parent) && typeof key === "number") {
      const item = parent.items[key] as Node | undefined;
      if (!item?.range) return true;
      if (parent.flow) return rewrite(parent, (v) => (v as unknown[]).map((x, i) => (i === key ? GONE : x))), true;
      if (emptied.has(parent) && !leaveEmpty(parent, parentPath)) return false;
      const lines = ownLines(text, item.range[0], valueEnd(text, item), /^\s*-\s*$/);
      if (!lines) return false;
      edits.push({ ...lines, text: "" });
      return true;
    }
    return parent === undefined;
  };

  const append = (path: readonly PathSegment[], value: unknown): boolean => {
    const seq = doc.getIn(path, true);
    if (seq === undefined) return set(path, [value]);
    if (!isSeq(seq) || !seq.range) return false;
    if (seq.flow && seq.items.length === 0 && typeof path[path.length - 1] === "string") {
      // An empty `[]` becomes a block list under its key, each item on a line of its own.
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      const pair = isMap(parent) && !parent.flow ? pairOf(parent, path[path.length - 1]!) : undefined;
      if (!pair) return rewrite(seq, (v) => [...(v as unknown[]), value]), true;
      const keyStart = (pair.key as Node).range![0];
      const indent = keyStart - lineStart(text, keyStart) + 2;
      const colon = text.indexOf(":", (pair.key as Node).range![1]);
      edits.push({ start: colon + 1, end: valueEnd(text, seq), text: `\n${" ".repeat(indent)}- ${render(value, style, indent + 2)}` });
      return true;
    }
    if (seq.flow) return rewrite(seq, (v) => [...(v as unknown[]), value]), true;
    const last = seq.items[seq.items.length - 1] as Node;
    const dash = lineStart(text, last.range![0]);
    const indent = /^\s*/.exec(text.slice(dash))![0];
    const end = lineEnd(text, valueEnd(text, last) - 1);
    edits.push({ start: end, end, text: `${end === text.length && !text.endsWith("\n") ? "\n" : ""}${indent}- ${render(value, style, indent.length + 2)}\n` });
    return true;
  };

  const move = (path: readonly PathSegment[], from: number, to: number): boolean => {
    const seq = doc.getIn(path, true);
    if (!isSeq(seq) || !seq.items[from] || !seq.items[to]) return false;
    if (seq.flow) return rewrite(seq, (v) => moved(v as unknown[], from, to)), true;
    // Each item's text goes to the place of the item now there; what lies between items (comments) stays.
    const spans = seq.items.map((item) => ({ start: (item as Node).range![0], end: valueEnd(text, item as Node) }));
    const order = moved(spans, from, to);
    order.forEach((span, i) => {
      if (span !== spans[i]) edits.push({ start: spans[i]!.start, end: spans[i]!.end, text: reindent(text.slice(span.start, span.end), span.start - lineStart(text, span.start), spans[i]!.start - lineStart(text, spans[i]!.start)) });
    });
    return true;
  };

  // A change of a flow collection's shape (a key added or taken out, an item added, moved) writes it
  // again whole; every other change inside it is made in that value, not in the text it replaces.
  const reshaped = new Set(changes.map((change) => reshapedFlow(doc, change)).filter((node): node is Node => node !== undefined));
  for (const change of changes) {
    const inside = ancestors(doc, change.path).find(({ node }) => reshaped.has(node));
    if (inside) {
      rewrite(inside.node, (value) => applied(value, change, inside.depth));
      continue;
    }
    const done = change.op === "set" ? set(change.path, change.value) : change.op === "delete" ? remove(change.path) : change.op === "append" ? append(change.path, change.value) : move(change.path, change.from, change.to);
    if (!done) return undefined;
  }
  for (const [node, value] of rewritten) edits.push(replaceNode(text, node, withoutGone(value), style));
  // Two edits of one place would undo each other: the Document API makes them one after the other.
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  if (sorted.some((edit, i) => i > 0 && edit.start < sorted[i - 1]!.end)) return undefined;
  return edits;
}

/**
 * The block collections whose every entry the changes delete (and to which they add none): each is
 * left written as an empty `{}` or `[]`, not as a key with no value, which reads as null.
 */
function emptiedBlocks(doc: Document.Parsed, changes: readonly YamlChange[]): Set<Node> {
  const deleted = new Map<Node, Set<string>>();
  const added = new Set<Node>();
  for (const change of changes) {
    const parent = change.path.length > 1 ? doc.getIn(change.path.slice(0, -1), true) : change.path.length ? doc.contents : undefined;
    if (change.op === "append") {
      const seq = doc.getIn(change.path, true);
      if (isSeq(seq)) added.add(seq);
    } else if (change.op === "set" && (isMap(parent) || isSeq(parent))) added.add(parent);
    if (change.op !== "delete" || !(isMap(parent) || isSeq(parent)) || parent.flow) continue;
    const key = change.path[change.path.length - 1]!;
    const present = isMap(parent) ? !!pairOf(parent, key) : typeof key === "number" && parent.items[key] !== undefined;
    if (present) deleted.set(parent, (deleted.get(parent) ?? new Set()).add(String(key)));
  }
  return new Set([...deleted].filter(([node, keys]) => !added.has(node) && keys.size === (node as YAMLMap | YAMLSeq).items.length).map(([node]) => node));
}

/** The collections a path goes through, outermost first, each with how many of the path's segments lead to it. */
function ancestors(doc: Document.Parsed, path: readonly PathSegment[]): { node: Node; depth: number }[] {
  const out: { node: Node; depth: number }[] = [];
  for (let depth = 0; depth <= path.length; depth++) {
    const node = depth ? doc.getIn(path.slice(0, depth), true) : doc.contents;
    if (!isMap(node) && !isSeq(node)) break;
    out.push({ node, depth });
  }
  return out;
}

/** The flow collection a change reshapes (a key or item added or taken out, items moved), if it is one. */
function reshapedFlow(doc: Document.Parsed, change: YamlChange): Node | undefined {
  const key = change.path[change.path.length - 1];
  const parent = change.path.length > 1 ? doc.getIn(change.path.slice(0, -1), true) : doc.contents;
  const flowParent = (isMap(parent) || isSeq(parent)) && parent.flow ? parent : undefined;
  if (change.op === "set") return isMap(flowParent) && key !== undefined && !pairOf(flowParent, key) ? flowParent : isSeq(flowParent) && key === flowParent.items.length ? flowParent : undefined;
  if (change.op === "delete") return flowParent;
  const seq = doc.getIn(change.path, true);
  if (!isSeq(seq) || !seq.flow) return undefined;
  // An empty `[]` under a key becomes a block list (see append), not a longer flow one.
  return change.op === "append" && seq.items.length === 0 && isMap(parent) && !parent.flow ? undefined : seq;
}

/**
 * An item of a flow list deleted, until the list is written: the items after it keep their places,
 * so every change's path still points where it did in the file, whatever order the changes come in.
 */
const GONE: unique symbol = Symbol("deleted item");

const cloned = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(cloned) : isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloned(v)])) : value;
const withoutGone = (value: unknown): unknown =>
  Array.isArray(value) ? value.filter((v) => v !== GONE).map(withoutGone) : isPlainObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutGone(v)])) : value;

/** `value` (the collection `depth` segments down the change's path) with the change made in it. */
function applied(value: unknown, change: YamlChange, depth: number): unknown {
  const rel = change.path.slice(depth);
  if (change.op === "set" && rel.length === 0) return change.value;
  const out = cloned(value) as Record<PathSegment, unknown>;
  let holder = out;
  for (const segment of rel.slice(0, -1)) holder = (holder[segment] ??= {}) as Record<PathSegment, unknown>;
  const last = rel[rel.length - 1]!;
  if (change.op === "set") holder[last] = change.value;
  else if (change.op === "delete") Array.isArray(holder) ? Number(last) < holder.length && (holder[Number(last)] = GONE) : delete holder[last];
  else if (rel.length === 0) return change.op === "append" ? [...(out as unknown as unknown[]), change.value] : moved(out as unknown as unknown[], change.from, change.to);
  else {
    const list = Array.isArray(holder[last]) ? (holder[last] as unknown[]) : [];
    holder[last] = change.op === "append" ? [...list, change.value] : moved(list, change.from, change.to);
  }
  return out;
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** A multi-line item's text moved from one column to another: its later lines follow it. */
function reindent(text: string, from: number, to: number): string {
  if (from === to) return text;
  return text.split("\n").map((line, i) => (i === 0 ? line : to > from ? `${" ".repeat(to - from)}${line}` : line.slice(Math.min(from - to, /^\s*/.exec(line)![0].length)))).join("\n");
}

/** Where the text edits cannot go: the same changes through the Document API (comments and order kept; flow collections re-spaced). */
function documentEdit(text: string, changes: readonly YamlChange[]): string {
  const doc = parseDocument(text);
  const style = flowStyle(text);
  const node = (value: unknown) => doc.createNode(value, { flow: !blockOneLevel(value) });
  // Items of a list deleted last, the last first, so the paths of the other changes still point where they did.
  const deletions = changes.filter((c) => c.op === "delete").sort((a, b) => Number(b.path[b.path.length - 1]) - Number(a.path[a.path.length - 1]) || 0);
  for (const change of changes) {
    if (change.op === "set") doc.setIn(change.path, node(change.value));
    else if (change.op === "append") {
      if (!isSeq(doc.getIn(change.path, true))) doc.setIn(change.path, doc.createNode([]));
      doc.addIn(change.path, node(change.value));
    } else if (change.op === "move") {
      const seq = doc.getIn(change.path, true) as YAMLSeq;
      seq.items = moved(seq.items, change.from, change.to);
    }
  }
  for (const change of deletions) doc.deleteIn(change.path);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: style.maps });
}
