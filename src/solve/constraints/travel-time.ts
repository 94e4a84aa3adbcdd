import type { Plan, Province } from "../../model/plan.ts";
import type { HalfDayName } from "../../model/schema.ts";
import type { LinearModel } from "../linear-model.ts";
import { officialDate } from "../../model/calendar.ts";
import { refusedFirstBy, type Cause, type HardConstraint, type PlacedSession, type StaffVariable } from "./types.ts";
import { trainerSessions } from "./trainer-sessions.ts";

/** Hours free between the end of one half-day and the start of a later one. */
function gapHours(plan: Plan, a: { date: string; halfDay: HalfDayName }, b: { date: string; halfDay: HalfDayName }): number {
  return (plan.calendar.times(b.date, b.halfDay).start.toMillis() - plan.calendar.times(a.date, a.halfDay).end.toMillis()) / 3_600_000;
}

/** The longest trip the plan's travel settings can produce: pairs of slots further apart never conflict. */
export function longestTrip(plan: Plan): number {
  const { flightHours, flightThresholdKm, roadFactor, roadSpeedKmh, overrides } = plan.data.travel;
  return Math.max(flightHours, (flightThresholdKm * roadFactor) / roadSpeedKmh, ...overrides.map((o) => o.hours));
}

/**
 * A trainer goes from one session to the next only when the trip between the two provinces'
 * capitals fits in the time between them (the midday gap, the night, a weekend).
 */
export const travelTime: HardConstraint = {
  id: "travel-time",
  label: "A trainer can travel between consecutive sessions in time",
  kind: "hard",
  checkAgainst: "trainer",
  encode({ plan, model, staffByTrainerSlot }) {
    const longest = longestTrip(plan);
    // Between two groups, the same quickest trip for every trainer and pair of half-days: once each.
    const quickest = new Map<string, number>();
    for (const [trainerId, bySlot] of staffByTrainerSlot) {
      const slots = [...bySlot.keys()].map((key) => bySlot.get(key)![0]!.slot).sort((a, b) => a.ordinal - b.ordinal);
      for (let i = 0; i < slots.length; i++) {
        for (let j = i + 1; j < slots.length; j++) {
          const gap = gapHours(plan, slots[i]!, slots[j]!);
          if (gap >= longest) break;
          encodePair(plan, model, quickest, `${trainerId}|${slots[i]!.key}|${slots[j]!.key}`, bySlot.get(slots[i]!.key)!, bySlot.get(slots[j]!.key)!, gap);
        }
      }
    }
  },
  check(context) {
    return [...trainerSessions(context)].flatMap(([id, list]) =>
      travelConflicts(context.plan, list).map(({ from: a, to: b, needed, gap }) => ({
        rule: this.id,
        code: this.id,
        province: b.session.province,
        date: b.session.date,
        halfDay: b.session.halfDay,
        trainers: [id],
        message: `${id} cannot get from ${a.session.province} (${a.session.date} ${a.session.halfDay}) to ${b.session.province} (${b.session.date} ${b.session.halfDay}): about ${needed.toFixed(1)} h of travel, ${gap.toFixed(1)} h between the sessions`,
      })),
    );
  },
  // What the partial schedule shows: a trainer who could come, free then, but whose session before
  // or after it (that day, or across a night) is too far to travel in time. Said once per trainer,
  // naming the other session; a trainer shared with another cluster is said as such.
  explain({ stage, plan, province, attempts }) {
    if (stage !== "schedule") return [];
    const named = new Set<string>();
    const causes: Cause[] = [];
    for (const { attempt, candidate } of refusedFirstBy(attempts, this.id)) {
      const id = candidate.trainer.id;
      const mine = (p: PlacedSession) => p.session.code === province.record.code;
      const conflict = travelConflicts(plan, candidate.tried).find((c) => mine(c.from) || mine(c.to));
      if (named.has(id) || !conflict) continue;
      named.add(id);
      const other = mine(conflict.from) ? conflict.to.session : conflict.from.session;
      const { date, halfDay } = attempt.slot;
      const days = Math.round((Date.parse(other.date) - Date.parse(date)) / 86_400_000);
      const when = days === 0 ? " that day" : days === -1 ? " the day before" : days === 1 ? " the day after" : "";
      const hours = Math.round(conflict.needed * 10) / 10;
      const gap = Math.round(conflict.gap * 10) / 10;
      const shared = other.cluster !== province.cluster;
      const facts = { trainer: id, cluster: province.cluster, date, halfDay, other: other.province, otherCluster: other.cluster, otherDate: other.date, otherHalfDay: other.halfDay, hours, gap };
      const who = shared ? `${id}, who serves both ${province.cluster} and ${other.cluster},` : id;
      causes.push({
        code: shared ? "travel-between-clusters" : "travel",
        ...facts,
        message: `${who} could come on ${officialDate(date)} ${halfDay}, but gives a session in ${other.province}${shared ? ` (${other.cluster})` : ""} on ${officialDate(other.date)} ${other.halfDay}${when}; the trip takes about ${hours.toFixed(1)} h, and ${gap.toFixed(1)} h lie between the sessions`,
      });
    }
    return causes;
  },
};

