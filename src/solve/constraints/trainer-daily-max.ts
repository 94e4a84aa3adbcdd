import { officialDate } from "../../model/calendar.ts";
import { noticeRemark } from "./notice-period.ts";
import type { Cause, HardConstraint, Violation } from "./types.ts";
import { encodePeriodMax, keptAwayByMax, periodsOverMax, sessionsText, slotsText, trainerSessions } from "./trainer-sessions.ts";

/** A trainer gives no more sessions a day than their maximum. */
export const trainerDailyMax: HardConstraint = {
  id: "trainer-daily-max",
  label: "A trainer gives at most their daily maximum of sessions",
  kind: "hard",
  checkAgainst: "trainer",
  encode(context) {
    // Two half-days a day: the one-place rule already bounds a maximum of 2.
    for (const trainer of context.plan.trainers) if (trainer.maxSessionsPerDay < 2) encodePeriodMax(context, trainer, trainer.maxSessionsPerDay, (date) => date, "day");
  },
  check(context) {
    const violations: Violation[] = [];
    for (const [id, list] of trainerSessions(context)) {
      const trainer = list[0]!.trainers.find((t) => t.id === id)!.trainer!;
      for (const [date, provinces] of periodsOverMax(list, trainer.maxSessionsPerDay, (day) => day)) {
        violations.push({ rule: this.id, code: this.id, date, trainers: [id], province: provinces.at(-1)!, message: `${id} gives ${provinces.length} sessions on ${date} (${provinces.join(", ")}), at most ${trainer.maxSessionsPerDay} a day` });
      }
    }
    return violations;
  },
  // What the partial schedule shows: a trainer who could come, free then, but already at their daily
  // maximum that day. Said once per trainer, with each day and the sessions counted in it.
  explain({ stage, plan, cluster, attempts }) {
    if (stage !== "schedule") return [];
    const notice = noticeRemark(plan, cluster);
    return keptAwayByMax(attempts, this.id, (date) => date).map(({ trainer, periods }): Cause => {
      const max = trainer.maxSessionsPerDay;
      return {
        code: "daily-max",
        trainer: trainer.id,
        cluster: cluster.name,
        max,
        ...notice.data,
        days: periods.map(({ period, slots, sessions }) => ({ date: period, slots, sessions })),
        message: `${trainer.id} could come on ${periods.map((p) => slotsText(p.slots, "day")).join(", ")}, but already gives ${periods.map((p) => `${p.sessions.length} ${p.sessions.length === 1 ? "session" : "sessions"} on ${officialDate(p.period)} (${sessionsText(p.sessions, false)})`).join("; ")}: at most ${max} a day${notice.text}`,
      };
    });
  },
};
