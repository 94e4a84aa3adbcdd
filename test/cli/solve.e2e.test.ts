import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateGoals } from "../../src/solve/check.ts";
import { plan2022 } from "../helpers.ts";
import { runCli } from "./run-cli.ts";

describe("taphuan solve and check on the 2022 plan", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-solve-"));
  let solved: ReturnType<typeof runCli>;
  beforeAll(() => {
    solved = runCli(["solve", "plans/2022-09-tcnscd.yaml", "--out", out, "--quiet"]);
  }, 120_000);

  it("writes a complete schedule of the 63 provinces, each inside its cluster's window on a working half-day", () => {
    expect(solved.code).toBe(0);
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    expect(schedule.status).toBe("complete");
    expect(schedule.sessions).toHaveLength(63);
    expect(new Set(schedule.sessions.map((s: { province: string }) => s.province)).size).toBe(63);
    const cum2 = schedule.sessions.filter((s: { cluster: string }) => s.cluster === "Cụm 2");
    for (const s of cum2) expect(s.date >= "2022-09-13" && s.date <= "2022-09-23").toBe(true);
    for (const s of schedule.sessions) {
      expect(["2022-09-01", "2022-09-02"]).not.toContain(s.date);
      expect([0, 6]).not.toContain(new Date(`${s.date}T12:00:00Z`).getUTCDay());
    }
    expect(schedule.report.proven).toBe(true);
  });

  it("reports an objective equal to the sum of the goals' penalties of the schedule it wrote", () => {
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    const cost = evaluateGoals(plan2022(), schedule.sessions).reduce((sum, g) => sum + g.cost, 0);
    expect(schedule.report.objective).toBeCloseTo(cost, 6);
  });

  it("check accepts the solver's schedule", () => {
    const checked = runCli(["check", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json")]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("63 sessions, every rule holds");
  });

  it("check lists every violation of a hand-edited schedule, grouped by rule, and exits 1", () => {
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    const haNam = schedule.sessions.find((s: { province: string }) => s.province === "Hà Nam");
    haNam.date = "2022-09-10"; // a Saturday
    schedule.sessions = schedule.sessions.filter((s: { province: string }) => s.province !== "Cao Bằng");
    const edited = join(out, "edited.json");
    writeFileSync(edited, JSON.stringify(schedule, null, 2));
    const checked = runCli(["check", "plans/2022-09-tcnscd.yaml", edited]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("one-session-per-province — Each province has exactly one session (1):\n  Cao Bằng (Cụm 2) has no session");
    expect(checked.stdout).toMatch(/Hà Nam, 10\/9\/2022 (morning|afternoon) is outside Cụm 1's window 2022-09-12..2022-09-30/);
    expect(checked.stdout).toMatch(/Hà Nam, 10\/9\/2022 (morning|afternoon) is a Saturday, not a working day/);
  });

  it("check refuses a schedule file that is not a schedule, naming the field", () => {
    const broken = join(out, "broken.json");
    writeFileSync(broken, '{ "plan": "x", "sessions": [] }');
    const checked = runCli(["check", "plans/2022-09-tcnscd.yaml", broken]);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`${broken}:1:1: planId: required field is missing (expected text)`);
  });
});

describe("taphuan solve without a full schedule", () => {
  it("exits 1, names Cụm 1 and the skills role, and writes the partial schedule", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-infeasible-"));
    const solved = runCli(["solve", "examples/infeasible-cum-1.yaml", "--out", out]);
    expect(solved.code).toBe(1);
    expect(solved.stdout).toContain("Cụm 1 needs 12 sessions with a skills trainer, but its skills trainers (Doanh nghiệp-1) are free on only 4 half-days between 12/9/2022 and 30/9/2022, for at most 4 sessions");
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    expect(schedule.status).toBe("partial");
    expect(schedule.unplaced).toHaveLength(8);
    expect(schedule.sessions).toHaveLength(55);
  }, 120_000);

  it("rejects an unknown solver with the allowed values", () => {
    const solved = runCli(["solve", "plans/2022-09-tcnscd.yaml", "--solver", "cplex"]);
    expect(solved.code).toBe(2);
    expect(solved.stderr).toContain("invalid value for --solver (cplex). Expected one of: js, highs");
  });
});

describe("taphuan solve under a time limit", () => {
  it("writes the greedy placer's checked schedule, marked unproven, when the optimiser finds none in time", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-greedy-"));
    // A hundredth of a second: not even HiGHS's first relaxation is done by then.
    const solved = runCli(["solve", "plans/2022-09-tcnscd.yaml", "--out", out, "--time-limit", "0.01"]);
    expect(solved.code, solved.stderr).toBe(0);
    expect(solved.stdout).toContain("63 sessions scheduled · solver highs");
    expect(solved.stdout).toContain("greedy placement (the optimiser found no schedule in the time limit)");
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    expect(schedule.status).toBe("complete");
    expect(schedule.report.proven).toBe(false);
    expect(runCli(["check", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json")]).code).toBe(0);
  }, 120_000);

  it("refuses a limit longer than a day instead of stopping at once", () => {
    const solved = runCli(["solve", "plans/2022-09-tcnscd.yaml", "--time-limit", "3000000"]);
    expect(solved.code).toBe(2);
    expect(solved.stderr).toContain("invalid value for --time-limit (3000000). Expected a number of seconds above 0 and at most 86400 (a day), e.g. 60");
  });
});

describe("what the CLI prints follows --lang, else the locale; the files stay Vietnamese", () => {
  const plan = "test/fixtures/small-plan.yaml";

  it("--lang vi: the summary, the plan's warnings and the written files in Vietnamese", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-lang-"));
    const run = runCli(["solve", plan, "--out", out, "--lang", "vi"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Đã xếp 4 buổi · bộ giải highs/);
    expect(run.stdout).toContain("tối ưu đã chứng minh");
    expect(run.stdout).toContain("đã ghi ");
    expect(run.stderr).toContain("lưu ý: clusters[1].name: Cụm B chưa có thời gian");
    const check = runCli(["check", plan, join(out, "schedule.json"), "--lang", "vi"]);
    expect(check.stdout).toContain("4 buổi, đúng mọi quy tắc");
  });

  it("without --lang, a Vietnamese locale gives Vietnamese and another English; the documents are Vietnamese either way", () => {
    const vi = mkdtempSync(join(tmpdir(), "taphuan-lang-"));
    const en = mkdtempSync(join(tmpdir(), "taphuan-lang-"));
    expect(runCli(["solve", plan, "--out", vi], { env: { LANG: "vi_VN.UTF-8" } }).stdout).toMatch(/^Đã xếp 4 buổi/);
    expect(runCli(["solve", plan, "--out", en], { env: { LANG: "C.UTF-8" } }).stdout).toMatch(/^4 sessions scheduled/);
    expect(readFileSync(join(en, "sessions.md"), "utf8")).toBe(readFileSync(join(vi, "sessions.md"), "utf8"));
    expect(readFileSync(join(en, "sessions.md"), "utf8")).toContain("Tỉnh, thành phố");
  });

  it("a broken plan's problems in the terminal's language, each with file, line and field", () => {
    const broken = "test/fixtures/broken/11-september-31.yaml";
    expect(runCli(["solve", broken, "--lang", "vi"]).stderr).toContain('11-september-31.yaml:6:35: campaign.period.to: "2022-09-31" không phải một ngày: tháng 9 năm 2022 có 30 ngày');
    const english = runCli(["solve", broken]);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('campaign.period.to: "2022-09-31" is not a date: September 2022 has 30 days');
  });
});
