/**
 * The soft goals: each a cost per placement (or extra variables) in the model and a penalty of any
 * schedule, weighted by the plan's `weights`. Load balance is a bound-style penalty on sessions
 * beyond an even share, not a max−min over interchangeable trainers (SOLVER-NOTES: that symmetry
 * is what makes branch and bound slow).
 */
import { DateTime } from "luxon";
import { provincePrefers, type Cluster, type Plan, type Trainer } from "../../model/plan.ts";
import { firstAllowedDate } from "./notice-period.ts";
import { distanceKm } from "../../model/provinces.ts";
import type { SoftGoal } from "./types.ts";

function windowStart(plan: Plan, cluster: string): number {
  return plan.index.cluster(cluster)?.slots[0]?.ordinal ?? 0;
}

export const earliness: SoftGoal = {
  id: "earliness",
  label: "Earlier half-days in each cluster's window",
  kind: "soft",
  weight: (plan) => plan.data.weights.earliness,
  slotCost: (plan, province, slot) => slot.ordinal - windowStart(plan, province.cluster),
  evaluate({ plan, sessions }) {
    let total = 0;
    for (const { session, province } of sessions) {
      const slot = plan.calendar.slot(session.date, session.halfDay);
      if (province && slot) total += Math.max(0, slot.ordinal - windowStart(plan, province.cluster));
    }
    return total;
  },
};

export const preferredDates: SoftGoal = {
  id: "preferred-dates",
  label: "Provinces' preferred dates and half-days",
  kind: "soft",
  weight: (plan) => plan.data.weights.preference,
  slotCost: (_plan, province, slot) => (provincePrefers(province, slot) ? 0 : 1),
  evaluate: ({ sessions }) => sessions.filter(({ session, province }) => province && !provincePrefers(province, session)).length,
};

/**
 * Hundreds of km from a trainer's home to the cluster's centre (the mean of its capitals), rounded
 * to the km so costs are exact decimals. Measured to the cluster, not the province, so the model
 * that decides dates with trainer capacity per cluster prices travel exactly (see solve.ts).
 */
function homeDistance(plan: Plan, trainer: Trainer, clusterName: string): number {
  const cluster = plan.index.cluster(clusterName);
  if (!trainer.home || !cluster || cluster.provinces.length === 0) return 0;
  const centre = {
    lat: cluster.provinces.reduce((s, p) => s + p.record.lat, 0) / cluster.provinces.length,
    lon: cluster.provinces.reduce((s, p) => s + p.record.lon, 0) / cluster.provinces.length,
  };
  return Math.round(distanceKm(trainer.home, centre)) / 100;
}

export const littleTravel: SoftGoal = {
  id: "little-travel",
  label: "Trainers close to home (per 100 km from home to the cluster's centre, per session)",
  kind: "soft",
  weight: (plan) => plan.data.weights.travel,
  staffCost: (plan, trainer, cluster) => homeDistance(plan, trainer, cluster),
  evaluate: ({ plan, sessions }) => sessions.reduce((sum, { province, trainers }) => sum + (province ? trainers.reduce((s, t) => s + (t.trainer ? homeDistance(plan, t.trainer, province.cluster) : 0), 0) : 0), 0),
};

export const nationalSpeakersSparingly: SoftGoal = {
  id: "national-speakers-sparingly",
  label: "National speakers only where needed",
  kind: "soft",
  weight: (plan) => plan.data.weights.nationalSpeaker,
  staffCost: (_plan, trainer) => (trainer.national ? 1 : 0),
  evaluate: ({ sessions }) => sessions.reduce((sum, { trainers }) => sum + trainers.filter((t) => t.trainer?.national).length, 0),
};

/**
 * A trainer's even share: for each cluster they serve and role they have, the sessions needing that
 * role divided among the trainers who could give them, rounded up.
 */
export function evenShare(plan: Plan, trainer: Trainer): number {
  let share = 0;
  for (const cluster of plan.clusters) {
    if (!trainer.clusters.has(cluster.name)) continue;
    for (const role of trainer.roles) {
      const pool = plan.index.pool(role, cluster.name).length;
      share += ((plan.needs.get(role) ?? 0) * cluster.provinces.length) / pool;
    }
  }
  return Math.ceil(share - 1e-9);
}

