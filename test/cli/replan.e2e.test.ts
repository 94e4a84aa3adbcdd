import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";
import { HARD_CONSTRAINTS } from "../../src/solve/constraints/index.ts";

type S = { province: string; date: string; halfDay: string; trainers: string[]; sequence: number; id: string };

describe("the walk-through in examples/: September, then Nam Định cannot host on its day", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-walk-"));
  let before: { sessions: S[]; version: number };
  let walk: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    expect(runCli(["solve", "plans/2022-09-tcnscd.yaml", "--out", out, "--quiet"]).code).toBe(0);
    before = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    walk = spawnSync("bash", ["examples/walkthrough.sh", out], { encoding: "utf8" });
  }, 180_000);

  it("gives Nam Định 15/9, the day the changes file names", () => {
    expect(before.sessions.find((s) => s.province === "Nam Định")).toMatchObject({ date: "2022-09-15" });
  });

  it("moves Nam Định and no other session, proven minimal, and keeps the trainers", () => {
    expect(walk.status).toBe(0);
    const after = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as { sessions: S[]; version: number };
    expect(after.version).toBe(2);
    const moved = after.sessions.filter((s) => {
      const old = before.sessions.find((o) => o.id === s.id)!;
      return old.date !== s.date || old.halfDay !== s.halfDay;
    });
    expect(moved.map((s) => s.province)).toEqual(["Nam Định"]);
    expect(moved[0]!.date > "2022-09-14").toBe(true);
    expect(moved[0]!.sequence).toBe(1);
    expect(walk.stdout).toContain("v1 → v2: 1 session(s) moved (proven minimal), 0 re-staffed");
    expect(walk.stdout).toMatch(/Nam Định: Thursday, 15\/9\/2022, (morning|afternoon) → \w+day, .+; trainers unchanged/);
    expect(walk.stdout).toContain("every rule holds");
    // The re-plan recorded its changes beside the schedule: check applies them and ends clean,
    // the held sessions of v1 included.
    expect(walk.stderr).not.toContain("planHash differs");
    expect(walk.stderr).toContain("with the changes its re-plan recorded in");
    expect(walk.stdout).toContain(`schedule.json: 63 sessions, every rule holds (${HARD_CONSTRAINTS.length} rules)`);
  });

  it("keeps every session held on or before 14/9 exactly as it was", () => {
    const after = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as { sessions: S[] };
    for (const old of before.sessions.filter((s) => s.date <= "2022-09-14")) expect(after.sessions).toContainEqual(old);
  });

  it("publishes v2 beside v1, with the diff and only the calendar files that changed under updates/", () => {
    expect(readFileSync(join(out, "versions", "v1", "schedule.json"), "utf8")).toBe(`${JSON.stringify(before, null, 2)}\n`);
    expect(readlinkSync(join(out, "current"))).toBe("versions/v2");
    expect(readdirSync(join(out, "updates", "requests"))).toEqual(["nam-dinh.ics"]);
    expect(existsSync(join(out, "updates", "cancel"))).toBe(false);
    expect(readdirSync(join(out, "requests"))).toHaveLength(63);
    const request = readFileSync(join(out, "updates", "requests", "nam-dinh.ics"), "utf8");
    expect(request).toContain("METHOD:REQUEST");
    expect(request).toContain("SEQUENCE:1");
    expect(request).toContain("UID:2022-09-tcnscd-36@taphuan");
    expect(readFileSync(join(out, "requests", "nam-dinh.ics"), "utf8")).toBe(request);
    const diff = JSON.parse(readFileSync(join(out, "diff.json"), "utf8"));
    expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2, moves: 1, trainerChanges: 0, provenMinimal: true });
    expect(readFileSync(join(out, "diff.md"), "utf8")).toMatch(/- Nam Định: Thứ Năm, 15\/9\/2022, (sáng|chiều) → /);
  });

  it("refuses a second re-plan from v1, which is no longer current, and writes nothing", () => {
    const again = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", join(out, "versions", "v1", "schedule.json"), "--unavailable", "Hà Nội=2022-09-20", "--today", "2022-09-05"]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`taphuan replan: ${out}: version 2 is now current, and this change started from version 1; start again from version 2 (${join(out, "schedule.json")})`);
    expect(readdirSync(join(out, "versions"))).toEqual(["v1", "v2"]);
  });
});

