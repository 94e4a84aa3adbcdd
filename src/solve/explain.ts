/**
 * Why provinces could not be placed, in a planner's words: each rule says what it sees
 * (`HardConstraint.explain`), asked stage by stage (`EXPLAIN_STAGES`): first what can be proven by
 * counting (no possible half-day, no trainer of a role, too few trainer half-days for a cluster),
 * then what the best partial schedule shows on each possible half-day. This module knows no rule:
 * it tries the province's half-days against that schedule and asks the registry.
 */
import { officialDate } from "../model/calendar.ts";
import type { Plan, Province } from "../model/plan.ts";
import type { Session, Unplaced } from "../model/schedule.ts";
import { candidateSlots, eligibleTrainers } from "./build.ts";
import { HARD_CONSTRAINTS } from "./constraints/index.ts";
import { EXPLAIN_STAGES, type Attempt, type Cause, type ExplainContext } from "./constraints/types.ts";
import { PartialSchedule } from "./placement.ts";

export type { Cause } from "./constraints/types.ts";

export function explainUnplaced(plan: Plan, sessions: readonly Session[], unplacedCodes: readonly string[]): Unplaced[] {
  if (unplacedCodes.length === 0) return [];
  const schedule = new PartialSchedule(plan, sessions);
  return plan.provinces
    .filter((p) => unplacedCodes.includes(p.record.code))
    .map((province) => {
      const causes = explainProvince(plan, province, schedule);
      return { province: province.name, cluster: province.cluster, reasons: causes.map((c) => c.message), causes };
    });
}

function explainProvince(plan: Plan, province: Province, schedule: PartialSchedule): Cause[] {
  const cluster = plan.index.clusterOf(province);
  const slots = candidateSlots(plan, province);
  const blocking = new Set(HARD_CONSTRAINTS.filter((rule) => rule.allowsSlot && cluster.slots.some((slot) => !rule.allowsSlot!(plan, province, slot))).map((r) => r.id));
  const attempts = slots.length ? tryEach(plan, province, slots, schedule) : [];
  for (const stage of EXPLAIN_STAGES) {
    // No possible half-day is asked about alone; with half-days, the other stages.
    if ((stage === "no-slot") !== (slots.length === 0)) continue;
    const found: Cause[] = [];
    for (const rule of HARD_CONSTRAINTS) {
      const context: ExplainContext = { stage, plan, province, cluster, slots, blocking, found, attempts, eligible: (slot, role) => eligibleTrainers(plan, province, slot, role) };
      found.push(...(rule.explain?.(context) ?? []));
      // Without a half-day, the first rule to say why is the explanation: the others' domains say the same, less precisely.
      if (stage === "no-slot" && found.length) return found;
    }
    if (found.length) return found;
  }
  if (slots.length === 0) return [{ code: "no-working-half-day", message: "it has no working half-day left in its window" }];
  // Every rule is content on some half-day: the search stopped (a time limit) before it placed the province there.
  const open = attempts.find((a) => a.refused.length === 0 && a.blocked.length === 0);
  if (!open) return [{ code: "no-place", slots: slots.length, message: `each of its ${slots.length} possible half-days is taken by the schedule as it stands` }];
  return [{ code: "not-reached", date: open.slot.date, halfDay: open.slot.halfDay, message: `its session would keep every rule on ${officialDate(open.slot.date)} ${open.slot.halfDay} with the schedule as it stands: the search stopped before placing it there (the time limit)` }];
}

/** Each possible half-day against the partial schedule: what refuses the session, and per role what refuses each trainer who could come. */
function tryEach(plan: Plan, province: Province, slots: ExplainContext["slots"], schedule: PartialSchedule): Attempt[] {
  return slots.map((slot) => {
    const { session, refused } = schedule.tryDay(province, slot);
    if (refused.length) return { slot, session, refused, roles: [], blocked: [] };
    const roles = [...plan.needs].map(([role, count]) => ({ role, count, candidates: eligibleTrainers(plan, province, slot, role).map((trainer) => schedule.tryTrainer(session, trainer)) }));
    const blocked = roles.filter(({ count, candidates }) => candidates.filter((c) => c.violations.length === 0).length < count).map((r) => r.role);
    return { slot, session, refused, roles, blocked };
  });
}
