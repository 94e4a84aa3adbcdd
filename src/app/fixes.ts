/**
 * A proven fix written into the plan file the planner keeps: the fix is applied to the plan's data
 * (the same `applyFix` the search proved it with), and only what it changed is written, through the
 * plan file's one editor (src/app/yaml-edit.ts, as the forms and the workbook write), so every other
 * line and comment of the file stays as it was.
 */
import { loadPlanText } from "../model/load.ts";
import type { PathSegment } from "../model/issues.ts";
import { applyFix, type Relaxation } from "../solve/fixes.ts";
import { editYaml, type YamlChange } from "./yaml-edit.ts";

/** Sets, key by key, what differs between two objects of the plan's data. */
function changed(path: readonly PathSegment[], before: Record<string, unknown>, after: Record<string, unknown>): YamlChange[] {
  return Object.keys(after)
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ op: "set", path: [...path, key], value: after[key] }));
}

export function planTextWithFix(text: string, file: string, fix: Relaxation): string {
  const before = loadPlanText(text, file).plan.data;
  const after = applyFix(before, fix);
  const changes: YamlChange[] = [
    ...changed(["campaign"], before.campaign, after.campaign),
    ...before.clusters.flatMap((cluster, i) => changed(["clusters", i], cluster, after.clusters[i]!)),
    ...before.trainers.flatMap((trainer, i) => changed(["trainers", i], trainer, after.trainers[i]!)),
    ...after.trainers.slice(before.trainers.length).map((added): YamlChange => ({ op: "append", path: ["trainers"], value: added })),
  ];
  const written = editYaml(text, changes);
  // What is written must load, and be the plan the fix was proven on.
  loadPlanText(written, file);
  return written;
}
