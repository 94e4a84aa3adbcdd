import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backend } from "../../src/solve/backends.ts";
import { LinearModel } from "../../src/solve/linear-model.ts";

/**
 * Random small 0/1 models shaped like a plan's (each "session" once or left "unplaced" at a high
 * cost, capacities shared between sessions, conflicting pairs), whose relaxations are fractional
 * far more often than a tiny plan's: they drive the LP-guided search through its dive, RINS, its
 * own branch and bound and HiGHS's MIP. Enumeration is the referee.
 */
const randomModel = fc
  .record({
    sessions: fc.integer({ min: 2, max: 3 }),
    slots: fc.integer({ min: 2, max: 4 }),
    costs: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 16, maxLength: 16 }),
    capacity: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 4, maxLength: 4 }),
    conflicts: fc.array(fc.tuple(fc.nat(15), fc.nat(15)), { maxLength: 6 }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 16, maxLength: 16 }),
  })
  .map(({ sessions, slots, costs, capacity, conflicts, weights }) => {
    const model = new LinearModel();
    const x = (s: number, t: number) => `x${s}_${t}`;
    for (let s = 0; s < sessions; s++) {
      for (let t = 0; t < slots; t++) model.addVariable(x(s, t), costs[s * 4 + t]! / 10, true, { branchFirst: true });
      model.addVariable(`u${s}`, 100);
      model.addRow(`once${s}`, [...Array.from({ length: slots }, (_, t) => [x(s, t), 1] as const), [`u${s}`, 1]], { min: 1, max: 1 });
    }
    // Weighted capacity per slot: sessions of weight 2 or 3 make the relaxation fractional.
    for (let t = 0; t < slots; t++) model.addRow(`cap${t}`, Array.from({ length: sessions }, (_, s) => [x(s, t), weights[s * 4 + t]!] as const), { max: capacity[t]! + 1 });
    for (const [a, b] of conflicts) {
      const [sa, ta, sb, tb] = [a >> 2, a & 3, b >> 2, b & 3];
      if (sa < sessions && sb < sessions && ta < slots && tb < slots && sa !== sb && !model.rows.has(`conflict${a}_${b}`)) model.addRow(`conflict${a}_${b}`, [[x(sa, ta), 1], [x(sb, tb), 1]], { max: 1 });
    }
    return model;
  });

function enumerate(model: LinearModel): number {
  const names = [...model.variables.keys()];
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << names.length; mask++) {
    const values = new Map(names.map((name, i) => [name, (mask >> i) & 1]));
    const feasible = [...model.rows.values()].every((row) => {
      let activity = 0;
      for (const [name, coefficient] of row.terms) activity += coefficient * values.get(name)!;
      return (row.min === undefined || activity >= row.min - 1e-9) && (row.max === undefined || activity <= row.max + 1e-9);
    });
    if (feasible) best = Math.min(best, model.objective(values));
  }
  return best;
}

describe("a model restricted to some of its variables", () => {
  it("holds the others at their values: rows keep their free terms, bounds shifted by the held ones", () => {
    const model = new LinearModel();
    for (const name of ["a", "b", "c"]) model.addVariable(name, 1);
    model.addRow("sum", [["a", 1], ["b", 2], ["c", 3]], { min: 1, max: 4 });
    model.addRow("held only", [["c", 1]], { max: 1 });
    const sub = model.restricted(new Set(["a", "b"]), new Map([["c", 1]]));
    expect([...sub.variables.keys()]).toEqual(["a", "b"]);
    expect([...sub.rows]).toEqual([["sum", { terms: new Map([["a", 1], ["b", 2]]), min: -2, max: 1 }]]);
    expect(model.satisfiedBy(new Map([["c", 1]]))).toBe(true);
    expect(model.satisfiedBy(new Map([["b", 1], ["c", 1]]))).toBe(false);
  });
});

describe("the backends on random small 0/1 models", () => {
  // searchNodes 0: HiGHS's MIP takes over from the dive and RINS at once, as on the hardest parts.
  it.each([
    ["highs", {}],
    ["highs", { searchNodes: 0 }],
    ["js", {}],
  ] as const)("property: %s %o proves the optimum that enumeration finds", async (name, options) => {
    const solver = await backend(name);
    await fc.assert(
      fc.asyncProperty(randomModel, async (model) => {
        const result = await solver.solve(model, options);
        expect(result.status).toBe("optimal");
        expect(result.objective).toBeCloseTo(enumerate(model), 6);
        if (result.bound !== undefined) expect(result.bound).toBeLessThanOrEqual(result.objective + 1e-6);
      }),
      { numRuns: 150, seed: 11 },
    );
  }, 120_000);

  it("HiGHS's relaxation is a lower bound on the optimum", async () => {
    const solver = await backend("highs");
    await fc.assert(
      fc.asyncProperty(randomModel, async (model) => {
        const relaxed = await solver.solve(model, { relax: true });
        expect(relaxed.objective).toBeLessThanOrEqual(enumerate(model) + 1e-6);
      }),
      { numRuns: 50, seed: 5 },
    );
  });
});
