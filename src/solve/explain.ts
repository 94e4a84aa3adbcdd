/**
 * Why provinces could not be placed, in a planner's words: first what can be proven by counting
 * (no possible half-day, no trainer of a role, too few trainer half-days for a cluster), then what
 * the best partial schedule shows (every possible half-day taken by the trainers' other sessions).
 */
import { officialDate, type Slot } from "../model/calendar.ts";
import { trainerAvailable, type Cluster, type Plan, type Province } from "../model/plan.ts";
import type { Session, Unplaced } from "../model/schedule.ts";
import { candidateSlots, eligibleTrainers } from "./build.ts";
import { HARD_CONSTRAINTS } from "./constraints/index.ts";

/** Necessary conditions per cluster and role: if one fails, the cluster cannot be fully scheduled. */
export function clusterShortfalls(plan: Plan): Map<string, string[]> {
  const byCluster = new Map<string, string[]>();
  for (const cluster of plan.clusters) {
    const messages: string[] = [];
    for (const [role, count] of plan.needs) {
      const needed = count * cluster.provinces.length;
      const pool = plan.trainers.filter((t) => t.roles.includes(role) && t.clusters.has(cluster.name));
      const between = `between ${officialDate(cluster.window.from)} and ${officialDate(cluster.window.to)}`;
      if (pool.length === 0) {
        messages.push(`${cluster.name} needs ${needed} ${role} trainer place${needed > 1 ? "s" : ""}, but no ${role} trainer may serve ${cluster.name}`);
        continue;
      }
      const freeSlots = (t: (typeof pool)[number]) => cluster.slots.filter((s) => trainerAvailable(t, s));
      const capacity = pool.reduce((sum, t) => {
        const slots = freeSlots(t);
        return sum + Math.min(slots.length, t.maxSessionsPerDay * new Set(slots.map((s) => s.date)).size);
      }, 0);
      const halfDays = new Set(pool.flatMap((t) => freeSlots(t).map((s) => s.key))).size;
      if (capacity < needed) {
        messages.push(
          `${cluster.name} needs ${cluster.provinces.length} sessions with ${count > 1 ? `${count} ${role} trainers` : `a ${role} trainer`}, but its ${role} trainers (${pool.map((t) => t.id).join(", ")}) are free on only ${halfDays} half-day${halfDays === 1 ? "" : "s"} ${between}, for at most ${capacity} session${capacity === 1 ? "" : "s"}`,
        );
      }
    }
    if (messages.length) byCluster.set(cluster.name, messages);
  }
  return byCluster;
}

/** Why one province has no possible half-day at all, from the rules that restrict slots. */
function noSlotReasons(plan: Plan, province: Province, cluster: Cluster): string[] {
  if (cluster.slots.length === 0) return [`${cluster.name}'s window ${officialDate(cluster.window.from)}..${officialDate(cluster.window.to)} has no working half-day`];
  const blocking = HARD_CONSTRAINTS.filter((rule) => rule.allowsSlot && cluster.slots.some((slot) => !rule.allowsSlot!(plan, province, slot)));
  const reasons: string[] = [];
  if (province.fixed) reasons.push(`it is fixed to ${officialDate(province.fixed.date)} ${province.fixed.halfDay}, which is not a working half-day in ${cluster.name}'s window${blocking.some((r) => r.id === "province-available") ? " where it can host" : ""}`);
  else if (blocking.some((r) => r.id === "province-available")) reasons.push(`it cannot host on any of the ${cluster.slots.length} working half-days of ${cluster.name}'s window ${officialDate(cluster.window.from)}..${officialDate(cluster.window.to)}`);
  return reasons.length ? reasons : ["it has no working half-day left in its window"];
}

export function explainUnplaced(plan: Plan, sessions: readonly Session[], unplacedCodes: readonly string[]): Unplaced[] {
  if (unplacedCodes.length === 0) return [];
  const shortfalls = clusterShortfalls(plan);
  const busy = new Map<string, Set<string>>(); // slot key → trainers giving a session then
  for (const s of sessions) for (const id of s.trainers) busy.set(`${s.date}/${s.halfDay}`, (busy.get(`${s.date}/${s.halfDay}`) ?? new Set()).add(id));
  return plan.provinces
    .filter((p) => unplacedCodes.includes(p.record.code))
    .map((province) => {
      const cluster = plan.clusters.find((c) => c.name === province.cluster)!;
      const slots = candidateSlots(plan, province);
      const reasons: string[] = [];
      if (slots.length === 0) reasons.push(...noSlotReasons(plan, province, cluster));
      else {
        for (const [role, count] of plan.needs) {
          const everyone = new Set(slots.flatMap((slot) => eligibleTrainers(plan, province, slot, role).map((t) => t.id)));
          if (everyone.size < count) {
            const pool = plan.trainers.filter((t) => t.roles.includes(role) && t.clusters.has(cluster.name)).map((t) => t.id);
            reasons.push(`no ${role} trainer is free on any of its ${slots.length} possible half-days (${role} trainers of ${cluster.name}: ${pool.join(", ") || "none"})`);
          }
        }
        reasons.push(...(shortfalls.get(cluster.name) ?? []));
        if (reasons.length === 0) reasons.push(busyReason(plan, province, slots, busy));
      }
      return { province: province.name, cluster: cluster.name, reasons };
    });
}

function busyReason(plan: Plan, province: Province, slots: readonly Slot[], busy: ReadonlyMap<string, ReadonlySet<string>>): string {
  const blockedRoles = new Set<string>();
  for (const slot of slots) {
    for (const [role, count] of plan.needs) {
      const free = eligibleTrainers(plan, province, slot, role).filter((t) => !busy.get(slot.key)?.has(t.id));
      if (free.length < count) blockedRoles.add(role);
    }
  }
  const roles = [...blockedRoles].join(" and ") || "available";
  return `on each of its ${slots.length} possible half-days the ${roles} trainers who could come are giving other sessions, or could not travel there in time from their sessions that day (${province.cluster} has more sessions than its trainers' free half-days allow)`;
}
