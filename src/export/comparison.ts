/** Goal profiles side by side: what each calendar costs, when it ends, what it asks of the organiser. */
import { officialDate } from "../model/calendar.ts";
import type { ScheduleMetrics } from "../model/metrics.ts";
import { toMarkdown, type Table } from "./table.ts";

export interface ProfileResult {
  readonly profile: string;
  readonly status: "complete" | "partial";
  readonly objective: number;
  readonly proven: boolean;
  /** Each goal's weighted cost in this profile's weights. */
  readonly terms: Readonly<Record<string, number>>;
  readonly metrics: ScheduleMetrics;
}

export function comparisonJson(results: readonly ProfileResult[]): string {
  return `${JSON.stringify({ profiles: results }, null, 2)}\n`;
}

/** The comparison as a table: a column per profile. */
export function comparisonTable(results: readonly ProfileResult[]): Table {
  const goals = [...new Set(results.flatMap((r) => Object.keys(r.terms)))];
  const when = (m: ScheduleMetrics) => ({
    halfDay: m.busiestHalfDay ? `${officialDate(m.busiestHalfDay.date)} ${m.busiestHalfDay.halfDay} (${m.busiestHalfDay.sessions})` : "",
    day: m.busiestDay ? `${officialDate(m.busiestDay.date)} (${m.busiestDay.sessions})` : "",
  });
  const row = (label: string, cell: (r: ProfileResult) => string) => [label, ...results.map(cell)];
  return {
    title: "Goal profiles compared",
    header: ["", ...results.map((r) => r.profile)],
    rows: [
      row("status", (r) => `${r.status}${r.proven ? ", proven optimal" : ""}`),
      row("objective (its own weights)", (r) => String(r.objective)),
      ...goals.map((g) => row(`— ${g}`, (r) => String(r.terms[g] ?? 0))),
      row("first session", (r) => (r.metrics.firstDate ? officialDate(r.metrics.firstDate) : "")),
      row("last session", (r) => (r.metrics.lastDate ? officialDate(r.metrics.lastDate) : "")),
      row("busiest half-day (sessions)", (r) => when(r.metrics).halfDay),
      row("busiest day (sessions)", (r) => when(r.metrics).day),
      row("days with sessions", (r) => String(Object.keys(r.metrics.perDay).length)),
      row("travel (hours)", (r) => String(r.metrics.travelHours)),
    ],
  };
}

export function comparisonMarkdown(results: readonly ProfileResult[]): string {
  return `# Goal profiles compared\n\nEach profile is solved with its own weights; the objectives are not comparable with each other, the figures below them are.\n\n${toMarkdown(comparisonTable(results))}`;
}
