/** Brute force, the referee of the optimiser on tiny plans: every schedule, enumerated. */
import type { Plan } from "../../src/model/plan.ts";
import { makeSession, type Session } from "../../src/model/schedule.ts";
import { candidateSlots } from "../../src/solve/build.ts";
import { checkSchedule, evaluateGoals } from "../../src/solve/check.ts";

export const goalCost = (plan: Plan, sessions: readonly Session[]) => Math.round(evaluateGoals(plan, sessions).reduce((sum, g) => sum + g.cost, 0) * 1e6) / 1e6;

/**
 * Every schedule of a tiny plan (roles policy and skills, one of each), by enumeration: the most
 * provinces placed, then the least cost. Undefined when there are more than `limit` schedules to try.
 */
export function bruteForce(plan: Plan, limit = Number.POSITIVE_INFINITY): { placed: number; cost: number } | undefined {
  const options = plan.provinces.map((province) => {
    const choices: (Session | undefined)[] = [undefined];
    for (const slot of candidateSlots(plan, province)) {
      const policy = plan.trainers.filter((t) => t.roles.includes("policy"));
      const skills = plan.trainers.filter((t) => t.roles.includes("skills"));
      for (const p of policy) for (const s of skills) if (p !== s) choices.push(makeSession(plan, province, slot, [p.id, s.id]));
    }
    return choices;
  });
  if (options.reduce((n, o) => n * o.length, 1) > limit) return undefined;
  let best = { placed: -1, cost: Number.POSITIVE_INFINITY };
  const walk = (index: number, chosen: Session[]) => {
    if (index === options.length) {
      const violations = checkSchedule(plan, chosen).filter((v) => !(v.rule === "one-session-per-province" && v.message.endsWith("has no session")));
      if (violations.length) return;
      const cost = goalCost(plan, chosen);
      if (chosen.length > best.placed || (chosen.length === best.placed && cost < best.cost)) best = { placed: chosen.length, cost };
      return;
    }
    for (const choice of options[index]!) walk(index + 1, choice ? [...chosen, choice] : chosen);
  };
  walk(0, []);
  return best;
}
