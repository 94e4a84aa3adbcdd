import type { HardConstraint, Violation } from "./types.ts";
import { noticeRemark } from "./notice-period.ts";
import { trainerSessions } from "./trainer-sessions.ts";

/** A trainer is never in two sessions at the same half-day. */
export const trainerOnePlace: HardConstraint = {
  id: "trainer-one-place",
  label: "A trainer gives at most one session per half-day",
  kind: "hard",
  checkAgainst: "trainer",
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
          violations.push({ rule: this.id, code: this.id, province: b.province, date: b.date, halfDay: b.halfDay, trainers: [id], message: `${id} is in two places on ${b.date} ${b.halfDay}: ${a.province} and ${b.province}` });
        }
      }
    }
    return violations;
  },
  // When no rule named anything finer: on every possible half-day some role's trainers who could
  // come are taken by the schedule as it stands. What it shows, no more: why they are taken is not
  // said here.
  explain({ stage, plan, cluster, attempts }) {
    if (stage !== "otherwise" || attempts.some((a) => a.refused.length === 0 && a.blocked.length === 0)) return [];
    const blocked = [...new Set(attempts.flatMap((a) => a.blocked))];
    const notice = noticeRemark(plan, cluster);
    return [
      {
        code: "trainers-busy",
        slots: attempts.length,
        roles: blocked,
        ...notice.data,
        message: `on each of its ${attempts.length} possible half-days the ${blocked.join(" and ") || "available"} trainers who could come are giving other sessions, or could not travel there in time from their sessions that day${notice.text}`,
      },
    ];
  },
};
