import type { Schedule, SolveReport } from "../model/schedule.ts";

/** What a planner reads after a solve: sessions placed, optimality per part, unplaced provinces and why. */
export function printOutcome(schedule: Schedule, report: SolveReport, files: readonly string[], seconds: number): void {
  const out = process.stdout;
  out.write(`${schedule.sessions.length} sessions scheduled${schedule.unplaced.length ? `, ${schedule.unplaced.length} province(s) NOT placed` : ""} · solver ${report.solver} · ${seconds.toFixed(1)} s\n`);
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
