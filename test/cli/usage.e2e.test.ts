/** The CLI as a well-kept tool: help for every command, a version, JSON everywhere, quiet meaning quiet. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

describe("taphuan's usage", () => {
  it.each(["validate", "solve", "replan", "changes", "check", "export", "send", "template", "import", "serve"])("%s --help lists its options and exits 0", (command) => {
    const result = runCli([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: taphuan ${command} `));
    expect(result.stdout).toContain("--help");
    if (command === "solve" || command === "replan") expect(result.stdout).toContain("--lang vi|en");
  });

  it("prints its version", () => {
    const result = runCli(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("validate --json of a broken plan prints its problems as JSON on stdout, with line and fix", () => {
    const result = runCli(["validate", "test/fixtures/broken/16-unknown-province.yaml", "--json"]);
    expect(result.code).toBe(2);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; errors: { file: string; code: string; line: number; hint?: string; message: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.errors[0]).toMatchObject({ file: "test/fixtures/broken/16-unknown-province.yaml", code: "unknown-province" });
    expect(parsed.errors[0]!.line).toBeGreaterThan(0);
  });

  it("solve --json gives the outcome as data and nothing else on stdout; --quiet silences every warning", () => {
    const out = mkdtempSync(join(tmpdir(), "taphuan-json-"));
    const json = runCli(["solve", "test/fixtures/small-plan.yaml", "--out", join(out, "a"), "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "complete", version: 1, written: true, sessions: 4 });
    const quiet = runCli(["solve", "test/fixtures/small-plan.yaml", "--out", join(out, "b"), "--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe("");
    expect(quiet.stderr).toBe("");
    expect(runCli(["validate", "test/fixtures/small-plan.yaml", "--quiet"]).stderr).toBe("");
  }, 60_000);

  it("treats an NFD cluster name in a trainer's clusters as the NFC one", () => {
    const plan = mkdtempSync(join(tmpdir(), "taphuan-nfd-"));
    const text = readFileSync("test/fixtures/small-plan.yaml", "utf8").replace("clusters: [Cụm A]", `clusters: [${"Cụm A".normalize("NFD")}]`);
    writeFileSync(join(plan, "p.yaml"), text);
    const result = runCli(["validate", join(plan, "p.yaml"), "--quiet"]);
    expect(result.code, result.stderr).toBe(0);
  });

  it("serve refuses an empty or short token by hand instead of turning authentication off", () => {
    for (const token of ["", "short"]) {
      const result = runCli(["serve", "plans", "--host", "0.0.0.0", "--port", "0", "--token", token]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--token must be at least 22 characters (128 bits)");
    }
  });
});
