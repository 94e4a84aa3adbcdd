import { DateTime } from "luxon";
import { officialDate } from "../../model/calendar.ts";
import type { Cluster } from "../../model/plan.ts";
import { noticeRemark } from "./notice-period.ts";
import type { Relaxation } from "../fixes.ts";
import { trainerCapacity } from "./trainer-available.ts";
import { encodePeriodMax, keptAwayByMax, periodsOverMax, sessionsText, slotsText, trainerSessions } from "./trainer-sessions.ts";
import type { Cause, HardConstraint, Violation } from "./types.ts";

/** The Monday of a date's ISO week: the week's name in sentences and rows. */
export function isoWeek(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).startOf("week").toISODate()!;
}

/** A trainer with `maxSessionsPerWeek` gives no more sessions in an ISO week (Monday to Sunday). */
export const trainerWeeklyMax: HardConstraint = {
  id: "trainer-weekly-max",
  label: "A trainer gives at most their weekly maximum of sessions",
  kind: "hard",
  checkAgainst: "trainer",
  encode(context) {
    for (const trainer of context.plan.trainers) if (trainer.maxSessionsPerWeek !== undefined) encodePeriodMax(context, trainer, trainer.maxSessionsPerWeek, isoWeek, "week");
  },
  check(context) {
    const violations: Violation[] = [];
    for (const [id, list] of trainerSessions(context)) {
      const max = list[0]!.trainers.find((t) => t.id === id)!.trainer!.maxSessionsPerWeek;
      if (max === undefined) continue;
      for (const [week, provinces] of periodsOverMax(list, max, isoWeek)) {
        violations.push({ rule: this.id, code: this.id, trainers: [id], province: provinces.at(-1)!, message: `${id} gives ${provinces.length} sessions in the week of ${officialDate(week)} (${provinces.join(", ")}), at most ${max} a week` });
      }
    }
    return violations;
  },
  // Counting: the role's trainers free enough in the window, but not within their weekly maximums.
  // What the partial schedule shows: a trainer who could come, free then, but already at their
  // weekly maximum that week (their other clusters' sessions count too). Said once per trainer.
  explain({ stage, plan, cluster, found, attempts }) {
    if (stage === "schedule") return weeklyMaxReached(attempts, cluster, noticeRemark(plan, cluster));
    if (stage !== "counting") return [];
    const named = new Set(found.map((cause) => cause["role"]));
    return [...plan.needs].flatMap(([role, count]): Cause[] => {
      const pool = plan.index.pool(role, cluster.name);
      const limited = pool.filter((t) => t.maxSessionsPerWeek !== undefined);
      const needed = count * cluster.provinces.length;
      const capacity = pool.reduce((sum, t) => sum + trainerCapacity(t, cluster, isoWeek, t.maxSessionsPerWeek).capacity, 0);
      if (named.has(role) || !limited.length || capacity >= needed) return [];
      const maximums = limited.map((t) => ({ trainer: t.id, max: t.maxSessionsPerWeek! }));
      return [
        {
          code: "weekly-max",
          cluster: cluster.name,
          role,
          count,
          sessions: cluster.provinces.length,
          pool: pool.map((t) => t.id),
          maximums,
          capacity,
          message: `${cluster.name} needs ${cluster.provinces.length} sessions with ${count > 1 ? `${count} ${role} trainers` : `a ${role} trainer`}, but within their weekly maximums (${maximums.map((m) => `${m.trainer}: ${m.max} a week`).join(", ")}) its ${role} trainers can give at most ${capacity} in its window`,
        },
      ];
    });
  },
  // A trainer's weekly maximum raised, one session at a time up to one per province left out of their clusters.
  fixes({ plan, data, unplaced }) {
    return data.trainers.flatMap((written) => {
      const max = written.maxSessionsPerWeek;
      const trainer = plan.index.trainer(written.id);
      const missing = unplaced.filter((u) => trainer?.clusters.has(u.cluster)).length;
      if (max === undefined || !missing) return [];
      return [
        {
          tries: { kind: "raise-weekly-max" as const, trainer: written.id },
          growing: true,
          candidates: () => Array.from({ length: missing }, (_, i): Relaxation => ({ kind: "raise-weekly-max", trainer: written.id, max: max + i + 1, message: `let ${written.id} give ${max + i + 1} sessions a week instead of ${max}` })),
        },
      ];
    });
  },
};

function weeklyMaxReached(attempts: Parameters<typeof keptAwayByMax>[0], cluster: Cluster, notice: ReturnType<typeof noticeRemark>): Cause[] {
  return keptAwayByMax(attempts, trainerWeeklyMax.id, isoWeek).map(({ trainer, periods }): Cause => {
    const max = trainer.maxSessionsPerWeek!;
    return {
      code: "weekly-max-reached",
      trainer: trainer.id,
      cluster: cluster.name,
      max,
      ...notice.data,
      weeks: periods.map(({ period, slots, sessions }) => ({ week: period, slots, sessions })),
      message: `${trainer.id} could come on ${periods.map((p) => slotsText(p.slots, "week")).join(", ")}, but already gives ${periods.map((p) => `${p.sessions.length} ${p.sessions.length === 1 ? "session" : "sessions"} in the week of ${officialDate(p.period)} (${sessionsText(p.sessions, true)})`).join("; ")}: at most ${max} a week${notice.text}`,
    };
  });
}
