import { join } from "node:path";
import { exportAll, type ExportOptions } from "../export/index.ts";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import { writeAtomic } from "./files.ts";

/** Writes the calendar and tables beside schedule.json; returns the paths written. */
export function writeExports(plan: Plan, schedule: Schedule, outDir: string, options: ExportOptions): string[] {
  const { files, warnings } = exportAll(plan, schedule, options);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const written: string[] = [];
  for (const [name, content] of files) {
    writeAtomic(join(outDir, name), content);
    if (!name.includes("/")) written.push(join(outDir, name));
  }
  const updates = options.updatesDir ?? "";
  for (const folder of ["requests", "cancel"]) {
    const count = [...files.keys()].filter((n) => n.startsWith(`${updates}${folder}/`)).length;
    if (count) written.push(`${count} file(s) in ${join(outDir, updates, folder)}/`);
  }
  return written;
}
