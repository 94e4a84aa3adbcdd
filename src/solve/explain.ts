/**
 * Why provinces could not be placed, in a planner's words: first what can be proven by counting
 * (no possible half-day, no trainer of a role, too few trainer half-days for a cluster), then what
 * the best partial schedule shows (every possible half-day taken by the trainers' other sessions).
 */
import { officialDate, type Slot } from "../model/calendar.ts";
import { trainerAvailable, trainersOf, type Cluster, type Plan, type Province } from "../model/plan.ts";
import type { Session, Unplaced } from "../model/schedule.ts";
import { candidateSlots, eligibleTrainers } from "./build.ts";
import { HARD_CONSTRAINTS } from "./constraints/index.ts";
import { firstAllowedDate } from "./constraints/notice-period.ts";

/** A necessary condition per cluster and role that fails: the cluster cannot be fully scheduled. */
export interface Shortfall {
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
  readonly message: string;
}

/** Necessary conditions per cluster and role: if one fails, the cluster cannot be fully scheduled. */
export function clusterShortfalls(plan: Plan): Map<string, Shortfall[]> {
  const byCluster = new Map<string, Shortfall[]>();
  for (const cluster of plan.clusters) {
    const shortfalls: Shortfall[] = [];
    for (const [role, count] of plan.needs) {
      const needed = count * cluster.provinces.length;
      const pool = trainersOf(plan.trainers, role, cluster.name);
      const between = `between ${officialDate(cluster.window.from)} and ${officialDate(cluster.window.to)}`;
      const facts = { code: "trainer-capacity" as const, cluster: cluster.name, role, count, sessions: cluster.provinces.length, pool: pool.map((t) => t.id), from: cluster.window.from, to: cluster.window.to };
      if (pool.length === 0) {
        shortfalls.push({ ...facts, halfDays: 0, capacity: 0, message: `${cluster.name} needs ${needed} ${role} trainer place${needed > 1 ? "s" : ""}, but no ${role} trainer may serve ${cluster.name}` });
        continue;
      }
      const freeSlots = (t: (typeof pool)[number]) => cluster.slots.filter((s) => trainerAvailable(t, s));
      const capacity = pool.reduce((sum, t) => {
        const slots = freeSlots(t);
        return sum + Math.min(slots.length, t.maxSessionsPerDay * new Set(slots.map((s) => s.date)).size);
      }, 0);
      const halfDays = new Set(pool.flatMap((t) => freeSlots(t).map((s) => s.key))).size;
      if (capacity < needed) {
        shortfalls.push({
          ...facts,
          halfDays,
          capacity,
          message: `${cluster.name} needs ${cluster.provinces.length} sessions with ${count > 1 ? `${count} ${role} trainers` : `a ${role} trainer`}, but its ${role} trainers (${pool.map((t) => t.id).join(", ")}) are free on only ${halfDays} half-day${halfDays === 1 ? "" : "s"} ${between}, for at most ${capacity} session${capacity === 1 ? "" : "s"}`,
        });
      }
    }
    if (shortfalls.length) byCluster.set(cluster.name, shortfalls);
  }
  return byCluster;
}

/** Why one province has no possible half-day at all, from the rules that restrict slots. */
function noSlotReasons(plan: Plan, province: Province, cluster: Cluster): Cause[] {
  const window = `${officialDate(cluster.window.from)}..${officialDate(cluster.window.to)}`;
  const at = { cluster: cluster.name, from: cluster.window.from, to: cluster.window.to };
  if (cluster.slots.length === 0) return [{ code: "no-working-half-day", ...at, message: `${cluster.name}'s window ${window} has no working half-day` }];
  const blocking = new Set(HARD_CONSTRAINTS.filter((rule) => rule.allowsSlot && cluster.slots.some((slot) => !rule.allowsSlot!(plan, province, slot))).map((r) => r.id));
  if (province.fixed) {
    return [{ code: "fixed-impossible", ...at, date: province.fixed.date, halfDay: province.fixed.halfDay, message: `it is fixed to ${officialDate(province.fixed.date)} ${province.fixed.halfDay}, which is not a working half-day in ${cluster.name}'s window${blocking.has("province-available") ? " where it can host" : ""}${blocking.has("notice-period") ? " after the notice period" : ""}` }];
  }
  const first = firstAllowedDate(plan);
  if (blocking.has("notice-period") && first && cluster.slots.every((slot) => slot.date < first)) {
    return [{ code: "notice", ...at, firstAllowed: first, message: `${cluster.name}'s window ${window} ends before ${officialDate(first)}, the end of the notice period after the plan was issued (campaign.noticeDays)` }];
  }
  if (blocking.has("province-available")) return [{ code: "province-unavailable", ...at, slots: cluster.slots.length, afterNotice: blocking.has("notice-period"), message: `it cannot host on any of the ${cluster.slots.length} working half-days of ${cluster.name}'s window ${window}${blocking.has("notice-period") ? " after the notice period" : ""}` }];
  return [{ code: "no-working-half-day", message: "it has no working half-day left in its window" }];
}

/** Why a province was left out, as data: a stable code, a sentence, and what the sentence is about. */
export interface Cause {
  readonly code: "no-working-half-day" | "province-unavailable" | "fixed-impossible" | "notice" | "role-count" | "no-trainer-free" | "trainer-capacity" | "nationwide-cap" | "daily-cap" | "trainers-busy";
  readonly message: string;
  readonly [data: string]: unknown;
}