/**
 * A trainer's consecutive sessions too far apart for the time between them. Consecutive, as the
 * rule says: a trainer may pass through a third province on the way, and the plan's override times
 * need not obey the triangle inequality.
 */
export function travelConflicts(plan: Plan, list: readonly PlacedSession[]): { from: PlacedSession; to: PlacedSession; needed: number; gap: number }[] {
  const longest = longestTrip(plan);
  const conflicts = [];
  for (let i = 0; i + 1 < list.length; i++) {
    const [a, b] = [list[i]!, list[i + 1]!];
    if (!a.province || !b.province) continue;
    // The same half-day twice is the one-place rule's business; touching half-days are not.
    if (a.session.date === b.session.date && a.session.halfDay === b.session.halfDay) continue;
    const gap = gapHours(plan, a.session, b.session);
    if (gap >= longest) continue;
    const needed = plan.travel.hours(a.province.record, b.province.record);
    if (needed > gap) conflicts.push({ from: a, to: b, needed, gap });
  }
  return conflicts;
}

/**
 * The shortest and the longest time between two sessions that a trip can still exceed. A trip
 * no longer than the shortest never conflicts; a trip longer than the longest conflicts with any
 * session of the same trainer that close in time.
 */
export function bindingGaps(plan: Plan): { shortest: number; longest: number } {
  const longest = longestTrip(plan);
  const slots = plan.calendar.slots;
  let binding = 0;
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const gap = gapHours(plan, slots[i]!, slots[j]!);
      if (gap >= longest) break;
      binding = Math.max(binding, gap);
      shortest = Math.min(shortest, gap);
    }
  }
  return { shortest, longest: binding };
}

/** The quickest trip between two groups' provinces (distinct provinces: one has one session). */
function quickestTrip(plan: Plan, from: readonly Province[], to: readonly Province[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const a of from) for (const b of to) if (a !== b) best = Math.min(best, plan.travel.hours(a.record, b.record));
  return best;
}

/**
 * For each group g of the earlier slot: y(g, s1) + Σ y(h, s2) over groups h too far from g ≤ 1.
 * In the aggregate model a group is a cluster and "too far" means even its closest provinces are.
 */
function encodePair(plan: Plan, model: LinearModel, quickest: Map<string, number>, key: string, first: readonly StaffVariable[], second: readonly StaffVariable[], gap: number) {
  const byGroup = (list: readonly StaffVariable[]) => {
    const map = new Map<string, { provinces: readonly Province[]; names: string[] }>();
    for (const v of list) {
      const entry = map.get(v.group) ?? { provinces: v.provinces, names: [] };
      entry.names.push(v.name);
      map.set(v.group, entry);
    }
    return map;
  };
  const later = byGroup(second);
  for (const [group, { provinces, names }] of byGroup(first)) {
    const trip = (other: string, to: readonly Province[]) => {
      const pair = `${group}|${other}`;
      if (!quickest.has(pair)) quickest.set(pair, quickestTrip(plan, provinces, to));
      return quickest.get(pair)!;
    };
    const far = [...later].filter(([other, h]) => trip(other, h.provinces) > gap).flatMap(([, h]) => h.names);
    if (far.length) model.addRow(`travel:${key}|${group}`, [...names, ...far].map((n) => [n, 1] as const), { max: 1 });
  }
}
