/**
 * What changed since a schedule was made, as a planner says it: a province cannot host on some
 * dates (or only on some), is fixed to a half-day; a trainer is away, leaves, or joins; a cluster's
 * window moves. Applied to the plan's data, then validated and resolved like any plan.
 */
import { z } from "zod";
import { datesBetween } from "./calendar.ts";
import { provinceKey } from "./provinces.ts";
import { own, setOwn } from "./records.ts";
import { DateSelector, DateString, HalfDayName, TrainerSchema, type PlanData } from "./schema.ts";

export const ChangesSchema = z
  .object({
    provinces: z
      .record(
        z.string(),
        z
          .object({
            unavailable: z.array(DateSelector).default([]),
            /** Only these dates: every other date of the period becomes unavailable. */
            onlyAvailable: z.array(DateString).optional(),
            fixed: z.object({ date: DateString, halfDay: HalfDayName }).strict().optional(),
            /** The province moves to this cluster (its window and trainers from then on). */
            cluster: z.string().min(1).optional(),
          })
          .strict(),
      )
      .default({}),
    trainers: z
      .record(
        z.string(),
        z
          .object({
            unavailable: z.array(DateSelector).default([]),
            /** The trainer leaves the campaign from this date on. */
            leaves: DateString.optional(),
          })
          .strict(),
      )
      .default({}),
    join: z.array(TrainerSchema).default([]),
    clusters: z.record(z.string(), z.object({ window: z.object({ from: DateString, to: DateString }).strict() }).strict()).default({}),
  })
  .strict();
export type Changes = z.infer<typeof ChangesSchema>;
export type ChangesInput = z.input<typeof ChangesSchema>;

export function emptyChanges(): Changes {
  return ChangesSchema.parse({});
}

/**
 * The plan's data with the changes applied. A province is matched under any spelling the registry
 * accepts ("TP. Hồ Chí Minh", "Ho Chi Minh"), so its settings stay one entry; the resolver reports
 * unknown names with the usual suggestions, at the changes' path.
 */
export function applyChanges(data: PlanData, changes: Changes): PlanData {
  const provinces = { ...data.provinces };
  const key = (name: string) => provinceKey(data.campaign.registry, name);
  const settingsKey = (name: string) => Object.keys(provinces).find((k) => key(k) === key(name)) ?? name;
  let clusters = data.clusters;
  for (const [name, change] of Object.entries(changes.provinces)) {
    const settings = settingsKey(name);
    const current = own(provinces, settings) ?? { unavailable: [], preferred: [] };
    const notOnly = change.onlyAvailable ? [...datesBetween(data.campaign.period.from, data.campaign.period.to)].filter((d) => !change.onlyAvailable!.includes(d)) : [];
    setOwn(provinces, settings, { ...current, unavailable: [...current.unavailable, ...change.unavailable, ...notOnly], ...(change.fixed ? { fixed: change.fixed } : {}) });
    // A move places a province the plan has; it never brings back one the plan file removed.
    if (change.cluster !== undefined && clusters.some((c) => c.provinces.some((p) => key(p) === key(name)))) {
      const target = change.cluster.normalize("NFC");
      const written = clusters.flatMap((c) => c.provinces).find((p) => key(p) === key(name)) ?? name;
      clusters = clusters.map((c) => {
        const without = c.provinces.filter((p) => key(p) !== key(name));
        return c.name.normalize("NFC") === target ? { ...c, provinces: [...without, written] } : { ...c, provinces: without };
      });
    }
  }
  const trainers = data.trainers.map((trainer) => {
    const change = own(changes.trainers, trainer.id) ?? Object.entries(changes.trainers).find(([id]) => id.normalize("NFC") === trainer.id.normalize("NFC"))?.[1];
    if (!change) return trainer;
    const leaving = change.leaves ? [{ from: change.leaves, to: data.campaign.period.to }] : [];
    return { ...trainer, unavailable: [...trainer.unavailable, ...change.unavailable, ...leaving] };
  });
  clusters = clusters.map((cluster) => {
    const change = own(changes.clusters, cluster.name) ?? Object.entries(changes.clusters).find(([name]) => name.normalize("NFC") === cluster.name.normalize("NFC"))?.[1];
    return change ? { ...cluster, window: change.window } : cluster;
  });
  return { ...data, provinces, trainers: [...trainers, ...changes.join], clusters };
}

