/**
 * Re-planning's goals: move as few sessions as possible, then change as few trainers as possible,
 * above every other goal (tiers 2 and 1; the builder scales them). Without a previous schedule
 * they cost nothing.
 */
import type { SoftGoal } from "./types.ts";

export const fewestMoves: SoftGoal = {
  id: "fewest-moves",
  label: "Fewest sessions moved from the previous schedule",
  kind: "soft",
  tier: 2,
  weight: () => 1,
  maxPenalty: (_plan, provinces) => provinces.length,
  encode({ previous, provinces, sessionVariables, model }, weight) {
    if (!previous) return;
    for (const province of provinces) {
      const before = previous.sessions.get(province.record.code);
      if (!before) continue;
      for (const [slotKey, x] of sessionVariables.get(province.record.code)!) if (slotKey !== before.slotKey) model.addCost(x, weight);
    }
  },
  evaluate({ previous, sessions }) {
    if (!previous) return 0;
    return sessions.filter(({ session, province }) => {
      const before = province && previous.sessions.get(province.record.code);
      return before !== undefined && before.slotKey !== `${session.date}/${session.halfDay}`;
    }).length;
  },
};

export const fewestTrainerChanges: SoftGoal = {
  id: "fewest-trainer-changes",
  label: "Fewest trainers changed from the previous schedule",
  kind: "soft",
  tier: 1,
  weight: () => 1,
  maxPenalty: (plan, provinces) => provinces.length * [...plan.needs.values()].reduce((a, b) => a + b, 0),
  encode({ previous, staffVariables, model }, weight) {
    if (!previous) return;
    // Re-planning builds a variable per province, so a variable's group is its province's code.
    for (const v of staffVariables) {
      const before = previous.sessions.get(v.group);
      if (before && !before.trainers.has(v.trainer.id)) model.addCost(v.name, weight);
    }
  },
  evaluate({ previous, sessions }) {
    if (!previous) return 0;
    let changed = 0;
    for (const { session, province } of sessions) {
      const before = province && previous.sessions.get(province.record.code);
      if (before) changed += session.trainers.filter((t) => !before.trainers.has(t)).length;
    }
    return changed;
  },
};
