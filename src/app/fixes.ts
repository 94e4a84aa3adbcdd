/**
 * A proven fix written into the plan file the planner keeps: the fix is applied to the plan's data
 * (the same `applyFix` the search proved it with), and only what it changed is set in the YAML
 * document, so the file keeps its comments and its order (the yaml package re-spaces flow
 * collections: `{ a: 1 }` becomes `{a: 1}`).
 */
import { parseDocument, type Document } from "yaml";
import { loadPlanText } from "../model/load.ts";
import { applyFix, type Relaxation } from "../solve/fixes.ts";

type Path = (string | number)[];

/** Sets, key by key, what differs between two objects of the plan's data. */
function patch(doc: Document, path: Path, before: Record<string, unknown>, after: Record<string, unknown>): void {
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    const node = doc.createNode(after[key]);
    if (typeof node === "object" && node !== null && "flow" in node) (node as { flow: boolean }).flow = true;
    doc.setIn([...path, key], node);
  }
}

export function planTextWithFix(text: string, file: string, fix: Relaxation): string {
  const before = loadPlanText(text, file).plan.data;
  const after = applyFix(before, fix);
  const doc = parseDocument(text);
  patch(doc, ["campaign"], before.campaign, after.campaign);
  for (const [i, cluster] of before.clusters.entries()) patch(doc, ["clusters", i], cluster, after.clusters[i]!);
  for (const [i, trainer] of before.trainers.entries()) patch(doc, ["trainers", i], trainer, after.trainers[i]!);
  for (const added of after.trainers.slice(before.trainers.length)) {
    const node = doc.createNode(added);
    node.flow = true;
    doc.addIn(["trainers"], node);
  }
  // One line per flow collection, as planners and our examples write them.
  const written = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  // What is written must load, and be the plan the fix was proven on.
  loadPlanText(written, file);
  return written;
}
