import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAtomic } from "../../src/cli/files.ts";

describe("writeAtomic", () => {
  it("leaves the previous file intact when the write fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-atomic-"));
    const file = join(dir, "schedule.json");
    writeFileSync(file, "version 1");
    mkdirSync(join(dir, `.schedule.json.${process.pid}.tmp`)); // the temporary file cannot be written
    expect(() => writeAtomic(file, "version 2")).toThrow();
    expect(readFileSync(file, "utf8")).toBe("version 1");
  });

  it("a run killed mid-write leaves the old schedule or the new one, never half of either", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-kill-"));
    const file = join(dir, "schedule.json");
    const old = `${"v1 ".repeat(4_000_000)}\n`;
    writeFileSync(file, old);
    const script = `import { writeAtomic } from ${JSON.stringify(new URL("../../src/cli/files.ts", import.meta.url).href)};
      for (let i = 0; ; i++) writeAtomic(${JSON.stringify(file)}, "v2 ".repeat(4_000_000) + "\\n");`;
    for (const delay of [400, 700, 1000, 1500]) {
      const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: "ignore" });
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const content = readFileSync(file, "utf8");
      expect(content === old || content === `${"v2 ".repeat(4_000_000)}\n`).toBe(true);
    }
    expect(readdirSync(dir).filter((f) => !f.endsWith(".tmp"))).toEqual(["schedule.json"]);
  }, 60_000);
});
