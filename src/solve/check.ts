/** Checks any schedule (solved or made by hand) against every hard rule of its plan. */
import type { Plan } from "../model/plan.ts";
import type { Session } from "../model/schedule.ts";
import { HARD_CONSTRAINTS, SOFT_GOALS } from "./constraints/index.ts";
import type { CheckContext, PlacedSession, PreviousSchedule, Violation } from "./constraints/types.ts";

/** A session matched with the plan: the province and trainers it names, where the plan knows them. */
export function placedSession(plan: Plan, session: Session): PlacedSession {
  // The name is what a planner edits by hand; the code only settles a name the plan does not know.
  const province = plan.index.provinceNamed(session.province) ?? plan.index.province(session.code);
  return {
    session,
    ...(province ? { province } : {}),
    trainers: session.trainers.map((id) => {
      const trainer = plan.index.trainer(id);
      return trainer ? { id, trainer } : { id };
    }),
  };
}

export function checkContext(plan: Plan, sessions: readonly Session[], previous?: PreviousSchedule): CheckContext {
  return { plan, ...(previous ? { previous } : {}), sessions: sessions.map((session) => placedSession(plan, session)) };
}

/** Every violation of every hard rule, in the registry's order of rules; with `previous`, a re-plan's held sessions too. */
export function checkSchedule(plan: Plan, sessions: readonly Session[], previous?: PreviousSchedule): Violation[] {
  const context = checkContext(plan, sessions, previous);
  return HARD_CONSTRAINTS.flatMap((rule) => rule.check(context));
}

/** Each soft goal's unweighted penalty and weighted cost; the weighted total is the solver's objective. */
export function evaluateGoals(plan: Plan, sessions: readonly Session[], previous?: PreviousSchedule): { id: string; label: string; penalty: number; cost: number }[] {
  const context = checkContext(plan, sessions, previous);
  return SOFT_GOALS.map((goal) => {
    const penalty = goal.evaluate(context);
    return { id: goal.id, label: goal.label, penalty, cost: penalty * goal.weight(plan) };
  });
}
