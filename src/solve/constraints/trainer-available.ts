import { trainerAvailable, type Cluster, type Plan, type Trainer } from "../../model/plan.ts";
import type { Slot } from "../../model/calendar.ts";
import type { Cause, HardConstraint } from "./types.ts";
import { at, describeSession } from "./types.ts";
import { coversDate, type Relaxation } from "../fixes.ts";
import { datesBetween, officialDate } from "../../model/calendar.ts";

/** A trainer works only on half-days they are available. */
export const trainerAvailableRule: HardConstraint = {
  id: "trainer-available",
  label: "Each trainer is available on the session's half-day",
  kind: "hard",
  allowsTrainer: (_plan, trainer, _province, slot) => trainerAvailable(trainer, slot),
  check({ sessions }) {
    return sessions.flatMap(({ session, trainers }) =>
      trainers
        .filter(({ trainer }) => trainer && !trainerAvailable(trainer, at(session)))
        .map(({ id }) => ({ rule: this.id, code: this.id, province: session.province, date: session.date, halfDay: session.halfDay, trainers: [id], message: `${describeSession(session)}: ${id} is not available then` })),
    );
  },
  // Counting: no trainer of a role free on any possible half-day, or too few trainer half-days in
  // the window for the cluster's sessions. Roles an earlier rule named are left to it.
  explain({ stage, plan, cluster, slots, found, eligible }) {
    if (stage !== "counting") return [];
    const named = new Set(found.map((cause) => cause["role"]));
    const causes: Cause[] = [];
    for (const [role, count] of plan.needs) {
      if (named.has(role)) continue;
      const everyone = new Set(slots.flatMap((slot) => eligible(slot, role).map((t) => t.id)));
      if (everyone.size >= count) continue;
      const pool = plan.index.pool(role, cluster.name).map((t) => t.id);
      causes.push({ code: "no-trainer-free", role, slots: slots.length, cluster: cluster.name, message: `no ${role} trainer is free on any of its ${slots.length} possible half-days (${role} trainers of ${cluster.name}: ${pool.join(", ")})` });
    }
    return [...causes, ...clusterShortfalls(plan, cluster).filter((shortfall) => !named.has(shortfall.role))];
  },
  // One trainer of the cluster free on one more working day of its window: away that day, or not among
  // their only days. A day gives a trainer at most their daily maximum of sessions, so it is only
  // tried when no more provinces than that are left out of the cluster.
  fixes({ plan, data, unplaced }) {
    return [...new Set(unplaced.map((u) => u.cluster))].flatMap((name) => {
      const cluster = plan.index.cluster(name);
      const missing = unplaced.filter((u) => u.cluster === name).length;
      if (!cluster) return [];
      const days = [...datesBetween(cluster.window.from, cluster.window.to)].filter((date) => plan.calendar.isWorkingDay(date));
      const trainers = data.trainers.flatMap((written) => {
        const trainer = plan.index.trainer(written.id);
        return trainer && trainer.clusters.has(name) && trainer.maxSessionsPerDay >= missing ? [{ written, trainer }] : [];
      });
      return [
        {
          tries: { kind: "free-trainer" as const, cluster: name },
          growing: false,
          candidates: function* (): Generator<Relaxation> {
            for (const { written } of trainers) for (const date of days) if (written.unavailable.some((s) => coversDate(s, date))) yield { kind: "free-trainer", trainer: written.id, date, message: `${written.id} free on ${officialDate(date)}` };
          },
        },
        {
          tries: { kind: "trainer-also-available" as const, cluster: name },
          growing: false,
          candidates: function* (): Generator<Relaxation> {
            for (const { written } of trainers) for (const date of days) if (written.onlyAvailable && !written.onlyAvailable.some((s) => coversDate(s, date))) yield { kind: "trainer-also-available", trainer: written.id, date, message: `${written.id} also available on ${officialDate(date)}` };
          },
        },
      ];
    });
  },
};

/** A necessary condition per cluster and role that fails: the cluster cannot be fully scheduled. */
export interface Shortfall extends Cause {
  readonly code: "trainer-capacity";
  readonly cluster: string;
  readonly role: string;
  /** Trainers of the role each session needs, and the sessions of the cluster. */
  readonly count: number;
  readonly sessions: number;
  /** The role's trainers who may serve the cluster (empty: none may). */
  readonly pool: readonly string[];
  readonly halfDays: number;
  readonly capacity: number;
  readonly from: string;
  readonly to: string;
}

/**
 * The most sessions a trainer can give in a cluster's window, by counting: their free half-days,
 * at most their daily maximum a day, and with `perWeek` at most that many each ISO week.
 */
export function trainerCapacity(trainer: Trainer, cluster: Cluster, perWeek?: (date: string) => string, weekly = Number.POSITIVE_INFINITY): { free: Slot[]; capacity: number } {
  const free = cluster.slots.filter((s) => trainerAvailable(trainer, s));
  const perDay = new Map<string, number>();
  for (const slot of free) perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
  const byWeek = new Map<string, number>();
  for (const [date, count] of perDay) {
    const week = perWeek?.(date) ?? "";
    byWeek.set(week, (byWeek.get(week) ?? 0) + Math.min(count, trainer.maxSessionsPerDay));
  }
  return { free, capacity: [...byWeek.values()].reduce((sum, n) => sum + Math.min(n, weekly), 0) };
}

/** Necessary conditions of a cluster per role: the role's trainers' capacity by counting covers its sessions. */
export function clusterShortfalls(plan: Plan, cluster: Cluster): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  for (const [role, count] of plan.needs) {
    const needed = count * cluster.provinces.length;
    const pool = plan.index.pool(role, cluster.name);
    const between = `between ${officialDate(cluster.window.from)} and ${officialDate(cluster.window.to)}`;
    const facts = { code: "trainer-capacity" as const, cluster: cluster.name, role, count, sessions: cluster.provinces.length, pool: pool.map((t) => t.id), from: cluster.window.from, to: cluster.window.to };
    if (pool.length === 0) {
      shortfalls.push({ ...facts, halfDays: 0, capacity: 0, message: `${cluster.name} needs ${needed} ${role} trainer place${needed > 1 ? "s" : ""}, but no ${role} trainer may serve ${cluster.name}` });
      continue;
    }
    const counted = pool.map((t) => trainerCapacity(t, cluster));
    const capacity = counted.reduce((sum, c) => sum + c.capacity, 0);
    const halfDays = new Set(counted.flatMap((c) => c.free.map((s) => s.key))).size;
    if (capacity < needed) {
      shortfalls.push({
        ...facts,
        halfDays,
        capacity,
        message: `${cluster.name} needs ${cluster.provinces.length} sessions with ${count > 1 ? `${count} ${role} trainers` : `a ${role} trainer`}, but its ${role} trainers (${pool.map((t) => t.id).join(", ")}) are free on only ${halfDays} half-day${halfDays === 1 ? "" : "s"} ${between}, for at most ${capacity} session${capacity === 1 ? "" : "s"}`,
      });
    }
  }
  return shortfalls;
}
