/**
 * A corpus of small plans that cannot be met, each for one known cause: the cause taphuan gives,
 * the fixes it proves, and every fix applied to the plan file as the planner wrote it (the
 * workspace's "apply this fix"), loaded like any plan and solved again: it places everyone.
 */
import { describe, expect, it } from "vitest";
import { planTextWithFix } from "../../src/app/fixes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { proveRelaxations } from "../../src/solve/relax.ts";
import { checkSchedule } from "../../src/solve/check.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import type { Plan } from "../../src/model/plan.ts";

const HEAD = `campaign:
  id: corpus
  title: corpus
  period: { from: 2022-09-12, to: 2022-09-23 }
  registry: vn-63
`;

interface Case {
  readonly name: string;
  readonly text: string;
  /** The code of the cause given for each province left out. */
  readonly causes: readonly string[];
  /** The kinds of fix proven, in the search's order. */
  readonly fixes: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "a daily cap of one session with four provinces in two days, trainers idle",
    text: `${HEAD.replace("registry: vn-63", "registry: vn-63\n  maxDailySessions: 1")}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam, Nam Định, Ninh Bình, Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
  - { id: P-2, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["daily-cap", "daily-cap"],
    fixes: ["widen-window", "raise-daily-cap"],
  },
  {
    name: "a window too short for one trainer pair",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-14, to: 2022-09-14 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["trainer-capacity"],
    fixes: ["widen-window", "widen-window", "more-trainers"],
  },
  {
    name: "a trainer whose only days are too few",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, onlyAvailable: [2022-09-13] }
`,
    causes: ["trainer-capacity"],
    fixes: ["more-trainers", "trainer-also-available"],
  },
  {
    name: "a trainer away on the days needed",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, unavailable: [2022-09-13] }
`,
    causes: ["trainer-capacity"],
    fixes: ["widen-window", "more-trainers", "free-trainer"],
  },
  {
    name: "a notice period that takes the start of a window",
    text: `${HEAD.replace("registry: vn-63", "registry: vn-63\n  issued: 2022-09-09T08:00:00+07:00\n  noticeDays: 3")}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-14 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, maxSessionsPerDay: 1 }
`,
    causes: ["trainers-busy", "trainers-busy"],
    fixes: ["widen-window", "shorter-notice", "more-trainers"],
  },
  {
    name: "a province that cannot host, its settings written under another spelling, with a second independent cluster",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [TP. Hồ Chí Minh, Bình Dương] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: TP. Hồ Chí Minh, clusters: [Cụm A] }
  - { id: P-2, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm B] }
provinces:
  Hồ Chí Minh: { unavailable: [{ from: 2022-09-12, to: 2022-09-13 }] }
`,
    causes: ["province-unavailable"],
    fixes: ["widen-window"],
  },
  {
    name: "two independent clusters, each with a cause of its own",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-14, to: 2022-09-14 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Cần Thơ, An Giang, Hậu Giang] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm A] }
  - { id: P-2, organisation: O, roles: [policy], home: Cần Thơ, clusters: [Cụm B], onlyAvailable: [2022-09-15] }
`,
    causes: ["trainer-capacity", "trainer-capacity"],
    fixes: ["together"],
  },
];

const solve = async (plan: Plan, seconds?: number) => (await solvePlan(plan, seconds === undefined ? {} : { timeLimitSeconds: seconds })).schedule;

describe("the corpus of plans that cannot be met", () => {
  for (const c of CASES) {
    it(`${c.name}: the cause, the proven fixes, and each fix written into the plan file places everyone`, async () => {
      const plan = loadPlanText(c.text, "corpus.yaml").plan;
      const schedule = await solve(plan);
      expect(schedule.status).toBe("partial");
      expect(schedule.unplaced.flatMap((u) => (u.causes ?? []).map((cause) => cause.code))).toEqual(c.causes);
      const search = await proveRelaxations(plan, schedule, { solve });
      expect(search.complete).toBe(true);
      expect(search.relaxations.map((fix) => fix.kind)).toEqual(c.fixes);
      for (const fix of search.relaxations) {
        const fixed = loadPlanText(planTextWithFix(c.text, "corpus.yaml", fix), "corpus.yaml").plan;
        const again = await solve(fixed);
        expect({ fix: fix.message, status: again.status }).toEqual({ fix: fix.message, status: "complete" });
        expect(checkSchedule(fixed, again.sessions)).toEqual([]);
      }
    }, 120_000);
  }

  it("a search out of time says so and names every kind it did not try", async () => {
    const plan = loadPlanText(CASES[1]!.text, "corpus.yaml").plan;
    const search = await proveRelaxations(plan, await solve(plan), { solve, deadline: Date.now() - 1 });
    expect(search.complete).toBe(false);
    expect(search.relaxations).toEqual([]);
    expect(search.notTried.map((t) => t.kind)).toEqual(["move-province", "widen-window", "widen-window", "more-trainers", "free-trainer", "trainer-also-available"]);
  });
});
