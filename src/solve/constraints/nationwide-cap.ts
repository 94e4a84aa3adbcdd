import { officialDate } from "../../model/calendar.ts";
import type { Attempt, HardConstraint, Violation } from "./types.ts";
import { noticeRemark } from "./notice-period.ts";
import type { Relaxation } from "../fixes.ts";

/**
 * At most `campaign.maxConcurrentSessions` sessions at the same half-day nationwide, and at most
 * `campaign.maxDailySessions` on the same day: what the Ministry's chair and the online bridge
 * can carry.
 */
export const nationwideCap: HardConstraint = {
  id: "nationwide-cap",
  label: "No more sessions at once, or in a day, than the nationwide caps",
  kind: "hard",
  // Caps count every session of a day, whoever gives it.
  checkAgainst: "day",
  encode({ plan, model, sessionVariables }) {
    const { maxConcurrentSessions: cap, maxDailySessions: daily } = plan.data.campaign;
    const group = (keyOf: (slotKey: string) => string) => {
      const groups = new Map<string, string[]>();
      for (const slots of sessionVariables.values()) for (const [key, name] of slots) groups.set(keyOf(key), [...(groups.get(keyOf(key)) ?? []), name]);
      return groups;
    };
    if (cap !== undefined) for (const [key, names] of group((k) => k)) if (names.length > cap) model.addRow(`cap:${key}`, names.map((n) => [n, 1] as const), { max: cap });
    if (daily !== undefined) for (const [date, names] of group((k) => k.split("/")[0]!)) if (names.length > daily) model.addRow(`daily:${date}`, names.map((n) => [n, 1] as const), { max: daily });
  },
  check({ plan, sessions }) {
    const { maxConcurrentSessions: cap, maxDailySessions: daily } = plan.data.campaign;
    const violations: Violation[] = [];
    const count = (keyOf: (s: (typeof sessions)[number]["session"]) => string) => {
      const groups = new Map<string, string[]>();
      for (const { session } of sessions) groups.set(keyOf(session), [...(groups.get(keyOf(session)) ?? []), session.province]);
      return groups;
    };
    if (cap !== undefined) {
      for (const [key, provinces] of count((s) => `${s.date}/${s.halfDay}`)) {
        if (provinces.length <= cap) continue;
        const [date, halfDay] = key.split("/") as [string, "morning" | "afternoon"];
        violations.push({ rule: this.id, code: "nationwide-cap", date, halfDay, province: provinces.at(-1)!, message: `${provinces.length} sessions on ${date} ${halfDay} (${provinces.join(", ")}), the cap is ${cap}` });
      }
    }
    if (daily !== undefined) {
      for (const [date, provinces] of count((s) => s.date)) {
        if (provinces.length <= daily) continue;
        violations.push({ rule: this.id, code: "daily-cap", date, province: provinces.at(-1)!, message: `${provinces.length} sessions on ${officialDate(date)} (${provinces.join(", ")}), the daily cap is ${daily}` });
      }
    }
    return violations;
  },
  // What the partial schedule shows: a cap (at one half-day, or in a day) already reached on some of
  // the province's possible half-days; the other half-days are said as they are, no more.
  explain({ stage, plan, cluster, attempts }) {
    if (stage !== "schedule") return [];
    const codesOf = (a: Attempt) => new Set(a.refused.filter((v) => v.rule === this.id).map((v) => v.code));
    const capped = attempts.filter((a) => codesOf(a).size > 0);
    if (!capped.length) return [];
    const { maxConcurrentSessions: cap, maxDailySessions: daily } = plan.data.campaign;
    const open = attempts.length - capped.length;
    const blocked = [...new Set(attempts.flatMap((a) => a.blocked))];
    const roles = blocked.join(" and ") || "available";
    const notice = noticeRemark(plan, cluster);
    // The daily cap when it alone fills every capped half-day, else the cap at one half-day.
    const code = capped.every((a) => !codesOf(a).has("nationwide-cap")) ? "daily-cap" : "nationwide-cap";
    const setting = code === "daily-cap" ? `the nationwide cap of ${daily} session${daily === 1 ? "" : "s"} a day is already reached (campaign.maxDailySessions)` : `the nationwide cap of ${cap} simultaneous session${cap === 1 ? "" : "s"} is already reached (campaign.maxConcurrentSessions)`;
    const rest = open ? `; on the other ${open} the ${roles} trainers who could come are giving other sessions or could not travel there in time` : "";
    const which = capped.length === attempts.length ? `each of its ${attempts.length}` : `${capped.length} of its ${attempts.length}`;
    return [{ code, cap: code === "daily-cap" ? daily : cap, slots: attempts.length, capped: capped.length, roles: blocked, ...notice.data, message: `on ${which} possible half-days ${setting}${rest}${notice.text}` }];
  },
  // A cap raised step by step, up to one session per province: each step allows what the one before did.
  fixes({ plan, data }) {
    const provinces = plan.provinces.length;
    const raised = (from: number, kind: "raise-cap" | "raise-daily-cap", what: string) => () =>
      Array.from({ length: Math.max(0, provinces - from) }, (_, i): Relaxation => ({ kind, cap: from + i + 1, message: `allow ${from + i + 1} sessions ${what} instead of ${from}` }));
    const { maxConcurrentSessions: cap, maxDailySessions: daily } = data.campaign;
    return [
      ...(cap === undefined ? [] : [{ tries: { kind: "raise-cap" as const }, growing: true, candidates: raised(cap, "raise-cap", "at the same half-day nationwide") }]),
      ...(daily === undefined ? [] : [{ tries: { kind: "raise-daily-cap" as const }, growing: true, candidates: raised(daily, "raise-daily-cap", "a day nationwide") }]),
    ];
  },
};
