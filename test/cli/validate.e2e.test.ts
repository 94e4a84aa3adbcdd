import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

describe("taphuan validate", () => {
  it("summarises the 2022 plan as JSON: 10 clusters with the letter's provinces", () => {
    const { code, stdout } = runCli(["validate", "plans/2022-09-tcnscd.yaml", "--json"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.clusters.map((c: { provinces: string[] }) => c.provinces.length)).toEqual([12, 4, 5, 4, 7, 6, 5, 7, 6, 7]);
    expect(summary.clusters[7].provinces[0]).toBe("TP. Hồ Chí Minh");
    expect(summary.clusters[5].window).toBeNull();
    expect(summary.clusters[0].window).toEqual({ from: "2022-09-12", to: "2022-09-30" });
    expect(summary.clusters[0].halfDays).toBe(30);
    expect(summary.warnings).toHaveLength(4);
  });

  it("prints a readable summary and the warnings with their lines", () => {
    const { code, stdout, stderr } = runCli(["validate", "plans/2022-09-tcnscd.yaml"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Cụm 1 — 12 provinces · 2022-09-12..2022-09-30 · 30 working half-days");
    expect(stderr).toMatch(/^plans\/2022-09-tcnscd\.yaml:\d+:\d+: warning: clusters\[8\]\.window\.from: Cụm 9's window starts on 2022-09-11, a Sunday/m);
  });

  it("exits 2 with one line naming file, line, field and fix for a broken plan", () => {
    const { code, stderr } = runCli(["validate", "test/fixtures/broken/16-unknown-province.yaml"]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'test/fixtures/broken/16-unknown-province.yaml:15:17: clusters[0].provinces[0]: unknown province "Hà Nan" in vn-63 — did you mean Hà Nam, Đà Nẵng, Hà Nội?',
    );
  });

  it("exits 2 on usage errors and missing files, without a stack trace", () => {
    expect(runCli(["validate"]).code).toBe(2);
    const missing = runCli(["validate", "no-such-plan.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("no-such-plan.yaml: there is no such file — check the path\n");
    const unknown = runCli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Expected one of: validate");
  });
});
