import { trainerAvailable } from "../../model/plan.ts";
import type { HardConstraint } from "./types.ts";
import { at, describeSession } from "./types.ts";

/** A trainer works only on half-days they are available. */
export const trainerAvailableRule: HardConstraint = {
  id: "trainer-available",
  label: "Each trainer is available on the session's half-day",
  kind: "hard",
  allowsTrainer: (_plan, trainer, _province, slot) => trainerAvailable(trainer, slot),
  check({ sessions }) {
    return sessions.flatMap(({ session, trainers }) =>
      trainers
        .filter(({ trainer }) => trainer && !trainerAvailable(trainer, at(session)))
        .map(({ id }) => ({ rule: this.id, province: session.province, date: session.date, halfDay: session.halfDay, trainers: [id], message: `${describeSession(session)}: ${id} is not available then` })),
    );
  },
};
