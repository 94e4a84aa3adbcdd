/** Plans without a full schedule name their true cause and a smallest fix proven by solving again. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const CASES = [
  {
    example: "cap",
    cause: "on each of its 2 possible half-days the nationwide cap of 2 simultaneous sessions is already reached (campaign.maxConcurrentSessions)",
    code: "nationwide-cap",
    fixes: ["allow 3 sessions at the same half-day nationwide instead of 2 — proven"],
  },
  { example: "role-count", cause: "each session needs 2 skills trainers, but Cụm B has only 1 (Đoàn-1)", code: "role-count", fixes: ["1 more skills trainer for Cụm B, free on every day of its window — proven"] },
  {
    example: "window",
    cause: "Cụm A needs 3 sessions with a policy trainer, but its policy trainers (CĐSQG-1) are free on only 2 half-days between 12/9/2022 and 12/9/2022, for at most 2 sessions",
    code: "trainer-capacity",
    fixes: ["widen Cụm A's window to 12/9/2022–13/9/2022 (1 day later) — proven", "1 more policy trainer for Cụm A, free on every day of its window — proven"],
  },
  {
    example: "days-off",
    cause: "Cụm A needs 3 sessions with a policy trainer, but its policy trainers (CĐSQG-1) are free on only 2 half-days between 12/9/2022 and 16/9/2022, for at most 2 sessions",
    code: "trainer-capacity",
    fixes: ["1 more policy trainer for Cụm A, free on every day of its window — proven", "CĐSQG-1 free on 13/9/2022 — proven"],
  },
];

describe("taphuan solve explains a plan with no full schedule", () => {
  it.each(CASES)("examples/infeasible-$example.yaml: the true cause and each proven smallest fix", ({ example, cause, code, fixes }) => {
    const out = mkdtempSync(join(tmpdir(), `taphuan-${example}-`));
    const result = runCli(["solve", `examples/infeasible-${example}.yaml`, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`    ${cause}\n`);
    const listed = result.stdout.split("What would place every province (each proven by solving again with it):\n")[1]!.trim().split("\n").map((l) => l.trim());
    expect(listed).toEqual(fixes);
    const json = runCli(["solve", `examples/infeasible-${example}.yaml`, "--out", join(out, "json"), "--json"]);
    const parsed = JSON.parse(json.stdout) as { unplaced: { causes: { code: string }[] }[]; relaxations: { kind: string; message: string }[] };
    expect(parsed.unplaced[0]!.causes[0]!.code).toBe(code);
    expect(parsed.relaxations.map((r) => `${r.message} — proven`)).toEqual(fixes);
  }, 120_000);
});

describe("taphuan validate warns about what counting alone can see", () => {
  it.each([
    ["role-count", "each session needs 2 skills trainers, but only 1 may serve Cụm B (Đoàn-1): none of its provinces can be placed — add skills trainers for Cụm B"],
    ["window", "Cụm A has 3 provinces but 2 working half-days in its window: sessions must share half-days, each with trainers of its own — widen the window, or check there are trainers enough"],
  ])("examples/infeasible-%s.yaml", (example, warning) => {
    const result = runCli(["validate", `examples/infeasible-${example}.yaml`]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: clusters[`);
    expect(result.stderr).toContain(warning);
  });

  it("a province fixed on a holiday or outside its window", () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-fixed-"));
    const text = readFileSync("test/fixtures/small-plan.yaml", "utf8").concat("provinces:\n  Hà Nam: { fixed: { date: 2022-09-14, halfDay: morning } }\n  Bắc Ninh: { fixed: { date: 2022-09-16, halfDay: morning } }\n");
    writeFileSync(join(dir, "p.yaml"), text.replace("name: Cụm B", "name: Cụm B\n    window: { from: 2022-09-12, to: 2022-09-13 }"));
    const result = runCli(["validate", join(dir, "p.yaml")]);
    expect(result.stderr).toContain("provinces[\"Hà Nam\"].fixed: Hà Nam is fixed to 2022-09-14, a holiday: it cannot be placed — fix it on a working day");
    expect(result.stderr).toContain("Bắc Ninh is fixed to 2022-09-16 morning, outside Cụm B's window 2022-09-12..2022-09-13: it cannot be placed");
  });
});
