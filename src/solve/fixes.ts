/**
 * Fixes as data: each says what to change in the plan file (`kind` and the fields that apply it),
 * with the English sentence of the search that proved it. `applyFix` is the one transformation by
 * which the search proves a fix and by which the workspace writes it into the plan file, so
 * "proven" is said of what the planner gets. Which fixes a rule offers is the rule's own business
 * (`HardConstraint.fixes`); this module knows only how each kind changes a plan.
 */
import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import type { DateSelector, PlanData } from "../model/schema.ts";

export type Relaxation =
  /** A cluster's window ending later (`direction: "later"`) or starting earlier. */
  | { readonly kind: "widen-window"; readonly cluster: string; readonly days: number; readonly direction: "later" | "earlier"; readonly window: { readonly from: string; readonly to: string }; readonly message: string }
  | { readonly kind: "more-trainers"; readonly cluster: string; readonly role: string; readonly count: number; readonly message: string }
  /** `campaign.maxConcurrentSessions`. */
  | { readonly kind: "raise-cap"; readonly cap: number; readonly message: string }
  /** `campaign.maxDailySessions`. */
  | { readonly kind: "raise-daily-cap"; readonly cap: number; readonly message: string }
  /** `campaign.noticeDays`. */
  | { readonly kind: "shorter-notice"; readonly noticeDays: number; readonly message: string }
  /** A day taken out of a trainer's `unavailable`. */
  | { readonly kind: "free-trainer"; readonly trainer: string; readonly date: string; readonly message: string }
  /** A trainer's `maxSessionsPerWeek`. */
  | { readonly kind: "raise-weekly-max"; readonly trainer: string; readonly max: number; readonly message: string }
  /** A day added to a trainer's `onlyAvailable`. */
  | { readonly kind: "trainer-also-available"; readonly trainer: string; readonly date: string; readonly message: string }
  | { readonly kind: "move-province"; readonly province: string; /** As the plan file writes it in its cluster. */ readonly written: string; readonly from: string; readonly to: string; readonly message: string }
  /** Several fixes at once, none enough alone: one per independent part of the plan. */
  | { readonly kind: "together"; readonly changes: readonly Relaxation[]; readonly message: string };

/** What a rule is shown when provinces are left out: the plan, the part of it to fix, and who is missing. */
export interface FixContext {
  readonly plan: Plan;
  /** The plan's data cut down to the independent part being fixed (the whole plan's when it is one part). */
  readonly data: PlanData;
  /** The whole plan's data, for fixes that reach outside the part (a province into another cluster). */
  readonly whole: PlanData;
  readonly unplaced: Schedule["unplaced"];
}

/** A kind of fix as data, with what it is about: a cluster, a role, a province. */
export interface FixKindTried {
  readonly kind: Exclude<Relaxation["kind"], "together">;
  readonly direction?: "later" | "earlier";
  readonly cluster?: string;
  readonly role?: string;
  readonly province?: string;
  readonly trainer?: string;
}

/**
 * One kind of fix a rule offers: its candidates in order of size, each a whole fix. `growing`:
 * every candidate keeps what the one before it allows and more, so what one places the larger ones
 * place too, and a binary search finds the smallest in a few solves.
 */
export interface FixSearch {
  /** What it tries, said (src/words/fixes.ts) when the search runs out of time before it. */
  readonly tries: FixKindTried;
  readonly growing: boolean;
  readonly candidates: () => Iterable<Relaxation>;
}

/**
 * The clusters a fix changes (by name): a fix that changes a cluster outside the part being fixed
 * (a province into another cluster) is proven on that cluster's part too. Campaign-wide fixes
 * change none by name: a campaign cap makes the whole plan one part.
 */
export function clustersChanged(fix: Relaxation): string[] {
  switch (fix.kind) {
    case "widen-window":
    case "more-trainers":
      return [fix.cluster];
    case "move-province":
      return [fix.from, fix.to];
    case "together":
      return fix.changes.flatMap(clustersChanged);
    default:
      return [];
  }
}

export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate()!;
}

/** Whether a date selector covers a day (any half of it). */
export function coversDate(selector: DateSelector, date: string): boolean {
  return typeof selector === "string" ? selector === date : "date" in selector ? selector.date === date : selector.from <= date && date <= selector.to;
}

/** The selectors without `date`: a range through it is split around it. */
function withoutDate(selectors: readonly DateSelector[], date: string): DateSelector[] {
  return selectors.flatMap((s): DateSelector[] => {
    if (typeof s === "string") return s === date ? [] : [s];
    if ("date" in s) return s.date === date ? [] : [s];
    if (date < s.from || date > s.to) return [s];
    const half = s.halfDay ? { halfDay: s.halfDay } : {};
    return [...(s.from < date ? [{ from: s.from, to: plusDays(date, -1), ...half }] : []), ...(date < s.to ? [{ from: plusDays(date, 1), to: s.to, ...half }] : [])];
  });
}

/** The trainers a "more trainers" fix adds: role labels, as the sample roster's, for the planner to rename. */
function addedTrainers(fix: Extract<Relaxation, { kind: "more-trainers" }>): PlanData["trainers"] {
  return Array.from({ length: fix.count }, (_, i) => ({ id: `Bổ sung-${fix.role}-${i + 1}`, organisation: "(bổ sung)", roles: [fix.role], clusters: [fix.cluster], maxSessionsPerDay: 2, national: false, unavailable: [] }));
}

const sameTrainer = (id: string, fix: { trainer: string }) => id.normalize("NFC") === fix.trainer.normalize("NFC");

export function applyFix(data: PlanData, fix: Relaxation): PlanData {
  switch (fix.kind) {
    case "raise-cap":
      return { ...data, campaign: { ...data.campaign, maxConcurrentSessions: fix.cap } };
    case "raise-daily-cap":
      return { ...data, campaign: { ...data.campaign, maxDailySessions: fix.cap } };
    case "shorter-notice":
      return { ...data, campaign: { ...data.campaign, noticeDays: fix.noticeDays } };
    case "widen-window":
      return { ...data, clusters: data.clusters.map((c) => (c.name === fix.cluster ? { ...c, window: fix.window } : c)) };
    case "more-trainers":
      return { ...data, trainers: [...data.trainers, ...addedTrainers(fix)] };
    case "free-trainer":
      return { ...data, trainers: data.trainers.map((t) => (sameTrainer(t.id, fix) ? { ...t, unavailable: withoutDate(t.unavailable, fix.date) } : t)) };
    case "trainer-also-available":
      return { ...data, trainers: data.trainers.map((t) => (sameTrainer(t.id, fix) && t.onlyAvailable ? { ...t, onlyAvailable: [...t.onlyAvailable, fix.date] } : t)) };
    case "raise-weekly-max":
      return { ...data, trainers: data.trainers.map((t) => (sameTrainer(t.id, fix) ? { ...t, maxSessionsPerWeek: fix.max } : t)) };
    case "move-province": {
      const entry = data.clusters.find((c) => c.name === fix.from)?.provinces.find((p) => p === fix.written);
      if (entry === undefined) return data;
      return { ...data, clusters: data.clusters.map((c) => (c.name === fix.from ? { ...c, provinces: c.provinces.filter((p) => p !== entry) } : c.name === fix.to ? { ...c, provinces: [...c.provinces, entry] } : c)) };
    }
    case "together":
      return fix.changes.reduce(applyFix, data);
  }
}
