/**
 * A September of changes, as a planner lives it: a scripted sequence of events (a province cannot
 * host, a trainer away, a half-day asked for, a change withdrawn, a trainer joining or leaving, a
 * window moved, a province moved, the plan file edited, an old version restored), each on a later
 * day. The expected state — every answer that still stands — is accumulated here, by the test,
 * from the events alone; never read back from the code under test.
 */
import { expect } from "vitest";
import type { Schedule, Session } from "../../src/model/schedule.ts";

export type Dates = readonly string[] | { readonly from: string; readonly to: string };

/** An answer a province or trainer gave; it stands until withdrawn. */
export type Answer =
  | { readonly kind: "province-off"; readonly province: string; readonly dates: Dates }
  | { readonly kind: "trainer-off"; readonly trainer: string; readonly dates: Dates }
  | { readonly kind: "fix"; readonly province: string; readonly date: string; readonly halfDay: "morning" | "afternoon" }
  | { readonly kind: "leave"; readonly trainer: string; readonly from: string }
  | { readonly kind: "join"; readonly trainer: { readonly id: string; readonly roles: readonly string[]; readonly clusters: readonly string[]; readonly home: string } }
  | { readonly kind: "window"; readonly cluster: string; readonly from: string; readonly to: string }
  | { readonly kind: "move-cluster"; readonly province: string; readonly cluster: string };

export type Step =
  | { readonly kind: "answer"; readonly answer: Answer; readonly note?: string }
  | { readonly kind: "withdraw"; /** Which earlier step's answer, by its index in the story. */ readonly step: number }
  | { readonly kind: "restore"; readonly version: number }
  | { readonly kind: "edit-plan"; readonly edit: (text: string) => string };

/** One event: its day, and what the planner hears: a new version, "no re-plan", or a refusal (a change contradicting the past). */
export interface StoryEvent {
  readonly today: string;
  readonly step: Step | ((current: Schedule) => Step);
  readonly expect: "replanned" | "no-replan" | "refused" | "either";
  /** A withdrawal or a plan edit that frees nothing moves nothing: fewest moves stays the first goal. */
  readonly moves?: number;
}

/** What a driver (the library, the CLI) reports of an event. */
export interface Applied {
  readonly result: "replanned" | "no-replan" | "refused";
  /** The folder's current schedule after the event. */
  readonly schedule: Schedule;
  /** The ids of the changes standing in the folder's log after the event. */
  readonly standing: readonly number[];
  readonly moves?: number;
}

export interface Driver {
  start(): Promise<Schedule>;
  apply(step: Step, today: string, story: readonly Step[]): Promise<Applied>;
}

const inDates = (dates: Dates, date: string) => (Array.isArray(dates) ? (dates as readonly string[]).includes(date) : (dates as { from: string; to: string }).from <= date && date <= (dates as { to: string }).to);

/** Every way `sessions` break the standing answers, in the test's own words. */
export function brokenAnswers(sessions: readonly Session[], answers: readonly Answer[]): string[] {
  const out: string[] = [];
  for (const a of answers) {
    if (a.kind === "province-off") for (const s of sessions) if (s.province === a.province && inDates(a.dates, s.date)) out.push(`${s.province} on ${s.date}, a day it cannot host`);
    if (a.kind === "trainer-off") for (const s of sessions) if (s.trainers.includes(a.trainer) && inDates(a.dates, s.date)) out.push(`${a.trainer} at ${s.province} on ${s.date}, a day away`);
    if (a.kind === "fix") {
      const s = sessions.find((x) => x.province === a.province);
      if (!s || s.date !== a.date || s.halfDay !== a.halfDay) out.push(`${a.province} not on ${a.date} ${a.halfDay}, the half-day it asked for`);
    }
    if (a.kind === "leave") for (const s of sessions) if (s.trainers.includes(a.trainer) && s.date >= a.from) out.push(`${a.trainer} at ${s.province} on ${s.date}, after leaving`);
    if (a.kind === "move-cluster") for (const s of sessions) if (s.province === a.province && s.cluster !== a.cluster) out.push(`${s.province} filed under ${s.cluster}, not ${a.cluster}`);
  }
  return out;
}

