import type { HardConstraint, Violation } from "./types.ts";
import { describeSession } from "./types.ts";

/** Trainers are the plan's, and serve only in the clusters they may serve. */
export const trainerAllowed: HardConstraint = {
  id: "trainer-allowed",
  label: "Each trainer is in the plan and may serve the session's cluster",
  kind: "hard",
  allowsTrainer: (_plan, trainer, province) => trainer.clusters.has(province.cluster),
  check({ sessions }) {
    const violations: Violation[] = [];
    for (const { session, province, trainers } of sessions) {
      for (const { id, trainer } of trainers) {
        const base = { rule: this.id, code: this.id, province: session.province, date: session.date, halfDay: session.halfDay, trainers: [id] };
        if (!trainer) violations.push({ ...base, message: `${describeSession(session)}: trainer "${id}" is not in the plan` });
        else if (province && !trainer.clusters.has(province.cluster)) violations.push({ ...base, message: `${describeSession(session)}: ${id} may not serve ${province.cluster}` });
      }
    }
    return violations;
  },
};
