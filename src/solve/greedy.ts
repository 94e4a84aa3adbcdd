/**
 * A simple greedy baseline for the benchmark: provinces in the plan's order, each at its earliest
 * possible half-day with the cheapest trainers that keep every rule. No backtracking.
 */
import type { Plan, Trainer } from "../model/plan.ts";
import { makeSession, sortSessions, type Session } from "../model/schedule.ts";
import { candidateSlots, eligibleTrainers } from "./build.ts";
import { checkContext } from "./check.ts";
import { SOFT_GOALS } from "./constraints/index.ts";
import { trainerDailyMax } from "./constraints/trainer-daily-max.ts";
import { trainerOnePlace } from "./constraints/trainer-one-place.ts";
import { travelTime } from "./constraints/travel-time.ts";

/** The rules that depend on a trainer's other sessions (the rest hold by construction). */
const TRAINER_RULES = [trainerOnePlace, trainerDailyMax, travelTime];

export function greedySchedule(plan: Plan): Session[] {
  const sessions: Session[] = [];
  const byTrainer = new Map<string, Session[]>();
  const perSlot = new Map<string, number>();
  const cap = plan.data.campaign.maxConcurrentSessions ?? Number.POSITIVE_INFINITY;
  const daily = plan.data.campaign.maxDailySessions ?? Number.POSITIVE_INFINITY;
  const perDay = new Map<string, number>();
  const staffCost = (trainer: Trainer, cluster: string) => SOFT_GOALS.reduce((sum, g) => sum + g.weight(plan) * (g.staffCost?.(plan, trainer, cluster) ?? 0), 0);
  for (const province of plan.provinces) {
    for (const slot of candidateSlots(plan, province)) {
      if ((perSlot.get(slot.key) ?? 0) >= cap || (perDay.get(slot.date) ?? 0) >= daily) continue;
      const fits = (trainer: Trainer) => {
        const context = checkContext(plan, [...(byTrainer.get(trainer.id) ?? []), makeSession(plan, province, slot, [trainer.id])]);
        return TRAINER_RULES.every((rule) => rule.check(context).length === 0);
      };
      const chosen: Trainer[] = [];
      const staffed = [...plan.needs].every(([role, count]) => {
        const options = eligibleTrainers(plan, province, slot, role)
          .filter((t) => !chosen.includes(t))
          .sort((a, b) => staffCost(a, province.cluster) - staffCost(b, province.cluster));
        let filled = 0;
        for (const trainer of options) {
          if (filled === count) break;
          if (fits(trainer)) {
            chosen.push(trainer);
            filled++;
          }
        }
        return filled === count;
      });
      if (!staffed) continue;
      const session = makeSession(plan, province, slot, chosen.map((t) => t.id));
      sessions.push(session);
      perSlot.set(slot.key, (perSlot.get(slot.key) ?? 0) + 1);
      perDay.set(slot.date, (perDay.get(slot.date) ?? 0) + 1);
      for (const t of chosen) byTrainer.set(t.id, [...(byTrainer.get(t.id) ?? []), session]);
      break;
    }
  }
  return sortSessions(plan, sessions);
}
