import { officialDate } from "../../model/calendar.ts";
import type { HardConstraint } from "./types.ts";
import { describeSession, windowOf } from "./types.ts";

/** A province fixed to a date and half-day has its session exactly then. */
export const fixedSlot: HardConstraint = {
  id: "fixed-slot",
  label: "A province fixed to a half-day has its session then",
  kind: "hard",
  brokenBySlot: true,
  allowsSlot: (_plan, province, slot) => !province.fixed || (province.fixed.date === slot.date && province.fixed.halfDay === slot.halfDay),
  check({ sessions }) {
    return sessions.flatMap(({ session, province }) =>
      province?.fixed && (province.fixed.date !== session.date || province.fixed.halfDay !== session.halfDay)
        ? [{ rule: this.id, code: this.id, province: province.name, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)}: ${province.name} is fixed to ${province.fixed.date} ${province.fixed.halfDay}` }]
        : [],
    );
  },
  // A province fixed to one half-day has no other: when that one is impossible, the pin is the story,
  // with what else takes it away.
  explain({ stage, province, cluster, blocking }) {
    if (stage !== "no-slot" || !province.fixed) return [];
    const { date, halfDay } = province.fixed;
    return [
      {
        code: "fixed-impossible",
        ...windowOf(cluster).data,
        date,
        halfDay,
        message: `it is fixed to ${officialDate(date)} ${halfDay}, which is not a working half-day in ${cluster.name}'s window${blocking.has("province-available") ? " where it can host" : ""}${blocking.has("notice-period") ? " after the notice period" : ""}`,
      },
    ];
  },
};
