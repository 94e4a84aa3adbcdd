/**
 * The schedule folder as a planner's tools meet it: two writers at once, a re-plan killed at any
 * point, outputs that are not folders, files the user may not read, a disk that fills up.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statfsSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScheduleFolder } from "../../src/folder/schedule-folder.ts";
import { runCli } from "./run-cli.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "taphuan.js");
const PLAN = "plans/2022-09-tcnscd.yaml";
const SMALL = "test/fixtures/small-plan.yaml";
const fresh = (name: string) => mkdtempSync(join(tmpdir(), `taphuan-${name}-`));

/**
 * Every reader sees one complete version: the current one, all of whose top-level links lead into it.
 * A writer killed between making a link and renaming it into place leaves a hidden `.link-*` (the
 * next writer clears it, see the test of random kills): it is never one of the version's names.
 */
function expectConsistent(dir: string): number {
  const current = Number(/^versions\/v(\d+)$/.exec(readlinkSync(join(dir, "current")))![1]);
  const schedule = JSON.parse(readFileSync(join(dir, "schedule.json"), "utf8")) as { version: number };
  expect(schedule.version).toBe(current);
  for (const name of readdirSync(dir)) {
    if (name === "versions" || name === ".taphuan.lock" || name.startsWith(".link-")) continue;
    expect(lstatSync(join(dir, name)).isSymbolicLink(), name).toBe(true);
    if (name !== "current") expect(readlinkSync(join(dir, name))).toBe(`current/${name}`);
  }
  const versionEntries = readdirSync(join(dir, "versions", `v${current}`)).sort();
  expect(readdirSync(dir).filter((n) => !["current", "versions", ".taphuan.lock"].includes(n) && !n.startsWith(".")).sort()).toEqual(versionEntries);
  if (current > 1) expect(JSON.parse(readFileSync(join(dir, "diff.json"), "utf8")).toVersion).toBe(current);
  return current;
}

