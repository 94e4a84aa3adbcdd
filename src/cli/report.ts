import { officialDate } from "../model/calendar.ts";
import type { ScheduleMetrics } from "../model/metrics.ts";
import type { Schedule, SolveReport } from "../model/schedule.ts";
import { CLI_WORDS } from "../words/cli.ts";
import { unplacedText } from "../words/issues.ts";
import { LABELS, type Lang } from "../words/labels.ts";

/** What a planner reads after a solve: sessions placed, optimality per part, unplaced provinces and why. */
export function printOutcome(schedule: Schedule, report: SolveReport, files: readonly string[], seconds: number, metrics: ScheduleMetrics, lang: Lang): void {
  const out = process.stdout;
  const w = CLI_WORDS[lang];
  out.write(`${w.scheduled(schedule.sessions.length, schedule.unplaced.length, report.solver, seconds.toFixed(1))}\n`);
  if (metrics.busiestHalfDay && metrics.busiestDay && metrics.firstDate && metrics.lastDate) {
    const { busiestHalfDay: half, busiestDay: day } = metrics;
    out.write(`  ${w.pace(officialDate(metrics.firstDate), officialDate(metrics.lastDate), officialDate(half.date), lang === "en" ? half.halfDay : LABELS.vi[half.halfDay].toLowerCase(), half.sessions, officialDate(day.date), day.sessions, Object.keys(metrics.perDay).length)}\n`);
  }
  for (const window of metrics.proposedWindows) out.write(`  ${w.proposedWindow(window.cluster, officialDate(window.from), officialDate(window.to))}\n`);
  for (const part of report.parts) {
    const quality = part.proven ? w.proven : part.gap === null ? w.noBound : w.gap(part.bound ?? 0, (part.gap * 100).toFixed(2));
    out.write(`  ${w.part(part.clusters.join(", "), part.sessions, part.objective, quality, part.method)}\n`);
  }
  if (schedule.unplaced.length) {
    out.write(`\n${w.notPlacedHeader}\n`);
    const byReasons = new Map<string, string[]>();
    for (const u of schedule.unplaced) {
      const reasons = unplacedText(u, lang);
      byReasons.set(reasons, [...(byReasons.get(reasons) ?? []), `${u.province} (${u.cluster})`]);
    }
    for (const [reasons, provinces] of byReasons) out.write(`  ${provinces.join(", ")}:\n    ${reasons}\n`);
    out.write(`${w.partialWritten}\n`);
  }
  if (files.length) out.write(`\n${w.wrote(files.join(", "))}\n`);
}
