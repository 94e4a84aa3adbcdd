/**
 * The greedy placer's schedule as HiGHS's start (SolveOptions.greedyStart): mapped onto the model's
 * 0/1 variables it keeps every row the continuous variables can be solved for, and costs in the
 * model exactly what the goals say it costs; a solve started from it reaches the same optimum.
 */
import { describe, expect, it } from "vitest";
import { backend } from "../../src/solve/backends.ts";
import { buildModel, independentParts } from "../../src/solve/build.ts";
import { evaluateGoals } from "../../src/solve/check.ts";
import { greedySchedule } from "../../src/solve/greedy.ts";
import { solvePlan, startValues } from "../../src/solve/solve.ts";
import { plan2022 } from "../helpers.ts";

describe("the greedy schedule as the optimiser's start", () => {
  it("maps onto each part's model of the 2022 plan at the cost the goals give it", async () => {
    const plan = plan2022();
    const highs = await backend("highs");
    for (const clusters of independentParts(plan)) {
      const built = buildModel(plan, clusters, { granularity: "grouped" });
      const sessions = greedySchedule(plan, built.provinces);
      const start = startValues(plan, built, sessions);
      expect([...start.keys()].every((name) => built.model.variables.get(name)?.binary)).toBe(true);
      // The continuous variables (excess load, pacing) solved for with every 0/1 value held at the start's.
      const free = new Set([...built.model.variables].filter(([, v]) => !v.binary).map(([name]) => name));
      const rest = await highs.solve(built.model.restricted(free, start), {});
      expect(rest.status).toBe("optimal");
      expect(built.model.satisfiedBy(new Map([...start, ...rest.values]))).toBe(true);
      const cost = built.model.objective(start) + rest.objective;
      expect(cost).toBeCloseTo(evaluateGoals(plan, sessions).reduce((sum, goal) => sum + goal.cost, 0), 6);
    }
  }, 60_000);

  it("a solve started from it gives the same proven optimum", async () => {
    const plan = plan2022();
    const [without, started] = [await solvePlan(plan), await solvePlan(plan, { greedyStart: true })];
    expect(started.report.proven).toBe(true);
    expect(started.report.objective).toBe(without.report.objective);
    expect(started.schedule.sessions).toEqual(without.schedule.sessions);
  }, 120_000);
});