/**
 * The parts of a change the plan no longer has a place for (a province removed from every cluster,
 * a trainer or a cluster removed, a trainer who joined by change now written in the plan file): an
 * older change's such parts lapse, and the planner is told; the rest of it still stands.
 */
/** A part of an older change the plan has no place for any more, as data (src/words/issues.ts words it). */
export type Lapse =
  | { readonly kind: "province-gone"; readonly name: string }
  | { readonly kind: "move-target-gone"; readonly name: string; readonly cluster: string }
  | { readonly kind: "trainer-gone"; readonly name: string }
  | { readonly kind: "cluster-gone"; readonly name: string }
  | { readonly kind: "trainer-in-plan"; readonly name: string };

/** A lapse in English, for the CLI's and the JSON's messages. */
export function lapseMessage(lapse: Lapse): string {
  switch (lapse.kind) {
    case "province-gone":
      return `${lapse.name} is no longer in any cluster of the plan`;
    case "move-target-gone":
      return `${lapse.name}'s move to ${lapse.cluster}: the plan has no such cluster any more`;
    case "trainer-gone":
      return `trainer ${lapse.name} is no longer in the plan`;
    case "cluster-gone":
      return `${lapse.name} is no longer a cluster of the plan`;
    case "trainer-in-plan":
      return `trainer ${lapse.name} is now in the plan file`;
  }
}

export function lapsedParts(data: PlanData, changes: Changes): { kept: Changes; lapsed: Lapse[] } {
  const key = (name: string) => provinceKey(data.campaign.registry, name);
  const inPlan = new Set(data.clusters.flatMap((c) => c.provinces.map(key)));
  const trainerIds = new Set(data.trainers.map((t) => t.id.normalize("NFC")));
  const clusterNames = new Set(data.clusters.map((c) => c.name.normalize("NFC")));
  const lapsed: Lapse[] = [];
  const keep = <V>(record: Record<string, V>, has: (key: string) => boolean, why: (key: string) => Lapse): Record<string, V> => {
    const out: Record<string, V> = {};
    for (const [key, value] of Object.entries(record)) {
      if (has(key)) setOwn(out, key, value);
      else lapsed.push(why(key));
    }
    return out;
  };
  const provinces = keep(changes.provinces, (name) => inPlan.has(key(name)), (name) => ({ kind: "province-gone", name }));
  for (const [name, change] of Object.entries(provinces)) {
    if (change.cluster !== undefined && !clusterNames.has(change.cluster.normalize("NFC"))) {
      lapsed.push({ kind: "move-target-gone", name, cluster: change.cluster });
      const { cluster: _gone, ...rest } = change;
      setOwn(provinces, name, rest);
    }
  }
  const trainers = keep(changes.trainers, (id) => trainerIds.has(id.normalize("NFC")), (id) => ({ kind: "trainer-gone", name: id }));
  const clusters = keep(changes.clusters, (name) => clusterNames.has(name.normalize("NFC")), (name) => ({ kind: "cluster-gone", name }));
  const join = changes.join.filter((t) => !trainerIds.has(t.id.normalize("NFC")));
  for (const t of changes.join) if (trainerIds.has(t.id.normalize("NFC"))) lapsed.push({ kind: "trainer-in-plan", name: t.id });
  return { kept: { provinces, trainers, clusters, join }, lapsed };
}

/** Names the changes mention that the plan does not have: for a clear error before solving. */
export function unknownNames(data: PlanData, changes: Changes): string[] {
  const trainerIds = new Set(data.trainers.map((t) => t.id.normalize("NFC")));
  const clusterNames = new Set(data.clusters.map((c) => c.name.normalize("NFC")));
  return [
    ...Object.keys(changes.trainers).filter((id) => !trainerIds.has(id.normalize("NFC"))).map((id) => `trainers["${id}"]: unknown trainer "${id}" — trainers of this plan: ${[...trainerIds].join(", ")}`),
    ...Object.keys(changes.clusters).filter((n) => !clusterNames.has(n.normalize("NFC"))).map((n) => `clusters["${n}"]: unknown cluster "${n}" — clusters of this plan: ${[...clusterNames].join(", ")}`),
    ...Object.entries(changes.provinces)
      .filter(([, change]) => change.cluster !== undefined && !clusterNames.has(change.cluster.normalize("NFC")))
      .map(([name, change]) => `provinces["${name}"].cluster: unknown cluster "${change.cluster}" — clusters of this plan: ${[...clusterNames].join(", ")}`),
  ];
}
