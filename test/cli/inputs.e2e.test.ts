/** What the CLI reads and where it writes: bounded inputs, the output going away, the mode of a replaced file. */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
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

describe("export --out replaces a file and keeps its mode", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-mode-"));
  beforeAll(() => {
    expect(runCli(["solve", SMALL, "--out", join(out, "folder"), "--quiet"]).code).toBe(0);
  }, 60_000);

  it.each(["600", "640", "664"])("a file of mode %s keeps it, with the new content", (octal) => {
    const mode = Number.parseInt(octal, 8);
    const file = join(out, `sessions-${octal}.md`);
    writeFileSync(file, "old");
    chmodSync(file, mode);
    const result = runCli(["export", SMALL, join(out, "folder", "schedule.json"), "--format", "md", "--out", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(mode);
    expect(readFileSync(file, "utf8")).toContain("| TT |");
  });
});

describe("standard output that fails is said in one line, exit 1", () => {
  it("to a full disk (/dev/full): ENOSPC, no stack", () => {
    const fd = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, "validate", SMALL, "--json"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe("taphuan validate: standard output: the disk is full (ENOSPC) — free some space and run the command again; what was published before is intact\n");
    } finally {
      closeSync(fd);
    }
  });

  it("to a reader that stopped reading (| head -c1): EPIPE, no stack", async () => {
    const child = spawn(process.execPath, [BIN, "validate", SMALL, "--json"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    // The reader goes away before taphuan writes a byte.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(stderr).toBe("taphuan validate: standard output: closed before everything was written (EPIPE) — let the command that reads it read to the end, or write to a file (--out FILE or > FILE)\n");
  });
});

describe("every date option is judged by one validator", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-dates-"));
  const schedule = join(out, "schedule.json");
  beforeAll(() => {
    expect(runCli(["solve", SMALL, "--out", out, "--quiet"]).code).toBe(0);
  }, 60_000);

  const options = (date: string): [string, string[]][] => [
    ["--today", ["replan", SMALL, "--schedule", schedule, "--unavailable", "Hà Nam=2022-09-13", "--today", date]],
    ["--today", ["check", SMALL, schedule, "--previous", schedule, "--today", date]],
    ["--unavailable", ["replan", SMALL, "--schedule", schedule, "--unavailable", `Hà Nam=${date}`, "--today", "2022-09-05"]],
    ["--unavailable", ["replan", SMALL, "--schedule", schedule, "--unavailable", `Hà Nam=2022-09-13..${date}`, "--today", "2022-09-05"]],
    ["--trainer-unavailable", ["replan", SMALL, "--schedule", schedule, "--trainer-unavailable", `CĐSQG-1=${date}`, "--today", "2022-09-05"]],
    ["--fix", ["replan", SMALL, "--schedule", schedule, "--fix", `Hà Nam=${date}/morning`, "--today", "2022-09-05"]],
  ];

  it.each([
    ["2022-13-01", '"2022-13-01" is not a date: there is no month 13 — give a real date, written YYYY-MM-DD, e.g. 2022-09-14'],
    ["yesterday", '"yesterday" is not a date written YYYY-MM-DD (e.g. 2022-09-12)'],
  ])("%s is refused with exit 2 and the form a date takes, by every option", (date, said) => {
    for (const [flag, args] of options(date)) {
      const result = runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toBe(`${flag}: ${said}\n`);
    }
  });
});

describe("replan --out into another plan's schedule folder", () => {
  it("names that other plan, where it said a version conflict or that the schedule was not the folder's", () => {
    const root = mkdtempSync(join(tmpdir(), "taphuan-other-"));
    const names = "test/fixtures/names/built-in-names.yaml";
    expect(runCli(["solve", SMALL, "--out", join(root, "small"), "--quiet"]).code).toBe(0);
    expect(runCli(["solve", names, "--out", join(root, "names"), "--quiet"]).code).toBe(0);
    const change = ["--unavailable", "Hà Nam=2022-09-13", "--today", "2022-09-05"];
    const said = `${join(root, "names")}: holds the schedule of plan "built-in-names", not of "small" (${SMALL}) — re-plan into the folder of ${join(root, "small", "schedule.json")} (leave out --out), or write to a new folder with --out DIR\n`;
    // Version 1 there as here: it used to say the schedule was not the folder's version 1.
    const same = runCli(["replan", SMALL, "--schedule", join(root, "small", "schedule.json"), "--out", join(root, "names"), ...change]);
    expect([same.code, same.stderr]).toEqual([2, said]);
    // Version 2 there: it used to say "version 2 is now current … start again".
    expect(runCli(["replan", names, "--schedule", join(root, "names", "schedule.json"), "--trainer-unavailable", "toString=2022-09-12", "--today", "2022-09-05", "--quiet"]).code).toBe(0);
    const later = runCli(["replan", SMALL, "--schedule", join(root, "small", "schedule.json"), "--out", join(root, "names"), ...change]);
    expect([later.code, later.stderr]).toEqual([2, said]);
  }, 60_000);
});
