/** Schedule folders for the folder tests: versions published the real way, and what a version held, byte for byte. */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ScheduleFolder, type OpenOptions } from "../../src/folder/schedule-folder.ts";

export const fresh = (name = "folder") => mkdtempSync(join(tmpdir(), `taphuan-${name}-`));

/** Version `v` as a writer publishes it: a schedule, a file in a subfolder, and from v2 on a diff. */
export function versionFiles(v: number): Map<string, string> {
  const files = new Map([
    ["schedule.json", JSON.stringify({ version: v })],
    ["requests/a.ics", `A${v}`],
  ]);
  if (v > 1) files.set("diff.md", `d${v}`);
  return files;
}

/** A folder holding versions 1..count, with v`count` current. */
export async function folderWith(count: number, name = "folder"): Promise<string> {
  const dir = fresh(name);
  const folder = await ScheduleFolder.open(dir, "test", { notify: () => {} });
  for (let v = 1; v <= count; v++) folder.publish(versionFiles(v), v === 1 ? undefined : v - 1);
  folder.close();
  return dir;
}

/** Opens the folder, collecting what it says it repaired. */
export async function openNoting(dir: string, options: OpenOptions = {}): Promise<{ folder: ScheduleFolder; notices: string[] }> {
  const notices: string[] = [];
  const folder = await ScheduleFolder.open(dir, "test", { notify: (m) => notices.push(m), ...options });
  return { folder, notices };
}

/** Every entry under versions/, by path: a file's bytes, a link's target, or that it is a folder. */
export function snapshot(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (path: string, name: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) entries.set(name, `link → ${readlinkSync(path)}`);
    else if (stat.isDirectory()) {
      entries.set(name, `folder ${(stat.mode & 0o777).toString(8)}`);
      for (const child of readdirSync(path)) walk(join(path, child), `${name}/${child}`);
    } else if (stat.isFile()) entries.set(name, `file ${(stat.mode & 0o777).toString(8)} ${readFileSync(path).toString("hex")}`);
    else entries.set(name, "other"); // a pipe would block a read
  };
  walk(join(dir, "versions"), "versions");
  return entries;
}

/** No version that was there before is lost or changed (new versions may have been added). */
export function expectVersionsKept(dir: string, before: Map<string, string>): void {
  const after = snapshot(dir);
  for (const [path, entry] of before) expect(after.get(path), path).toBe(entry);
}

/** `current` in taphuan's form, and every top-level file a link through it to exactly the current version's entries. */
export function expectCurrent(dir: string, version: number): void {
  expect(readlinkSync(join(dir, "current"))).toBe(`versions/v${version}`);
  expect(JSON.parse(readFileSync(join(dir, "schedule.json"), "utf8"))).toEqual({ version });
  const top = readdirSync(dir).filter((n) => !n.startsWith(".") && n !== "current" && n !== "versions" && lstatSync(join(dir, n)).isSymbolicLink() && readlinkSync(join(dir, n)).startsWith("current/"));
  expect(top.sort()).toEqual(readdirSync(join(dir, "versions", `v${version}`)).sort());
}

/** Hidden names left in the folder or versions/ (the lock aside, none should be after a clean run). */
export function hiddenLeft(dir: string): string[] {
  return [...readdirSync(dir).filter((n) => n.startsWith(".")), ...readdirSync(join(dir, "versions")).filter((n) => n.startsWith(".")).map((n) => `versions/${n}`)];
}
