/**
 * The smallest change of each kind that lets every province be placed — proven by solving again
 * with the change applied to the plan's data, never guessed by counting. Which kinds there are is
 * the rules' business (`HardConstraint.fixes`): this module only runs their searches, part by
 * independent part, within a deadline, and says what it did not reach.
 */
import { resolvePlan, type Plan } from "../model/plan.ts";
import { registry as loadRegistry } from "../model/provinces.ts";
import type { PlanData } from "../model/schema.ts";
import type { Schedule } from "../model/schedule.ts";
import { independentParts } from "./build.ts";
import { HARD_CONSTRAINTS } from "./constraints/index.ts";
import { FrozenConflictError } from "./errors.ts";
import { applyFix, clustersChanged, type FixContext, type FixKindTried, type FixSearch, type Relaxation } from "./fixes.ts";


export interface RelaxOptions {
  /** Solves a changed plan within `seconds` (the time left); the prover asks only whether everyone is placed. */
  readonly solve: (plan: Plan, seconds: number | undefined) => Promise<Schedule>;
  /** Wall-clock budget for all the re-solves together (default 45 s), unless `deadline` says when to stop. */
  readonly budgetSeconds?: number;
  /** Epoch ms: the search ends by then (a command's --time-limit bounds it). */
  readonly deadline?: number;
  /** Stop searching (the planner pressed Stop): what was found is kept, and the result says it is incomplete. */
  readonly signal?: AbortSignal;
}

export interface RelaxResult {
  readonly relaxations: Relaxation[];
  /** False when the time ran out (or the search was stopped) before every kind was tried. */
  readonly complete: boolean;
  /** The kinds of fix not tried, or not finished, when the time ran out. */
  readonly notTried: readonly FixKindTried[];
}

/**
 * The plan cut down to some clusters, with the trainers and province settings that concern them:
 * independent parts share no trainer, so a part solved alone places what it places in the whole.
 * Province settings are kept by registry code, under whatever spelling they are written.
 */
export function restrictToClusters(data: PlanData, names: ReadonlySet<string>): PlanData {
  const clusters = data.clusters.filter((c) => names.has(c.name));
  const registry = loadRegistry(data.campaign.registry);
  const codeOf = (name: string) => {
    const found = registry.lookup(name);
    return found.ok ? found.record.code : undefined;
  };
  const kept = new Set(clusters.flatMap((c) => c.provinces.map(codeOf)));
  const trainers = data.trainers
    .map((t) => (t.clusters === "all" ? t : { ...t, clusters: t.clusters.filter((c) => names.has(c.normalize("NFC"))) }))
    .filter((t) => t.clusters === "all" || t.clusters.length > 0);
  const provinces = Object.fromEntries(Object.entries(data.provinces).filter(([name]) => kept.has(codeOf(name))));
  return { ...data, clusters, trainers, provinces };
}

