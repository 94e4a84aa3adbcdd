import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposalFiles, proposeReplan, publishProposal } from "../../src/app/replan.ts";
import { versionFiles } from "../../src/export/index.ts";
import { ScheduleFolder, ScheduleFolderReader } from "../../src/folder/schedule-folder.ts";
import { ChangesSchema } from "../../src/model/changes.ts";
import type { Schedule } from "../../src/model/schedule.ts";
import { FrozenConflictError } from "../../src/solve/errors.ts";
import { solvePlan } from "../../src/solve/solve.ts";
import { tinyPlan, tinyPlanText } from "../solve/tiny-plans.ts";
import { brokenAnswers, type Answer } from "./september.ts";

const DAYS = ["2022-09-09", "2022-09-12", "2022-09-13", "2022-09-14"];

describe("property: random sequences of changes on random tiny plans", () => {
  it("every accepted answer keeps holding, the past never changes, nothing changed lies on or before today; a refusal or no re-plan writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        tinyPlanText.map((t) => t.replace("  id: tiny\n", "  id: tiny\n  replanNoticeDays: 0\n")),
        fc.array(fc.record({ who: fc.constantFrom("province", "trainer"), pick: fc.nat(), later: fc.boolean() }), { minLength: 2, maxLength: 4 }),
        async (text, events) => {
          const plan = tinyPlan(text);
          const { schedule: first } = await solvePlan(plan);
          fc.pre(first.status === "complete");
          const out = mkdtempSync(join(tmpdir(), "taphuan-prop-"));
          const folder = await ScheduleFolder.open(out, "property");
          folder.publish((await versionFiles(plan, first, { lang: "vi" })).files, undefined);
          folder.close();
          const current = (): Schedule => new ScheduleFolderReader(out).readSchedule(new ScheduleFolderReader(out).currentVersion()!);
          const answers: Answer[] = [];
          let day = 0;
          for (const event of events) {
            if (event.later && day < DAYS.length - 1) day++;
            const today = DAYS[day]!;
            const before = current();
            const target = before.sessions[event.pick % before.sessions.length]!;
            const answer: Answer = event.who === "province" ? { kind: "province-off", province: target.province, dates: [target.date] } : { kind: "trainer-off", trainer: target.trainers[0]!, dates: [target.date] };
            const change = ChangesSchema.parse(answer.kind === "province-off" ? { provinces: { [answer.province]: { unavailable: [target.date] } } } : { trainers: { [target.trainers[0]!]: { unavailable: [target.date] } } });
            let published = false;
            try {
              const proposal = await proposeReplan({ dir: out, plan, planPath: "tiny.yaml", request: { kind: "change", change }, today, source: "property" });
              if (proposal.outcome.schedule.status === "complete") {
                const writer = await ScheduleFolder.open(out, "property");
                try {
                  publishProposal(writer, proposal, await proposalFiles(proposal, "vi"));
                } finally {
                  writer.close();
                }
                published = true;
              } else expect(proposal.outcome.schedule.unplaced.every((u) => u.reasons.length > 0)).toBe(true);
            } catch (e) {
              // Only a change about a day already held is refused.
              if (!(e instanceof FrozenConflictError)) throw e;
              expect(target.date <= today).toBe(true);
            }
            const after = current();
            if (!published) {
              expect(after).toEqual(before);
              continue;
            }
            answers.push(answer);
            expect(brokenAnswers(after.sessions, answers)).toEqual([]);
            expect(after.sessions.length).toBe(plan.provinces.length);
            for (const s of after.sessions) {
              const was = before.sessions.find((x) => x.code === s.code)!;
              if (was.date <= today) expect(s).toEqual(was);
              const changed = was.date !== s.date || was.halfDay !== s.halfDay || [...was.trainers].sort().join() !== [...s.trainers].sort().join();
              if (changed) expect(s.date > today).toBe(true);
            }
          }
        },
      ),
      { numRuns: 25, seed: 918 },
    );
  }, 240_000);
});
