/**
 * A solve bounded in time starts the optimiser from the greedy placer's schedule (src/app/solve.ts);
 * one without a limit does not, since there the start only costs (README, "Optimiser").
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as solve from "../../src/solve/solve.ts";
import { solveIntoFolder } from "../../src/app/solve.ts";
import { loadPlanText } from "../../src/model/load.ts";

vi.mock("../../src/solve/solve.ts", { spy: true });

describe("the greedy start of a solve into a folder", () => {
  it("is asked for when the planner gives a time limit, and only then", async () => {
    const planPath = "test/fixtures/small-plan.yaml";
    const plan = () => loadPlanText(readFileSync(planPath, "utf8"), planPath).plan;
    await solveIntoFolder({ dir: join(mkdtempSync(join(tmpdir(), "taphuan-start-")), "out"), plan: plan(), planPath, lang: "vi", command: "test", timeLimitSeconds: 30 });
    await solveIntoFolder({ dir: join(mkdtempSync(join(tmpdir(), "taphuan-start-")), "out"), plan: plan(), planPath, lang: "vi", command: "test" });
    const asked = vi.mocked(solve.solvePlan).mock.calls.map(([, options]) => options?.greedyStart === true);
    expect(asked).toEqual([true, false]);
  }, 60_000);
});
