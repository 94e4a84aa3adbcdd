import type { Trainer } from "../../model/plan.ts";
import type { CheckContext, EncodeContext, PlacedSession } from "./types.ts";

/** Each known trainer's sessions in time order: the view the per-trainer rules check. */
export function trainerSessions({ sessions }: CheckContext): Map<string, PlacedSession[]> {
  const byTrainer = new Map<string, PlacedSession[]>();
  for (const placed of sessions) {
    for (const { id, trainer } of placed.trainers) if (trainer) byTrainer.set(id, [...(byTrainer.get(id) ?? []), placed]);
  }
  const order = (p: PlacedSession) => `${p.session.date}/${p.session.halfDay === "morning" ? 0 : 1}`;
  for (const list of byTrainer.values()) list.sort((a, b) => order(a).localeCompare(order(b)));
  return byTrainer;
}

/**
 * "At most `max` sessions per period" for one trainer, as rows: their staff variables grouped by
 * period (a day, an ISO week), a row for each period where they could exceed it.
 */
export function encodePeriodMax({ model, staffByTrainerSlot }: Pick<EncodeContext, "model" | "staffByTrainerSlot">, trainer: Trainer, max: number, periodOf: (date: string) => string, rowPrefix: string): void {
  const byPeriod = new Map<string, string[]>();
  for (const variables of staffByTrainerSlot.get(trainer.id)?.values() ?? []) {
    for (const v of variables) byPeriod.set(periodOf(v.slot.date), [...(byPeriod.get(periodOf(v.slot.date)) ?? []), v.name]);
  }
  for (const [period, names] of byPeriod) if (names.length > max) model.addRow(`${rowPrefix}:${trainer.id}|${period}`, names.map((n) => [n, 1] as const), { max });
}

/** The sessions of one trainer's list grouped by period: the periods where they give more than `max`. */
export function periodsOverMax(list: readonly PlacedSession[], max: number, periodOf: (date: string) => string): [period: string, provinces: string[]][] {
  const byPeriod = new Map<string, string[]>();
  for (const { session } of list) byPeriod.set(periodOf(session.date), [...(byPeriod.get(periodOf(session.date)) ?? []), session.province]);
  return [...byPeriod].filter(([, provinces]) => provinces.length > max);
}