describe("two re-plans of one folder at the same time", () => {
  it("publishes one; the other is told why and writes nothing", async () => {
    const out = fresh("concurrent");
    expect(runCli(["solve", SMALL, "--out", out, "--quiet"]).code).toBe(0);
    const replan = (province: string) =>
      new Promise<{ code: number; stderr: string; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, "replan", SMALL, "--schedule", join(out, "schedule.json"), "--unavailable", `${province}=2022-09-12`, "--today", "2022-09-05"], { cwd: ROOT });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    const results = await Promise.all([replan("Hà Nam"), replan("Bắc Ninh")]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = results.find((r) => r.code === 1)!;
    expect(loser.stderr).toMatch(/another replan of this folder is running \(pid \d+, since|version 2 is now current, and this change started from version 1/);
    const winner = results.find((r) => r.code === 0)!;
    expect(winner.stdout).toContain("v1 → v2");
    expect(expectConsistent(out)).toBe(2);
    expect(readdirSync(join(out, "versions"))).toEqual(["v1", "v2"]);
  }, 60_000);
});

describe("a re-plan killed at any point", () => {
  const template = fresh("kill-template");
  beforeAll(() => {
    expect(runCli(["solve", PLAN, "--out", template, "--quiet"]).code).toBe(0);
  }, 120_000);

  it("leaves v1 or v2 current and complete, and the next re-plan clears the debris", async () => {
    const outcomes = new Set<number>();
    for (const delay of [400, 1500, 2100, 2500, 3000]) {
      const out = fresh("kill");
      rmSync(out, { recursive: true });
      cpSync(template, out, { recursive: true, verbatimSymlinks: true });
      const child = spawn(process.execPath, [BIN, "replan", PLAN, "--schedule", join(out, "schedule.json"), "--changes", "examples/nam-dinh-doi-lich.yaml", "--today", "2022-09-14", "--quiet"], { cwd: ROOT, stdio: "ignore" });
      const exited = new Promise((r) => child.once("exit", r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited;
      const current = expectConsistent(out);
      outcomes.add(current);
      // The next writer takes over the dead writer's lock and finds no debris from it.
      const next = runCli(["replan", PLAN, "--schedule", join(out, "schedule.json"), "--unavailable", "Hà Nội=2022-09-29", "--today", "2022-09-05", "--quiet"]);
      expect(next.code, next.stderr).toBe(0);
      expect(expectConsistent(out)).toBe(current + 1);
      expect(readdirSync(join(out, "versions"))).toEqual(Array.from({ length: current + 1 }, (_, i) => `v${i + 1}`));
      expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
    }
    expect(outcomes.has(1)).toBe(true);
  }, 240_000);

  it("publishing many files, killed at random moments, never shows a half version", async () => {
    const dir = fresh("publish-kill");
    const script = `import { ScheduleFolder } from ${JSON.stringify(new URL("../../src/folder/schedule-folder.ts", import.meta.url).href)};
      const folder = await ScheduleFolder.open(${JSON.stringify(dir)}, "test");
      for (let v = folder.currentVersion(); ; v = (v ?? 0) + 1) {
        const files = new Map([["schedule.json", JSON.stringify({ version: (v ?? 0) + 1 })]]);
        for (let i = 0; i < 400; i++) files.set("requests/p" + i + ".ics", "v" + ((v ?? 0) + 1) + " ".repeat(2000));
        if (v) files.set("diff.json", JSON.stringify({ toVersion: v + 1 }));
        folder.publish(files, v);
        console.log("published");
      }`;
    // Each version is flushed to the disk file by file, which takes from a tenth of a second to more
    // on a busy machine: the kills are timed from the moment the folder is open, and the last round
    // waits for a publication first, so that some version is certainly current at the end.
    const rounds = 8;
    for (let round = 0; round < rounds; round++) {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script.replace('"test");', '"test"); console.log("opened");')], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] });
      const exited = new Promise((r) => child.once("exit", r));
      let said = "";
      await new Promise<void>((resolve) => {
        child.stdout.on("data", (d) => {
          said += d;
          if (said.includes(round === rounds - 1 ? "published" : "opened")) resolve();
        });
        child.once("exit", () => resolve());
      });
      await new Promise((r) => setTimeout(r, (round * 211) % 1_400));
      child.kill("SIGKILL");
      await exited;
      if (!existsSync(join(dir, "current"))) continue;
      const current = expectConsistent(dir);
      for (const file of readdirSync(join(dir, "requests"))) expect(readFileSync(join(dir, "requests", file), "utf8").startsWith(`v${current} `)).toBe(true);
      // Every version made current is still there; above it, at most the one a kill left unfinished.
      for (let v = 1; v <= current; v++) expect(existsSync(join(dir, "versions", `v${v}`, "schedule.json")), `v${v}`).toBe(true);
    }
    // What a kill between making `current`'s new link and renaming it leaves (seen in CI): readers
    // still see one whole version, and the next writer clears it.
    expect(existsSync(join(dir, "current"))).toBe(true);
    symlinkSync(readlinkSync(join(dir, "current")), join(dir, ".link-0a1b2c3d4e5f.1"));
    expectConsistent(dir);
    (await ScheduleFolder.open(dir, "test")).close();
    expect(readdirSync(dir).filter((n) => n.startsWith(".") && n !== ".taphuan.lock")).toEqual([]);
    expectConsistent(dir);
  }, 120_000);
});

