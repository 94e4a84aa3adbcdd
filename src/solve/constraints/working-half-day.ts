import type { HardConstraint } from "./types.ts";
import { describeSession, windowOf } from "./types.ts";

/** Sessions are on working days of the campaign period, never on a weekend or holiday. */
export const workingHalfDay: HardConstraint = {
  id: "working-half-day",
  label: "Each session is on a working half-day of the campaign",
  kind: "hard",
  brokenBySlot: true,
  // The model's slots are the calendar's working half-days: nothing else to restrict.
  check({ plan, sessions }) {
    const { period } = plan.data.campaign;
    return sessions.flatMap(({ session }) => {
      let why: string | undefined;
      if (session.date < period.from || session.date > period.to) why = `outside the campaign period ${period.from}..${period.to}`;
      else if (plan.calendar.isHoliday(session.date)) why = "a holiday";
      else if (!plan.calendar.isWorkingDay(session.date)) why = `a ${plan.calendar.weekdayName(session.date)}, not a working day`;
      return why ? [{ rule: this.id, code: this.id, province: session.province, date: session.date, halfDay: session.halfDay, message: `${describeSession(session)} is ${why}` }] : [];
    });
  },
  explain({ stage, cluster }) {
    if (stage !== "no-slot" || cluster.slots.length) return [];
    const window = windowOf(cluster);
    return [{ code: "no-working-half-day", ...window.data, message: `${cluster.name}'s window ${window.text} has no working half-day` }];
  },
};
