/**
 * javascript-lp-solver's simplex works on a dense tableau: a part of several clusters of the
 * national plan (1,600–3,500 variables) gets no schedule from it in 30 s, while one small cluster's
 * model (300–1,000 variables) is solved to optimality in a fifth of a second (measured on the 2022
 * plan). So, for it, a large part is improved a piece at a time — a cluster, or a slice of a large
 * one: the piece's variables are solved with everything else held at its current values (trainers'
 * sessions elsewhere stay, and so do the travel and daily limits they imply), starting from the
 * greedy placer's schedule, round after round until a round improves nothing. Each step keeps every
 * row of the model, so the result is a schedule — a local optimum, never called proven: without the
 * whole part's relaxation there is no bound.
 */
import type { Cluster, Province } from "../model/plan.ts";
import type { Session } from "../model/schedule.ts";
import type { Backend, BackendResult } from "./backends.ts";
import type { BuiltModel } from "./build.ts";

/** Above this many variables a part of several clusters is solved cluster by cluster with javascript-lp-solver. */
export const JS_WHOLE_PART_VARIABLES = 1_000;
const MAX_ROUNDS = 4;
/** Provinces solved together at most: one cluster, or a slice of a large one. */
const PIECE_PROVINCES = 4;

export interface ClusterByClusterResult extends BackendResult {
  readonly rounds: number;
}

export async function solveClusterByCluster(built: BuiltModel, clusters: readonly Cluster[], start: readonly Session[], solver: Backend, deadline: number | undefined): Promise<ClusterByClusterResult> {
  const { model } = built;
  const touches = new Map<string, readonly Province[]>();
  for (const province of built.provinces) {
    for (const name of built.sessionVariables.get(province.record.code)!.values()) touches.set(name, [province]);
    touches.set(built.unplacedVariables.get(province.record.code)!, [province]);
  }
  for (const v of built.staffVariables) touches.set(v.name, v.provinces);
  // Continuous variables (penalties over several clusters, such as a trainer's load) are free in every step.
  const shared = [...model.variables].filter(([, v]) => !v.binary).map(([name]) => name);
  // Clusters in slices: javascript-lp-solver took 9–18 s on the 12 provinces of Cụm 1 at once, and
  // once 89 s on 6 of them; slices of 4 took under 1.5 s each (2022 plan, 30 s limit: 6–7 s in all).
  const pieces = clusters.flatMap((c) => Array.from({ length: Math.ceil(c.provinces.length / PIECE_PROVINCES) }, (_, i) => new Set(c.provinces.slice(i * PIECE_PROVINCES, (i + 1) * PIECE_PROVINCES))));
  // A variable is free with a piece when it touches one of its provinces (a shared trainer group's touches several).
  const freeOf = pieces.map((piece) => new Set([...shared, ...[...touches].filter(([, provinces]) => provinces.some((p) => piece.has(p))).map(([name]) => name)]));

  // From the greedy placer's schedule, so that each piece sees the others' real claims on shared
  // trainers; its penalties (the continuous variables) solved for, so that its cost is its true one.
  const sharedOnly = new Set(shared);
  const settle = async (binaries: Map<string, number>) => {
    const penalties = await solver.solve(model.restricted(sharedOnly, binaries), {});
    if (penalties.status !== "optimal") return undefined;
    for (const [name, value] of penalties.values) binaries.set(name, value);
    // Each step keeps the rows it frees and leaves the others as they were: the start must keep them all.
    return model.satisfiedBy(binaries) ? binaries : undefined;
  };
  const allUnplaced = new Map([...built.unplacedVariables.values()].map((name) => [name, 1]));
  const settled = (await settle(valuesOf(built, start))) ?? (await settle(allUnplaced));
  if (!settled) return { status: "timeout", values: new Map(), objective: Number.NaN, rounds: 0 };
  let values: ReadonlyMap<string, number> = settled;
  let objective = model.objective(values);
  let rounds = 0;
  while (rounds < MAX_ROUNDS) {
    const before = objective;
    for (const [index, free] of freeOf.entries()) {
      const left = deadline === undefined ? undefined : deadline - Date.now();
      if (left !== undefined && left <= 0) return result(values, objective, rounds);
      const step = await solver.solve(model.restricted(free, values), left === undefined ? {} : { timeLimitMs: left / (freeOf.length - index) });
      if (step.status !== "optimal" && step.status !== "feasible") continue;
      const next = new Map([...values].filter(([name]) => !free.has(name)));
      for (const [name, value] of step.values) next.set(name, value);
      const cost = model.objective(next);
      if (cost < objective - 1e-9) [values, objective] = [next, cost];
    }
    rounds++;
    if (objective >= before - 1e-9) break;
  }
  return result(values, objective, rounds);
}

/** A schedule as the model's values: its session and trainer variables at 1, every province without a session unplaced. */
function valuesOf(built: BuiltModel, sessions: readonly Session[]): Map<string, number> {
  const values = new Map<string, number>();
  const roles = [...built.plan.needs].flatMap(([role, count]) => Array<string>(count).fill(role));
  const staff = new Map(built.staffVariables.map((v) => [`${v.trainer.id}|${v.role}|${v.group}|${v.slot.key}`, v.name]));
  for (const province of built.provinces) {
    const session = sessions.find((s) => s.code === province.record.code);
    const slotKey = session && `${session.date}/${session.halfDay}`;
    const placed = slotKey && built.sessionVariables.get(province.record.code)!.get(slotKey);
    if (!session || !placed) {
      values.set(built.unplacedVariables.get(province.record.code)!, 1);
      continue;
    }
    values.set(placed, 1);
    session.trainers.forEach((trainer, i) => {
      const name = staff.get(`${trainer}|${roles[i]}|${built.groupOf(province)}|${slotKey}`);
      if (name) values.set(name, 1);
    });
  }
  return values;
}

function result(values: ReadonlyMap<string, number>, objective: number, rounds: number): ClusterByClusterResult {
  return { status: "feasible", values, objective, bound: Number.NEGATIVE_INFINITY, rounds };
}
