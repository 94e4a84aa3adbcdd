import { officialDate } from "../model/calendar.ts";
import type { ScheduleMetrics } from "../model/metrics.ts";
import type { Schedule, SolveReport } from "../model/schedule.ts";

/** What a planner reads after a solve: sessions placed, optimality per part, unplaced provinces and why. */
export function printOutcome(schedule: Schedule, report: SolveReport, files: readonly string[], seconds: number, metrics: ScheduleMetrics): void {
  const out = process.stdout;
  out.write(`${schedule.sessions.length} sessions scheduled${schedule.unplaced.length ? `, ${schedule.unplaced.length} province(s) NOT placed` : ""} · solver ${report.solver} · ${seconds.toFixed(1)} s\n`);
  if (metrics.busiestHalfDay && metrics.busiestDay && metrics.firstDate && metrics.lastDate) {
    out.write(
      `  ${officialDate(metrics.firstDate)}–${officialDate(metrics.lastDate)} · busiest half-day ${officialDate(metrics.busiestHalfDay.date)} ${metrics.busiestHalfDay.halfDay} (${metrics.busiestHalfDay.sessions} sessions) · busiest day ${officialDate(metrics.busiestDay.date)} (${metrics.busiestDay.sessions}) · ${Object.keys(metrics.perDay).length} days with sessions\n`,
    );
  }
  for (const w of metrics.proposedWindows) out.write(`  proposed window for ${w.cluster}: ${officialDate(w.from)}–${officialDate(w.to)}\n`);
  for (const part of report.parts) {
    out.write(`  ${part.clusters.join(", ")}: ${part.sessions} sessions, objective ${part.objective}, ${part.proven ? "proven optimal" : part.gap === null ? "best found, no bound in time" : `best found, bound ${part.bound}, gap ${(part.gap * 100).toFixed(2)}%`} (${part.method})\n`);
  }
  if (schedule.unplaced.length) {
    out.write("\nNo full schedule. Not placed:\n");
    const byReasons = new Map<string, string[]>();
    for (const u of schedule.unplaced) byReasons.set(u.reasons.join("; "), [...(byReasons.get(u.reasons.join("; ")) ?? []), `${u.province} (${u.cluster})`]);
    for (const [reasons, provinces] of byReasons) out.write(`  ${provinces.join(", ")}:\n    ${reasons}\n`);
    out.write("The best partial schedule is written, marked partial.\n");
  }
  out.write(`\nwrote ${files.join(", ")}\n`);
}
