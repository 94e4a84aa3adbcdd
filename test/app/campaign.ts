/** A campaign folder for the application's tests: a plan file, solved into its folder, re-planned as a planner would. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { proposalFiles, proposeReplan, publishProposal } from "../../src/app/replan.ts";
import { solveIntoFolder } from "../../src/app/solve.ts";
import { ScheduleFolder, ScheduleFolderReader } from "../../src/folder/schedule-folder.ts";
import { ChangesSchema, type ChangesInput } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import type { Plan } from "../../src/model/plan.ts";
import type { ReplanOutcome } from "../../src/solve/replan.ts";

/** The small test plan with an organizer and every trainer's e-mail (doanh-nghiep-1 → dn-1@…), so that every session is an invitation. */
export function invitingPlanText(more: (text: string) => string = (t) => t): string {
  return more(
    readFileSync("test/fixtures/small-plan.yaml", "utf8")
      .replace("  registry: vn-63", "  registry: vn-63\n  organizer: { name: Ban tổ chức, email: btc@example.org }")
      .replace("home: Hà Nội }", "home: Hà Nội, email: cdsqg-1@example.org }")
      .replace("clusters: [Cụm A], home: Hà Nội }", "clusters: [Cụm A], home: Hà Nội, email: dn-1@example.org }")
      .replace("home: Bắc Ninh }", "home: Bắc Ninh, email: doan-1@example.org }")
      .replace("unavailable: [2022-09-12] }", "unavailable: [2022-09-12], email: cdsqg-2@example.org }"),
  );
}

export interface Campaign {
  readonly dir: string;
  readonly out: string;
  readonly planPath: string;
  plan(): Plan;
  reader(): ScheduleFolderReader;
  replan(change: ChangesInput, today: string): Promise<ReplanOutcome>;
}

export async function campaign(planText: string): Promise<Campaign> {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-campaign-"));
  const planPath = join(dir, "plan.yaml");
  const out = join(dir, "out");
  writeFileSync(planPath, planText);
  const plan = () => loadPlanText(readFileSync(planPath, "utf8"), planPath).plan;
  await solveIntoFolder({ dir: out, plan: plan(), planPath, lang: "vi", command: "test" });
  return {
    dir,
    out,
    planPath,
    plan,
    reader: () => new ScheduleFolderReader(out),
    async replan(change, today) {
      const proposal = await proposeReplan({ dir: out, plan: plan(), planPath, request: { kind: "change", change: ChangesSchema.parse(change) }, today, source: "test" });
      expect(proposal.outcome.schedule.status).toBe("complete");
      const folder = await ScheduleFolder.open(out, "test");
      try {
        publishProposal(folder, proposal, await proposalFiles(proposal, "vi"));
      } finally {
        folder.close();
      }
      return proposal.outcome;
    },
  };
}
