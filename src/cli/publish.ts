import { join } from "node:path";
import { versionFiles } from "../export/index.ts";
import type { Lang } from "../export/labels.ts";
import { ScheduleFolder, type FileTree } from "../folder/schedule-folder.ts";
import type { PlanData } from "../model/schema.ts";
import type { Plan } from "../model/plan.ts";
import type { Schedule } from "../model/schedule.ts";

/** The files of one version, with export warnings printed unless quiet. */
export async function filesOfVersion(plan: Plan, schedule: Schedule, options: { lang: Lang; quiet?: boolean; source?: PlanData }): Promise<FileTree> {
  const { files, warnings } = await versionFiles(plan, schedule, options);
  if (!options.quiet) for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  return files;
}

/** What a planner reads after a publication: the top-level names, and how many calendar files are where. */
export function describeWritten(folder: ScheduleFolder, version: number, files: FileTree): string[] {
  const written = [...files.keys()].filter((name) => !name.includes("/")).map((name) => join(folder.dir, name));
  for (const sub of ["trainers", "requests", "messages", "updates/requests", "updates/cancel", "updates/messages"]) {
    const count = [...files.keys()].filter((name) => name.startsWith(`${sub}/`)).length;
    if (count) written.push(`${count} file(s) in ${join(folder.dir, sub)}/`);
  }
  written.push(`(version ${version}, kept in ${folder.versionPath(version)})`);
  return written;
}
