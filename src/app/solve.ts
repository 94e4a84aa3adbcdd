/** Solving a plan into an empty schedule folder: its first version, locked from the start. */
import { versionFiles } from "../export/index.ts";
import type { Lang } from "../export/labels.ts";
import { ScheduleFolder } from "../folder/schedule-folder.ts";
import type { Plan } from "../model/plan.ts";
import { solvePlan, type SolveOptions } from "../solve/solve.ts";

export interface SolveIntoFolder {
  readonly dir: string;
  /** The plan file as written (recorded as the version's plan.json). */
  readonly plan: Plan;
  readonly planPath: string;
  readonly lang: Lang;
  /** Who writes, for the lock ("solve", "solve (workspace)"). */
  readonly command: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: SolveOptions["onProgress"];
}

export async function solveIntoFolder(input: SolveIntoFolder): Promise<{ version: number; status: "complete" | "partial" }> {
  // Locked before the solve: a second writer is told at once, and an unwritable folder is found before the work.
  const folder = await ScheduleFolder.open(input.dir, input.command);
  try {
    const { schedule } = await solvePlan(input.plan, { planPath: input.planPath, ...(input.signal ? { signal: input.signal } : {}), ...(input.onProgress ? { onProgress: input.onProgress } : {}) });
    const version = folder.publish((await versionFiles(input.plan, schedule, { lang: input.lang, source: input.plan.data })).files, undefined);
    return { version, status: schedule.status };
  } finally {
    folder.close();
  }
}
