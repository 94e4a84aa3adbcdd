/** "Where can this session go?" in the workspace: its re-plans shared by the pool's two workers, the same answer as one asker alone. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { alternativesOf } from "../../src/app/alternatives.ts";
import { solveIntoFolder } from "../../src/app/solve.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { WorkspaceContext } from "../../src/serve/context.ts";

describe("where a session can go, in the workspace's workers", () => {
  it("answers what alternativesOf answers in one thread, for a province whose half-days need several re-plans", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-alt-workers-"));
    const ws = new WorkspaceContext(dir, 2);
    const planName = "2022.yaml";
    const planText = readFileSync("plans/2022-09-tcnscd.yaml", "utf8");
    const plan = loadPlanText(planText, planName).plan;
    const out = ws.scheduleDir(planName);
    await solveIntoFolder({ dir: out, plan, planPath: planName, lang: "vi", command: "test" });
    const ask = { dir: out, planName, planText, province: "Nam Định", today: "2022-09-11" };
    const alone = await alternativesOf({ dir: out, plan, planPath: planName, province: ask.province, today: ask.today });
    expect(alone.alternatives.filter((a) => a.kind === "moves").length).toBeGreaterThan(1);
    // Twice: the second worker is started by the first ask, and shares the second for sure.
    for (let i = 0; i < 2; i++) expect(await ws.alternativesInWorker({ kind: "alternatives", ...ask, budgetSeconds: 60 })).toEqual(alone);
  }, 180_000);
});
