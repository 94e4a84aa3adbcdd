/**
 * Builds the optimisation model of one part of a plan: variables only where a session (or a
 * trainer at a session) is possible, then each constraint's rows and each goal's costs.
 */
import type { Slot } from "../model/calendar.ts";
import type { Cluster, Plan, Province, Trainer } from "../model/plan.ts";
import { HARD_CONSTRAINTS, SOFT_GOALS } from "./constraints/index.ts";
import type { EncodeContext, StaffVariable } from "./constraints/types.ts";
import { longestBindingGap } from "./constraints/travel-time.ts";
import { LinearModel } from "./linear-model.ts";

/** The slots where a province's session may be, by every hard rule's domain. */
export function candidateSlots(plan: Plan, province: Province): Slot[] {
  const cluster = plan.clusters.find((c) => c.name === province.cluster)!;
  return cluster.slots.filter((slot) => HARD_CONSTRAINTS.every((rule) => rule.allowsSlot?.(plan, province, slot) ?? true));
}

/** Trainers who may fill `role` at a province's session in a slot, by every hard rule's domain. */
export function eligibleTrainers(plan: Plan, province: Province, slot: Slot, role: string) {
  return plan.trainers.filter((trainer) => trainer.roles.includes(role) && HARD_CONSTRAINTS.every((rule) => rule.allowsTrainer?.(plan, trainer, province, slot) ?? true));
}

/**
 * Independent parts: clusters linked by a trainer who may serve both, or all of them when a
 * nationwide cap ties every half-day together. Each part is solved alone.
 */
export function independentParts(plan: Plan): Cluster[][] {
  const parent = new Map(plan.clusters.map((c) => [c.name, c.name]));
  const find = (name: string): string => (parent.get(name) === name ? name : find(parent.get(name)!));
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  if (plan.data.campaign.maxConcurrentSessions !== undefined) for (const c of plan.clusters) union(c.name, plan.clusters[0]!.name);
  for (const trainer of plan.trainers) {
    const served = plan.clusters.filter((c) => trainer.clusters.has(c.name));
    for (const c of served.slice(1)) union(c.name, served[0]!.name);
  }
  const parts = new Map<string, Cluster[]>();
  for (const cluster of plan.clusters) parts.set(find(cluster.name), [...(parts.get(find(cluster.name)) ?? []), cluster]);
  return [...parts.values()];
}

/** Provinces from which every trip to another province of the part exceeds the longest binding gap. */
function isolatedProvinces(plan: Plan, provinces: readonly Province[]): Set<Province> {
  const gap = longestBindingGap(plan);
  return new Set(provinces.filter((p) => provinces.every((q) => q === p || plan.travel.hours(p.record, q.record) > gap)));
}

export interface BuiltModel extends EncodeContext {
  /** The cost of leaving a province unplaced: more than every goal together can cost. */
  readonly unplacedCost: number;
}

export interface BuildOptions {
  /**
   * "province": the detailed model, a trainer variable per province and slot. "cluster": the
   * aggregate model, where a cluster's isolated provinces (every trip from them to another province
   * is longer than any gap between sessions it could fill) share their trainer variables. For those
   * provinces only the cluster matters to a trainer — same eligibility, same costs, and any other
   * session close in time conflicts — so the aggregate model has the detailed one's optimum with
   * fewer variables.
   */
  readonly granularity: "province" | "cluster";
  /** Restrict each province to these slots (province code → slot keys): how staffing is solved for chosen dates. */
  readonly onlySlots?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Re-planning: the schedule being changed. */
  readonly previous?: PreviousSchedule;
}

/**
 * The schedule a re-plan starts from. Its sessions cost nothing where they stay; a moved session
 * costs more than every re-staffing together, a re-staffing more than every other goal together,
 * so the optimum moves the fewest sessions, then changes the fewest trainers. Frozen sessions
 * (already held) keep their half-day and trainers.
 */
export interface PreviousSchedule {
  readonly sessions: ReadonlyMap<string, { readonly slotKey: string; readonly trainers: ReadonlySet<string> }>;
  readonly frozen: ReadonlySet<string>;
}

/** A held session cannot keep its half-day or trainers under the new plan. */
export class FrozenConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrozenConflictError";
  }
}