/** The test's own count of the re-planning notice: the second working day (Mon–Fri, outside `holidays`) after today. */
export function noticeEnd(today: string, holidays: readonly string[] = [], days = 2): string {
  const date = new Date(`${today}T00:00:00Z`);
  for (let counted = 0; counted < days; ) {
    date.setUTCDate(date.getUTCDate() + 1);
    const iso = date.toISOString().slice(0, 10);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && !holidays.includes(iso)) counted++;
  }
  return date.toISOString().slice(0, 10);
}

const key = (s: Session) => s.code ?? s.province;
const same = (a: Session, b: Session) => a.date === b.date && a.halfDay === b.halfDay && [...a.trainers].sort().join() === [...b.trainers].sort().join();

/**
 * Plays the story through a driver; after every event: the answers that stand (accumulated here)
 * hold, every province has one session, nothing on or before today changed, and nothing changed
 * lies before the notice after today. Returns what each event ended as.
 */
export async function playStory(driver: Driver, events: readonly StoryEvent[], options: { provinces: number; holidays?: readonly string[] }): Promise<Applied["result"][]> {
  let schedule = await driver.start();
  const steps: Step[] = [];
  /** Per step index, the id its answer got in the log (the test counts log entries itself). */
  const answers = new Map<number, Answer>();
  const ids = new Map<number, number>();
  let nextId = 1;
  let lastToday = "";
  const results: Applied["result"][] = [];
  for (const [index, event] of events.entries()) {
    expect(event.today >= lastToday, `event ${index}: the story's days go forward`).toBe(true);
    lastToday = event.today;
    const step = typeof event.step === "function" ? event.step(schedule) : event.step;
    steps.push(step);
    const before = schedule;
    const applied = await driver.apply(step, event.today, steps);
    const label = `event ${index} (${event.today}, ${step.kind}${step.kind === "answer" ? ` ${step.answer.kind}` : ""})`;
    results.push(applied.result);
    if (event.expect !== "either") expect(applied.result, label).toBe(event.expect);
    if (applied.result !== "replanned") {
      // Nothing written: the folder still shows the version before.
      expect(applied.schedule, `${label}: nothing written`).toEqual(before);
    } else {
      expect(applied.schedule.version, label).toBe(before.version + 1);
      // The log grows exactly as the test expects: an answer is a new entry, an edit of the plan too.
      if (step.kind === "answer") {
        answers.set(index, step.answer);
        ids.set(index, nextId++);
      }
      if (step.kind === "edit-plan") nextId++;
      if (step.kind === "withdraw") {
        expect(answers.has(step.step), `${label}: withdraws a standing answer`).toBe(true);
        answers.delete(step.step);
      }
      if (event.moves !== undefined) expect(applied.moves, `${label}: moves`).toBe(event.moves);
      schedule = applied.schedule;
    }
    expect(applied.standing, `${label}: the changes that stand`).toEqual([...answers.keys()].map((i) => ids.get(i)));
    // Every answer that stands holds; every province has exactly one session.
    expect(brokenAnswers(schedule.sessions, [...answers.values()]), label).toEqual([]);
    expect(new Set(schedule.sessions.map(key)).size, label).toBe(options.provinces);
    expect(schedule.sessions.length, label).toBe(options.provinces);
    // The past is fixed, and nothing moves onto or before today, nor into the notice after it.
    const earliest = noticeEnd(event.today, options.holidays);
    const old = new Map(before.sessions.map((s) => [key(s), s]));
    for (const s of schedule.sessions) {
      const was = old.get(key(s));
      if (was && was.date <= event.today) expect(s, `${label}: ${s.province} was held on ${was.date}`).toMatchObject({ date: was.date, halfDay: was.halfDay, trainers: was.trainers });
      if (!was || !same(was, s)) expect(s.date >= earliest, `${label}: ${s.province} changed to ${s.date}, before ${earliest}`).toBe(true);
    }
  }
  return results;
}