export const balancedLoad: SoftGoal = {
  id: "balanced-load",
  label: "Balanced trainer load (sessions beyond an even share)",
  kind: "soft",
  weight: (plan) => plan.data.weights.load,
  encode({ plan, model, staffByTrainerSlot }, weight) {
    if (weight === 0) return;
    for (const trainer of plan.trainers) {
      const variables = [...(staffByTrainerSlot.get(trainer.id)?.values() ?? [])].flat();
      const share = evenShare(plan, trainer);
      if (variables.length <= share) continue;
      const excess = model.addVariable(`excess:${trainer.id}`, weight, false);
      model.addRow(`load:${trainer.id}`, [...variables.map((v) => [v.name, 1] as const), [excess, -1]], { max: share });
    }
  },
  evaluate(context) {
    const load = new Map<string, number>();
    for (const { trainers } of context.sessions) for (const { id, trainer } of trainers) if (trainer) load.set(id, (load.get(id) ?? 0) + 1);
    let total = 0;
    for (const trainer of context.plan.trainers) total += Math.max(0, (load.get(trainer.id) ?? 0) - evenShare(context.plan, trainer));
    return total;
  },
};

/**
 * A cluster's sessions spread through its window: an even share per day and per week (rounded up)
 * from the days it may have sessions on, and a penalty per session beyond either. With "earlier
 * is better" as the tie-breaker, the window is used instead of its first days only.
 */
export function pacingShares(plan: Plan, cluster: Cluster): { readonly perDay: number; readonly perWeek: number; readonly days: readonly string[] } {
  const first = firstAllowedDate(plan);
  const days = [...new Set(cluster.slots.map((s) => s.date))].filter((d) => first === undefined || d >= first);
  const weeks = new Set(days.map(weekOf));
  const n = cluster.provinces.length;
  return { perDay: Math.ceil(n / Math.max(1, days.length)), perWeek: Math.ceil(n / Math.max(1, weeks.size)), days };
}

function weekOf(date: string): string {
  return DateTime.fromISO(date).toFormat("kkkk-'W'WW");
}

export const pacing: SoftGoal = {
  id: "pacing",
  label: "Sessions spread through each cluster's window (beyond an even share per day and per week)",
  kind: "soft",
  weight: (plan) => plan.data.weights.pacing,
  encode({ plan, model, provinces, sessionVariables }, weight) {
    if (weight === 0) return;
    for (const cluster of plan.clusters) {
      const members = provinces.filter((p) => p.cluster === cluster.name);
      if (!members.length) continue;
      const { perDay, perWeek } = pacingShares(plan, cluster);
      const byDay = new Map<string, string[]>();
      const byWeek = new Map<string, string[]>();
      for (const province of members) {
        for (const [key, x] of sessionVariables.get(province.record.code) ?? []) {
          const date = key.split("/")[0]!;
          byDay.set(date, [...(byDay.get(date) ?? []), x]);
          byWeek.set(weekOf(date), [...(byWeek.get(weekOf(date)) ?? []), x]);
        }
      }
      const index = plan.clusters.indexOf(cluster);
      for (const [groups, share, unit] of [[byDay, perDay, "d"], [byWeek, perWeek, "w"]] as const) {
        for (const [key, xs] of groups) {
          if (xs.length <= share) continue;
          const excess = model.addVariable(`pace${unit}:${index}:${key}`, weight, false);
          model.addRow(`pace${unit}:${index}:${key}`, [...xs.map((x) => [x, 1] as const), [excess, -1]], { max: share });
        }
      }
    }
  },
  evaluate({ plan, sessions }) {
    let total = 0;
    for (const cluster of plan.clusters) {
      const { perDay, perWeek } = pacingShares(plan, cluster);
      const dates = sessions.filter(({ province }) => province?.cluster === cluster.name).map(({ session }) => session.date);
      const count = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>()).values()];
      total += count(dates).reduce((s, c) => s + Math.max(0, c - perDay), 0);
      total += count(dates.map(weekOf)).reduce((s, c) => s + Math.max(0, c - perWeek), 0);
    }
    return total;
  },
};
