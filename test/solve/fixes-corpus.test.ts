/**
 * A corpus of small plans that cannot be met, each for one known cause: the cause taphuan gives,
 * the fixes it proves, and every fix applied to the plan file as the planner wrote it (the
 * workspace's "apply this fix"), loaded like any plan and solved again: it places everyone.
 */
import { describe, expect, it } from "vitest";
import { planTextWithFix } from "../../src/app/fixes.ts";
import type { Relaxation } from "../../src/solve/fixes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { proveRelaxations } from "../../src/solve/relax.ts";
import { checkSchedule } from "../../src/solve/check.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { resolvePlan, type Plan } from "../../src/model/plan.ts";
import { applyFix } from "../../src/solve/fixes.ts";
import fc from "fast-check";
import { bruteForce } from "./brute-force.ts";
import { tinyPlan, tinyPlanText } from "./tiny-plans.ts";

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
  /** The kinds of the changes of a "together" fix, one per part left out. */
  readonly together?: readonly string[];
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
    causes: ["daily-max", "daily-max"],
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
  {
    name: "two independent parts each with a province left out, one of them placed by moving it into a third cluster with room (too far for the other's)",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Cần Thơ, An Giang, Hậu Giang] }
  - { name: Cụm C, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm A] }
  - { id: P-2, organisation: O, roles: [policy], home: Cần Thơ, clusters: [Cụm B], onlyAvailable: [2022-09-15] }
  - { id: P-3, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm C] }
`,
    causes: ["trainer-capacity", "trainer-capacity"],
    fixes: ["together"],
    together: ["move-province", "more-trainers"],
  },
  {
    name: "two independent parts each with a province left out, both movable into a third cluster with room for one",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Hải Dương, Hưng Yên, Bắc Ninh] }
  - { name: Cụm C, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm A] }
  - { id: P-2, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm B], onlyAvailable: [2022-09-15] }
  - { id: P-3, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm C] }
`,
    causes: ["trainer-capacity", "trainer-capacity"],
    fixes: ["together"],
    together: ["widen-window", "more-trainers"],
  },
  {
    name: "a window on a weekend",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-17, to: 2022-09-18 }, provinces: [Hà Nam] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["no-working-half-day"],
    fixes: ["widen-window", "widen-window"],
  },
  {
    name: "a province fixed to a half-day before the notice ends",
    text: `${HEAD.replace("registry: vn-63", "registry: vn-63\n  issued: 2022-09-09T08:00:00+07:00")}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-23 }, provinces: [Hà Nam, Nam Định] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
provinces:
  Hà Nam: { fixed: { date: 2022-09-13, halfDay: morning } }
`,
    causes: ["fixed-impossible"],
    fixes: ["shorter-notice"],
  },
  {
    name: "a window that ends before the notice does",
    text: `${HEAD.replace("registry: vn-63", "registry: vn-63\n  issued: 2022-09-09T08:00:00+07:00")}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["notice"],
    fixes: ["widen-window", "shorter-notice"],
  },
  {
    name: "a session that needs two trainers of a role the cluster has one of",
    text: `${HEAD}sessionNeeds: { policy: 2 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["role-count"],
    fixes: ["more-trainers"],
  },
  {
    name: "the only trainer away on every day of the window",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, unavailable: [{ from: 2022-09-12, to: 2022-09-13 }] }
`,
    causes: ["no-trainer-free", "trainer-capacity"],
    fixes: ["widen-window", "more-trainers", "free-trainer"],
  },
  {
    name: "a cap of one session at a time with three provinces in one day",
    text: `${HEAD.replace("registry: vn-63", "registry: vn-63\n  maxConcurrentSessions: 1")}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
  - { id: P-2, organisation: O, roles: [policy], home: Hà Nội }
  - { id: P-3, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["nationwide-cap"],
    fixes: ["widen-window", "raise-cap"],
  },
  {
    name: "one province too many for a one-day cluster, and another cluster with room",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm A] }
  - { id: P-2, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm B] }
`,
    causes: ["trainer-capacity"],
    fixes: ["move-province", "widen-window", "more-trainers"],
  },
  {
    name: "a trainer free in the afternoon, but five hours' travel from their morning session",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam, Cà Mau] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["travel"],
    fixes: ["widen-window", "more-trainers"],
  },
  {
    name: "a trainer shared by two clusters too far apart for one day",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Cà Mau] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["travel-between-clusters"],
    fixes: ["widen-window", "more-trainers"],
  },
  {
    name: "a trip of 15.5 h that does not fit the 15 h night",
    text: `${HEAD}sessionNeeds: { policy: 1 }
