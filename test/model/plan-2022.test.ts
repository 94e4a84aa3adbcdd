import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPlanText } from "../../src/model/load.ts";
import { planSchemaText } from "../../src/model/schema.ts";

const file = "plans/2022-09-tcnscd.yaml";
const { plan, warnings } = loadPlanText(readFileSync(file, "utf8"), file);

// The letter's table, transcribed from ../shared/seed (Kế hoạch kèm theo Công văn /BTTTT-CĐSQG).
const LETTER: [string, string | null, string][] = [
  ["Cụm 1", "2022-09-12..2022-09-30", "Bắc Giang, Bắc Ninh, Hải Dương, Hà Nội, Hà Nam, Hải Phòng, Hòa Bình, Hưng Yên, Nam Định, Ninh Bình, Quảng Ninh, Thái Bình"],
  ["Cụm 2", "2022-09-13..2022-09-23", "Thái Nguyên, Lạng Sơn, Bắc Kạn, Cao Bằng"],
  ["Cụm 3", "2022-09-13..2022-09-23", "Vĩnh Phúc, Phú Thọ, Yên Bái, Tuyên Quang, Hà Giang"],
  ["Cụm 4", "2022-09-13..2022-09-23", "Điện Biên, Lào Cai, Sơn La, Lai Châu"],
  ["Cụm 5", "2022-09-12..2022-09-30", "Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị, Thừa Thiên Huế, Đà Nẵng"],
  ["Cụm 6", null, "Quảng Nam, Quảng Ngãi, Ninh Thuận, Phú Yên, Bình Định, Khánh Hòa"],
  ["Cụm 7", "2022-09-13..2022-09-23", "Lâm Đồng, Gia Lai, Đắk Lắk, Đắk Nông, Kon Tum"],
  ["Cụm 8", null, "TP. Hồ Chí Minh, Đồng Nai, Bình Dương, Bình Phước, Tây Ninh, Bình Thuận, Bà Rịa - Vũng Tàu"],
  ["Cụm 9", "2022-09-11..2022-09-30", "Bến Tre, Trà Vinh, Đồng Tháp, Long An, Tiền Giang, Vĩnh Long"],
  ["Cụm 10", null, "Cà Mau, Cần Thơ, An Giang, Hậu Giang, Sóc Trăng, Kiên Giang, Bạc Liêu"],
];

describe("the 2022 plan", () => {
  it("is the letter's plan: ten clusters, their provinces in order and spelling, their windows", () => {
    expect(plan.clusters.map((c) => [c.name, c.windowGiven ? `${c.window.from}..${c.window.to}` : null, c.provinces.map((p) => p.name).join(", ")])).toEqual(LETTER);
    expect(plan.clusters.map((c) => c.provinces.length)).toEqual([12, 4, 5, 4, 7, 6, 5, 7, 6, 7]);
    expect(plan.provinces).toHaveLength(63);
    expect(new Set(plan.provinces.map((p) => p.record.code)).size).toBe(63);
  });

  it("keeps names in NFC, as the letter writes them", () => {
    for (const p of plan.provinces) expect(p.name).toBe(p.name.normalize("NFC"));
  });

  it("has National Day off and warns about the three clusters without dates and Cụm 9's Sunday start", () => {
    expect(plan.calendar.isWorkingDay("2022-09-01")).toBe(false);
    expect(plan.calendar.isWorkingDay("2022-09-02")).toBe(false);
    expect(warnings.map((w) => w.message)).toEqual([
      "Cụm 6 has no date window: the campaign period 2022-09-01..2022-09-30 applies",
      "Cụm 8 has no date window: the campaign period 2022-09-01..2022-09-30 applies",
      "Cụm 9's window starts on 2022-09-11, a Sunday: no session is placed that day",
      "Cụm 10 has no date window: the campaign period 2022-09-01..2022-09-30 applies",
    ]);
  });

  it("labels its trainers by role, not by name", () => {
    for (const t of plan.trainers) expect(t.id).toMatch(/^(CĐSQG|Đoàn|Doanh nghiệp)-\d+$/);
  });
});

describe("plan.schema.json", () => {
  it("is in sync with the zod schemas (run `npm run schema` after changing them)", () => {
    expect(readFileSync("plan.schema.json", "utf8")).toBe(planSchemaText());
  });

  it("is referenced by the shipped plans", () => {
    expect(readFileSync(file, "utf8")).toContain("$schema=../plan.schema.json");
  });
});
