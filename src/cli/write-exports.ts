import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";

/** The calendar and tables written beside schedule.json (filled in by the export module). */
export function writeExports(_plan: Plan, _schedule: Schedule, _outDir: string, _options: { lang: "vi" | "en" }): string[] {
  return [];
}
