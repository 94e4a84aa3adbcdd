/**
 * What changed in a plan file between the version a schedule was made from and the file as it is
 * now, in sentences a planner recognises: clusters and their windows, provinces moved, added or
 * removed, trainers added, removed or changed, campaign settings.
 */
import { nameKey } from "../model/provinces.ts";
import type { PlanData } from "../model/schema.ts";

const json = (value: unknown) => JSON.stringify(value) ?? "none";
const windowText = (w: PlanData["clusters"][number]["window"]) => (w === undefined ? "none" : w === "propose" ? "proposed" : `${w.from}..${w.to}`);

function keyedDifferences<T>(what: string, before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => json(before[k]) !== json(after[k])).map((k) => `${what}.${k}: ${json(before[k])} → ${json(after[k])}`);
}

export function planDifferences(before: PlanData, after: PlanData): string[] {
  const out: string[] = [];
  out.push(...keyedDifferences("campaign", before.campaign as Record<string, unknown>, after.campaign as Record<string, unknown>));
  if (json(before.sessionNeeds) !== json(after.sessionNeeds)) out.push(`sessionNeeds: ${json(before.sessionNeeds)} → ${json(after.sessionNeeds)}`);

  const clusterOf = (data: PlanData) => new Map(data.clusters.flatMap((c) => c.provinces.map((p) => [nameKey(p), { name: p, cluster: c.name }] as const)));
  const [oldClusters, newClusters] = [new Map(before.clusters.map((c) => [c.name, c])), new Map(after.clusters.map((c) => [c.name, c]))];
  for (const [name] of oldClusters) if (!newClusters.has(name)) out.push(`cluster ${name} removed (or renamed)`);
  for (const [name, cluster] of newClusters) {
    const old = oldClusters.get(name);
    if (!old) out.push(`cluster ${name} added`);
    else if (windowText(old.window) !== windowText(cluster.window)) out.push(`${name}: window ${windowText(old.window)} → ${windowText(cluster.window)}`);
  }
  const [oldProvinces, newProvinces] = [clusterOf(before), clusterOf(after)];
  for (const [key, { name, cluster }] of oldProvinces) {
    const now = newProvinces.get(key);
    if (!now) out.push(`${name} removed from the plan (was in ${cluster})`);
    else if (now.cluster !== cluster && newClusters.has(cluster)) out.push(`${name} moved from ${cluster} to ${now.cluster}`);
  }
  for (const [key, { name, cluster }] of newProvinces) if (!oldProvinces.has(key)) out.push(`${name} added to ${cluster}`);

  const [oldTrainers, newTrainers] = [new Map(before.trainers.map((t) => [t.id, t])), new Map(after.trainers.map((t) => [t.id, t]))];
  for (const [id] of oldTrainers) if (!newTrainers.has(id)) out.push(`trainer ${id} removed`);
  for (const [id, trainer] of newTrainers) {
    const old = oldTrainers.get(id);
    if (!old) out.push(`trainer ${id} added`);
    else out.push(...keyedDifferences(`trainer ${id}`, old as Record<string, unknown>, trainer as Record<string, unknown>));
  }
  out.push(...keyedDifferences("provinces", before.provinces, after.provinces));
  for (const part of ["travel", "weights", "profiles"] as const) if (json(before[part]) !== json(after[part])) out.push(`${part} changed`);
  return out;
}
