/** A plan file's date selectors as ranges a planner fills in (a table row, a form's row), and back. */
import type { DateSelector, HalfDayName } from "../model/schema.ts";

export interface DateRange {
  readonly from: string;
  readonly to: string;
  readonly halfDay?: HalfDayName;
}

export function rangeOf(selector: DateSelector): DateRange {
  if (typeof selector === "string") return { from: selector, to: selector };
  if ("date" in selector) return { from: selector.date, to: selector.date, ...(selector.halfDay ? { halfDay: selector.halfDay } : {}) };
  return { from: selector.from, to: selector.to, ...(selector.halfDay ? { halfDay: selector.halfDay } : {}) };
}

/** The plan file's shortest form of a range: a bare date for a whole day, as planners write one. */
export function selectorOf(range: DateRange): DateSelector {
  if (range.from !== range.to) return { from: range.from, to: range.to, ...(range.halfDay ? { halfDay: range.halfDay } : {}) };
  return range.halfDay ? { date: range.from, halfDay: range.halfDay } : range.from;
}
