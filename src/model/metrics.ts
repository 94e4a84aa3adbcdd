/** What a calendar asks of the organiser and the trainers, in figures a planner compares. */
import type { Plan } from "./plan.ts";
import type { Schedule } from "./schedule.ts";

export interface ScheduleMetrics {
  readonly sessions: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly busiestHalfDay?: { readonly date: string; readonly halfDay: "morning" | "afternoon"; readonly sessions: number };
  readonly busiestDay?: { readonly date: string; readonly sessions: number };
  /** Sessions per date, in date order. */
  readonly perDay: Readonly<Record<string, number>>;
  /** Hours of trips: each trainer from home to the first session, then between consecutive sessions. */
  readonly travelHours: number;
  /** Clusters whose window the plan asks taphuan to propose: the dates scheduled. */
  readonly proposedWindows: readonly { readonly cluster: string; readonly from: string; readonly to: string }[];
}

function busiest<K extends string>(counts: ReadonlyMap<K, number>): [K, number] | undefined {
  let best: [K, number] | undefined;
  for (const [key, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) if (!best || count > best[1]) best = [key, count];
  return best;
}

export function scheduleMetrics(plan: Plan, schedule: Schedule): ScheduleMetrics {
  const sessions = schedule.sessions;
  const halfDays = new Map<string, number>();
  const days = new Map<string, number>();
  for (const s of sessions) {
    halfDays.set(`${s.date}/${s.halfDay}`, (halfDays.get(`${s.date}/${s.halfDay}`) ?? 0) + 1);
    days.set(s.date, (days.get(s.date) ?? 0) + 1);
  }
  const dates = [...days.keys()].sort();
  const halfDay = busiest(halfDays);
  const day = busiest(days);
  const recordOf = (code: string | undefined) => plan.index.province(code)?.record;
  let travelHours = 0;
  for (const trainer of plan.trainers) {
    let at = trainer.home;
    for (const s of sessions.filter((x) => x.trainers.includes(trainer.id))) {
      const here = recordOf(s.code);
      if (at && here && at.code !== here.code) travelHours += plan.travel.hours(at, here);
      at = here ?? at;
    }
  }
  const proposedWindows = plan.clusters
    .filter((c) => c.windowProposed)
    .flatMap((c) => {
      const own = sessions.filter((s) => s.cluster === c.name).map((s) => s.date).sort();
      return own.length ? [{ cluster: c.name, from: own[0]!, to: own.at(-1)! }] : [];
    });
  return {
    sessions: sessions.length,
    ...(dates.length ? { firstDate: dates[0]!, lastDate: dates.at(-1)! } : {}),
    ...(halfDay ? { busiestHalfDay: { date: halfDay[0].split("/")[0]!, halfDay: halfDay[0].split("/")[1] as "morning" | "afternoon", sessions: halfDay[1] } } : {}),
    ...(day ? { busiestDay: { date: day[0], sessions: day[1] } } : {}),
    perDay: Object.fromEntries(dates.map((d) => [d, days.get(d)!])),
    travelHours: Math.round(travelHours * 10) / 10,
    proposedWindows,
  };
}