export function explainUnplaced(plan: Plan, sessions: readonly Session[], unplacedCodes: readonly string[]): Unplaced[] {
  if (unplacedCodes.length === 0) return [];
  const shortfalls = clusterShortfalls(plan);
  const busy = new Map<string, Set<string>>(); // slot key → trainers giving a session then
  const perSlot = new Map<string, number>();
  for (const s of sessions) {
    const key = `${s.date}/${s.halfDay}`;
    perSlot.set(key, (perSlot.get(key) ?? 0) + 1);
    for (const id of s.trainers) busy.set(key, (busy.get(key) ?? new Set()).add(id));
  }
  return plan.provinces
    .filter((p) => unplacedCodes.includes(p.record.code))
    .map((province) => {
      const cluster = plan.clusters.find((c) => c.name === province.cluster)!;
      const slots = candidateSlots(plan, province);
      const causes: Cause[] = [];
      if (slots.length === 0) causes.push(...noSlotReasons(plan, province, cluster));
      else {
        for (const [role, count] of plan.needs) {
          const pool = trainersOf(plan.trainers, role, cluster.name).map((t) => t.id);
          if (pool.length < count) {
            causes.push({ code: "role-count", role, needed: count, available: pool.length, cluster: cluster.name, message: `each session needs ${count} ${role} trainers, but ${cluster.name} has ${pool.length === 0 ? "none" : `only ${pool.length} (${pool.join(", ")})`}` });
            continue;
          }
          const everyone = new Set(slots.flatMap((slot) => eligibleTrainers(plan, province, slot, role).map((t) => t.id)));
          if (everyone.size < count) {
            causes.push({ code: "no-trainer-free", role, slots: slots.length, cluster: cluster.name, message: `no ${role} trainer is free on any of its ${slots.length} possible half-days (${role} trainers of ${cluster.name}: ${pool.join(", ")})` });
          }
        }
        if (!causes.some((c) => c.code === "role-count")) causes.push(...(shortfalls.get(cluster.name) ?? []).map((shortfall): Cause => ({ ...shortfall })));
        if (causes.length === 0) causes.push(busyCause(plan, province, slots, busy, perSlot, noticeCut(plan, cluster)));
      }
      return { province: province.name, cluster: cluster.name, reasons: causes.map((c) => c.message), causes };
    });
}

/** Working half-days of the cluster's window that the notice after the plan's issue takes away. */
function noticeCut(plan: Plan, cluster: Cluster): number {
  const first = firstAllowedDate(plan);
  return first === undefined ? 0 : cluster.slots.filter((slot) => slot.date < first).length;
}

/**
 * What the best partial schedule shows on each of the province's possible half-days: a nationwide
 * cap (at one half-day, or in a day) already reached, or the trainers who could come busy elsewhere
 * (or too far). Only what the schedule shows is said; a notice that shortened the window is named.
 */
function busyCause(plan: Plan, province: Province, slots: readonly Slot[], busy: ReadonlyMap<string, ReadonlySet<string>>, perSlot: ReadonlyMap<string, number>, cut: number): Cause {
  const { maxConcurrentSessions: cap, maxDailySessions: daily } = plan.data.campaign;
  const perDay = new Map<string, number>();
  for (const [key, count] of perSlot) perDay.set(key.split("/")[0]!, (perDay.get(key.split("/")[0]!) ?? 0) + count);
  const halfDayFull = (slot: Slot) => cap !== undefined && (perSlot.get(slot.key) ?? 0) >= cap;
  const dayFull = (slot: Slot) => daily !== undefined && (perDay.get(slot.date) ?? 0) >= daily;
  const capped = slots.filter((slot) => halfDayFull(slot) || dayFull(slot));
  const open = slots.filter((slot) => !capped.includes(slot));
  const blockedRoles = new Set<string>();
  for (const slot of open) {
    for (const [role, count] of plan.needs) {
      const free = eligibleTrainers(plan, province, slot, role).filter((t) => !busy.get(slot.key)?.has(t.id));
      if (free.length < count) blockedRoles.add(role);
    }
  }
  const roles = [...blockedRoles].join(" and ") || "available";
  const notice = cut ? { noticeCut: cut } : {};
  const noticeText = cut ? ` (the notice after the plan's issue takes ${cut} working half-day${cut === 1 ? "" : "s"} from ${province.cluster}'s window)` : "";
  if (capped.length) {
    // The daily cap when it alone fills every capped half-day, else the cap at one half-day.
    const code = capped.every((slot) => dayFull(slot) && !halfDayFull(slot)) ? "daily-cap" : "nationwide-cap";
    const setting = code === "daily-cap" ? `the nationwide cap of ${daily} session${daily === 1 ? "" : "s"} a day is already reached (campaign.maxDailySessions)` : `the nationwide cap of ${cap} simultaneous session${cap === 1 ? "" : "s"} is already reached (campaign.maxConcurrentSessions)`;
    const rest = open.length ? `; on the other ${open.length} the ${roles} trainers who could come are giving other sessions or could not travel there in time` : "";
    return { code, cap: code === "daily-cap" ? daily : cap, slots: slots.length, capped: capped.length, roles: [...blockedRoles], ...notice, message: `on ${capped.length === slots.length ? `each of its ${slots.length}` : `${capped.length} of its ${slots.length}`} possible half-days ${setting}${rest}${noticeText}` };
  }
  return {
    code: "trainers-busy",
    slots: slots.length,
    roles: [...blockedRoles],
    ...notice,
    // What the partial schedule shows, no more: why those trainers are taken is not known here.
    message: `on each of its ${slots.length} possible half-days the ${roles} trainers who could come are giving other sessions, or could not travel there in time from their sessions that day${noticeText}`,
  };
}
