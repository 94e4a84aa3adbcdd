import type { HardConstraint, Violation } from "./types.ts";
import { trainerSessions } from "./trainer-sessions.ts";

/** A trainer gives no more sessions a day than their maximum. */
export const trainerDailyMax: HardConstraint = {
  id: "trainer-daily-max",
  label: "A trainer gives at most their daily maximum of sessions",
  kind: "hard",
  checkAgainst: "trainer",
  encode({ plan, model, staffByTrainerSlot }) {
    for (const trainer of plan.trainers) {
      if (trainer.maxSessionsPerDay >= 2) continue; // two half-days a day: the one-place rule already bounds it
      const byDay = new Map<string, string[]>();
      for (const variables of staffByTrainerSlot.get(trainer.id)?.values() ?? []) {
        for (const v of variables) byDay.set(v.slot.date, [...(byDay.get(v.slot.date) ?? []), v.name]);
      }
      for (const [date, names] of byDay) {
        if (names.length > trainer.maxSessionsPerDay) model.addRow(`day:${trainer.id}|${date}`, names.map((n) => [n, 1] as const), { max: trainer.maxSessionsPerDay });
      }
    }
  },
  check(context) {
    const violations: Violation[] = [];
    for (const [id, list] of trainerSessions(context)) {
      const trainer = list[0]!.trainers.find((t) => t.id === id)!.trainer!;
      const byDay = new Map<string, string[]>();
      for (const { session } of list) byDay.set(session.date, [...(byDay.get(session.date) ?? []), session.province]);
      for (const [date, provinces] of byDay) {
        if (provinces.length > trainer.maxSessionsPerDay) {
          violations.push({ rule: this.id, code: this.id, date, trainers: [id], province: provinces.at(-1)!, message: `${id} gives ${provinces.length} sessions on ${date} (${provinces.join(", ")}), at most ${trainer.maxSessionsPerDay} a day` });
        }
      }
    }
    return violations;
  },
};
