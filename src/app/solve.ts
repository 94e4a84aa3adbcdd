/**
 * Solving a plan into a schedule folder, once for the CLI and the page: locked from the start, the
 * plan solved (with a goal profile, several side by side, proposed windows), its first version
 * published — or nothing written when the folder already holds this very schedule, and a refusal
 * when it holds another one.
 */
import { join } from "node:path";
import { comparisonJson, comparisonMarkdown, type ProfileResult } from "../export/comparison.ts";
import { versionFiles } from "../export/index.ts";
import type { Lang } from "../words/labels.ts";
import { ScheduleFolder, type FileTree } from "../folder/schedule-folder.ts";
import { error, InputError } from "../model/issues.ts";
import { scheduleMetrics, type ScheduleMetrics } from "../model/metrics.ts";
import type { Plan } from "../model/plan.ts";
import { loadScheduleText, planHash, type Schedule, type SolveReport } from "../model/schedule.ts";
import { planProposingWindows, planWithProfile } from "../model/variants.ts";
import type { SolverName } from "../solve/backends.ts";
import { evaluateGoals } from "../solve/check.ts";
import { proveRelaxations, type RelaxResult } from "../solve/relax.ts";
import { solvePlan, type SolveOptions } from "../solve/solve.ts";

export interface SolveIntoFolder {
  readonly dir: string;
  /** The plan file as written (recorded as the version's plan.json). */
  readonly plan: Plan;
  readonly planPath: string;
  readonly lang: Lang;
  /** Who writes, for the lock ("solve", "solve (workspace)"). */
  readonly command: string;
  /** Goal profiles: the first is published; with more than one, each is solved and compared (comparison.md/.json). */
  readonly profiles?: readonly string[];
  /** Clusters the plan leaves undated get proposed windows. */
  readonly proposeWindows?: boolean;
  readonly solver?: SolverName;
  readonly timeLimitSeconds?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: Parameters<NonNullable<SolveOptions["onProgress"]>>[0], profile: string | undefined) => void;
}

export interface SolvedIntoFolder {
  readonly folder: string;
  readonly version: number;
  /** False when the folder already held this very schedule: nothing was written. */
  readonly written: boolean;
  /** The plan as solved (profile, proposed windows), for the fix search and the summary. */
  readonly plan: Plan;
  readonly schedule: Schedule;
  readonly report: SolveReport;
  readonly metrics: ScheduleMetrics;
  readonly files: FileTree;
  /** What the exports could not do (no organizer: no meeting requests). */
  readonly warnings: readonly string[];
  readonly comparison?: readonly ProfileResult[];
}

export async function solveIntoFolder(input: SolveIntoFolder): Promise<SolvedIntoFolder> {
  // --propose-windows: every cluster the plan leaves undated gets dates proposed (the plan's blank stays blank).
  const written = input.proposeWindows ? planProposingWindows(input.plan) : input.plan;
  const profiles = (input.profiles ?? []).map((name) => ({ name, plan: planWithProfile(written, name, "--profile") }));
  const plan = profiles[0]?.plan ?? written;
  // Locked before the solve: a second writer is told at once, and an unwritable folder is found before the work.
  const folder = await ScheduleFolder.open(input.dir, input.command);
  try {
    const current = folder.currentVersion();
    const currentText = current === undefined ? undefined : folder.readVersionFile(current, "schedule.json");
    const held = currentText === undefined ? undefined : loadScheduleText(currentText, folder.versionPath(current!, "schedule.json"));
    if (current !== undefined && held!.planHash !== planHash(plan)) throw holdsAnother(folder, current, held!.planId);

    const solveWith = async (which: Plan, profile: string | undefined) => {
      const outcome = await solvePlan(which, {
        planPath: input.planPath,
        ...(input.solver ? { solver: input.solver } : {}),
        // A solve bounded in time starts from the greedy placer's schedule: where the optimiser cannot
        // place everyone by the limit it improves that schedule instead of handing it back as it is
        // (one cluster of 63 at 10 s: 1273.5 instead of 1424.0); without a limit the start only costs.
        ...(input.timeLimitSeconds !== undefined ? { timeLimitSeconds: input.timeLimitSeconds, greedyStart: true } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onProgress ? { onProgress: (e: Parameters<NonNullable<SolveOptions["onProgress"]>>[0]) => input.onProgress!(e, profile) } : {}),
      });
      return { ...outcome, schedule: { ...outcome.schedule, ...(profile ? { profile } : {}), ...(input.proposeWindows ? { proposeWindows: true } : {}) } };
    };
    const { schedule, report } = await solveWith(plan, profiles[0]?.name);
    const exported = await versionFiles(plan, schedule, { lang: input.lang, source: input.plan.data });
    const files = new Map(exported.files);
    let comparison: ProfileResult[] | undefined;
    if (profiles.length > 1) {
      comparison = [];
      for (const [i, profile] of profiles.entries()) {
        const solved = i === 0 ? { schedule, report } : await solveWith(profile.plan, profile.name);
        const terms = Object.fromEntries(evaluateGoals(profile.plan, solved.schedule.sessions).filter((g) => g.cost !== 0).map((g) => [g.id, Math.round(g.cost * 100) / 100]));
        comparison.push({ profile: profile.name, status: solved.schedule.status, objective: solved.report.objective, proven: solved.report.proven, terms, metrics: scheduleMetrics(profile.plan, solved.schedule) });
      }
      files.set("comparison.md", comparisonMarkdown(comparison));
      files.set("comparison.json", comparisonJson(comparison));
    }
    const result = { folder: folder.dir, plan, schedule, report, metrics: scheduleMetrics(plan, schedule), files, warnings: exported.warnings, ...(comparison ? { comparison } : {}) };
    if (current !== undefined) {
      // The same plan: the same schedule again (deterministic), or the folder holds one people may already have.
      if (files.get("schedule.json") !== currentText) throw holdsAnother(folder, current, schedule.planId);
      return { ...result, version: current, written: false };
    }
    return { ...result, version: folder.publish(files, undefined), written: true };
  } finally {
    folder.close();
  }
}

/**
 * Without a full schedule: the smallest change of each kind that places everyone, each proven by
 * solving again. `deadline` (epoch ms; a command's --time-limit counted from its start) ends the
 * search and bounds each re-solve by the time left.
 */
export function proveFixes(solved: Pick<SolvedIntoFolder, "plan" | "schedule">, options: Pick<SolveIntoFolder, "solver" | "timeLimitSeconds" | "signal"> & { readonly deadline?: number } = {}): Promise<RelaxResult> {
  const solve = async (changed: Plan, seconds: number | undefined) => {
    const limit = seconds ?? options.timeLimitSeconds;
    return (await solvePlan(changed, { ...(options.solver ? { solver: options.solver } : {}), ...(limit !== undefined ? { timeLimitSeconds: limit } : {}) })).schedule;
  };
  return proveRelaxations(solved.plan, solved.schedule, { solve, ...(options.deadline !== undefined ? { deadline: options.deadline } : {}), ...(options.signal ? { signal: options.signal } : {}) });
}

function holdsAnother(folder: ScheduleFolder, version: number, planId: string): InputError {
  return new InputError(folder.dir, [
    error(
      "out-holds-schedule",
      [],
      `already holds version ${version} of the schedule of plan "${planId}"; solving again would replace the calendar people may already have`,
      `re-plan it (taphuan replan PLAN --schedule ${join(folder.dir, "schedule.json")}), or solve into another folder (--out DIR)`,
    ),
  ]);
}
