/**
 * `taphuan replies` as a planner runs it: the answers of Outlook, Thunderbird and Apple Calendar
 * read back (test/fixtures/replies/), then the printed re-plan after a decline run as printed, and
 * the updates it makes sent (--dry-run).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { invitingPlanText } from "../app/campaign.ts";
import { runCli } from "./run-cli.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(ROOT, "test/fixtures/replies");

describe("taphuan replies", () => {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-replies-"));
  const plan = join(dir, "plan.yaml");
  const out = join(dir, "out");
  const replies = readdirSync(FIXTURES).filter((f) => f.endsWith(".eml")).sort().map((f) => join(FIXTURES, f));

  beforeAll(() => {
    writeFileSync(plan, invitingPlanText());
    expect(runCli(["solve", plan, "--out", out, "--quiet"]).code).toBe(0);
  }, 60_000);

  it("says what each reply is, then every session: who accepted, declined, proposed another time, has not answered", () => {
    const result = runCli(["replies", out, ...replies]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("outlook-accepted.eml: Doanh nghiệp-1 accepted Hà Nam\n");
    expect(result.stdout).toContain("outlook-counter.eml: CĐSQG-1 proposed another time for Nam Định: Thursday, 15/9/2022, 08:00–11:30 — “Sáng 13/9 tôi bận họp; xin dời sang sáng Thứ Năm 15/9.”\n");
    expect(result.stdout).toContain("thunderbird-declined.eml: Đoàn-1 declined Bắc Giang\n");
    expect(result.stdout).toContain(["Nam Định — Tuesday, 13/9/2022, morning", "  proposed another time: CĐSQG-1 (Thursday, 15/9/2022, 08:00–11:30)", "  not answered: Doanh nghiệp-1", "Bắc Giang — Tuesday, 13/9/2022, morning", "  tentative: CĐSQG-2", "  declined: Đoàn-1"].join("\n"));
    expect(result.stdout).toContain(`To re-staff after a decline (the trainer away that day), re-plan:\n  taphuan replan ${plan} --schedule ${join(out, "schedule.json")} --trainer-unavailable "Đoàn-1=2022-09-13"\n`);
    const vi = runCli(["replies", out, "--lang", "vi"]);
    expect(vi.stdout).toContain("Bắc Giang — Thứ Ba, 13/9/2022, sáng\n  tạm chấp nhận: CĐSQG-2\n  từ chối: Đoàn-1\n");
    const json = JSON.parse(runCli(["replies", out, "--json"]).stdout) as { declines: { trainer: string; command: string }[] };
    expect(json.declines.map((d) => d.trainer)).toEqual(["Đoàn-1"]);
  }, 60_000);

  it("re-staffs after a decline with the command it printed, and the trainer's answer to the old invitation no longer stands", () => {
    const printed = /^ {2}taphuan (replan .*)$/m.exec(runCli(["replies", out]).stdout)![1]!;
    // As printed, with the day of the decision (the campaign is in 2022).
    const replan = spawnSync("bash", ["-c", `node bin/taphuan.js ${printed} --today 2022-09-05 --quiet`], { cwd: ROOT, encoding: "utf8" });
    expect(replan.status, replan.stderr).toBe(0);
    const state = runCli(["replies", out]).stdout;
    expect(state).not.toContain("declined: Đoàn-1");
    expect(state).not.toContain("To re-staff");
    const dryRun = runCli(["send", out, "--dry-run"]);
    expect(dryRun.stdout).toMatch(/would send versions\/v2\/messages\/\S+\.eml to/);
  }, 60_000);

  it("refuses a reply file that is not there (exit 2), naming it", () => {
    const result = runCli(["replies", out, join(dir, "nothere.eml")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothere.eml: there is no such file — check the path");
  });
});
