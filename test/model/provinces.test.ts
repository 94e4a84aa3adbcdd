import { describe, expect, it } from "vitest";
import { VN34, VN63, distanceKm, nameKey, registry } from "../../src/model/provinces.ts";

describe("vn-63", () => {
  it("has 63 units with unique two-digit GSO codes from 01 (Hà Nội) to 96 (Cà Mau)", () => {
    expect(VN63).toHaveLength(63);
    expect(new Set(VN63.map((p) => p.code)).size).toBe(63);
    expect(VN63.every((p) => /^\d\d$/.test(p.code))).toBe(true);
    expect(registry("vn-63").byCode("01")?.name).toBe("Hà Nội");
    expect(registry("vn-63").byCode("35")?.name).toBe("Hà Nam");
    expect(registry("vn-63").byCode("96")?.name).toBe("Cà Mau");
  });

  it("places every capital inside Vietnam's bounding box", () => {
    for (const p of VN63) {
      expect(p.lat).toBeGreaterThan(8.3);
      expect(p.lat).toBeLessThan(23.5);
      expect(p.lon).toBeGreaterThan(102);
      expect(p.lon).toBeLessThan(110);
    }
  });

  it.each([
    ["Hà Nam", "Hà Nam"],
    ["ha nam", "Hà Nam"],
    ["HA NAM", "Hà Nam"],
    ["Tỉnh Hà Nam", "Hà Nam"],
    ["Ha Nam".normalize("NFD"), "Hà Nam"],
    ["Hà Nam".normalize("NFD"), "Hà Nam"],
    ["TP. Hồ Chí Minh", "Hồ Chí Minh"],
    ["Thành phố Hồ Chí Minh", "Hồ Chí Minh"],
    ["TP Ho Chi Minh", "Hồ Chí Minh"],
    ["Ba Ria Vung Tau", "Bà Rịa - Vũng Tàu"],
    ["Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"],
    ["Thừa Thiên - Huế", "Thừa Thiên Huế"],
    ["Hoà Bình", "Hòa Bình"],
    ["Khánh Hoà", "Khánh Hòa"],
    ["dak lak", "Đắk Lắk"],
  ])("matches %j forgivingly", (typed, name) => {
    const found = registry("vn-63").lookup(typed);
    expect(found.ok && found.record.name).toBe(name);
  });

  it("suggests the closest real names for an unknown one", () => {
    const found = registry("vn-63").lookup("Ha Nan");
    expect(found).toMatchObject({ ok: false, reason: "unknown" });
    expect(found.ok === false && found.reason === "unknown" && found.suggestions[0]).toBe("Hà Nam");
  });

  it("suggests after NFKC: a full-width name is told the province it spells, not the names nearest its empty key", () => {
    const found = registry("vn-63").lookup("Ｂắｃ Ｇｉａｎｇ");
    expect(found).toMatchObject({ ok: false, reason: "unknown", suggestions: ["Bắc Giang"] });
    expect(registry("vn-34").lookup("ＨＡ ＮＯＩ")).toMatchObject({ ok: false, reason: "unknown", suggestions: ["Hà Nội"] });
  });

  it("keys ignore prefixes, case and diacritics", () => {
    expect(nameKey("TP. Đà Nẵng")).toBe(nameKey("da nang"));
  });
});

describe("vn-34", () => {
  it("has 34 units that absorb the 63 old ones exactly once", () => {
    expect(VN34).toHaveLength(34);
    const absorbed = VN34.flatMap((p) => p.absorbed ?? []);
    expect(absorbed).toHaveLength(63);
    expect(new Set(absorbed)).toEqual(new Set(VN63.map((p) => p.name)));
    expect(VN34.filter((p) => p.absorbed!.length === 1)).toHaveLength(11);
  });

  it("names the unit an old province now belongs to", () => {
    expect(registry("vn-34").lookup("Hà Nam")).toMatchObject({ ok: false, reason: "merged", into: { name: "Ninh Bình" } });
    expect(registry("vn-34").lookup("Ba Ria Vung Tau")).toMatchObject({ ok: false, reason: "merged", into: { name: "Hồ Chí Minh" } });
    expect(registry("vn-34").lookup("Ninh Bình")).toMatchObject({ ok: true, record: { code: "37" } });
  });
});

describe("distances", () => {
  it("are great-circle kilometres between capitals", () => {
    const r = registry("vn-63");
    const hn = r.byCode("01")!;
    const hcm = r.byCode("79")!;
    expect(distanceKm(hn, hcm)).toBeGreaterThan(1100);
    expect(distanceKm(hn, hcm)).toBeLessThan(1200);
    expect(distanceKm(hn, hn)).toBe(0);
  });
});
