/**
 * A trainer kept from a left-out province by their daily or weekly maximum, as the partial
 * schedule shows it: the cause names the trainer, the day or week, the sessions already counted in
 * it and the limit, in data and in both languages (not the generic "trainers busy").
 */
import { describe, expect, it } from "vitest";
import { loadPlanText } from "../../src/model/load.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { causeText } from "../../src/words/issues.ts";

/** One trainer shared by two clusters of two provinces each: each cluster alone fits, both together do not. */
const text = (limit: string, to: string) => `campaign:
  id: max
  title: max
  period: { from: 2022-09-12, to: 2022-09-23 }
  registry: vn-63
sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: ${to} }, provinces: [Hà Nam, Nam Định] }
  - { name: Cụm B, window: { from: 2022-09-12, to: ${to} }, provinces: [Ninh Bình, Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, ${limit} }
`;

const leftOut = async (yaml: string) => (await solvePlan(loadPlanText(yaml, "max.yaml").plan)).schedule.unplaced;

describe("a trainer at their maximum, as the partial schedule shows it", () => {
  it("the daily maximum: the trainer, each day, the sessions counted that day and the limit", async () => {
    const unplaced = await leftOut(text("maxSessionsPerDay: 1", "2022-09-13"));
    expect(unplaced).toHaveLength(2);
    const cause = unplaced[0]!.causes![0]!;
    const days = cause["days"] as { date: string; slots: { date: string; halfDay: string }[]; sessions: { province: string; date: string; halfDay: string }[] }[];
    expect({ code: cause.code, trainer: cause["trainer"], max: cause["max"], dates: days.map((d) => d.date) }).toEqual({ code: "daily-max", trainer: "P-1", max: 1, dates: ["2022-09-12", "2022-09-13"] });
    for (const day of days) {
      expect(day.sessions).toHaveLength(1);
      expect(day.sessions[0]!.date).toBe(day.date);
      expect(day.slots.every((s) => s.date === day.date)).toBe(true);
    }
    const [first, second] = days.map((d) => `${d.sessions[0]!.province} ${d.sessions[0]!.halfDay}`);
    expect(cause.message).toBe(`P-1 could come on 12/9/2022 afternoon, 13/9/2022 afternoon, but already gives 1 session on 12/9/2022 (${first}); 1 session on 13/9/2022 (${second}): at most 1 a day`);
    const vi = days.map((d) => `${d.sessions[0]!.province} buổi ${d.sessions[0]!.halfDay === "morning" ? "sáng" : "chiều"}`);
    expect(causeText(cause, "vi")).toBe(`P-1 có thể đến dạy vào 12/9/2022 (chiều), 13/9/2022 (chiều), nhưng đã dạy 1 buổi vào ngày 12/9/2022 (${vi[0]}); 1 buổi vào ngày 13/9/2022 (${vi[1]}): tối đa 1 buổi một ngày`);
  });

  it("the weekly maximum, with the other cluster's sessions counted: the trainer, the week, the sessions and the limit", async () => {
    const unplaced = await leftOut(text("maxSessionsPerWeek: 3", "2022-09-16"));
    expect(unplaced).toHaveLength(1);
    const cause = unplaced[0]!.causes![0]!;
    const weeks = cause["weeks"] as { week: string; slots: unknown[]; sessions: { province: string; date: string; halfDay: string }[] }[];
    expect({ code: cause.code, trainer: cause["trainer"], max: cause["max"], weeks: weeks.map((w) => [w.week, w.sessions.length]) }).toEqual({ code: "weekly-max-reached", trainer: "P-1", max: 3, weeks: [["2022-09-12", 3]] });
    expect(cause.message).toMatch(/^P-1 could come on \d+ half-days of that week, but already gives 3 sessions in the week of 12\/9\/2022 \(.+\): at most 3 a week$/);
    expect(causeText(cause, "vi")).toMatch(/^P-1 có thể đến dạy vào \d+ buổi của tuần đó, nhưng đã dạy 3 buổi trong tuần từ ngày 12\/9\/2022 \(.+\): tối đa 3 buổi một tuần$/);
  });
});
