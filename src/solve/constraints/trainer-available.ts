import { trainerAvailable } from "../../model/plan.ts";
import type { HardConstraint } from "./types.ts";
import { at, describeSession } from "./types.ts";
import { coversDate, type Relaxation } from "../fixes.ts";
import { datesBetween, officialDate } from "../../model/calendar.ts";

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
  // One trainer of the cluster free on one more working day of its window: away that day, or not among
  // their only days. A day gives a trainer at most their daily maximum of sessions, so it is only
  // tried when no more provinces than that are left out of the cluster.
  fixes({ plan, data, unplaced }) {
    return [...new Set(unplaced.map((u) => u.cluster))].flatMap((name) => {
      const cluster = plan.clusters.find((c) => c.name === name);
      const missing = unplaced.filter((u) => u.cluster === name).length;
      if (!cluster) return [];
      const days = [...datesBetween(cluster.window.from, cluster.window.to)].filter((date) => plan.calendar.isWorkingDay(date));
      const trainers = data.trainers.flatMap((written) => {
        const trainer = plan.trainers.find((t) => t.id === written.id.normalize("NFC"));
        return trainer && trainer.clusters.has(name) && trainer.maxSessionsPerDay >= missing ? [{ written, trainer }] : [];
      });
      return [
        {
          tries: { kind: "free-trainer" as const, cluster: name },
          growing: false,
          candidates: function* (): Generator<Relaxation> {
            for (const { written } of trainers) for (const date of days) if (written.unavailable.some((s) => coversDate(s, date))) yield { kind: "free-trainer", trainer: written.id, date, message: `${written.id} free on ${officialDate(date)}` };
          },
        },
        {
          tries: { kind: "trainer-also-available" as const, cluster: name },
          growing: false,
          candidates: function* (): Generator<Relaxation> {
            for (const { written } of trainers) for (const date of days) if (written.onlyAvailable && !written.onlyAvailable.some((s) => coversDate(s, date))) yield { kind: "trainer-also-available", trainer: written.id, date, message: `${written.id} also available on ${officialDate(date)}` };
          },
        },
      ];
    });
  },
};
