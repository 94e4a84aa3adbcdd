/**
 * A schedule being built, or read, session by session: what one more session would break, by the
 * rules whose check depends on other sessions (`checkAgainst`), each checked with only the sessions
 * it needs. The greedy placer builds with it; explaining a left-out province tries its half-days on it.
 */
import type { Slot } from "../model/calendar.ts";
import type { Plan, Province, Trainer } from "../model/plan.ts";
import { makeSession, type Session } from "../model/schedule.ts";
import { eligibleTrainers } from "./build.ts";
import { placedSession } from "./check.ts";
import { HARD_CONSTRAINTS } from "./constraints/index.ts";
import { trainerSessions } from "./constraints/trainer-sessions.ts";
import type { Candidate, PlacedSession, Violation } from "./constraints/types.ts";

const AGAINST_DAY = HARD_CONSTRAINTS.filter((rule) => rule.checkAgainst === "day");
const AGAINST_TRAINER = HARD_CONSTRAINTS.filter((rule) => rule.checkAgainst === "trainer");

export class PartialSchedule {
  private readonly byDate = new Map<string, PlacedSession[]>();
  private readonly byTrainer = new Map<string, PlacedSession[]>();

  constructor(
    private readonly plan: Plan,
    sessions: readonly Session[] = [],
  ) {
    for (const session of sessions) this.add(session);
  }

  add(session: Session): void {
    const placed = placedSession(this.plan, session);
    this.byDate.set(session.date, [...(this.byDate.get(session.date) ?? []), placed]);
    for (const { trainer } of placed.trainers) if (trainer) this.byTrainer.set(trainer.id, [...(this.byTrainer.get(trainer.id) ?? []), placed]);
  }

  /** A session of the province in the slot, without trainers yet, and what refuses it whoever its trainers (the sessions of its day). */
  tryDay(province: Province, slot: Slot): { session: PlacedSession; refused: Violation[] } {
    const session: PlacedSession = { session: makeSession(this.plan, province, slot, []), province, trainers: [] };
    const context = { plan: this.plan, sessions: [...(this.byDate.get(slot.date) ?? []), session] };
    return { session, refused: AGAINST_DAY.flatMap((rule) => rule.check(context)) };
  }

  /** A trainer at a tried session, and what refuses them given their own sessions. */
  tryTrainer(tried: PlacedSession, trainer: Trainer): Candidate {
    const joined: PlacedSession = { ...tried, session: { ...tried.session, trainers: [trainer.id] }, trainers: [{ id: trainer.id, trainer }] };
    const context = { plan: this.plan, sessions: [...(this.byTrainer.get(trainer.id) ?? []), joined] };
    return { trainer, tried: trainerSessions(context).get(trainer.id)!, violations: AGAINST_TRAINER.flatMap((rule) => rule.check(context)) };
  }
}

/**
 * The trainers of a session at `slot`, role by role: the first eligible ones, in `order` when
 * given, that `fits` accepts beside those already chosen. Undefined when a role cannot be filled.
 * The greedy placer staffs with it, and "where can this session go" looks for trainers free there.
 */
export function chooseTrainers(plan: Plan, province: Province, slot: Slot, fits: (trainer: Trainer, chosen: readonly Trainer[]) => boolean, order?: (a: Trainer, b: Trainer) => number): Trainer[] | undefined {
  const chosen: Trainer[] = [];
  for (const [role, count] of plan.needs) {
    const eligible = eligibleTrainers(plan, province, slot, role).filter((t) => !chosen.includes(t));
    let filled = 0;
    for (const trainer of order ? eligible.sort(order) : eligible) {
      if (filled === count) break;
      if (!fits(trainer, chosen)) continue;
      chosen.push(trainer);
      filled++;
    }
    if (filled < count) return undefined;
  }
  return chosen;
}