travel: { overrides: [{ between: [Hà Nam, Nam Định], hours: 15.5 }] }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam, Nam Định] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, onlyAvailable: [{ date: 2022-09-12, halfDay: afternoon }, { date: 2022-09-13, halfDay: morning }] }
`,
    causes: ["travel"],
    fixes: ["more-trainers"],
  },
  {
    name: "a trainer shared by two clusters, at their daily maximum of one on each day of the windows",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Hà Nam, Nam Định] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Ninh Bình, Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, maxSessionsPerDay: 1 }
`,
    causes: ["daily-max", "daily-max"],
    fixes: ["widen-window", "more-trainers"],
  },
  {
    name: "a trainer shared by two clusters, giving a session at each half-day of a one-day window",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Hà Nam, Nam Định] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-12 }, provinces: [Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội }
`,
    causes: ["trainers-busy"],
    fixes: ["widen-window", "more-trainers"],
  },
  {
    name: "a trainer shared by two clusters, at their weekly maximum",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Hà Nam, Nam Định] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Ninh Bình, Thái Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, maxSessionsPerWeek: 3 }
`,
    causes: ["weekly-max-reached"],
    fixes: ["widen-window", "more-trainers", "raise-weekly-max"],
  },
  {
    name: "a trainer's weekly maximum short of the window's sessions",
    text: `${HEAD}sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Hà Nam, Nam Định, Ninh Bình] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: Hà Nội, maxSessionsPerWeek: 2 }
`,
    causes: ["weekly-max"],
    fixes: ["widen-window", "more-trainers", "raise-weekly-max"],
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
      if (c.together) expect(search.relaxations.flatMap((fix) => (fix.kind === "together" ? fix.changes.map((change) => change.kind) : []))).toEqual(c.together);
      for (const fix of search.relaxations) {
        const written = planTextWithFix(c.text, "corpus.yaml", fix);
        // Written as the planner's own edit would be: the lines the fix concerns, every other line as it was.
        const kept = new Set(written.split("\n"));
        // (A province moved changes two clusters' lines.)
        const lines = (f: Relaxation): number => (f.kind === "together" ? f.changes.reduce((n, change) => n + lines(change), 0) : f.kind === "move-province" ? 2 : 1);
        expect(c.text.split("\n").filter((line) => !kept.has(line)).length).toBeLessThanOrEqual(lines(fix));
        const fixed = loadPlanText(written, "corpus.yaml").plan;
        const again = await solve(fixed);
        expect({ fix: fix.message, status: again.status }).toEqual({ fix: fix.message, status: "complete" });
        expect(checkSchedule(fixed, again.sessions)).toEqual([]);
      }
    }, 120_000);
  }

  // Random small plans some province of which cannot be placed: enumeration agrees that it cannot,
  // and every proven fix, applied to the plan's data and resolved again, places everyone (by
  // enumeration too where the plan is small enough to enumerate).
  it("property: every proven fix of a random small plan places everyone, as enumeration confirms", async () => {
    const ENUMERABLE = 200_000;
    await fc.assert(
      fc.asyncProperty(tinyPlanText, async (text) => {
        const plan = tinyPlan(text);
        const schedule = await solve(plan);
        fc.pre(schedule.status === "partial");
        const best = bruteForce(plan, ENUMERABLE);
        if (best) expect(best.placed).toBe(schedule.sessions.length);
        const search = await proveRelaxations(plan, schedule, { solve });
        expect(search.complete).toBe(true);
        for (const fix of search.relaxations) {
          const resolved = resolvePlan(applyFix(plan.data, fix));
          if (!resolved.ok) throw new Error(`${fix.message}: the fixed plan does not resolve`);
          expect({ fix: fix.message, status: (await solve(resolved.value)).status }).toEqual({ fix: fix.message, status: "complete" });
          const fixed = bruteForce(resolved.value, ENUMERABLE);
          if (fixed) expect({ fix: fix.message, placed: fixed.placed }).toEqual({ fix: fix.message, placed: resolved.value.provinces.length });
        }
      }),
      { numRuns: 20, seed: 2020 },
    );
  }, 240_000);

  it("a search out of time says so and names every kind it did not try", async () => {
    const plan = loadPlanText(CASES[1]!.text, "corpus.yaml").plan;
    const search = await proveRelaxations(plan, await solve(plan), { solve, deadline: Date.now() - 1 });
    expect(search.complete).toBe(false);
    expect(search.relaxations).toEqual([]);
    expect(search.notTried.map((t) => t.kind)).toEqual(["move-province", "widen-window", "widen-window", "more-trainers", "free-trainer", "trainer-also-available"]);
  });
});
