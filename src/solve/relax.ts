/**
 * The smallest change of each kind that lets every province be placed — proven by solving again
 * with the change applied, never guessed by counting: a wider window, more trainers of a role in a
 * cluster, a higher nationwide cap, a trainer free on a day, a province in another cluster. A
 * suggestion is only made when the re-solve places everyone.
 */
import { DateTime } from "luxon";
import { datesBetween, officialDate } from "../model/calendar.ts";
import type { DateSelector, PlanData } from "../model/schema.ts";
import { resolvePlan, type Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import { independentParts } from "./build.ts";
import { FrozenConflictError } from "./errors.ts";

export type Relaxation =
  | { readonly kind: "widen-window"; readonly cluster: string; readonly days: number; readonly window: { readonly from: string; readonly to: string }; readonly message: string }
  | { readonly kind: "more-trainers"; readonly cluster: string; readonly role: string; readonly count: number; readonly message: string }
  | { readonly kind: "raise-cap"; readonly cap: number; readonly message: string }
  | { readonly kind: "free-trainer"; readonly trainer: string; readonly date: string; readonly message: string }
  | { readonly kind: "move-province"; readonly province: string; /** As the plan file writes it in its cluster. */ readonly written: string; readonly from: string; readonly to: string; readonly message: string };

export interface RelaxOptions {
  /** Solves a changed plan; the prover asks only whether everyone is placed. */
  readonly solve: (plan: Plan) => Promise<Schedule>;
  /** Wall-clock budget for all the re-solves together. */
  readonly budgetSeconds?: number;
  /** Stop searching (the planner pressed Stop): what was found is kept, and the result says it is incomplete. */
  readonly signal?: AbortSignal;
}

type Candidate = { readonly data: PlanData; readonly relaxation: Relaxation };
const candidate = (data: PlanData, relaxation: Relaxation): Candidate => ({ data: applyFix(data, relaxation), relaxation });

function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate()!;
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

/**
 * The plan cut down to some clusters, with the trainers and province settings that concern them:
 * independent parts share no trainer, so a part solved alone places what it places in the whole.
 */
export function restrictToClusters(data: PlanData, names: ReadonlySet<string>): PlanData {
  const clusters = data.clusters.filter((c) => names.has(c.name));
  const kept = new Set(clusters.flatMap((c) => c.provinces.map((p) => p.normalize("NFC"))));
  const trainers = data.trainers
    .map((t) => (t.clusters === "all" ? t : { ...t, clusters: t.clusters.filter((c) => names.has(c.normalize("NFC"))) }))
    .filter((t) => t.clusters === "all" || t.clusters.length > 0);
  const provinces = Object.fromEntries(Object.entries(data.provinces).filter(([name]) => kept.has(name.normalize("NFC"))));
  return { ...data, clusters, trainers, provinces };
}

/** The trainers a "more trainers" fix adds: role labels, as the sample roster's, for the planner to rename. */
function addedTrainers(fix: Extract<Relaxation, { kind: "more-trainers" }>): PlanData["trainers"] {
  return Array.from({ length: fix.count }, (_, i) => ({ id: `Bổ sung-${fix.role}-${i + 1}`, organisation: "(bổ sung)", roles: [fix.role], clusters: [fix.cluster], maxSessionsPerDay: 2, national: false, unavailable: [] }));
}

/**
 * A fix applied to a plan's data: the one transformation by which the search proves it and by which
 * the workspace writes it into the plan file, so "proven" is said of what the planner gets.
 */
export function applyFix(data: PlanData, fix: Relaxation): PlanData {
  switch (fix.kind) {
    case "raise-cap":
      return { ...data, campaign: { ...data.campaign, maxConcurrentSessions: fix.cap } };
    case "widen-window":
      return { ...data, clusters: data.clusters.map((c) => (c.name === fix.cluster ? { ...c, window: fix.window } : c)) };
    case "more-trainers":
      return { ...data, trainers: [...data.trainers, ...addedTrainers(fix)] };
    case "free-trainer":
      return { ...data, trainers: data.trainers.map((t) => (t.id === fix.trainer ? { ...t, unavailable: withoutDate(t.unavailable, fix.date) } : t)) };
    case "move-province": {
      const entry = data.clusters.find((c) => c.name === fix.from)?.provinces.find((p) => p === fix.written);
      if (entry === undefined) return data;
      return { ...data, clusters: data.clusters.map((c) => (c.name === fix.from ? { ...c, provinces: c.provinces.filter((p) => p !== entry) } : c.name === fix.to ? { ...c, provinces: [...c.provinces, entry] } : c)) };
    }
  }
}

export interface RelaxResult {
  readonly relaxations: Relaxation[];
  /** False when the time budget ran out before every kind was tried. */
  readonly complete: boolean;
}

export async function proveRelaxations(plan: Plan, schedule: Schedule, options: RelaxOptions): Promise<RelaxResult> {
  if (schedule.unplaced.length === 0) return { relaxations: [], complete: true };
  const budgetEnd = Date.now() + (options.budgetSeconds ?? 45) * 1000;
  // Past the budget, or stopped: a deadline already gone.
  const deadlineOf = () => (options.signal?.aborted ? 0 : budgetEnd);
  // Only the independent parts with a province left out are solved again.
  const affected = new Set(independentParts(plan).filter((part) => part.some((c) => schedule.unplaced.some((u) => u.cluster === c.name))).flatMap((part) => part.map((c) => c.name)));
  const data = affected.size < plan.clusters.length ? restrictToClusters(plan.data, affected) : plan.data;
  const clusters = [...new Set(schedule.unplaced.map((u) => u.cluster))];
  const placesEveryone = async (changed: PlanData): Promise<boolean> => {
    const resolved = resolvePlan(changed);
    if (!resolved.ok) return false;
    try {
      return (await options.solve(resolved.value)).status === "complete";
    } catch (e) {
      // A candidate that would rewrite a session already held is no fix.
      if (e instanceof FrozenConflictError) return false;
      throw e;
    }
  };
  /** The first candidate, in order of size, whose re-solve places everyone. */
  const smallest = async (candidates: Iterable<Candidate>): Promise<Relaxation | undefined> => {
    for (const candidate of candidates) {
      if (Date.now() > deadlineOf()) return undefined;
      if (await placesEveryone(candidate.data)) return candidate.relaxation;
    }
    return undefined;
  };
  /**
   * The same for candidates that only grow (a later window end, a higher cap, more trainers): what
   * one places, every larger one places too, so a binary search finds the smallest in a few solves.
   */
  const smallestGrowing = async (candidates: readonly Candidate[]): Promise<Relaxation | undefined> => {
    if (!candidates.length || Date.now() > deadlineOf() || !(await placesEveryone(candidates.at(-1)!.data))) return undefined;
    let [low, high] = [0, candidates.length - 1];
    while (low < high && Date.now() < deadlineOf()) {
      const middle = Math.floor((low + high) / 2);
      if (await placesEveryone(candidates[middle]!.data)) high = middle;
      else low = middle + 1;
    }
    return low === high ? candidates[high]!.relaxation : undefined;
  };
  const found: Relaxation[] = [];
  const keep = (r: Relaxation | undefined) => {
    if (r) found.push(r);
  };

  // A higher nationwide cap.
  const cap = data.campaign.maxConcurrentSessions;
  if (cap !== undefined) {
    const raised = Array.from({ length: plan.provinces.length - cap }, (_, i) => candidate(data, { kind: "raise-cap", cap: cap + i + 1, message: `allow ${cap + i + 1} sessions at the same half-day nationwide instead of ${cap}` }));
    keep(await smallestGrowing(raised));
  }

  for (const name of clusters) {
    const index = data.clusters.findIndex((c) => c.name === name);
    const cluster = plan.clusters.find((c) => c.name === name)!;
    const period = data.campaign.period;
    // A later end of the window, day by day within the campaign period.
    const from = cluster.window.from;
    const later = [...datesBetween(plusDays(cluster.window.to, 1), period.to)].map((to, k) =>
      candidate(data, { kind: "widen-window", cluster: data.clusters[index]!.name, days: k + 1, window: { from, to }, message: `widen ${name}'s window to ${officialDate(from)}–${officialDate(to)} (${k + 1} day${k ? "s" : ""} later)` }),
    );
    keep(await smallestGrowing(later));
    // More trainers of one role for the cluster, free every day.
    for (const role of plan.needs.keys()) {
      const more = [1, 2, 3].map((count) => candidate(data, { kind: "more-trainers", cluster: name, role, count, message: `${count} more ${role} trainer${count > 1 ? "s" : ""} for ${name}, free on every day of its window` }));
      keep(await smallestGrowing(more));
    }
    // One trainer of the cluster free on one more day of its window: a day gives a trainer at most
    // their daily maximum of sessions, so it cannot place more provinces than that.
    const missing = schedule.unplaced.filter((u) => u.cluster === name).length;
    if (missing <= 2) keep(
      await smallest(
        (function* () {
          for (const trainer of data.trainers) {
            const resolved = plan.trainers.find((x) => x.id === trainer.id.normalize("NFC"));
            if (!resolved?.clusters.has(name) || resolved.maxSessionsPerDay < missing) continue;
            for (const date of datesBetween(cluster.window.from, cluster.window.to)) {
              if (!plan.calendar.isWorkingDay(date)) continue;
              const busy = trainer.unavailable.some((s) => (typeof s === "string" ? s === date : "date" in s ? s.date === date : s.from <= date && date <= s.to));
              if (!busy) continue;
              yield candidate(data, { kind: "free-trainer", trainer: trainer.id, date, message: `${trainer.id} free on ${officialDate(date)}` });
            }
          }
        })(),
      ),
    );
  }

  // An unplaced province in another cluster (any cluster of the plan: the whole plan is solved).
  // Moving one province places at most that one: only worth trying when it is the only one left out.
  const whole = plan.data;
  for (const unplaced of schedule.unplaced.length === 1 ? schedule.unplaced : []) {
    const home = whole.clusters.findIndex((c) => c.name === unplaced.cluster);
    const code = plan.provinces.find((p) => p.name === unplaced.province)?.record.code;
    const entry = whole.clusters[home]!.provinces.find((p) => {
      const found = plan.registry.lookup(p);
      return found.ok && found.record.code === code;
    });
    if (!entry || whole.clusters[home]!.provinces.length < 2) continue;
    keep(
      await smallest(
        (function* () {
          for (const [i, other] of whole.clusters.entries()) {
            if (i === home) continue;
            yield candidate(whole, { kind: "move-province", province: unplaced.province, written: entry, from: whole.clusters[home]!.name, to: other.name, message: `move ${unplaced.province} from ${unplaced.cluster} to ${other.name}` });
          }
        })(),
      ),
    );
  }
  return { relaxations: found, complete: Date.now() <= deadlineOf() };
}
