/** What a planner checks before solving: clusters, windows, slots, trainers per role. */
import type { Located } from "./load.ts";
import type { Plan } from "./plan.ts";

export interface ClusterSummary {
  readonly name: string;
  /** The window the plan gives, or null when the campaign period stands in for it. */
  readonly window: { readonly from: string; readonly to: string } | null;
  readonly effectiveWindow: { readonly from: string; readonly to: string };
  readonly halfDays: number;
  readonly provinces: readonly string[];
  /** Trainer ids per role, for the trainers allowed in this cluster. */
  readonly trainers: Readonly<Record<string, readonly string[]>>;
}

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly registry: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly provinces: number;
  readonly trainers: number;
  readonly sessionNeeds: Readonly<Record<string, number>>;
  readonly clusters: readonly ClusterSummary[];
  readonly warnings: readonly { code: string; path: readonly (string | number)[]; message: string; line?: number }[];
}

export function summarizePlan(plan: Plan, warnings: readonly Located[] = []): PlanSummary {
  return {
    id: plan.id,
    title: plan.data.campaign.title,
    registry: plan.registry.id,
    period: plan.data.campaign.period,
    provinces: plan.provinces.length,
    trainers: plan.trainers.length,
    sessionNeeds: Object.fromEntries(plan.needs),
    clusters: plan.clusters.map((cluster) => ({
      name: cluster.name,
      window: cluster.windowGiven ? cluster.window : null,
      effectiveWindow: cluster.window,
      halfDays: cluster.slots.length,
      provinces: cluster.provinces.map((p) => p.name),
      trainers: Object.fromEntries(
        [...plan.needs.keys()].map((role) => [role, plan.index.pool(role, cluster.name).map((t) => t.id)]),
      ),
    })),
    warnings: warnings.map(({ code, path, message, line }) => ({ code, path, message, ...(line !== undefined ? { line } : {}) })),
  };
}
