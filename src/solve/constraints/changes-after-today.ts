import { DateTime } from "luxon";
import { officialDate } from "../../model/calendar.ts";
import type { Plan } from "../../model/plan.ts";
import { sameTrainers, type HardConstraint, type StaffVariable, type Violation } from "./types.ts";

/**
 * A re-plan is decided today and announced after: a province needs time to book its hall and its
 * communes' connection, a trainer to travel. Two working days (one full day in between) by default.
 */
export const DEFAULT_REPLAN_NOTICE_WORKING_DAYS = 2;

/** The first day a session changed today may lie on: `campaign.replanNoticeDays` working days after today, and never today itself. */
export function changeableFrom(plan: Plan, today: string): string {
  const days = plan.data.campaign.replanNoticeDays ?? DEFAULT_REPLAN_NOTICE_WORKING_DAYS;
  const tomorrow = DateTime.fromISO(today, { zone: "UTC" }).plus({ days: 1 }).toISODate()!;
  const after = plan.calendar.workingDayAfter(today, days);
  return after > tomorrow ? after : tomorrow;
}

const dateOf = (slotKey: string) => slotKey.slice(0, 10);

/**
 * Re-planning: what is past is past, and what is near stays as announced. No session is placed,
 * moved or re-staffed on a half-day before `changeableFrom` (today, or within the notice after it);
 * a session already there may only stay exactly as it is. Sessions held on or before today are
 * `held-sessions`' to keep.
 */
export const changesAfterToday: HardConstraint = {
  id: "changes-after-today",
  label: "Nothing is placed, moved or re-staffed on or before today, nor within the re-planning notice after it",
  kind: "hard",
  brokenBySlot: true,
  encode({ previous, provinces, sessionVariables, staffVariables, groupOf, model }) {
    if (!previous?.changeableFrom) return;
    const from = previous.changeableFrom;
    const staffAt = new Map<string, StaffVariable[]>();
    for (const v of staffVariables) {
      if (v.slot.date >= from) continue;
      const key = `${v.group}|${v.slot.key}`;
      staffAt.set(key, [...(staffAt.get(key) ?? []), v]);
    }
    for (const province of provinces) {
      const code = province.record.code;
      if (previous.frozen.has(code)) continue;
      const now = previous.current.get(code);
      for (const [slotKey, x] of sessionVariables.get(code)!) {
        if (dateOf(slotKey) >= from) continue;
        if (!now || slotKey !== now.slotKey) {
          model.addRow(`notice:${x}`, [[x, 1]], { max: 0 });
          continue;
        }
        // Staying where it is: with exactly its trainers, or not at all.
        const staff = staffAt.get(`${groupOf(province)}|${slotKey}`) ?? [];
        for (const v of staff) if (!now.trainers.has(v.trainer.id)) model.addRow(`notice:${v.name}`, [[v.name, 1]], { max: 0 });
        for (const trainer of now.trainers) {
          model.addRow(`notice:${code}|${trainer}`, [...staff.filter((v) => v.trainer.id === trainer).map((v) => [v.name, 1] as const), [x, -1] as const], { min: 0 });
        }
      }
    }
  },
  check({ plan, previous, sessions }) {
    if (!previous?.changeableFrom || previous.today === undefined) return [];
    const { changeableFrom: from, today } = previous;
    const days = plan.data.campaign.replanNoticeDays ?? DEFAULT_REPLAN_NOTICE_WORKING_DAYS;
    const violations: Violation[] = [];
    for (const { session, province } of sessions) {
      const code = province?.record.code ?? session.code;
      if (code === undefined || previous.frozen.has(code) || session.date >= from) continue;
      const now = previous.current.get(code);
      const moved = !now || now.slotKey !== `${session.date}/${session.halfDay}`;
      if (!moved && sameTrainers(now.trainers, session.trainers)) continue;
      const what = !now ? "placed on" : moved ? "moved to" : "given other trainers on";
      const when = session.date <= today ? `on or before today (${officialDate(today)})` : `within the ${days} working days' notice after today (${officialDate(today)})`;
      violations.push({ rule: this.id, code: this.id, province: session.province, date: session.date, halfDay: session.halfDay, trainers: session.trainers, message: `${session.province}: ${what} ${officialDate(session.date)} ${session.halfDay}, ${when}; a change lies on ${officialDate(from)} or later` });
    }
    return violations;
  },
};
