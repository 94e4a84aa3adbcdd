/**
 * Builds the optimisation model of one part of a plan: variables only where a session (or a
 * trainer at a session) is possible, then each constraint's rows and each goal's costs.
 */
import type { Slot } from "../model/calendar.ts";
import type { Cluster, Plan, Province, Trainer } from "../model/plan.ts";
import { HARD_CONSTRAINTS, SOFT_GOALS } from "./constraints/index.ts";
import type { EncodeContext, PreviousSchedule, SoftGoal, StaffVariable } from "./constraints/types.ts";
import { bindingGaps } from "./constraints/travel-time.ts";
import { LinearModel } from "./linear-model.ts";

/** The slots where a province's session may be, by every hard rule's domain. */
export function candidateSlots(plan: Plan, province: Province): Slot[] {
  const cluster = plan.index.clusterOf(province);
  return cluster.slots.filter((slot) => HARD_CONSTRAINTS.every((rule) => rule.allowsSlot?.(plan, province, slot) ?? true));
}

/** Trainers who may fill `role` at a province's session in a slot, by every hard rule's domain. */
export function eligibleTrainers(plan: Plan, province: Province, slot: Slot, role: string) {
  // The cluster's pool for the role (trainer-allowed's domain), in the plan's order, then every rule's.
  return plan.index.pool(role, province.cluster).filter((trainer) => HARD_CONSTRAINTS.every((rule) => rule.allowsTrainer?.(plan, trainer, province, slot) ?? true));
}

/**
 * Independent parts: clusters linked by a trainer who may serve both, or all of them when a
 * nationwide cap ties every half-day together. Each part is solved alone.
 */
export function independentParts(plan: Plan): Cluster[][] {
  const parent = new Map(plan.clusters.map((c) => [c.name, c.name]));
  const find = (name: string): string => (parent.get(name) === name ? name : find(parent.get(name)!));
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const { maxConcurrentSessions, maxDailySessions } = plan.data.campaign;
  if (maxConcurrentSessions !== undefined || maxDailySessions !== undefined) for (const c of plan.clusters) union(c.name, plan.clusters[0]!.name);
  for (const trainer of plan.trainers) {
    const served = plan.clusters.filter((c) => trainer.clusters.has(c.name));
    for (const c of served.slice(1)) union(c.name, served[0]!.name);
  }
  const parts = new Map<string, Cluster[]>();
  for (const cluster of plan.clusters) parts.set(find(cluster.name), [...(parts.get(find(cluster.name)) ?? []), cluster]);
  return [...parts.values()];
}

/**
 * Provinces a trainer cannot tell apart: same cluster (so the same eligible trainers and costs),
 * and the same travel conflicts with every other province. Two kinds qualify, and share one
 * trainer variable per half-day:
 * - a compact cluster: every trip inside it fits in the shortest gap between sessions, and every
 *   other province of the part is either that close to all of it or too far from all of it;
 * - a cluster's isolated provinces: every trip from them conflicts with any session close in time.
 * Every other province is a group of its own. Grouping loses nothing: the grouped model has the
 * detailed model's optimum, and `decode` assigns a group's trainers to its provinces by matching.
 */
export function staffGroups(plan: Plan, provinces: readonly Province[]): Map<Province, { key: string; members: readonly Province[] }> {
  const { shortest, longest } = bindingGaps(plan);
  const hours = (a: Province, b: Province) => plan.travel.hours(a.record, b.record);
  const groups = new Map<Province, { key: string; members: readonly Province[] }>();
  for (const cluster of new Set(provinces.map((p) => p.cluster))) {
    const members = provinces.filter((p) => p.cluster === cluster);
    const others = provinces.filter((p) => p.cluster !== cluster);
    const compact =
      members.every((a) => members.every((b) => hours(a, b) <= shortest)) &&
      others.every((q) => members.every((p) => hours(p, q) <= shortest) || members.every((p) => hours(p, q) > longest));
    const isolated = members.filter((p) => provinces.every((q) => q === p || hours(p, q) > longest));
    for (const p of members) {
      if (compact) groups.set(p, { key: `${cluster}#`, members });
      else if (isolated.includes(p)) groups.set(p, { key: `${cluster}*`, members: isolated });
      else groups.set(p, { key: p.record.code, members: [p] });
    }
  }
  return groups;
}

export type BuiltModel = EncodeContext;

export interface BuildOptions {
  /**
   * "grouped": provinces a trainer cannot tell apart share trainer variables (see `staffGroups`).
   * "province": a trainer variable per province and half-day (re-planning uses it: whether a
   * trainer is a change depends on the province).
   */
  readonly granularity: "province" | "grouped";
  /** Re-planning: the schedule being changed. */
  readonly previous?: PreviousSchedule;
  /** Epoch ms: past it, building stops with `BuildOutOfTime`. */
  readonly deadline?: number;
}

