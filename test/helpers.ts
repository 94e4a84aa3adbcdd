import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadPlanText } from "../src/model/load.ts";
import type { Plan } from "../src/model/plan.ts";
import { makeSession, type Session } from "../src/model/schedule.ts";

const SMALL = fileURLToPath(new URL("./fixtures/small-plan.yaml", import.meta.url));

/** The small test plan, optionally edited as text first (the way a planner would edit it). */
export function smallPlan(edit: (text: string) => string = (t) => t): Plan {
  return loadPlanText(edit(readFileSync(SMALL, "utf8")), "small-plan.yaml").plan;
}

export function plan2022(): Plan {
  return loadPlanText(readFileSync("plans/2022-09-tcnscd.yaml", "utf8"), "plans/2022-09-tcnscd.yaml").plan;
}

/** A session of `plan` by province name, date, half-day and trainers. */
export function session(plan: Plan, province: string, date: string, halfDay: "morning" | "afternoon", trainers: string[]): Session {
  const p = plan.provinces.find((x) => x.name === province);
  if (!p) throw new Error(`no ${province} in plan`);
  return makeSession(plan, p, { date, halfDay }, trainers);
}
