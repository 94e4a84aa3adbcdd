/** The application's re-plan flow on the edges a September reaches: stale answers, a second answer, damaged files, an earlier today. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { currentState, proposalFiles, proposeReplan, publishProposal, type ReplanRequest } from "../../src/app/replan.ts";
import { issueText } from "../../src/words/issues.ts";
import { differenceText, notBackText } from "../../src/words/change-log.ts";
import { versionFiles } from "../../src/export/index.ts";
import { ScheduleFolder, ScheduleFolderReader } from "../../src/folder/schedule-folder.ts";
import { standingChanges } from "../../src/model/change-log.ts";
import { ChangesSchema, type ChangesInput } from "../../src/model/changes.ts";
import { InputError } from "../../src/model/issues.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { solvePlan } from "../../src/solve/solve.ts";

const FIXTURE = "test/fixtures/story/2026-11-vn34.yaml";

describe("re-planning a campaign folder (src/app/replan.ts)", () => {
  let dir: string;
  let planPath: string;
  let out: string;
  const plan = () => loadPlanText(readFileSync(planPath, "utf8"), planPath).plan;
  const schedule = () => new ScheduleFolderReader(out).readSchedule(new ScheduleFolderReader(out).currentVersion()!);
  const propose = (request: ReplanRequest, today: string) => proposeReplan({ dir: out, plan: plan(), planPath, request, today, source: "test" });
  const change = (input: ChangesInput, today: string) => propose({ kind: "change", change: ChangesSchema.parse(input) }, today);
  async function accept(proposal: Awaited<ReturnType<typeof propose>>) {
    expect(proposal.outcome.schedule.status).toBe("complete");
    const folder = await ScheduleFolder.open(out, "test");
    try {
      return publishProposal(folder, proposal, await proposalFiles(proposal, "vi"));
    } finally {
      folder.close();
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "taphuan-app-"));
    planPath = join(dir, "plan.yaml");
    writeFileSync(planPath, readFileSync(FIXTURE, "utf8"));
    out = join(dir, "out");
    const { schedule: first } = await solvePlan(plan());
    const folder = await ScheduleFolder.open(out, "test");
    folder.publish((await versionFiles(plan(), first, { lang: "vi", source: plan().data })).files, undefined);
    folder.close();
  }, 60_000);

  it("a today earlier than the last version's holds what that version held, and says so", async () => {
    await accept(await change({ provinces: { "Gia Lai": { unavailable: ["2026-11-12"] } } }, "2026-11-05"));
    const v2 = schedule();
    // Quảng Ngãi's session of 5/11 was held by v2's day: an answer about it reaches into the past, whichever day is typed.
    expect(v2.sessions.find((s) => s.province === "Quảng Ngãi")!.date).toBe("2026-11-05");
    await expect(change({ provinces: { "Quảng Ngãi": { unavailable: ["2026-11-05"] } } }, "2026-11-02")).rejects.toThrow("held on or before today (2026-11-05)");
    const earlier = await change({ provinces: { "Đắk Lắk": { unavailable: ["2026-11-25"] } } }, "2026-11-02");
    expect([earlier.outcome.today, earlier.outcome.changeableFrom]).toEqual(["2026-11-05", "2026-11-09"]);
    expect(earlier.warnings.join()).toContain("is earlier than the day version 2 was made on (2026-11-05): what that version held stays held");
  }, 60_000);

  it("an older answer the edited plan has no place for lapses in part, says so, and can still be withdrawn", async () => {
    await accept(await change({ trainers: { "CĐSQG-3": { unavailable: ["2026-11-18"] } } }, "2026-11-02"));
    await accept(await change({ provinces: { "Khánh Hòa": { unavailable: ["2026-11-19"] } } }, "2026-11-02"));
    // The plan file loses the trainer and the province.
    writeFileSync(planPath, readFileSync(planPath, "utf8").replace(/^ {2}- \{ id: CĐSQG-3,.*\n/m, "  - { id: CĐSQG-3b, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], clusters: [Nam Trung Bộ], home: Khánh Hòa }\n").replace("Gia Lai, Khánh Hòa,", "Gia Lai,"));
    const edited = await propose({ kind: "plan-edit" }, "2026-11-03");
    expect(edited.planEdit!.map((d) => differenceText(d, "en"))).toEqual(expect.arrayContaining(["trainer CĐSQG-3 removed", "Khánh Hòa removed from the plan (was in Nam Trung Bộ)"]));
    expect(edited.planEdit!.map((d) => differenceText(d, "vi"))).toEqual(expect.arrayContaining(["bỏ giảng viên CĐSQG-3", "bỏ Khánh Hòa khỏi kế hoạch (trước thuộc Nam Trung Bộ)"]));
    expect(edited.warnings).toEqual([
      "change #1 (v2) no longer applies in part: trainer CĐSQG-3 is no longer in the plan — nothing to do; withdraw change #1 to clear it from the changes that stand",
      "change #2 (v3) no longer applies in part: Khánh Hòa is no longer in any cluster of the plan — nothing to do; withdraw change #2 to clear it from the changes that stand",
    ]);
    // The page says the same in Vietnamese, from the lapses as data.
    expect(edited.lapses.map((issue) => issueText(issue, "vi"))).toEqual([
      "thay đổi #1 (v2) không còn áp dụng một phần: giảng viên CĐSQG-3 không còn trong kế hoạch — không cần làm gì; rút lại thay đổi #1 để bỏ nó khỏi các thay đổi đang áp dụng",
      "thay đổi #2 (v3) không còn áp dụng một phần: Khánh Hòa không còn thuộc cụm nào của kế hoạch — không cần làm gì; rút lại thay đổi #2 để bỏ nó khỏi các thay đổi đang áp dụng",
    ]);
    await accept(edited);
    expect(schedule().sessions.map((s) => s.province)).not.toContain("Khánh Hòa");
    await accept(await propose({ kind: "withdraw", id: 1 }, "2026-11-03"));
    await accept(await propose({ kind: "withdraw", id: 2 }, "2026-11-03"));
    expect(standingChanges(currentState(out)!.log)).toEqual([]);
  }, 60_000);

  it("a second answer where one holds is refused until the first is withdrawn", async () => {
    await accept(await change({ provinces: { "Gia Lai": { fixed: { date: "2026-11-10", halfDay: "afternoon" } } } }, "2026-11-02"));
    await expect(change({ provinces: { "Gia Lai": { fixed: { date: "2026-11-12", halfDay: "morning" } } } }, "2026-11-02")).rejects.toThrow("change #1 (v2) already gives Gia Lai's half-day — withdraw change #1 first, then give the new answer");
    await accept(await propose({ kind: "withdraw", id: 1 }, "2026-11-02"));
    await accept(await change({ provinces: { "Gia Lai": { fixed: { date: "2026-11-12", halfDay: "morning" } } } }, "2026-11-02"));
    expect(schedule().sessions.find((s) => s.province === "Gia Lai")).toMatchObject({ date: "2026-11-12", halfDay: "morning" });
  }, 60_000);

  it("a restore is never called proven minimal: it stays close to the old version, not to the current one", async () => {
    await accept(await change({ provinces: { "Gia Lai": { unavailable: ["2026-11-04"] } } }, "2026-11-02"));
    const restore = await propose({ kind: "restore", version: 1 }, "2026-11-02");
    expect(restore.outcome.provenMinimal).toBe(false);
    expect(restore.restore!.notBack.map((n) => n.province)).toEqual(["Gia Lai"]);
    const [why] = restore.restore!.notBack[0]!.reasons;
    expect(why).toMatchObject({ kind: "rule", rule: "province-available", date: "2026-11-04", since: [{ id: 1, version: 2 }] });
    expect(notBackText(why!, "en")).toMatch(/^4\/11\/2026 (morning|afternoon): Gia Lai cannot host then — change #1, since v2$/);
    expect(notBackText(why!, "vi")).toMatch(/^4\/11\/2026 \((sáng|chiều)\): không xếp buổi khi tỉnh không thể tổ chức — thay đổi #1, từ v2$/);
  }, 60_000);

  it("a damaged changes.json or plan.json is bad input naming the file, never a crash", async () => {
    await accept(await change({ provinces: { "Gia Lai": { unavailable: ["2026-11-12"] } } }, "2026-11-02"));
    const version = join(out, "versions", "v2");
    const good = readFileSync(join(version, "changes.json"), "utf8");
    writeFileSync(join(version, "changes.json"), good.slice(0, 40));
    await expect(propose({ kind: "plan-edit" }, "2026-11-02")).rejects.toThrow(InputError);
    await expect(propose({ kind: "plan-edit" }, "2026-11-02")).rejects.toThrow(`${join(version, "changes.json")}: is not a change log taphuan wrote`);
    writeFileSync(join(version, "changes.json"), good);
    writeFileSync(join(version, "plan.json"), "{}");
    await expect(propose({ kind: "plan-edit" }, "2026-11-02")).rejects.toThrow(`${join(version, "plan.json")}: is not the plan taphuan wrote`);
  }, 60_000);
});
