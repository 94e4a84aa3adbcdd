import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomic, writeNewFile } from "../../src/folder/safe-write.ts";
import { InputError } from "../../src/model/issues.ts";

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `taphuan-${name}-`));

describe("writeNewFile", () => {
  it("refuses a symbolic link placed in advance, even one to nowhere, and writes nothing through it", () => {
    const dir = fresh("link");
    const victim = join(dir, "victim.txt");
    symlinkSync(victim, join(dir, "out.txt"));
    expect(() => writeNewFile(join(dir, "out.txt"), "x")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(existsSync(victim)).toBe(false);
  });

  it("refuses an existing file", () => {
    const dir = fresh("exists");
    writeFileSync(join(dir, "a"), "old");
    expect(() => writeNewFile(join(dir, "a"), "new")).toThrow(expect.objectContaining({ code: "EEXIST" }));
    expect(readFileSync(join(dir, "a"), "utf8")).toBe("old");
  });
});

describe("writeAtomic", () => {
  it("replaces a regular file and leaves no temporary file", () => {
    const dir = fresh("atomic");
    writeFileSync(join(dir, "schedule.json"), "version 1");
    writeAtomic(join(dir, "schedule.json"), "version 2");
    expect(readFileSync(join(dir, "schedule.json"), "utf8")).toBe("version 2");
    expect(readdirSync(dir)).toEqual(["schedule.json"]);
  });

  it("refuses a device, a folder and a symbolic link as the target, naming what it is", () => {
    const dir = fresh("targets");
    symlinkSync("/etc/hostname", join(dir, "link"));
    // A pipe of our own stands for every special file: a test must never risk replacing /dev/null.
    spawnSync("mkfifo", [join(dir, "pipe")]);
    for (const [target, what] of [[join(dir, "pipe"), "a named pipe"], [dir, "a folder"], [join(dir, "link"), "a symbolic link"]] as const) {
      let caught: unknown;
      try {
        writeAtomic(target, "x");
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).message).toBe(`${target}: is ${what}; taphuan only replaces regular files — give the path of a new or ordinary file`);
    }
  });

  it("a run killed mid-write leaves the old content or the new, never half of either", async () => {
    const dir = fresh("kill");
    const file = join(dir, "schedule.json");
    const old = `${"v1 ".repeat(4_000_000)}\n`;
    writeFileSync(file, old);
    const script = `import { writeAtomic } from ${JSON.stringify(new URL("../../src/folder/safe-write.ts", import.meta.url).href)};
      for (let i = 0; ; i++) writeAtomic(${JSON.stringify(file)}, "v2 ".repeat(4_000_000) + "\\n");`;
    for (const delay of [400, 700, 1000, 1500]) {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: "ignore" });
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const content = readFileSync(file, "utf8");
      expect(content === old || content === `${"v2 ".repeat(4_000_000)}\n`).toBe(true);
    }
  }, 60_000);
});
