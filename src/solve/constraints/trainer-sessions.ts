import type { CheckContext, PlacedSession } from "./types.ts";

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
