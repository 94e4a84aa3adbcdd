/**
 * A simple greedy baseline for the benchmark: provinces in the plan's order, each at its earliest
 * possible half-day with the cheapest trainers that keep every rule. No backtracking. The rules
 * that depend on other sessions are asked through `PartialSchedule`; the rest hold by construction
 * (each province once, in a slot and with trainers every rule's domain allows).
 */
import type { Plan, Province, Trainer } from "../model/plan.ts";
import { makeSession, sortSessions, type Session } from "../model/schedule.ts";
import { candidateSlots } from "./build.ts";
import { SOFT_GOALS } from "./constraints/index.ts";
import { chooseTrainers, PartialSchedule } from "./placement.ts";

/** The greedy schedule of `provinces` (default: the whole plan; an independent part's own are placed alike in the whole). */
export function greedySchedule(plan: Plan, provinces: readonly Province[] = plan.provinces): Session[] {
  const sessions: Session[] = [];
  const schedule = new PartialSchedule(plan);
  const staffCost = (trainer: Trainer, cluster: string) => SOFT_GOALS.reduce((sum, g) => sum + g.weight(plan) * (g.staffCost?.(plan, trainer, cluster) ?? 0), 0);
  for (const province of provinces) {
    for (const slot of candidateSlots(plan, province)) {
      const { session: tried, refused } = schedule.tryDay(province, slot);
      if (refused.length) continue;
      const chosen = chooseTrainers(plan, province, slot, (trainer) => schedule.tryTrainer(tried, trainer).violations.length === 0, (a, b) => staffCost(a, province.cluster) - staffCost(b, province.cluster));
      if (!chosen) continue;
      const session = makeSession(plan, province, slot, chosen.map((t) => t.id));
      sessions.push(session);
      schedule.add(session);
      break;
    }
  }
  return sortSessions(plan, sessions);
}
