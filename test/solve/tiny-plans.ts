/** Random tiny plans for property tests and brute force: a few provinces, a few days, a few trainers. */
import fc from "fast-check";
import { loadPlanText } from "../../src/model/load.ts";
import type { Plan } from "../../src/model/plan.ts";

const PROVINCES = ["Hà Nam", "Nam Định", "Ninh Bình", "Bắc Ninh", "Bắc Giang", "Hà Nội", "Hải Phòng", "Thái Bình"];
const DAYS = ["2022-09-12", "2022-09-13", "2022-09-14"];

export const tinyPlanText = fc
  .record({
    provinces: fc.subarray(PROVINCES, { minLength: 2, maxLength: 4 }),
    split: fc.boolean(),
    days: fc.integer({ min: 1, max: 3 }),
    trainers: fc.array(
      fc.record({
        roles: fc.constantFrom(["policy"], ["skills"], ["policy", "skills"]),
        firstClusterOnly: fc.boolean(),
        maxSessionsPerDay: fc.constantFrom(1, 2),
        off: fc.subarray(["2022-09-12/morning", "2022-09-12/afternoon", "2022-09-13/morning", "2022-09-14/afternoon"], { maxLength: 2 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    provinceOff: fc.option(fc.constantFrom("2022-09-12", "2022-09-13"), { nil: undefined }),
    preferred: fc.option(fc.constantFrom("2022-09-13", "2022-09-14"), { nil: undefined }),
  })
  .map(({ provinces, split, days, trainers, provinceOff, preferred }) => {
    const clusters = split && provinces.length >= 2 ? [provinces.slice(0, Math.ceil(provinces.length / 2)), provinces.slice(Math.ceil(provinces.length / 2))] : [provinces];
    const lines = [
      "campaign:",
      "  id: tiny",
      "  title: tiny",
      `  period: { from: 2022-09-12, to: ${DAYS[days - 1]} }`,
      "  registry: vn-63",
      "sessionNeeds: { policy: 1, skills: 1 }",
      "clusters:",
      ...clusters.map((members, i) => `  - { name: C${i + 1}, provinces: [${members.join(", ")}] }`),
      "trainers:",
      ...trainers.map((t, i) => {
        const off = t.off.map((key) => key.split("/")).filter(([date]) => date! <= DAYS[days - 1]!).map(([date, halfDay]) => `{ date: ${date}, halfDay: ${halfDay} }`);
        return `  - { id: T-${i + 1}, organisation: O, roles: [${t.roles.join(", ")}], clusters: ${t.firstClusterOnly ? "[C1]" : "all"}, home: Hà Nội, maxSessionsPerDay: ${t.maxSessionsPerDay}, national: ${i === 0}, unavailable: [${off.join(", ")}] }`;
      }),
      "provinces:",
      `  ${provinces[0]}: { unavailable: [${provinceOff && provinceOff <= DAYS[days - 1]! ? provinceOff : ""}], preferred: [${preferred && preferred <= DAYS[days - 1]! ? preferred : ""}] }`,
    ];
    return `${lines.join("\n")}\n`;
  });

export function tinyPlan(text: string): Plan {
  return loadPlanText(text, "tiny.yaml").plan;
}