describe("outputs that are not folders", () => {
  it.each([
    ["a file", () => {
      const file = join(fresh("out-file"), "schedule.txt");
      writeFileSync(file, "x");
      return file;
    }, "is a file, not a folder"],
    ["a device", () => "/dev/null", "is a device, not a folder"],
  ])("refuses %s as --out with exit 2, before solving", (_, target, message) => {
    const out = target();
    const result = runCli(["solve", SMALL, "--out", out, "--quiet"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`${out}: ${message} — give a folder for the schedule (it is created if missing)`);
  });

  it("refuses an empty --out", () => {
    const result = runCli(["solve", SMALL, "--out", "", "--quiet"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe("the output folder (--out) is empty — give a folder, e.g. --out out");
  });

  it("refuses a folder with plain files of the old layout, and leaves them as they were", () => {
    const out = fresh("old-layout");
    writeFileSync(join(out, "schedule.json"), "{}");
    const result = runCli(["solve", SMALL, "--out", out, "--quiet"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(out, "schedule.json")}: is a file that taphuan did not publish`);
    expect(readdirSync(out)).toEqual(["schedule.json"]);
  });

  it("solving again into a folder of the same schedule writes nothing; another plan's is refused", () => {
    const out = fresh("again");
    expect(runCli(["solve", SMALL, "--out", out, "--quiet"]).code).toBe(0);
    const again = runCli(["solve", SMALL, "--out", out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${out} already holds this schedule (version 1); nothing written`);
    const other = runCli(["solve", "test/fixtures/names/built-in-names.yaml", "--out", out, "--quiet"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(`${out}: already holds version 1 of the schedule of plan "small"; solving again would replace the calendar people may already have — re-plan it`);
    expect(readdirSync(join(out, "versions"))).toEqual(["v1"]);
  }, 60_000);
});

describe("standard input", () => {
  it("reads the plan from - and names it in messages", () => {
    const result = spawnSync(process.execPath, [BIN, "validate", "-"], { cwd: ROOT, input: readFileSync(join(ROOT, SMALL)), encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Tập huấn thử (small)");
    expect(result.stderr).toContain("standard input:15:11: warning: clusters[1].name: Cụm B has no date window");
  });
});

describe("names that every JavaScript object has", () => {
  it("solve and replan a plan whose trainers and clusters are called toString, constructor, valueOf", () => {
    const out = fresh("names");
    const plan = "test/fixtures/names/built-in-names.yaml";
    expect(runCli(["solve", plan, "--out", out, "--quiet"]).code).toBe(0);
    const result = runCli(["replan", plan, "--schedule", join(out, "schedule.json"), "--trainer-unavailable", "toString=2022-09-12", "--unavailable", "Hà Nam=2022-09-12", "--today", "2022-09-05", "--quiet"]);
    expect(result.code, result.stderr).toBe(0);
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8")) as { sessions: { province: string; date: string; trainers: string[] }[] };
    // Cụm "constructor" keeps its window (12–13/9) in the re-plan.
    for (const session of schedule.sessions.filter((s) => s.province !== "Bắc Ninh")) expect(session.date <= "2022-09-13").toBe(true);
    expect(schedule.sessions.find((s) => s.date === "2022-09-12" && s.trainers.includes("toString"))).toBeUndefined();
    expect(runCli(["check", plan, join(out, "schedule.json")]).code).toBe(0);
  }, 60_000);

  it("reports a __proto__ key instead of dropping it", () => {
    const dir = fresh("proto");
    writeFileSync(join(dir, "plan.yaml"), readFileSync(join(ROOT, SMALL), "utf8") + "provinces:\n  __proto__: { unavailable: [2022-09-12] }\n");
    const result = runCli(["validate", join(dir, "plan.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`${join(dir, "plan.yaml")}:23:14: provinces.__proto__: "__proto__" cannot be used as a name here — rename this key`);
  });

  it("unknown command names such as toString are usage errors", () => {
    const result = runCli(["toString"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "toString"');
  });
});

const isRoot = process.getuid?.() === 0;
/**
 * As a user without rights: root reads and writes everything, so where the test runs as root the
 * CLI runs without the capabilities that bypass file permissions (it stays root, so it can still
 * reach a checkout in a folder only root may enter, as CI's may be).
 */
function runWithoutRights(args: string[]) {
  const command = isRoot ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const result = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, encoding: "utf8", env: { ...process.env, HOME: "/tmp" } });
  return { code: result.status ?? -1, stderr: result.stderr, stdout: result.stdout };
}

describe("files the user may not read or write", () => {
  const dir = fresh("rights");
  beforeAll(() => {
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, "secret.yaml"), readFileSync(join(ROOT, SMALL)));
    chmodSync(join(dir, "secret.yaml"), 0o000);
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o555);
  });

  it("an unreadable plan: exit 2, the file and what to do, no stack trace", () => {
    const result = runWithoutRights(["validate", join(dir, "secret.yaml")]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`taphuan validate: ${join(dir, "secret.yaml")}: permission denied (EACCES) — choose a file or folder you may read and write, or ask for the rights`);
  });

  it("a folder the user may not write: exit 2 before the solve, nothing written", () => {
    const result = runWithoutRights(["solve", SMALL, "--out", join(dir, "locked"), "--quiet"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`taphuan solve: ${join(dir, "locked", ".taphuan.lock")}: permission denied (EACCES) — choose a file or folder you may read and write, or ask for the rights`);
    expect(readdirSync(join(dir, "locked"))).toEqual([]);
  });
});

function freeKb(path: string): number {
  const df = spawnSync("df", ["-k", "--output=avail", path], { encoding: "utf8" }).stdout.trim().split("\n");
  return Number(df[df.length - 1]);
}

/** Every file under versions/, path → bytes: what no command may lose or change. */
function versionBytes(out: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (lstatSync(path).isDirectory()) walk(path);
      else files.set(path, readFileSync(path).toString("base64"));
    }
  };
  walk(join(out, "versions"));
  return files;
}

function expectBytesKept(out: string, before: Map<string, string>): void {
  const after = versionBytes(out);
  for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);
}

const replanSmall = (out: string, province = "Hà Nam", options: string[] = []) =>
  runCli(["replan", SMALL, "--schedule", join(out, "schedule.json"), "--unavailable", `${province}=2022-09-12`, "--today", "2022-09-05", ...options]);

describe("a folder changed by hands and tools", () => {
  const template = fresh("tamper-template");
  beforeAll(() => {
    rmSync(template, { recursive: true });
    expect(runCli(["solve", SMALL, "--out", template, "--quiet"]).code).toBe(0);
    expect(replanSmall(template, "Hà Nam", ["--quiet"]).code).toBe(0);
  }, 60_000);
  /** A copy of the template: versions 1 and 2, v2 current. */
  const copy = (name: string) => {
    const out = join(fresh(name), "out");
    cpSync(template, out, { recursive: true, verbatimSymlinks: true });
    return out;
  };

  it("current made absolute (ln -sfn \"$PWD/out/versions/v2\" out/current): solve repairs it, says so, and deletes nothing", () => {
    const out = join(fresh("absolute-solve"), "out");
    expect(runCli(["solve", SMALL, "--out", out, "--quiet"]).code).toBe(0);
    const before = versionBytes(out);
    rmSync(join(out, "current"));
    symlinkSync(join(out, "versions", "v1"), join(out, "current"));
    const result = runCli(["solve", SMALL, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`warning: ${join(out, "current")} links to ${join(out, "versions", "v1")}, not to versions/v1 as taphuan writes it; it now links versions/v1, the highest complete version\n`);
    expect(result.stdout).toContain(`${out} already holds this schedule (version 1); nothing written`);
    expect(readdirSync(join(out, "versions"))).toEqual(["v1"]);
    expectBytesKept(out, before);
    expect(expectConsistent(out)).toBe(1);
  }, 60_000);

  it.each([
    ["made absolute", (out: string) => symlinkSync(join(out, "versions", "v2"), join(out, "current")), (out: string) => `links to ${join(out, "versions", "v2")}, not to versions/v2 as taphuan writes it`],
    ["with a trailing slash", (out: string) => symlinkSync("versions/v2/", join(out, "current")), () => "links to versions/v2/, not to versions/v2 as taphuan writes it"],
    ["deleted", () => {}, () => "was missing"],
    ["replaced by a copy of the version (a folder)", (out: string) => cpSync(join(out, "versions", "v2"), join(out, "current"), { recursive: true }), (out: string) => `was a folder, not a link; it was moved to ${join(out, "current.replaced-")}`],
  ])("current %s: the next re-plan repairs it, says so, and publishes v3 beside v1 and v2, unchanged", (_, tamper, said) => {
    const out = copy("tamper-current");
    const before = versionBytes(out);
    rmSync(join(out, "current"));
    tamper(out);
    const result = replanSmall(out, "Bắc Ninh");
    expect(result.code, result.stderr).toBe(0);
    const warning = result.stderr.split("\n").find((line) => line.startsWith(`warning: ${join(out, "current")} `));
    expect(warning).toContain(said(out));
    expect(warning).toMatch(/; it now links versions\/v2, the highest complete version$/);
    expect(result.stdout).toContain("v2 → v3");
    expect(readlinkSync(join(out, "current"))).toBe("versions/v3");
    expect(readdirSync(join(out, "versions"))).toEqual(["v1", "v2", "v3"]);
    expectBytesKept(out, before);
  }, 60_000);

  it.each([
    [".taphuan.lock", "a folder", (path: string) => mkdirSync(path), "where taphuan keeps its lock file, and taphuan did not make it — move it out of OUT, then run the command again"],
    [".taphuan.lock", "a symbolic link to nowhere", (path: string) => symlinkSync("nowhere", path), "where taphuan keeps its lock file"],
    [".backup.tmp", "a folder", (path: string) => mkdirSync(path), "under a name taphuan keeps for its temporary files, and taphuan did not make it — move it out of OUT (taphuan removes only what it made), then run the command again"],
    [".link-x", "a named pipe", (path: string) => spawnSync("mkfifo", [path]), "under a name taphuan keeps for its temporary links"],
    [".taphuan.lock.0a1b2c3d4e5f.stale", "a folder", (path: string) => mkdirSync(path), "under a name taphuan keeps for its locks being removed"],
  ])("%s as %s: exit 2 naming it and the fix, nothing changed; once it is moved away, the re-plan runs", (name, _, make, said) => {
    const out = copy("tamper-debris");
    const before = versionBytes(out);
    make(join(out, name));
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = replanSmall(out, "Bắc Ninh");
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`${join(out, name)}: is `);
      expect(result.stderr).toContain(said.replace("OUT", out));
      expect(result.stderr).not.toContain("internal error");
    }
    expect(readdirSync(out).filter((n) => n.startsWith(".taphuan.lock") && n !== name)).toEqual([]);
    expect(readlinkSync(join(out, "current"))).toBe("versions/v2");
    expectBytesKept(out, before);
    rmSync(join(out, name), { recursive: true });
    expect(replanSmall(out, "Bắc Ninh", ["--quiet"]).code).toBe(0);
    expect(expectConsistent(out)).toBe(3);
  }, 60_000);

  it("current set back by hand to v1: exit 2 with both fixes, nothing changed", () => {
    const out = copy("tamper-set-back");
    const before = versionBytes(out);
    rmSync(join(out, "current"));
    symlinkSync("versions/v1", join(out, "current"));
    const result = replanSmall(out, "Bắc Ninh");
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`${join(out, "versions", "v2")}: is version 2, above the current version 1, and no stopped taphuan left it unfinished: it was put here, or current set back, by hand — to make it current: ln -sfn versions/v2 ${join(out, "current")}; otherwise move it out of ${join(out, "versions")} (to go back to an earlier version, re-plan with --restore)`);
    expect(readlinkSync(join(out, "current"))).toBe("versions/v1");
    expectBytesKept(out, before);
  }, 60_000);

  it("versions/ made read-only, as a user without the rights: exit 2 naming the folder, nothing left, and the next re-plan runs", () => {
    const out = copy("tamper-readonly");
    const before = versionBytes(out);
    chmodSync(join(out, "versions"), 0o555);
    const result = runWithoutRights(["replan", SMALL, "--schedule", join(out, "schedule.json"), "--unavailable", "Bắc Ninh=2022-09-12", "--today", "2022-09-05", "--quiet"]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^taphuan replan: ${join(out, "versions")}/\\.staging-[0-9a-f]{12}: permission denied \\(EACCES\\) — `));
    chmodSync(join(out, "versions"), 0o755);
    expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
    expect(readdirSync(join(out, "versions"))).toEqual(["v1", "v2"]);
    expectBytesKept(out, before);
    expect(replanSmall(out, "Bắc Ninh", ["--quiet"]).code).toBe(0);
  }, 60_000);
});

describe("a disk with no room left", () => {
  const mounts: string[] = [];
  /**
   * A small tmpfs of the test's own, mounted when the test runs (so that a filtered run leaves no
   * mount behind); the test is skipped where none can be mounted (not root, no right to mount).
   */
  const tmpfs = (options: string, context: { skip: (note?: string) => never }): string => {
    const mountPoint = fresh("tmpfs");
    if (!isRoot || spawnSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", mountPoint]).status !== 0) return context.skip("no tmpfs can be mounted here");
    mounts.push(mountPoint);
    return mountPoint;
  };
  afterAll(() => {
    for (const mountPoint of mounts) spawnSync("umount", [mountPoint]);
  });
  const solvedSmall = fresh("small-v1");
  beforeAll(() => {
    rmSync(solvedSmall, { recursive: true });
    expect(runCli(["solve", SMALL, "--out", solvedSmall, "--quiet"]).code).toBe(0);
  }, 60_000);

  it("a re-plan's version that does not fit: exit 1 saying the disk is full, and the published version stays current and complete", (context) => {
    const mountPoint = tmpfs("size=8m", context);
    const out = join(mountPoint, "out");
    expect(runCli(["solve", PLAN, "--out", out, "--quiet"]).code).toBe(0);
    // Fill what is left but a little: the re-plan's version no longer fits.
    spawnSync("dd", ["if=/dev/zero", `of=${join(mountPoint, "filler")}`, "bs=4k"], { stdio: "ignore" });
    rmSync(join(mountPoint, "filler"));
    spawnSync("dd", ["if=/dev/zero", `of=${join(mountPoint, "filler")}`, "bs=1k", `count=${Math.max(0, freeKb(mountPoint) - 60)}`], { stdio: "ignore" });
    const before = readFileSync(join(out, "schedule.json"), "utf8");
    const result = runCli(["replan", PLAN, "--schedule", join(out, "schedule.json"), "--changes", "examples/nam-dinh-doi-lich.yaml", "--today", "2022-09-14", "--quiet"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^taphuan replan: .+: the disk is full \(ENOSPC\) — free some space and run the command again; what was published before is intact\n$/);
    expect(readFileSync(join(out, "schedule.json"), "utf8")).toBe(before);
    expect(expectConsistent(out)).toBe(1);
    expect(readdirSync(join(out, "versions"))).toEqual(["v1"]);
  }, 120_000);

  it("at 0 KB free: exit 1 saying the disk is full, no empty lock left, and the retry says the same, never busy", (context) => {
    const mountPoint = tmpfs("size=4m", context);
    const out = join(mountPoint, "out");
    cpSync(solvedSmall, out, { recursive: true, verbatimSymlinks: true });
    spawnSync("dd", ["if=/dev/zero", `of=${join(mountPoint, "filler")}`, "bs=4k"], { stdio: "ignore" });
    expect(freeKb(mountPoint)).toBe(0);
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = replanSmall(out, "Hà Nam", ["--quiet"]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toBe(`taphuan replan: ${join(out, ".taphuan.lock")}: the disk is full (ENOSPC) — free some space and run the command again; what was published before is intact\n`);
      expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
    }
    expect(expectConsistent(out)).toBe(1);
    rmSync(join(mountPoint, "filler"));
    expect(replanSmall(out, "Hà Nam", ["--quiet"]).code).toBe(0);
  }, 60_000);

  it("inodes used up at any step of a re-plan, the links included: what it says is true — v1 current and intact, or v2 published", (context) => {
    const mountPoint = tmpfs("size=16m,nr_inodes=4000", context);
    // How many inodes the re-plan's version takes, from a re-plan on an ordinary disk.
    const reference = join(fresh("inodes-reference"), "out");
    cpSync(solvedSmall, reference, { recursive: true, verbatimSymlinks: true });
    expect(replanSmall(reference, "Hà Nam", ["--quiet"]).code).toBe(0);
    const entries = (dir: string): number => readdirSync(dir).reduce((n, name) => n + 1 + (lstatSync(join(dir, name)).isDirectory() ? entries(join(dir, name)) : 0), 0);
    const version = 1 + entries(join(reference, "versions", "v2"));
    const outcomes = new Set<string>();
    // From too few for the version itself, through every link, to enough for all.
    for (let free = version - 1; free <= version + 12; free++) {
      rmSync(join(mountPoint, "out"), { recursive: true, force: true });
      rmSync(join(mountPoint, "filler"), { recursive: true, force: true });
      const out = join(mountPoint, "out");
      cpSync(solvedSmall, out, { recursive: true, verbatimSymlinks: true });
      const before = versionBytes(out);
      mkdirSync(join(mountPoint, "filler"));
      for (let i = 0, surplus = statfsSync(mountPoint).ffree - free; i < surplus; i++) writeFileSync(join(mountPoint, "filler", String(i)), "");
      expect(statfsSync(mountPoint).ffree).toBe(free);
      const result = replanSmall(out, "Hà Nam", ["--quiet"]);
      if (result.code === 0) {
        expect(expectConsistent(out), `${free} inodes`).toBe(2);
        outcomes.add("published");
      } else {
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr, `${free} inodes`).toMatch(/: the disk is full \(ENOSPC\) — free some space and run the command again; what was published before is intact\n$/);
        expect(expectConsistent(out), `${free} inodes`).toBe(1);
        expect(readdirSync(join(out, "versions")), `${free} inodes`).toEqual(["v1"]);
        outcomes.add("refused");
      }
      expect(readdirSync(out).filter((n) => n.startsWith(".")), `${free} inodes`).toEqual([]);
      expectBytesKept(out, before);
    }
    expect([...outcomes].sort()).toEqual(["published", "refused"]);
  }, 120_000);
});
