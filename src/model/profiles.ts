/**
 * Goal profiles: named sets of weights a planner chooses between knowingly. "earliest" is the
 * plan's weights as written (earlier is better, no pacing); "paced" spreads each cluster's
 * sessions through its window, earlier still breaking ties. A plan may define its own, or
 * override these, under `profiles`.
 */
import type { PlanData } from "./schema.ts";

export const BUILT_IN_PROFILES: Readonly<Record<string, Partial<PlanData["weights"]>>> = {
  earliest: { pacing: 0 },
  paced: { pacing: 30 },
};

export function profileNames(data: PlanData): string[] {
  return [...new Set([...Object.keys(BUILT_IN_PROFILES), ...Object.keys(data.profiles)])];
}

/** The plan's data with a profile's weights, or undefined when the plan has no such profile. */
export function withProfile(data: PlanData, name: string): PlanData | undefined {
  const builtIn = Object.hasOwn(BUILT_IN_PROFILES, name) ? BUILT_IN_PROFILES[name] : undefined;
  const own = Object.hasOwn(data.profiles, name) ? data.profiles[name] : undefined;
  if (!builtIn && !own) return undefined;
  return { ...data, weights: { ...data.weights, ...builtIn, ...own } };
}
