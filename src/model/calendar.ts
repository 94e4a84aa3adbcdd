/**
 * Half-day slots in the campaign's time zone. A slot is one buổi (morning or afternoon) of one
 * working day; its start and end are real instants (luxon), so iCal can emit them in UTC.
 */
import { DateTime } from "luxon";
import type { DateSelector, HalfDayName, Weekday } from "./schema.ts";

export const HALF_DAYS: readonly HalfDayName[] = ["morning", "afternoon"];
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export interface Slot {
  /** "2022-09-12/morning": stable, sortable, used in schedule files and model variable names. */
  readonly key: string;
  readonly date: string;
  readonly halfDay: HalfDayName;
  readonly start: DateTime;
  readonly end: DateTime;
  /** Position among the campaign's slots; consecutive slots differ by one. */
  readonly ordinal: number;
  /** Position of the slot's day among the campaign's working days. */
  readonly dayOrdinal: number;
}

export interface CalendarSettings {
  readonly period: { readonly from: string; readonly to: string };
  readonly timeZone: string;
  readonly halfDays: Readonly<Record<HalfDayName, { readonly start: string; readonly end: string }>>;
  readonly workingDays: readonly Weekday[];
  readonly holidays: readonly string[];
}

/** "13/9/2022": a date as official documents and the letter write it. */
export function officialDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  return `${day}/${month}/${year}`;
}

export function slotKey(date: string, halfDay: HalfDayName): string {
  return `${date}/${halfDay}`;
}

export class Calendar {
  readonly slots: readonly Slot[];
  private readonly byKey: ReadonlyMap<string, Slot>;
  private readonly holidays: ReadonlySet<string>;
  // luxon's zone arithmetic is slow and the model builder asks the same questions thousands of times.
  private readonly weekdays = new Map<string, Weekday>();
  private readonly halfDayTimes = new Map<string, { start: DateTime; end: DateTime }>();

  constructor(readonly settings: CalendarSettings) {
    this.holidays = new Set(settings.holidays);
    const slots: Slot[] = [];
    let dayOrdinal = 0;
    for (const date of datesBetween(settings.period.from, settings.period.to)) {
      if (!this.isWorkingDay(date)) continue;
      for (const halfDay of HALF_DAYS) {
        const { start, end } = this.times(date, halfDay);
        slots.push({ key: slotKey(date, halfDay), date, halfDay, start, end, ordinal: slots.length, dayOrdinal });
      }
      dayOrdinal++;
    }
    this.slots = slots;
    this.byKey = new Map(slots.map((slot) => [slot.key, slot]));
  }

  weekday(date: string): Weekday {
    let weekday = this.weekdays.get(date);
    if (weekday === undefined) {
      weekday = WEEKDAYS[DateTime.fromISO(date, { zone: this.settings.timeZone }).weekday - 1]!;
      this.weekdays.set(date, weekday);
    }
    return weekday;
  }

  /** "Sunday": for messages a planner reads. */
  weekdayName(date: string): string {
    return DateTime.fromISO(date, { zone: this.settings.timeZone }).setLocale("en").toFormat("cccc");
  }

  isHoliday(date: string): boolean {
    return this.holidays.has(date);
  }

  isWorkingDay(date: string): boolean {
    return this.settings.workingDays.includes(this.weekday(date)) && !this.isHoliday(date);
  }

  /** The half-day's start and end instants on a date, whether or not it is a working day. */
  times(date: string, halfDay: HalfDayName): { start: DateTime; end: DateTime } {
    const key = slotKey(date, halfDay);
    let times = this.halfDayTimes.get(key);
    if (!times) {
      const hours = this.settings.halfDays[halfDay];
      const at = (time: string) => DateTime.fromISO(`${date}T${time}`, { zone: this.settings.timeZone });
      times = { start: at(hours.start), end: at(hours.end) };
      this.halfDayTimes.set(key, times);
    }
    return times;
  }

  slot(date: string, halfDay: HalfDayName): Slot | undefined {
    return this.byKey.get(slotKey(date, halfDay));
  }

  /** The slot of a key such as "2022-09-12/morning", if it is one of the campaign's. */
  slotOfKey(key: string): Slot | undefined {
    return this.byKey.get(key);
  }

  /** The `count`-th working day after `date` (0: `date` itself). */
  workingDayAfter(date: string, count: number): string {
    let day = DateTime.fromISO(date, { zone: "UTC" });
    for (let counted = 0; counted < count; ) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day.toISODate()!)) counted++;
    }
    return day.toISODate()!;
  }

  /** Working half-days from `from` to `to`, both included. */
  slotsBetween(from: string, to: string): Slot[] {
    return this.slots.filter((slot) => slot.date >= from && slot.date <= to);
  }
}

export function* datesBetween(from: string, to: string): Generator<string> {
  let day = DateTime.fromISO(from, { zone: "UTC" });
  const last = DateTime.fromISO(to, { zone: "UTC" });
  while (day <= last) {
    yield day.toISODate()!;
    day = day.plus({ days: 1 });
  }
}

/** Whether a date selector from a plan (a date, `{date, halfDay}` or `{from, to, halfDay}`) covers a slot. */
export function selects(selector: DateSelector, date: string, halfDay: HalfDayName): boolean {
  if (typeof selector === "string") return selector === date;
  if ("date" in selector) return selector.date === date && (selector.halfDay === undefined || selector.halfDay === halfDay);
  return selector.from <= date && date <= selector.to && (selector.halfDay === undefined || selector.halfDay === halfDay);
}

export function selectorDates(selector: DateSelector): string[] {
  if (typeof selector === "string") return [selector];
  if ("date" in selector) return [selector.date];
  return [selector.from, selector.to];
}
