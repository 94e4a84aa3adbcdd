import { describe, expect, it } from "vitest";
import { planWithLog, withChange, EMPTY_LOG } from "../../src/model/change-log.ts";
import { ChangesSchema } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";

const PLAN = `campaign: { id: alias, title: t, period: { from: 2022-09-12, to: 2022-09-16 }, registry: vn-34 }
sessionNeeds: { policy: 1 }
clusters:
  - { name: C, provinces: [HCM, Hà Nội] }
trainers:
  - { id: A, organisation: O, roles: [policy] }
provinces:
  Hồ Chí Minh: { preferred: [2022-09-16] }
`;

describe("a change names a province under any spelling the registry accepts", () => {
  it("a change to HCM adds to the settings the plan keeps under Hồ Chí Minh, instead of a second entry for the same province", () => {
    const plan = loadPlanText(PLAN, "alias.yaml").plan;
    const change = ChangesSchema.parse({ provinces: { HCM: { unavailable: ["2022-09-12"] } } });
    const { plan: changed } = planWithLog(plan, withChange(EMPTY_LOG, change, { version: 2, today: "2022-09-05" }), "changes.yaml");
    const province = changed.provinces.find((p) => p.record.code === "79")!;
    expect(province.unavailable).toEqual(["2022-09-12"]);
    expect(province.preferred).toEqual(["2022-09-16"]);
  });
});