export async function proveRelaxations(plan: Plan, schedule: Schedule, options: RelaxOptions): Promise<RelaxResult> {
  if (schedule.unplaced.length === 0) return { relaxations: [], complete: true, notTried: [] };
  const end = options.deadline ?? Date.now() + (options.budgetSeconds ?? 45) * 1000;
  const timeLeft = () => (options.signal?.aborted ? 0 : end - Date.now());
  const notTried: FixKindTried[] = [];

  const placesEveryone = async (changed: PlanData): Promise<boolean> => {
    const resolved = resolvePlan(changed);
    if (!resolved.ok) return false;
    try {
      return (await options.solve(resolved.value, options.deadline === undefined ? undefined : Math.max(0.1, timeLeft() / 1000))).status === "complete";
    } catch (e) {
      // A candidate that would rewrite a session already held is no fix.
      if (e instanceof FrozenConflictError) return false;
      throw e;
    }
  };
  // Only the independent parts with a province left out are solved again, each alone.
  const allParts = independentParts(plan).map((part) => new Set(part.map((c) => c.name)));
  /**
   * The plan a fix of the part `names` is proven on: that part and the part of every cluster the
   * fix changes outside it (a province into another cluster), the rest of the plan left out (it
   * shares nothing with them). The whole plan's data when that is every part.
   */
  const proofData = (names: ReadonlySet<string>, fix: Relaxation): PlanData => {
    const touched = new Set([...names, ...clustersChanged(fix)]);
    const kept = allParts.filter((part) => [...part].some((c) => touched.has(c)));
    return kept.length === allParts.length ? plan.data : restrictToClusters(plan.data, new Set(kept.flatMap((part) => [...part])));
  };
  /** The smallest candidate of a search whose re-solve places everyone of the part `names` (and of any part the fix reaches), if found in time. */
  const run = async (search: FixSearch, names: ReadonlySet<string>): Promise<Relaxation | undefined> => {
    const candidates = [...search.candidates()];
    const proven = async (fix: Relaxation) => timeLeft() > 0 && (await placesEveryone(applyFix(proofData(names, fix), fix)));
    if (!search.growing) {
      for (const fix of candidates) {
        if (timeLeft() <= 0) return void notTried.push(search.tries);
        if (await proven(fix)) return fix;
      }
      return undefined;
    }
    // What one candidate places every larger one places: the largest first, then a binary search.
    if (!candidates.length) return undefined;
    if (!(await proven(candidates.at(-1)!))) return void (timeLeft() <= 0 && notTried.push(search.tries));
    let [low, high] = [0, candidates.length - 1];
    while (low < high) {
      if (timeLeft() <= 0) return void notTried.push(search.tries);
      const middle = Math.floor((low + high) / 2);
      if (await proven(candidates[middle]!)) high = middle;
      else low = middle + 1;
    }
    return candidates[high];
  };
  /** Every rule's fixes for one part of the plan, each proven on that part (and on the parts it reaches). */
  const fixesOf = async (names: ReadonlySet<string>, unplaced: Schedule["unplaced"]): Promise<Relaxation[]> => {
    const data = names.size === plan.clusters.length ? plan.data : restrictToClusters(plan.data, names);
    const context: FixContext = { plan, data, whole: plan.data, unplaced };
    const found: Relaxation[] = [];
    for (const search of HARD_CONSTRAINTS.flatMap((rule) => rule.fixes?.(context) ?? [])) {
      if (timeLeft() <= 0) {
        notTried.push(search.tries);
        continue;
      }
      const fix = await run(search, names);
      if (fix) found.push(fix);
    }
    return found;
  };

  const parts = allParts.filter((names) => schedule.unplaced.some((u) => names.has(u.cluster)));
  const perPart: Relaxation[][] = [];
  for (const names of parts) perPart.push(await fixesOf(names, schedule.unplaced.filter((u) => names.has(u.cluster))));
  if (parts.length === 1) return { relaxations: perPart[0]!, complete: notTried.length === 0 && timeLeft() > 0, notTried };
  // Several parts, each with its own cause: no single change places everyone, one per part together
  // does, proven again on every affected part at once (and every part a change reaches: a province
  // moved into a cluster with room). Each part's first fix; should two of them fill the same room
  // (two provinces moved into one cluster), each part's first fix that stays inside it.
  const relaxations: Relaxation[] = [];
  const affected = new Set(parts.flatMap((names) => [...names]));
  const inside = perPart.map((fixes, i) => fixes.find((fix) => clustersChanged(fix).every((c) => parts[i]!.has(c))));
  const choices = [perPart.map((fixes) => fixes[0]), inside];
  for (const [n, choice] of choices.entries()) {
    if (!choice.every((fix) => fix !== undefined) || timeLeft() <= 0) continue;
    if (n > 0 && choice.every((fix, i) => fix === choices[0]![i])) break;
    const together: Relaxation = { kind: "together", changes: choice, message: choice.map((c) => c.message).join("; and ") };
    if (await placesEveryone(applyFix(proofData(affected, together), together))) {
      relaxations.push(together);
      break;
    }
  }
  return { relaxations, complete: notTried.length === 0 && timeLeft() > 0, notTried };
}
