import type { HardConstraint } from "./types.ts";
import { describeSession } from "./types.ts";

/** A province fixed to a date and half-day has its session exactly then. */
export const fixedSlot: HardConstraint = {
  id: "fixed-slot",
  label: "A province fixed to a half-day has its session then",
  kind: "hard",
  allowsSlot: (_plan, province, slot) => !province.fixed || (province.fixed.date === slot.date && province.fixed.halfDay === slot.halfDay),
  check({ sessions }) {
    return sessions.flatMap(({ session, province }) =>
      province?.fixed && (province.fixed.date !== session.date || province.fixed.halfDay !== session.halfDay)
        ? [{ rule: this.id, province: province.name, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)}: ${province.name} is fixed to ${province.fixed.date} ${province.fixed.halfDay}` }]
        : [],
    );
  },
};
