import { describe, expect, it } from "vitest";
import { Calendar } from "../../src/model/calendar.ts";

const calendar = new Calendar({
  period: { from: "2022-09-01", to: "2022-09-30" },
  timeZone: "Asia/Ho_Chi_Minh",
  halfDays: { morning: { start: "08:00", end: "11:30" }, afternoon: { start: "13:30", end: "17:00" } },
  workingDays: ["mon", "tue", "wed", "thu", "fri"],
  holidays: ["2022-09-01", "2022-09-02"],
});

describe("calendar", () => {
  it("has two half-days on each of September 2022's 20 working days", () => {
    expect(calendar.slots).toHaveLength(40);
    expect(calendar.slots[0]!.key).toBe("2022-09-05/morning");
    expect(calendar.slots.at(-1)!.key).toBe("2022-09-30/afternoon");
  });

  it("skips weekends and holidays", () => {
    expect(calendar.isWorkingDay("2022-09-02")).toBe(false); // National Day
    expect(calendar.isWorkingDay("2022-09-11")).toBe(false); // Sunday
    expect(calendar.isWorkingDay("2022-09-12")).toBe(true);
    expect(calendar.slot("2022-09-10", "morning")).toBeUndefined();
  });

  it("puts 08:00 in Hà Nội at 01:00Z, with the +07:00 offset", () => {
    const slot = calendar.slot("2022-09-13", "morning")!;
    expect(slot.start.toISO()).toBe("2022-09-13T08:00:00.000+07:00");
    expect(slot.start.toUTC().toISO()).toBe("2022-09-13T01:00:00.000Z");
    expect(calendar.slot("2022-09-13", "afternoon")!.end.toUTC().toISO()).toBe("2022-09-13T10:00:00.000Z");
  });

  it("numbers slots and days consecutively", () => {
    const monday = calendar.slot("2022-09-12", "morning")!;
    const friday = calendar.slot("2022-09-09", "afternoon")!;
    expect(monday.ordinal).toBe(friday.ordinal + 1);
    expect(monday.dayOrdinal).toBe(friday.dayOrdinal + 1);
    expect(calendar.slotsBetween("2022-09-11", "2022-09-13").map((s) => s.key)).toEqual([
      "2022-09-12/morning",
      "2022-09-12/afternoon",
      "2022-09-13/morning",
      "2022-09-13/afternoon",
    ]);
  });
});
