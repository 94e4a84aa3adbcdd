/**
 * What changed in a plan file between the version a schedule was made from and the file as it is
 * now, as data a planner reads in either language (src/words/change-log.ts words it):
 * clusters and their windows, provinces moved, added or removed, trainers, campaign settings.
 */
import type { PlanDifference } from "../model/change-log.ts";
import { nameKey } from "../model/provinces.ts";
import type { PlanData } from "../model/schema.ts";

const json = (value: unknown) => JSON.stringify(value) ?? "—";
const windowText = (w: PlanData["clusters"][number]["window"]) => (w === undefined ? "—" : w === "propose" ? "propose" : `${w.from}..${w.to}`);

/** A value as compared: an empty list is the same as none (the schema's default of a key not written). */
const compared = (value: unknown) => json(Array.isArray(value) && !value.length ? undefined : value);

function keyedDifferences<T>(what: string, before: Readonly<Record<string, T>>, after: Readonly<Record<string, T>>): PlanDifference[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => compared(before[k]) !== compared(after[k])).map((k) => ({ code: "setting", params: { what: `${what}.${k}`, from: json(before[k]), to: json(after[k]) } }));
}

export function planDifferences(before: PlanData, after: PlanData): PlanDifference[] {
  const out: PlanDifference[] = [];
  out.push(...keyedDifferences("campaign", before.campaign as Record<string, unknown>, after.campaign as Record<string, unknown>));
  if (json(before.sessionNeeds) !== json(after.sessionNeeds)) out.push({ code: "setting", params: { what: "sessionNeeds", from: json(before.sessionNeeds), to: json(after.sessionNeeds) } });

  if (json(before.roles ?? {}) !== json(after.roles ?? {})) out.push({ code: "setting", params: { what: "roles", from: json(before.roles ?? {}), to: json(after.roles ?? {}) } });

  const clusterOf = (data: PlanData) => new Map(data.clusters.flatMap((c) => c.provinces.map((p) => [nameKey(p), { name: p, cluster: c.name }] as const)));
  const [oldClusters, newClusters] = [new Map(before.clusters.map((c) => [c.name, c])), new Map(after.clusters.map((c) => [c.name, c]))];
  // A cluster gone and one come with the same provinces is one renamed: its provinces did not move.
  const provincesOf = (c: PlanData["clusters"][number]) => json(c.provinces.map(nameKey).sort());
  const renamed = new Map<string, string>();
  for (const [name, cluster] of oldClusters) {
    if (newClusters.has(name)) continue;
    const now = after.clusters.find((c) => !oldClusters.has(c.name) && ![...renamed.values()].includes(c.name) && provincesOf(c) === provincesOf(cluster));
    if (now) renamed.set(name, now.name);
  }
  const nowCalled = (name: string) => renamed.get(name) ?? name;
  for (const [name] of oldClusters) {
    if (renamed.has(name)) out.push({ code: "cluster-renamed", params: { from: name, to: renamed.get(name)! } });
    else if (!newClusters.has(name)) out.push({ code: "cluster-removed", params: { cluster: name } });
  }
  for (const [name, cluster] of newClusters) {
    const oldName = [...renamed].find(([, to]) => to === name)?.[0] ?? name;
    const old = oldClusters.get(oldName);
    if (!old) out.push({ code: "cluster-added", params: { cluster: name } });
    else if (windowText(old.window) !== windowText(cluster.window)) out.push({ code: "window", params: { cluster: name, from: windowText(old.window), to: windowText(cluster.window) } });
  }
  const kept = (names: readonly string[]) => names.filter((n) => newClusters.has(n) && before.clusters.some((c) => nowCalled(c.name) === n));
  const [oldOrder, newOrder] = [kept(before.clusters.map((c) => nowCalled(c.name))), kept(after.clusters.map((c) => c.name))];
  if (json(oldOrder) !== json(newOrder)) out.push({ code: "clusters-reordered", params: { order: newOrder.join(", ") } });
  const [oldProvinces, newProvinces] = [clusterOf(before), clusterOf(after)];
  for (const [key, { name, cluster }] of oldProvinces) {
    const now = newProvinces.get(key);
    if (!now) out.push({ code: "province-removed", params: { province: name, cluster } });
    else if (now.cluster !== nowCalled(cluster) && newClusters.has(nowCalled(cluster))) out.push({ code: "province-moved", params: { province: name, from: nowCalled(cluster), to: now.cluster } });
  }
  for (const [key, { name, cluster }] of newProvinces) if (!oldProvinces.has(key)) out.push({ code: "province-added", params: { province: name, cluster } });

  const [oldTrainers, newTrainers] = [new Map(before.trainers.map((t) => [t.id, t])), new Map(after.trainers.map((t) => [t.id, t]))];
  for (const [id] of oldTrainers) if (!newTrainers.has(id)) out.push({ code: "trainer-removed", params: { trainer: id } });
  for (const [id, trainer] of newTrainers) {
    const old = oldTrainers.get(id);
    if (!old) out.push({ code: "trainer-added", params: { trainer: id } });
    // A renamed cluster is said once, not again in every list of clusters that follows it.
    else out.push(...keyedDifferences(`trainers[${id}]`, { ...old, clusters: old.clusters === "all" ? "all" : old.clusters.map(nowCalled) } as Record<string, unknown>, trainer as Record<string, unknown>));
  }
  // A province's settings field by field, under the name the file writes them with.
  for (const name of [...new Set([...Object.keys(before.provinces), ...Object.keys(after.provinces)])].sort()) {
    out.push(...keyedDifferences(`provinces[${name}]`, (before.provinces[name] ?? {}) as Record<string, unknown>, (after.provinces[name] ?? {}) as Record<string, unknown>));
  }
  for (const part of ["travel", "weights", "profiles"] as const) if (json(before[part]) !== json(after[part])) out.push({ code: "setting", params: { what: part, from: "…", to: "…" } });
  return out;
}
