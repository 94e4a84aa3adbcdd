import { join } from "node:path";
import { exportAll } from "../export/index.ts";
import type { Lang } from "../export/labels.ts";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";
import { writeAtomic } from "./files.ts";

/** Writes the calendar and tables beside schedule.json; returns the paths written. */
export function writeExports(plan: Plan, schedule: Schedule, outDir: string, options: Parameters<typeof exportAll>[2] & { lang: Lang }): string[] {
  const { files, warnings } = exportAll(plan, schedule, options);
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const written: string[] = [];
  for (const [name, content] of files) {
    writeAtomic(join(outDir, name), content);
    if (!name.includes("/")) written.push(join(outDir, name));
  }
  const requests = [...files.keys()].filter((n) => n.startsWith("requests/")).length;
  const cancels = [...files.keys()].filter((n) => n.startsWith("cancel/")).length;
  if (requests) written.push(`${requests} file(s) in ${join(outDir, "requests")}/`);
  if (cancels) written.push(`${cancels} file(s) in ${join(outDir, "cancel")}/`);
  return written;
}
