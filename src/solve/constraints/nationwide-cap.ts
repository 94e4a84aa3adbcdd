import type { HardConstraint, Violation } from "./types.ts";

/** At most `campaign.maxConcurrentSessions` sessions at the same half-day nationwide. */
export const nationwideCap: HardConstraint = {
  id: "nationwide-cap",
  label: "No more simultaneous sessions than the nationwide cap",
  kind: "hard",
  encode({ plan, model, sessionVariables }) {
    const cap = plan.data.campaign.maxConcurrentSessions;
    if (cap === undefined) return;
    const bySlot = new Map<string, string[]>();
    for (const slots of sessionVariables.values()) for (const [key, name] of slots) bySlot.set(key, [...(bySlot.get(key) ?? []), name]);
    for (const [key, names] of bySlot) if (names.length > cap) model.addRow(`cap:${key}`, names.map((n) => [n, 1] as const), { max: cap });
  },
  check({ plan, sessions }) {
    const cap = plan.data.campaign.maxConcurrentSessions;
    if (cap === undefined) return [];
    const bySlot = new Map<string, string[]>();
    for (const { session } of sessions) bySlot.set(`${session.date}/${session.halfDay}`, [...(bySlot.get(`${session.date}/${session.halfDay}`) ?? []), session.province]);
    const violations: Violation[] = [];
    for (const [key, provinces] of bySlot) {
      if (provinces.length > cap) {
        const [date, halfDay] = key.split("/") as [string, "morning" | "afternoon"];
        violations.push({ rule: this.id, date, halfDay, province: provinces.at(-1)!, message: `${provinces.length} sessions on ${date} ${halfDay} (${provinces.join(", ")}), the cap is ${cap}` });
      }
    }
    return violations;
  },
};
