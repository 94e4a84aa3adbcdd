/** The weekly maximum, a rule added as one module: its rows, its check, its explanation and its fix. */
import { describe, expect, it } from "vitest";
import { loadPlanText } from "../../src/model/load.ts";
import { resolvePlan } from "../../src/model/plan.ts";
import { checkSchedule } from "../../src/solve/check.ts";
import { applyFix } from "../../src/solve/fixes.ts";
import { greedySchedule } from "../../src/solve/greedy.ts";
import { proveRelaxations } from "../../src/solve/relax.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { isoWeek } from "../../src/solve/constraints/trainer-weekly-max.ts";
import { causeText } from "../../src/words/issues.ts";
import { fixKindText, relaxationText } from "../../src/words/fixes.ts";
import { session } from "../helpers.ts";

/** One trainer for three provinces; the window runs from Friday 16/9 into the next week. */
const text = (max: number, to = "2022-09-20") => `campaign:
  id: weekly
  title: weekly
  period: { from: 2022-09-12, to: 2022-09-23 }
  registry: vn-63
sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-15, to: ${to} }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, maxSessionsPerWeek: ${max} }
`;
const plan = (max: number, to?: string) => loadPlanText(text(max, to), "weekly.yaml").plan;

describe("trainer-weekly-max", () => {
  it("ISO weeks begin on Monday", () => {
    expect([isoWeek("2022-09-18"), isoWeek("2022-09-19"), isoWeek("2022-09-12")]).toEqual(["2022-09-12", "2022-09-19", "2022-09-12"]);
  });

  it("check: a third session in one week breaks it, the same three over two weeks do not", () => {
    const p = plan(2);
    const oneWeek = [session(p, "Hà Nam", "2022-09-15", "morning", ["P-1"]), session(p, "Nam Định", "2022-09-15", "afternoon", ["P-1"]), session(p, "Ninh Bình", "2022-09-16", "morning", ["P-1"])];
    expect(checkSchedule(p, oneWeek).map((v) => [v.rule, v.code, v.message])).toEqual([["trainer-weekly-max", "trainer-weekly-max", "P-1 gives 3 sessions in the week of 12/9/2022 (Hà Nam, Nam Định, Ninh Bình), at most 2 a week"]]);
    const twoWeeks = [...oneWeek.slice(0, 2), session(p, "Ninh Bình", "2022-09-19", "morning", ["P-1"])];
    expect(checkSchedule(p, twoWeeks)).toEqual([]);
  });

  it("encode: the optimiser and the greedy placer spread the sessions over both weeks, and keep the rule", async () => {
    const p = plan(2);
    const { schedule } = await solvePlan(p);
    expect(schedule.status).toBe("complete");
    expect(checkSchedule(p, schedule.sessions)).toEqual([]);
    expect(new Set(schedule.sessions.map((s) => isoWeek(s.date)))).toEqual(new Set(["2022-09-12", "2022-09-19"]));
    const greedy = greedySchedule(p);
    expect(greedy).toHaveLength(3);
    expect(checkSchedule(p, greedy)).toEqual([]);
  });

  it("explain and fixes: a window inside one week is short of one session, and one more a week places it", async () => {
    const p = plan(2, "2022-09-16");
    const solve = async (q: typeof p) => (await solvePlan(q)).schedule;
    const schedule = await solve(p);
    const causes = schedule.unplaced.flatMap((u) => u.causes ?? []);
    expect(causes.map((c) => c.code)).toEqual(["weekly-max"]);
    expect(causes[0]!.message).toBe("Cụm A needs 3 sessions with a policy trainer, but within their weekly maximums (P-1: 2 a week) its policy trainers can give at most 2 in its window");
    expect(causeText(causes[0]!, "vi")).toBe("Cụm A cần 3 buổi, mỗi buổi 1 giảng viên vai trò policy, nhưng trong số buổi tối đa một tuần (P-1: 2 buổi một tuần) các giảng viên vai trò policy của cụm chỉ dạy được nhiều nhất 2 buổi trong thời gian của cụm");
    const search = await proveRelaxations(p, schedule, { solve });
    const raise = search.relaxations.find((f) => f.kind === "raise-weekly-max")!;
    expect(raise).toEqual({ kind: "raise-weekly-max", trainer: "P-1", max: 3, message: "let P-1 give 3 sessions a week instead of 2" });
    expect(relaxationText(raise, "vi")).toBe("cho P-1 dạy tối đa 3 buổi một tuần");
    expect(fixKindText({ kind: "raise-weekly-max", trainer: "P-1" }, "en")).toBe("a higher weekly maximum for P-1 (maxSessionsPerWeek)");
    const fixed = resolvePlan(applyFix(p.data, raise));
    expect(fixed.ok && (await solve(fixed.value)).status).toBe("complete");
  });

  it("the schema takes a whole number of at least one", () => {
    expect(() => loadPlanText(text(0), "weekly.yaml")).toThrow();
    expect(() => loadPlanText(text(1.5), "weekly.yaml")).toThrow();
  });
});
