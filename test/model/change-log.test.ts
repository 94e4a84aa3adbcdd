/** The change log compares provinces as the registry does: one province under any of its names. */
import { describe, expect, it } from "vitest";
import { EMPTY_LOG, supersededBy, withChange } from "../../src/model/change-log.ts";
import { ChangesSchema } from "../../src/model/changes.ts";
import { registry } from "../../src/model/provinces.ts";

const fixedAt = (name: string, date: string) => ChangesSchema.parse({ provinces: { [name]: { fixed: { date, halfDay: "morning" } } } });

describe("a second answer where one holds", () => {
  const vn63 = registry("vn-63");
  const log = withChange(EMPTY_LOG, fixedAt("TP. Hồ Chí Minh", "2022-09-20"), { version: 2, today: "2022-09-12" });

  it("is found under another of the province's names (HCM, Hồ Chí Minh)", () => {
    for (const name of ["HCM", "Hồ Chí Minh", "tp ho chi minh"]) expect(supersededBy(log, fixedAt(name, "2022-09-21"), vn63).map((s) => s.subject)).toEqual(["half-day"]);
  });

  it("is not found for another province", () => {
    expect(supersededBy(log, fixedAt("Hà Nội", "2022-09-21"), vn63)).toEqual([]);
  });
});
