import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { currentState, proposalFiles, proposeReplan, publishProposal, type ReplanRequest } from "../../src/app/replan.ts";
import { versionFiles } from "../../src/export/index.ts";
import { ScheduleFolder, ScheduleFolderReader } from "../../src/folder/schedule-folder.ts";
import { standingChanges } from "../../src/model/change-log.ts";
import { ChangesSchema } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import type { Schedule } from "../../src/model/schedule.ts";
import { FrozenConflictError } from "../../src/solve/errors.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { runCli } from "../cli/run-cli.ts";
import { playStory, type Driver } from "./september.ts";
import { changesOf, NOVEMBER_2026, SEPTEMBER_2022 } from "./stories.ts";

/** A copy of the plan file in a folder of its own, so the story may edit it. */
function copyPlan(file: string): { dir: string; planPath: string } {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-story-"));
  const planPath = join(dir, "plan.yaml");
  writeFileSync(planPath, readFileSync(file, "utf8"));
  return { dir, planPath };
}

/** The library's driver: the application layer the CLI and the page call. */
function libraryDriver(file: string): Driver {
  const { dir, planPath } = copyPlan(file);
  const out = join(dir, "out");
  const load = () => loadPlanText(readFileSync(planPath, "utf8"), planPath).plan;
  const current = () => new ScheduleFolderReader(out).readSchedule(new ScheduleFolderReader(out).currentVersion()!);
  // Which log entry each accepted answer became, to withdraw it later by its number, as a planner reads it off the log.
  const idOfStep = new Map<number, number>();
  return {
    async start() {
      const plan = load();
      const { schedule } = await solvePlan(plan, { planPath });
      const folder = await ScheduleFolder.open(out, "story");
      folder.publish((await versionFiles(plan, schedule, { lang: "vi", source: plan.data })).files, undefined);
      folder.close();
      return current();
    },
    async apply(step, today, story) {
      if (step.kind === "edit-plan") writeFileSync(planPath, step.edit(readFileSync(planPath, "utf8")));
      const request: ReplanRequest =
        step.kind === "answer"
          ? { kind: "change", change: ChangesSchema.parse(changesOf(step.answer)), note: step.note }
          : step.kind === "withdraw"
            ? { kind: "withdraw", id: idOfStep.get(step.step) ?? 0 }
            : step.kind === "restore"
              ? { kind: "restore", version: step.version }
              : { kind: "plan-edit" };
      const standing = () => standingChanges(currentState(out)!.log).map((e) => e.id);
      try {
        const proposal = await proposeReplan({ dir: out, plan: load(), planPath, request, today, source: "story" });
        if (proposal.outcome.schedule.status !== "complete") return { result: "no-replan", schedule: current(), standing: standing() };
        const folder = await ScheduleFolder.open(out, "story");
        try {
          publishProposal(folder, proposal, await proposalFiles(proposal, "vi"));
        } finally {
          folder.close();
        }
        if (step.kind === "answer") idOfStep.set(story.length - 1, Math.max(...currentState(out)!.log.entries.map((e) => e.id)));
        return { result: "replanned", schedule: current(), standing: standing(), moves: proposal.outcome.moves };
      } catch (e) {
        if (e instanceof FrozenConflictError) return { result: "refused", schedule: current(), standing: standing() };
        throw e;
      }
    },
  };
}


/** The CLI's driver: `taphuan replan` as a planner types it, one command per event. */
function cliDriver(file: string): Driver {
  const { dir, planPath } = copyPlan(file);
  const out = join(dir, "out");
  const current = () => JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as Schedule;
  const standing = (): number[] => {
    const log = existsSync(join(out, "changes.json")) ? (JSON.parse(readFileSync(join(out, "changes.json"), "utf8")) as { entries: { id: number; kind: string; withdrawn?: unknown }[] }) : { entries: [] };
    return log.entries.filter((e) => e.kind === "change" && !e.withdrawn).map((e) => e.id);
  };
  const idOfStep = new Map<number, number>();
  return {
    async start() {
      const solved = runCli(["solve", planPath, "--out", out, "--quiet"]);
      expect(solved.code, solved.stderr).toBe(0);
      return current();
    },
    async apply(step, today, story) {
      const args = ["replan", planPath, "--schedule", join(out, "schedule.json"), "--today", today, "--json"];
      if (step.kind === "answer") {
        const changes = join(dir, `change-${story.length}.yaml`);
        writeFileSync(changes, JSON.stringify(changesOf(step.answer)));
        args.push("--changes", changes, ...(step.note ? ["--note", step.note] : []));
      }
      if (step.kind === "withdraw") args.push("--withdraw", String(idOfStep.get(step.step)));
      if (step.kind === "restore") args.push("--restore", String(step.version));
      if (step.kind === "edit-plan") writeFileSync(planPath, step.edit(readFileSync(planPath, "utf8")));
      const result = runCli(args);
      if (result.code === 0) {
        const json = JSON.parse(result.stdout) as { standingChanges: number[]; moves: number };
        if (step.kind === "answer") idOfStep.set(story.length - 1, Math.max(...json.standingChanges));
        expect(json.standingChanges).toEqual(standing());
        return { result: "replanned", schedule: current(), standing: standing(), moves: json.moves };
      }
      expect(result.code, result.stderr).toBe(1);
      if (result.stdout.includes('"no-replan"')) return { result: "no-replan", schedule: current(), standing: standing() };
      expect(result.stderr).toContain("held on or before today");
      return { result: "refused", schedule: current(), standing: standing() };
    },
  };
}

describe("a September of changes, through the library", () => {
  it("on a vn-34 plan of our own: the same invariants, a province moved to another cluster, a window stretched", async () => {
    const results = await playStory(libraryDriver("test/fixtures/story/2026-11-vn34.yaml"), NOVEMBER_2026, { provinces: 11, holidays: ["2026-11-20"] });
    expect(results.filter((r) => r === "replanned").length).toBe(11);
  }, 240_000);

  it("on the 2022 plan: every answer stands until withdrawn, the past never changes, nothing moves into it", async () => {
    const results = await playStory(libraryDriver("plans/2022-09-tcnscd.yaml"), SEPTEMBER_2022, { provinces: 63, holidays: ["2022-09-01", "2022-09-02"] });
    // The story is not vacuous: most events made a version.
    expect(results.filter((r) => r === "replanned").length).toBe(12);
  }, 240_000);
});

describe("a September of changes, through the CLI", () => {
  it("on the 2022 plan: the same story, one `taphuan replan` per event, each with its --today", async () => {
    const results = await playStory(cliDriver("plans/2022-09-tcnscd.yaml"), SEPTEMBER_2022, { provinces: 63, holidays: ["2022-09-01", "2022-09-02"] });
    expect(results.filter((r) => r === "replanned").length).toBe(12);
  }, 400_000);
});
