/**
 * The clusters' lists of provinces changed as planners change them, by the plan's forms
 * (src/app/plan-edit.ts) and by the workbook's import (src/app/workbook.ts): a province moved to a
 * cluster is taken out of the one it was in, and the lists are written item by item, so the file's
 * own items, their comments and their style stay as written.
 *
 * A province's settings (venue, focal point, days it cannot host, a fixed day) are keyed by its
 * name under the plan's top-level `provinces:`, not under its cluster: moving it touches none of them.
 */
import type { PathSegment } from "../model/issues.ts";
import type { YamlChange } from "./yaml-edit.ts";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The lists with each province of `moves` (a name, and the index of the cluster it goes to) taken
 * out of every other cluster's list (matched by `codeOf`, the registry's code for a name) and added
 * at the end of its new cluster's, unless already there. A list is as the file writes it.
 */
export function withMoves(lists: readonly (readonly string[])[], codeOf: (name: string) => string, moves: readonly { readonly name: string; readonly to: number }[]): string[][] {
  const out = lists.map((list) => [...list]);
  for (const { name, to } of moves) {
    const code = codeOf(name);
    out.forEach((list, index) => {
      if (index !== to) out[index] = list.filter((item) => codeOf(item) !== code);
    });
    while (out.length <= to) out.push([]);
    if (!out[to]!.some((item) => codeOf(item) === code)) out[to]!.push(name);
  }
  return out;
}

/**
 * The changes that make the list `before` (at `path`) into `after`, where `after` is the items of
 * `before` kept, in their order, then new ones: each item taken out deleted (the last first), each
 * new one appended; the items kept are not touched.
 */
export function listChanges(path: readonly PathSegment[], before: readonly unknown[], after: readonly unknown[]): YamlChange[] {
  let at = 0;
  const gone: number[] = [];
  before.forEach((item, index) => (at < after.length && same(item, after[at]) ? at++ : gone.push(index)));
  return [...gone.reverse().map((index): YamlChange => ({ op: "delete", path: [...path, index] })), ...after.slice(at).map((value): YamlChange => ({ op: "append", path, value }))];
}

/** The changes that make the clusters' lists `before` (the file's) into `after`, cluster by cluster, item by item; clusters past `before`'s are not the file's yet, and left to the caller. */
export function clusterListChanges(before: readonly (readonly string[])[], after: readonly (readonly string[])[]): YamlChange[] {
  return before.flatMap((list, index) => (same(list, after[index]) ? [] : listChanges(["clusters", index, "provinces"], list, after[index] ?? [])));
}
