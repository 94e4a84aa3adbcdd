/**
 * One canonical plan: a province's settings, written under any spelling its registry accepts,
 * reach every stage — solve, fix search, re-plan, check and export — through the plan's index.
 */
import { describe, expect, it } from "vitest";
import { exportAll } from "../../src/export/index.ts";
import { ChangesSchema, applyChanges } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { resolvePlan } from "../../src/model/plan.ts";
import { checkSchedule } from "../../src/solve/check.ts";
import { applyFix } from "../../src/solve/fixes.ts";
import { proveRelaxations } from "../../src/solve/relax.ts";
import { replan } from "../../src/solve/replan.ts";
import { solvePlan } from "../../src/solve/solve.ts";

const SPELLINGS = ["HCM", "Hồ Chí Minh", "TP. Hồ Chí Minh"] as const;

/** Cụm A lists the city as `listed`; its settings are written under `key`: away 12–15/9, and its venue. */
const text = (listed: string, key: string, away = "2022-09-15") => `campaign:
  id: spelling
  title: spelling
  period: { from: 2022-09-12, to: 2022-09-23 }
  registry: vn-63
sessionNeeds: { policy: 1 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [${listed}, Bình Dương] }
  - { name: Cụm B, window: { from: 2022-09-12, to: 2022-09-16 }, provinces: [Hà Nam] }
trainers:
  - { id: P-1, organisation: O, roles: [policy], home: TP. Hồ Chí Minh, clusters: [Cụm A] }
  - { id: P-2, organisation: O, roles: [policy], home: Hà Nội, clusters: [Cụm B] }
provinces:
  ${key}: { unavailable: [{ from: 2022-09-12, to: ${away} }], venue: Hội trường Thống Nhất }
`;

const solve = async (plan: Parameters<typeof solvePlan>[0], seconds?: number) => (await solvePlan(plan, seconds === undefined ? {} : { timeLimitSeconds: seconds })).schedule;

describe("a province's settings under each accepted spelling", () => {
  for (const listed of ["TP. Hồ Chí Minh", "HCM"]) {
    for (const key of SPELLINGS) {
      it(`listed as "${listed}", settings under "${key}": solve, fix search, re-plan, check and export all see them`, async () => {
        const plan = loadPlanText(text(listed, key), "spelling.yaml").plan;
        const city = plan.index.provinceNamed("Hồ Chí Minh")!;
        expect(plan.index.province("79")).toBe(city);
        for (const spelling of SPELLINGS) expect(plan.index.provinceNamed(spelling)).toBe(city);
        expect(city.unavailable).toHaveLength(1);

        // Solve: the only day it can host.
        const schedule = await solve(plan);
        expect(schedule.status).toBe("complete");
        const session = schedule.sessions.find((s) => s.code === "79")!;
        expect(session.date).toBe("2022-09-16");

        // Check: the same session on a day it is away breaks the setting, whatever a hand-edited
        // schedule calls it (without the code, as one written before codes were kept).
        for (const spelling of SPELLINGS) {
          const moved = schedule.sessions.map((s) => {
            if (s !== session) return s;
            const { code: _code, ...rest } = s;
            return { ...rest, province: spelling, date: "2022-09-13" };
          });
          expect(checkSchedule(plan, moved).map((v) => v.rule)).toEqual(["province-available"]);
        }

        // Re-plan: a change about the trainer moves nothing onto a day the city is away.
        const changed = resolvePlan(applyChanges(plan.data, ChangesSchema.parse({ trainers: { "P-1": { unavailable: ["2022-09-14"] } } })));
        if (!changed.ok) throw new Error("the changed plan does not resolve");
        const outcome = await replan(changed.value, schedule, { today: "2022-09-05", proveRelaxations: false });
        expect(outcome.schedule.sessions.find((s) => s.code === "79")!.date).toBe("2022-09-16");

        // Export: its venue in its session's calendar.
        const files = (await exportAll(plan, schedule, { lang: "vi" })).files;
        expect(String(files.get("schedule.ics"))).toContain("Hội trường Thống Nhất");

        // Fix search: away the whole window, the fix proven keeps the setting (a later window, not a dropped setting).
        const away = loadPlanText(text(listed, key, "2022-09-16"), "spelling.yaml").plan;
        const partial = await solve(away);
        expect(partial.unplaced.map((u) => u.causes?.[0]?.code)).toEqual(["province-unavailable"]);
        const search = await proveRelaxations(away, partial, { solve });
        expect(search.relaxations.map((fix) => fix.kind)).toEqual(["widen-window"]);
        const fixed = resolvePlan(applyFix(away.data, search.relaxations[0]!));
        if (!fixed.ok) throw new Error("the fixed plan does not resolve");
        const again = await solve(fixed.value);
        expect(again.status).toBe("complete");
        expect(again.sessions.find((s) => s.code === "79")!.date > "2022-09-16").toBe(true);
      }, 60_000);
    }
  }
});
