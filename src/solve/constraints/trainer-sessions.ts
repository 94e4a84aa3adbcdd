import { officialDate } from "../../model/calendar.ts";
import type { Trainer } from "../../model/plan.ts";
import type { HalfDayName } from "../../model/schema.ts";
import { refusedFirstBy, type Attempt, type CheckContext, type EncodeContext, type PlacedSession } from "./types.ts";

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

/** Where a trainer who could come is kept away by a maximum per period: the half-days tried, and the sessions they already give in it. */
export interface PeriodAtMax {
  readonly period: string;
  readonly slots: readonly { readonly date: string; readonly halfDay: HalfDayName }[];
  readonly sessions: readonly { readonly province: string; readonly date: string; readonly halfDay: HalfDayName }[];
}

/**
 * What the partial schedule shows of a maximum per period (a day, an ISO week): the trainers it
 * alone keeps from a left-out province's session, each once, with every period it did so in.
 */
export function keptAwayByMax(attempts: readonly Attempt[], rule: string, periodOf: (date: string) => string): { trainer: Trainer; periods: PeriodAtMax[] }[] {
  type Entry = { trainer: Trainer; periods: Map<string, { slots: PeriodAtMax["slots"][number][]; sessions: PeriodAtMax["sessions"] }> };
  const byTrainer = new Map<string, Entry>();
  for (const { attempt, candidate } of refusedFirstBy(attempts, rule)) {
    const entry: Entry = byTrainer.get(candidate.trainer.id) ?? { trainer: candidate.trainer, periods: new Map() };
    byTrainer.set(candidate.trainer.id, entry);
    const period = periodOf(attempt.slot.date);
    const seen = entry.periods.get(period);
    const slot = { date: attempt.slot.date, halfDay: attempt.slot.halfDay };
    if (seen) {
      if (!seen.slots.some((s) => s.date === slot.date && s.halfDay === slot.halfDay)) seen.slots.push(slot);
      continue;
    }
    const sessions = candidate.tried
      .filter((p) => p.session.code !== attempt.session.session.code && periodOf(p.session.date) === period)
      .map(({ session }) => ({ province: session.province, date: session.date, halfDay: session.halfDay }));
    entry.periods.set(period, { slots: [slot], sessions });
  }
  return [...byTrainer.values()].map(({ trainer, periods }) => ({ trainer, periods: [...periods].map(([period, p]) => ({ period, ...p })) }));
}

/** "13/9/2022 afternoon", or "5 half-days of that week" when they are many. */
export function slotsText(slots: PeriodAtMax["slots"], period: "day" | "week"): string {
  return slots.length > 3 ? `${slots.length} half-days of that ${period}` : slots.map((s) => `${officialDate(s.date)} ${s.halfDay}`).join(", ");
}

/** "Hà Nam 12/9/2022 morning, Nam Định 13/9/2022 morning" (without the dates: "Hà Nam morning"). */
export function sessionsText(sessions: PeriodAtMax["sessions"], dates: boolean): string {
  return sessions.map((s) => `${s.province} ${dates ? `${officialDate(s.date)} ` : ""}${s.halfDay}`).join(", ");
}
