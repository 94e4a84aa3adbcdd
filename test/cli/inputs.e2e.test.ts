/** What the CLI reads and where it writes: bounded inputs, the output going away, the mode of a replaced file. */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const BIN = fileURLToPath(new URL("../../bin/taphuan.js", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SMALL = "test/fixtures/small-plan.yaml";

/** The CLI with standard input read from `file` (e.g. /dev/zero, which never ends). */
function runWithInput(args: string[], file: string) {
  const fd = openSync(file, "r");
  try {
    const started = Date.now();
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", stdio: [fd, "pipe", "pipe"], timeout: 20_000 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - started) / 1000 };
  } finally {
    closeSync(fd);
  }
}

const TOO_LARGE = "is larger than 1 MiB, the most taphuan reads of one input — is this the right file? A plan, a schedule or a changes file is a few kilobytes\n";

describe("every input is read up to its limit, not to its end", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-inputs-"));
  beforeAll(() => {
    expect(runCli(["solve", SMALL, "--out", out, "--quiet"]).code).toBe(0);
  }, 60_000);

  it("a plan from an endless standard input: exit 2 at once, naming it, the limit and what to do", () => {
    const result = runWithInput(["validate", "-"], "/dev/zero");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`standard input: ${TOO_LARGE}`);
    expect(result.seconds).toBeLessThan(10);
  });

  it("a schedule and a changes file from an endless standard input, and an endless file, likewise", () => {
    const schedule = runWithInput(["check", SMALL, "-"], "/dev/zero");
    expect([schedule.code, schedule.stderr]).toEqual([2, `standard input: ${TOO_LARGE}`]);
    const changes = runWithInput(["replan", SMALL, "--schedule", join(out, "schedule.json"), "--changes", "-", "--today", "2022-09-05"], "/dev/zero");
    expect([changes.code, changes.stderr]).toEqual([2, `standard input: ${TOO_LARGE}`]);
    const file = runCli(["export", SMALL, "/dev/zero", "--format", "md"]);
    expect([file.code, file.stderr]).toEqual([2, `/dev/zero: ${TOO_LARGE}`]);
  });
});
