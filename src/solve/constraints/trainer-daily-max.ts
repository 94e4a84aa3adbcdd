import type { HardConstraint, Violation } from "./types.ts";
import { encodePeriodMax, periodsOverMax, trainerSessions } from "./trainer-sessions.ts";

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
};
