/** The 2022 plan, paced and earliest side by side, with the undated clusters' windows proposed. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plan2022 } from "../helpers.ts";
import { runCli } from "./run-cli.ts";

describe("taphuan solve --compare paced,earliest --propose-windows on the 2022 plan", () => {
  it("publishes the paced calendar, which uses every dated window, proposes the undated ones, and compares", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-profiles-"));
    const result = runCli(["solve", "plans/2022-09-tcnscd.yaml", "--out", out, "--compare", "paced,earliest", "--propose-windows"]);
    expect(result.code, result.stderr).toBe(0);
    const comparison = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8")) as { profiles: { profile: string; proven: boolean; metrics: { lastDate: string; busiestDay: { sessions: number } } }[] };
    expect(comparison.profiles.map((p) => [p.profile, p.proven])).toEqual([["paced", true], ["earliest", true]]);
    const [paced, earliest] = comparison.profiles as [(typeof comparison.profiles)[0], (typeof comparison.profiles)[0]];
    expect(paced.metrics.lastDate > earliest.metrics.lastDate).toBe(true);
    expect(paced.metrics.busiestDay.sessions).toBeLessThan(earliest.metrics.busiestDay.sessions);
    expect(readFileSync(join(out, "comparison.md"), "utf8")).toContain("| busiest day (sessions) |");

    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as { profile: string; sessions: { cluster: string; date: string }[] };
    expect(schedule.profile).toBe("paced");
    const plan = plan2022();
    for (const cluster of plan.clusters.filter((c) => c.windowGiven)) {
      const days = [...new Set(cluster.slots.map((s) => s.date))].filter((d) => d >= "2022-09-12");
      const firstThirdEnds = days[Math.ceil(days.length / 3) - 1]!;
      const last = schedule.sessions.filter((s) => s.cluster === cluster.name).map((s) => s.date).sort().at(-1)!;
      expect(last > firstThirdEnds, `${cluster.name} ends ${last}, within its first third (to ${firstThirdEnds})`).toBe(true);
    }
    const table = readFileSync(join(out, "clusters.md"), "utf8");
    for (const undated of ["Cụm 6", "Cụm 8", "Cụm 10"]) expect(table).toMatch(new RegExp(`\\| ${undated} \\(\\d tỉnh\\) \\|  \\| .+ \\| Từ ngày .+ \\(đề xuất\\) \\|`));
    expect(result.stdout).toMatch(/proposed window for Cụm 6: \d+\/9\/2022–\d+\/9\/2022/);
    expect(runCli(["check", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json")]).stderr).not.toContain("planHash differs");
  }, 180_000);
});
