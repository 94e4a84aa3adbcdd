/** `taphuan alternatives`: the page's "where can this session go?" from a terminal, the same flow. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

describe("taphuan alternatives", () => {
  it("marks every half-day of the window, in the terminal's language and as JSON; bad input exits 2", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-alt-"));
    expect(runCli(["solve", "test/fixtures/small-plan.yaml", "--out", out, "--quiet"]).code).toBe(0);
    const args = ["alternatives", "test/fixtures/small-plan.yaml", "--schedule", join(out, "schedule.json"), "--province", "Bắc Ninh", "--today", "2022-09-09"];
    const vi = runCli([...args, "--lang", "vi"]);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain("Thứ Hai, 12/9/2022, sáng: buổi hiện tại");
    expect(vi.stdout).toMatch(/: trống: chỉ buổi này đổi \(giảng viên /);
    const json = JSON.parse(runCli([...args, "--json"]).stdout) as { alternatives: { kind: string }[] };
    expect(json.alternatives.map((a) => a.kind)).toContain("current");
    expect(json.alternatives.every((a) => ["current", "free", "moves", "impossible", "not-computed"].includes(a.kind))).toBe(true);
    const bad = runCli([...args.slice(0, -2), "--today", "2022-13-01"]);
    expect(bad.code).toBe(2);
    expect(runCli([...args.slice(0, 5), "--province", "Hà Giang"]).code).toBe(2);
  }, 60_000);
});
