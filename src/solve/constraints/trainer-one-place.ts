import type { HardConstraint, Violation } from "./types.ts";
import { trainerSessions } from "./trainer-sessions.ts";

/** A trainer is never in two sessions at the same half-day. */
export const trainerOnePlace: HardConstraint = {
  id: "trainer-one-place",
  label: "A trainer gives at most one session per half-day",
  kind: "hard",
  encode({ model, staffByTrainerSlot }) {
    for (const [trainerId, bySlot] of staffByTrainerSlot) {
      for (const [slotKey, variables] of bySlot) {
        if (variables.length > 1) model.addRow(`one:${trainerId}|${slotKey}`, variables.map((v) => [v.name, 1] as const), { max: 1 });
      }
    }
  },
  check(context) {
    const violations: Violation[] = [];
    for (const [id, list] of trainerSessions(context)) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1]!.session, list[i]!.session];
        if (a.date === b.date && a.halfDay === b.halfDay) {
          violations.push({ rule: this.id, province: b.province, date: b.date, halfDay: b.halfDay, trainers: [id], message: `${id} is in two places on ${b.date} ${b.halfDay}: ${a.province} and ${b.province}` });
        }
      }
    }
    return violations;
  },
};
