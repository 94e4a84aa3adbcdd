/** The calendar a planner would sign: pacing, a daily nationwide cap, proposed windows, profiles. */
import { describe, expect, it } from "vitest";
import { clusterTable } from "../../src/export/table.ts";
import { scheduleMetrics } from "../../src/model/metrics.ts";
import type { Plan } from "../../src/model/plan.ts";
import { resolvePlan } from "../../src/model/plan.ts";
import { withProfile } from "../../src/model/profiles.ts";
import { checkSchedule, evaluateGoals } from "../../src/solve/check.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { session, smallPlan } from "../helpers.ts";

/** Two clusters of three over two weeks (12–23/9), one trainer per role free every day. */
const plan = (extra = "", campaign = "") =>
  smallPlan((t) =>
    t
      .replace("period: { from: 2022-09-12, to: 2022-09-16 }", "period: { from: 2022-09-12, to: 2022-09-23 }")
      .replace("holidays: [2022-09-14]", `holidays: []${campaign}`)
      .replace("window: { from: 2022-09-12, to: 2022-09-16 }", "window: { from: 2022-09-12, to: 2022-09-23 }")
      .replace("provinces: [Hà Nam, Nam Định]", "provinces: [Hà Nam, Nam Định, Ninh Bình, Thái Bình]")
      .concat(extra),
  );

describe("the pacing goal", () => {
  it("penalises sessions beyond the even share per day and per week, exactly", () => {
    const p = plan("weights: { pacing: 10 }\n");
    // Cụm A: 4 provinces over 10 working days in 2 weeks → at most 1 a day and 2 a week.
    const bunched = [
      session(p, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(p, "Nam Định", "2022-09-12", "afternoon", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(p, "Ninh Bình", "2022-09-13", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(p, "Thái Bình", "2022-09-19", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
    ];
    const pacing = evaluateGoals(p, bunched).find((g) => g.id === "pacing")!;
    // One session beyond a day's share (12/9), one beyond the first week's share (three in it).
    expect(pacing.penalty).toBe(2);
    expect(pacing.cost).toBe(20);
  });

  it("spreads a cluster through its window; the objective equals the goals' penalties", async () => {
    const earliest = plan();
    const paced = plan("weights: { pacing: 30 }\n");
    const a = await solvePlan(earliest);
    const b = await solvePlan(paced);
    const lastA = scheduleMetrics(earliest, a.schedule).lastDate!;
    const lastB = scheduleMetrics(paced, b.schedule).lastDate!;
    expect(lastB > lastA).toBe(true);
    expect(b.schedule.sessions.filter((s) => s.cluster === "Cụm A" && s.date >= "2022-09-19")).toHaveLength(2);
    expect(b.report.objective).toBeCloseTo(evaluateGoals(paced, b.schedule.sessions).reduce((sum, g) => sum + g.cost, 0), 6);
    expect(checkSchedule(paced, b.schedule.sessions)).toEqual([]);
  });
});

describe("the nationwide caps", () => {
  it("at most maxDailySessions on a day: checked, and kept by the solver", async () => {
    const p = plan("", "\n  maxDailySessions: 1");
    const two = [session(p, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]), session(p, "Bắc Ninh", "2022-09-12", "afternoon", ["CĐSQG-2", "Đoàn-1"])];
    const capped = checkSchedule(p, two).filter((v) => v.rule === "nationwide-cap");
    expect(capped.map((v) => v.message)).toEqual(["2 sessions on 12/9/2022 (Hà Nam, Bắc Ninh), the daily cap is 1"]);
    const { schedule } = await solvePlan(p);
    expect(schedule.status).toBe("complete");
    expect(Math.max(...Object.values(scheduleMetrics(p, schedule).perDay))).toBe(1);
  });
});

describe("proposed windows and profiles", () => {
  it("a cluster with window: propose gets the scheduled dates, marked proposed; the letter's column stays blank", async () => {
    const p = plan().data;
    const resolved = resolvePlan({ ...p, clusters: p.clusters.map((c) => (c.name === "Cụm B" ? { ...c, window: "propose" as const } : c)) });
    if (!resolved.ok) throw new Error("plan");
    const proposing: Plan = resolved.value;
    const { schedule } = await solvePlan(proposing);
    const [window] = scheduleMetrics(proposing, schedule).proposedWindows;
    expect(window).toMatchObject({ cluster: "Cụm B" });
    const row = clusterTable(proposing, schedule).rows[1]!;
    expect(row[2]).toBe("");
    expect(row[4]).toMatch(/^(Ngày|Từ ngày) .+ \(đề xuất\)$/);
  });

  it("earliest and paced exist in every plan; a plan may override them and define its own", () => {
    const p = plan("profiles:\n  paced: { pacing: 99 }\n  calm: { earliness: 0, pacing: 5 }\n").data;
    expect(withProfile(p, "earliest")!.weights.pacing).toBe(0);
    expect(withProfile(p, "paced")!.weights.pacing).toBe(99);
    expect(withProfile(p, "calm")!.weights).toMatchObject({ earliness: 0, pacing: 5, load: 4 });
    expect(withProfile(p, "nope")).toBeUndefined();
  });
});