describe("taphuan replan refuses bad changes", () => {
  it("names the flag and the expected form", () => {
    const result = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", "x.json", "--fix", "Hà Nam=2022-09-20"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid value for --fix (Hà Nam=2022-09-20). Expected PROVINCE=DATE/morning or PROVINCE=DATE/afternoon');
  });

  it("names an unknown province in the changes with the closest real names", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-bad-"));
    expect(runCli(["solve", "test/fixtures/small-plan.yaml", "--out", out, "--quiet"]).code).toBe(0);
    const result = runCli(["replan", "test/fixtures/small-plan.yaml", "--schedule", join(out, "schedule.json"), "--unavailable", "Ha Nan=2022-09-12", "--today", "2022-09-05"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('changes given as options: provinces["Ha Nan"]: unknown province "Ha Nan" in vn-63 — did you mean Hà Nam, Đà Nẵng, Hà Nội?');
  }, 60_000);
});

describe("re-planning with today: the reproductions of the September issue", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-today-"));
  const schedule = () => JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as { version: number; sessions: S[] };
  beforeAll(() => {
    expect(runCli(["solve", "plans/2022-09-tcnscd.yaml", "--out", out, "--quiet"]).code).toBe(0);
  }, 120_000);

  it("no re-plan on a multi-part plan with held sessions: exit 1 with the reasons, never a crash, nothing written", () => {
    for (const change of [["--unavailable", "Cà Mau=2022-09-15..2022-09-30", "--today", "2022-09-14"], ["--fix", "Nam Định=2022-09-17/morning", "--today", "2022-09-13"]]) {
      const result = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", join(out, "schedule.json"), ...change]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toContain("No re-plan places every province");
      expect(result.stderr).not.toContain("internal error");
      expect(schedule().version).toBe(1);
    }
  }, 180_000);

  it("never moves a session onto or before today: Đắk Nông away 20–23/9, decided on 19/9", () => {
    const before = schedule();
    const result = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", join(out, "schedule.json"), "--unavailable", "Đắk Nông=2022-09-20..2022-09-23", "--today", "2022-09-19"]);
    expect([0, 1]).toContain(result.code);
    const after = schedule();
    for (const s of after.sessions) {
      const was = before.sessions.find((o) => o.id === s.id)!;
      if (was.date !== s.date || was.halfDay !== s.halfDay) expect(s.date >= "2022-09-21").toBe(true);
    }
    expect(result.stdout).toMatch(/today 19\/9\/2022|No re-plan/);
  }, 120_000);

  it("a change about a day already held is refused, naming the session; today must be a real date", () => {
    const haNam = schedule().sessions.find((s) => s.province === "Hà Nam")!;
    const refused = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", join(out, "schedule.json"), "--unavailable", `Hà Nam=${haNam.date}`, "--today", "2022-09-20"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("held on or before today (2022-09-20)");
    expect(refused.stderr).toContain("Hà Nam cannot host then");
    for (const bad of ["yesterday", "2022-13-01"]) {
      const replan = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", join(out, "schedule.json"), "--unavailable", "Hà Nam=2022-09-28", "--today", bad]);
      expect(replan.code).toBe(2);
      const check = runCli(["check", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json"), "--previous", join(out, "schedule.json"), "--today", bad]);
      expect(check.code).toBe(2);
      expect(check.stderr).toContain("is not a date");
    }
  }, 60_000);

  it("without --today, today is the date in the plan's time zone, and says so", () => {
    // In 2026 every session of 2022 is past: a change about one of them is refused against today's date.
    const haNam = schedule().sessions.find((s) => s.province === "Hà Nam")!;
    const result = runCli(["replan", "plans/2022-09-tcnscd.yaml", "--schedule", join(out, "schedule.json"), "--unavailable", `Hà Nam=${haNam.date}`]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`held on or before today (${today})`);
  }, 60_000);
});
