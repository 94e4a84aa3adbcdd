/** A folder's own schedule.json is read as JSON: the same schedule as the schedule reader gives, and the same problems when it is not one. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPlanText } from "../../src/model/load.ts";
import { loadScheduleText, loadWrittenSchedule } from "../../src/model/schedule.ts";
import { solvePlan } from "../../src/solve/solve.ts";

const problems = (read: () => unknown) => {
  try {
    read();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe("loadWrittenSchedule", () => {
  it("reads what taphuan writes as the schedule reader does, and says the same of what is not a schedule", async () => {
    const { plan } = loadPlanText(readFileSync("test/fixtures/small-plan.yaml", "utf8"), "small-plan.yaml");
    const text = `${JSON.stringify((await solvePlan(plan)).schedule, null, 2)}\n`;
    expect(loadWrittenSchedule(text, "schedule.json")).toEqual(loadScheduleText(text, "schedule.json"));
    for (const bad of [text.replace('"status": "complete"', '"status": "done"'), text.slice(0, 200), "sessions: [\n", "[]", "x".repeat(1024 * 1024 + 1)]) {
      const error = problems(() => loadWrittenSchedule(bad, "schedule.json"));
      expect(error).toBeDefined();
      expect(error).toEqual(problems(() => loadScheduleText(bad, "schedule.json")));
    }
  });

  it("refuses, as the schedule reader does, what taphuan never writes: a control character, a key written twice", async () => {
    const { plan } = loadPlanText(readFileSync("test/fixtures/small-plan.yaml", "utf8"), "small-plan.yaml");
    const text = `${JSON.stringify((await solvePlan(plan)).schedule, null, 2)}\n`;
    const province = (await solvePlan(plan)).schedule.sessions[0]!.province;
    const reordered = text.replace(`"province": "${province}"`, `"province": "${province.slice(0, 2)}\u202e${province.slice(2)}"`);
    const twice = text.replace('"status": "complete"', '"status": "partial",\n  "status": "complete"');
    for (const bad of [reordered, twice]) {
      const error = problems(() => loadWrittenSchedule(bad, "schedule.json"));
      expect(error).toBeDefined();
      expect(error).toEqual(problems(() => loadScheduleText(bad, "schedule.json")));
    }
  });
});
