import { officialDate } from "../../model/calendar.ts";
import { sameTrainers, type HardConstraint, type Violation } from "./types.ts";


/**
 * Re-planning: a session already held stays exactly as it was — its half-day and its trainers.
 * Without a previous schedule the rule has nothing to say.
 */
export const heldSessions: HardConstraint = {
  id: "held-sessions",
  label: "Sessions already held stay exactly as they were",
  kind: "hard",
  brokenBySlot: true,
  encode({ previous, provinces, sessionVariables, staffVariables, groupOf, model }) {
    if (!previous) return;
    for (const code of previous.frozen) {
      const province = provinces.find((p) => p.record.code === code);
      if (!province) continue;
      const before = previous.current.get(code)!;
      const held = sessionVariables.get(code)!.get(before.slotKey);
      // replan() refuses a plan that contradicts a held session before building any model.
      if (!held) throw new Error(`${province.name}'s session on ${before.slotKey} was already held, but the changed plan no longer allows it then`);
      model.addRow(`held:${code}`, [[held, 1]], { min: 1 });
      for (const trainer of before.trainers) {
        const pinned = staffVariables.filter((v) => v.trainer.id === trainer && v.group === groupOf(province) && v.slot.key === before.slotKey);
        if (!pinned.length) throw new Error(`${province.name}'s session on ${before.slotKey} was already held with ${trainer}, but the changed plan no longer allows ${trainer} there then`);
        model.addRow(`held:${code}|${trainer}`, pinned.map((v) => [v.name, 1] as const), { min: 1 });
      }
    }
  },
  check({ previous, sessions }) {
    if (!previous) return [];
    const violations: Violation[] = [];
    for (const code of previous.frozen) {
      const before = previous.current.get(code)!;
      const [date, halfDay] = before.slotKey.split("/") as [string, "morning" | "afternoon"];
      const now = sessions.find((s) => s.province?.record.code === code || s.session.code === code);
      const was = `the session held on ${officialDate(date)} ${halfDay} with ${[...before.trainers].join(", ")}`;
      if (!now) violations.push({ rule: this.id, code: this.id, date, halfDay, message: `${was} (province code ${code}) is missing` });
      else if (`${now.session.date}/${now.session.halfDay}` !== before.slotKey) {
        violations.push({ rule: this.id, code: this.id, province: now.session.province, date: now.session.date, halfDay: now.session.halfDay, message: `${now.session.province}: ${was} is now on ${officialDate(now.session.date)} ${now.session.halfDay}` });
      } else if (!sameTrainers(before.trainers, now.session.trainers)) {
        violations.push({ rule: this.id, code: this.id, province: now.session.province, date, halfDay, trainers: now.session.trainers, message: `${now.session.province}: ${was} now names ${now.session.trainers.join(", ")}` });
      }
    }
    return violations;
  },
};