export function buildModel(plan: Plan, clusters: readonly Cluster[], options: BuildOptions): BuiltModel {
  const { granularity, onlySlots, previous } = options;
  const model = new LinearModel();
  const provinces = clusters.flatMap((c) => c.provinces);
  const provinceIndex = new Map(plan.provinces.map((p, i) => [p.record.code, i]));
  const trainerIndex = new Map(plan.trainers.map((t, i) => [t.id, i]));
  const isolated = granularity === "cluster" ? isolatedProvinces(plan, provinces) : new Set<Province>();
  const groupOf = (province: Province) => (isolated.has(province) ? `${province.cluster}*` : province.record.code);
  const weighted = SOFT_GOALS.map((goal) => ({ goal, weight: goal.weight(plan) })).filter((g) => g.weight !== 0);
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
    const cluster = clusters.find((c) => c.name === province.cluster)!;
    const before = previous?.sessions.get(province.record.code);
    const allowed = previous?.frozen.has(province.record.code) ? new Set([before!.slotKey]) : onlySlots?.get(province.record.code);
    const slots = new Map<string, string>();
    let worstSlot = 0;
    for (const slot of candidateSlots(plan, province)) {
      if (allowed && !allowed.has(slot.key)) continue;
      const staff = [...plan.needs].map(([role, count]) => ({ role, count, trainers: eligibleTrainers(plan, province, slot, role) }));
      // A session needs its roles filled by distinct trainers: skip slots where that cannot be.
      if (staff.some(({ count, trainers }) => trainers.length < count)) continue;
      slots.set(slot.key, model.addVariable(`x${p}_${slot.ordinal}`, slotCost(province, slot)));
      worstSlot = Math.max(worstSlot, slotCost(province, slot));
      for (const { role, trainers } of staff) {
        for (const trainer of trainers) {
          const name = `y${trainerIndex.get(trainer.id)}_${role}_${groupOf(province)}_${slot.ordinal}`;
          if (staffByName.has(name)) continue; // aggregate: one variable per cluster, made by its first province
          const variable: StaffVariable = {
            name: model.addVariable(name, staffCost(trainer, province.cluster)),
            trainer,
            role,
            group: groupOf(province),
            provinces: isolated.has(province) ? cluster.provinces.filter((p) => isolated.has(p)) : [province],
            cluster: province.cluster,
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
    worstCase += worstSlot + worstStaff + plan.data.weights.load * [...plan.needs.values()].reduce((a, b) => a + b, 0);
  }
  const goalsBound = Math.ceil(worstCase) + 1;
  let unplacedCost = goalsBound + 1000;
  if (previous) {
    const staffPlaces = provinces.length * [...plan.needs.values()].reduce((a, b) => a + b, 0);
    const staffChangeCost = goalsBound;
    const moveCost = staffChangeCost * (staffPlaces + 1);
    unplacedCost = moveCost * (provinces.length + 1);
    for (const province of provinces) {
      const before = previous.sessions.get(province.record.code);
      if (!before) continue;
      for (const [slotKey, x] of sessionVariables.get(province.record.code)!) if (slotKey !== before.slotKey) model.addCost(x, moveCost);
    }
    // In the aggregate model a variable stands for any province of its group: it is a change only if
    // it is one for every one of them, so the aggregate never over-counts (its optimum stays a bound).
    for (const v of staffVariables) {
      const changed = v.provinces.every((p) => {
        const before = previous.sessions.get(p.record.code);
        return before !== undefined && !before.trainers.has(v.trainer.id);
      });
      if (changed) model.addCost(v.name, staffChangeCost);
    }
    for (const code of previous.frozen) {
      const province = provinces.find((p) => p.record.code === code);
      if (!province) continue;
      const before = previous.sessions.get(code)!;
      if (!sessionVariables.get(code)!.has(before.slotKey)) throw new FrozenConflictError(`${province.name}'s session on ${before.slotKey} was already held, but the changed plan no longer allows it then`);
      for (const trainer of before.trainers) {
        const pinned = staffVariables.filter((v) => v.trainer.id === trainer && v.group === groupOf(province) && v.slot.key === before.slotKey);
        if (!pinned.length) throw new FrozenConflictError(`${province.name}'s session on ${before.slotKey} was already held with ${trainer}, but the changed plan no longer allows ${trainer} there then`);
        model.addRow(`pin:${code}|${trainer}`, pinned.map((v) => [v.name, 1] as const), { min: 1 });
      }
    }
  }
  for (const province of provinces) unplacedVariables.set(province.record.code, model.addVariable(`u${provinceIndex.get(province.record.code)}`, unplacedCost));

  const context: BuiltModel = { plan, model, granularity, provinces, groupOf, sessionVariables, unplacedVariables, staffVariables, staffByTrainerSlot, unplacedCost };
  for (const rule of HARD_CONSTRAINTS) rule.encode?.(context);
  for (const { goal } of weighted) goal.encode?.(context);
  return context;
}