export function buildModel(plan: Plan, clusters: readonly Cluster[], options: BuildOptions): BuiltModel {
  const { granularity, previous } = options;
  if (previous && granularity !== "province") throw new Error("re-planning needs a variable per province: whether a trainer is a change depends on it");
  const model = new LinearModel(options.deadline);
  const provinces = clusters.flatMap((c) => c.provinces);
  const provinceIndex = new Map(plan.provinces.map((p, i) => [p.record.code, i]));
  const trainerIndex = new Map(plan.trainers.map((t, i) => [t.id, i]));
  const groups = granularity === "grouped" ? staffGroups(plan, provinces) : new Map<Province, { key: string; members: readonly Province[] }>();
  const groupOf = (province: Province) => groups.get(province)?.key ?? province.record.code;
  const weighted = SOFT_GOALS.filter((goal) => (goal.tier ?? 0) === 0).map((goal) => ({ goal, weight: goal.weight(plan) })).filter((g) => g.weight !== 0);
  const slotCost = (province: Province, slot: Slot) => weighted.reduce((sum, { goal, weight }) => sum + weight * (goal.slotCost?.(plan, province, slot) ?? 0), 0);
  const staffCost = (trainer: Trainer, cluster: string) => weighted.reduce((sum, { goal, weight }) => sum + weight * (goal.staffCost?.(plan, trainer, cluster) ?? 0), 0);

  const sessionVariables = new Map<string, Map<string, string>>();
  const unplacedVariables = new Map<string, string>();
  const staffVariables: StaffVariable[] = [];
  const staffByTrainerSlot = new Map<string, Map<string, StaffVariable[]>>();
  const staffByName = new Map<string, StaffVariable>();
  let worstCase = 0;

  for (const province of provinces) {
    const p = provinceIndex.get(province.record.code)!;
    const slots = new Map<string, string>();
    let worstSlot = 0;
    for (const slot of candidateSlots(plan, province)) {
      const staff = [...plan.needs].map(([role, count]) => ({ role, count, trainers: eligibleTrainers(plan, province, slot, role) }));
      // A session needs its roles filled by distinct trainers: skip slots where that cannot be.
      if (staff.some(({ count, trainers }) => trainers.length < count)) continue;
      const cost = slotCost(province, slot);
      slots.set(slot.key, model.addVariable(`x${p}_${slot.ordinal}`, cost, true, { branchFirst: true }));
      worstSlot = Math.max(worstSlot, cost);
      for (const { role, trainers } of staff) {
        for (const trainer of trainers) {
          const name = `y${trainerIndex.get(trainer.id)}_${role}_${groupOf(province)}_${slot.ordinal}`;
          if (staffByName.has(name)) continue; // a group's variable, made by its first province
          const variable: StaffVariable = {
            name: model.addVariable(name, staffCost(trainer, province.cluster)),
            trainer,
            role,
            group: groupOf(province),
            provinces: groups.get(province)?.members ?? [province],
            slot,
          };
          staffByName.set(name, variable);
          staffVariables.push(variable);
          const bySlot = staffByTrainerSlot.get(trainer.id) ?? new Map<string, StaffVariable[]>();
          bySlot.set(slot.key, [...(bySlot.get(slot.key) ?? []), variable]);
          staffByTrainerSlot.set(trainer.id, bySlot);
        }
      }
    }
    sessionVariables.set(province.record.code, slots);
    const worstStaff = [...plan.needs].reduce((sum, [, count]) => sum + count * Math.max(0, ...plan.trainers.map((t) => staffCost(t, province.cluster))), 0);
    // A placed session can cost at most one excess unit of load per trainer and of pacing per day and per week.
    worstCase += worstSlot + worstStaff + plan.data.weights.load * [...plan.needs.values()].reduce((a, b) => a + b, 0) + 2 * plan.data.weights.pacing;
  }
  // Goals of tier 0 cost at most `goalsBound` together; a unit of each higher tier costs more than
  // everything below it, and leaving a province unplaced more than all the goals (lexicographic).
  // Tiered goals (re-planning's) only count with a previous schedule.
  let unit = Math.ceil(worstCase) + 1;
  const tiered = previous ? SOFT_GOALS.filter((g) => (g.tier ?? 0) > 0) : [];
  const tierWeights = new Map<SoftGoal, number>();
  for (const tier of [...new Set(tiered.map((g) => g.tier!))].sort((a, b) => a - b)) {
    const goals = tiered.filter((g) => g.tier === tier);
    for (const goal of goals) tierWeights.set(goal, unit);
    unit *= goals.reduce((sum, g) => sum + (g.maxPenalty?.(plan, provinces) ?? 0), 0) + 1;
  }
  const unplacedCost = previous ? unit : unit + 1000;
  for (const province of provinces) unplacedVariables.set(province.record.code, model.addVariable(`u${provinceIndex.get(province.record.code)}`, unplacedCost));

  const context: BuiltModel = { plan, model, granularity, provinces, groupOf, sessionVariables, unplacedVariables, staffVariables, staffByTrainerSlot, ...(previous ? { previous } : {}) };
  for (const rule of HARD_CONSTRAINTS) rule.encode?.(context);
  for (const { goal, weight } of weighted) goal.encode?.(context, weight);
  for (const [goal, weight] of tierWeights) goal.encode?.(context, weight);
  return context;
}
