/**
 * A schedule folder after hands and tools: `current` in every form a person or a copy tool leaves
 * it, things of every file type at taphuan's own names, versions made read-only, set back or
 * deleted. After each, opening the folder either repairs it and says so, or refuses it naming the
 * path and the fix; no version that was there is ever lost or changed.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScheduleFolder } from "../../src/folder/schedule-folder.ts";
import { EXIT_CODE_OF } from "../../src/model/errors.ts";
import { InputError } from "../../src/model/issues.ts";
import { describeEntry } from "../../src/folder/safe-write.ts";
import { expectCurrent, expectVersionsKept, folderWith, hiddenLeft, openNoting, snapshot, versionFiles } from "./folder-helpers.ts";

const TOKEN = "0a1b2c3d4e5f";
/** Another schedule folder, for links that lead out of the one under test. */
const outside = await folderWith(2, "outside");

function replaceCurrent(dir: string, target: string): void {
  rmSync(join(dir, "current"), { recursive: true, force: true });
  symlinkSync(target, join(dir, "current"));
}

/** What opening the folder threw; it must be bad input (exit 2), never a crash. */
async function refusal(dir: string): Promise<InputError> {
  let caught: unknown;
  try {
    (await openNoting(dir)).folder.close();
  } catch (e) {
    caught = e;
  }
  expect(caught, "the folder was opened").toBeInstanceOf(InputError);
  expect(EXIT_CODE_OF[(caught as InputError).kind]).toBe(2);
  // Refused before anything changed, and the lock given back.
  expect(existsSync(join(dir, ".taphuan.lock"))).toBe(false);
  return caught as InputError;
}

describe("a current link in a form taphuan does not write", () => {
  it.each([
    ["an absolute link, as copy and backup tools write it", (dir: string) => replaceCurrent(dir, join(dir, "versions", "v2")), (dir: string) => `links to ${join(dir, "versions", "v2")}, not to versions/v2 as taphuan writes it`],
    ["a trailing slash", (dir: string) => replaceCurrent(dir, "versions/v2/"), () => "links to versions/v2/, not to versions/v2 as taphuan writes it"],
    ["a link to nowhere", (dir: string) => replaceCurrent(dir, "nowhere"), () => "links to nowhere, which does not exist"],
    ["a link to a version that does not exist", (dir: string) => replaceCurrent(dir, "versions/v7"), () => "links to versions/v7, which does not exist"],
    ["a link to another folder's version", (dir: string) => replaceCurrent(dir, join(outside, "versions", "v2")), () => `links to ${join(outside, "versions", "v2")}, which is not a version of this folder`],
    ["a link to a file of the version", (dir: string) => replaceCurrent(dir, "versions/v2/schedule.json"), () => "links to versions/v2/schedule.json, which is not a version of this folder"],
    ["no current at all", (dir: string) => rmSync(join(dir, "current")), () => "was missing"],
  ])("%s: repaired to the highest complete version, saying so", async (_, tamper, found) => {
    const dir = await folderWith(2);
    const before = snapshot(dir);
    tamper(dir);
    const { folder, notices } = await openNoting(dir);
    expect(notices).toEqual([`${join(dir, "current")} ${found(dir)}; it now links versions/v2, the highest complete version`]);
    expectCurrent(dir, 2);
    expect(folder.publish(versionFiles(3), 2)).toBe(3);
    folder.close();
    expectCurrent(dir, 3);
    expectVersionsKept(dir, before);
  });

  it.each([
    ["a folder (a copy of the version, as `cp -rL` makes it)", (path: string, dir: string) => cpSync(join(dir, "versions", "v2"), path, { recursive: true }), "a folder"],
    ["a file", (path: string) => writeFileSync(path, "versions/v2\n"), "a file"],
    ["a named pipe", (path: string) => spawnSync("mkfifo", [path]), "a named pipe"],
  ])("%s: moved aside with nothing in it removed, then repaired", async (_, make, what) => {
    const dir = await folderWith(2);
    const before = snapshot(dir);
    rmSync(join(dir, "current"));
    make(join(dir, "current"), dir);
    const made = lstatSync(join(dir, "current"));
    const { folder, notices } = await openNoting(dir);
    folder.close();
    const aside = readdirSync(dir).find((n) => n.startsWith("current.replaced-"))!;
    expect(notices).toEqual([`${join(dir, "current")} was ${what}, not a link; it was moved to ${join(dir, aside)}, nothing in it removed; it now links versions/v2, the highest complete version`]);
    expect(lstatSync(join(dir, aside)).ino).toBe(made.ino);
    if (made.isDirectory()) expect(readFileSync(join(dir, aside, "schedule.json"), "utf8")).toBe(JSON.stringify({ version: 2 }));
    expectCurrent(dir, 2);
    expectVersionsKept(dir, before);
  });

  it("a link to the version of a folder copied elsewhere, made absolute: this folder's own version is used", async () => {
    const dir = await folderWith(2);
    const copy = `${dir}-copy`;
    cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
    replaceCurrent(copy, join(dir, "versions", "v2"));
    const { folder } = await openNoting(copy);
    folder.close();
    expect(readlinkSync(join(copy, "current"))).toBe("versions/v2");
  });
});

describe("a version changed by hand", () => {
  it("the current version deleted: the one before becomes current, saying so; the rest is kept", async () => {
    const dir = await folderWith(3);
    rmSync(join(dir, "versions", "v3"), { recursive: true });
    const before = snapshot(dir);
    const { folder, notices } = await openNoting(dir);
    expect(notices).toEqual([`${join(dir, "current")} links to versions/v3, which does not exist; it now links versions/v2, the highest complete version`]);
    expectCurrent(dir, 2);
    expect(folder.publish(versionFiles(3), 2)).toBe(3);
    folder.close();
    expectVersionsKept(dir, before);
  });

  it("an earlier version deleted: a gap in the history, nothing to repair", async () => {
    const dir = await folderWith(3);
    rmSync(join(dir, "versions", "v1"), { recursive: true });
    const before = snapshot(dir);
    const { folder, notices } = await openNoting(dir);
    expect(notices).toEqual([]);
    expect(folder.publish(versionFiles(4), 3)).toBe(4);
    folder.close();
    expectCurrent(dir, 4);
    expectVersionsKept(dir, before);
  });

  it("the current version's schedule.json deleted: refused, naming the version, and current left as it was", async () => {
    const dir = await folderWith(2);
    rmSync(join(dir, "versions", "v2", "schedule.json"));
    const before = snapshot(dir);
    const refused = await refusal(dir);
    expect(refused.message).toBe(`${join(dir, "versions", "v2")}: is version 2 but has no schedule.json: its files were removed, or it was put here, by hand — put its files back from a backup, or move it out of ${join(dir, "versions")} (version 1, the highest complete one, then becomes current)`);
    expect(readlinkSync(join(dir, "current"))).toBe("versions/v2");
    expectVersionsKept(dir, before);
  });

  it("current set back by hand to an earlier version: refused with both fixes, nothing changed", async () => {
    const dir = await folderWith(2);
    replaceCurrent(dir, "versions/v1");
    const before = snapshot(dir);
    const refused = await refusal(dir);
    expect(refused.message).toBe(`${join(dir, "versions", "v2")}: is version 2, above the current version 1, and no stopped taphuan left it unfinished: it was put here, or current set back, by hand — to make it current: ln -sfn versions/v2 ${join(dir, "current")}; otherwise move it out of ${join(dir, "versions")} (to go back to an earlier version, re-plan with --restore)`);
    expect(readlinkSync(join(dir, "current"))).toBe("versions/v1");
    expectVersionsKept(dir, before);
  });

  it("a version folder put above the current one by hand: refused, not removed", async () => {
    const dir = await folderWith(1);
    cpSync(join(dir, "versions", "v1"), join(dir, "versions", "v2"), { recursive: true });
    const before = snapshot(dir);
    expect((await refusal(dir)).message).toContain(`${join(dir, "versions", "v2")}: is version 2, above the current version 1, and no stopped taphuan left it unfinished`);
    expectVersionsKept(dir, before);
  });

  it("every version deleted: refused, saying there is nothing to repair current to", async () => {
    const dir = await folderWith(2);
    rmSync(join(dir, "versions"), { recursive: true });
    mkdirSync(join(dir, "versions"));
    expect((await refusal(dir)).message).toBe(`${join(dir, "current")}: links to versions/v2, which does not exist, and ${join(dir, "versions")} holds no complete version (a folder with schedule.json) — put the versions back from a backup, or choose another folder`);
    expect(readlinkSync(join(dir, "current"))).toBe("versions/v2");
  });

  it.each([
    ["a version replaced by a link to its copy", (dir: string) => {
      cpSync(join(dir, "versions", "v1"), `${dir}-v1`, { recursive: true });
      rmSync(join(dir, "versions", "v1"), { recursive: true });
      symlinkSync(`${dir}-v1`, join(dir, "versions", "v1"));
      return join(dir, "versions", "v1");
    }, "a symbolic link where taphuan keeps version 1"],
    ["versions/ replaced by a file", (dir: string) => {
      rmSync(join(dir, "versions"), { recursive: true });
      writeFileSync(join(dir, "versions"), "");
      return join(dir, "versions");
    }, "a file where taphuan keeps its versions"],
  ])("%s: refused, naming it", async (_, tamper, what) => {
    const dir = await folderWith(2);
    const path = tamper(dir);
    expect((await refusal(dir)).message).toContain(`${path}: is ${what}`);
    expect(existsSync(path)).toBe(true);
  });

  it("a version made read-only (chmod -R a-w): the next one is published beside it, and it is not touched", async () => {
    const dir = await folderWith(2);
    spawnSync("chmod", ["-R", "a-w", join(dir, "versions", "v1"), join(dir, "versions", "v2")]);
    const before = snapshot(dir);
    const { folder, notices } = await openNoting(dir);
    expect(folder.publish(versionFiles(3), 2)).toBe(3);
    folder.close();
    expect(notices).toEqual([]);
    expectCurrent(dir, 3);
    expectVersionsKept(dir, before);
    chmodSync(join(dir, "versions", "v1"), 0o755);
  });
});

type Kind = "file" | "folder" | "link" | "pipe";

function make(path: string, kind: Kind): void {
  if (kind === "file") writeFileSync(path, "");
  if (kind === "folder") {
    mkdirSync(path);
    writeFileSync(join(path, "inside"), "someone's");
  }
  if (kind === "link") symlinkSync("nowhere", path);
  if (kind === "pipe") spawnSync("mkfifo", [path]);
  // Old enough to be no live writer's (a lock being broken is left alone for five seconds).
  if (kind !== "link") utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
}

/** taphuan's own names, the kind of entry it makes there, and what it keeps there (for the refusal). */
const OWN_NAMES: readonly { name: string; kind: Kind; kept: string }[] = [
  { name: `.link-${TOKEN}.1`, kind: "link", kept: "temporary links" },
  { name: `.link-${TOKEN}`, kind: "link", kept: "temporary links" },
  { name: `.schedule.json.${TOKEN}.tmp`, kind: "file", kept: "temporary files" },
  { name: `.taphuan.lock.${TOKEN}.stale`, kind: "file", kept: "locks being removed" },
  { name: `versions/.staging-${TOKEN}`, kind: "folder", kept: "versions being written" },
  { name: "versions/.staging-Ab12Cd", kind: "folder", kept: "versions being written" },
  { name: `versions/.publishing-${TOKEN}`, kind: "link", kept: "marks of versions being published" },
];
/** Names of the same shapes that taphuan would never write. */
const FOREIGN_NAMES: readonly { name: string; kept: string }[] = [
  { name: ".link-x", kept: "temporary links" },
  { name: ".backup.tmp", kept: "temporary files" },
  { name: ".taphuan.lock.old", kept: "locks being removed" },
  { name: "versions/.staging-x", kept: "versions being written" },
  { name: "versions/.publishing-x", kept: "marks of versions being published" },
];
const KINDS: readonly Kind[] = ["file", "folder", "link", "pipe"];

const cases = [
  ...OWN_NAMES.flatMap(({ name, kind, kept }) => KINDS.map((made) => ({ name, made, kept, cleared: made === kind }))),
  ...FOREIGN_NAMES.flatMap(({ name, kept }) => KINDS.map((made) => ({ name, made, kept, cleared: false }))),
];

describe("something at a name taphuan keeps for itself", () => {
  it.each(cases)("$name as a $made: cleared $cleared", async ({ name, made, kept, cleared }) => {
    const dir = await folderWith(1);
    const before = snapshot(dir);
    const path = join(dir, name);
    make(path, made);
    if (cleared) {
      const { folder } = await openNoting(dir);
      folder.close();
      expect(lstatSync(path, { throwIfNoEntry: false })).toBeUndefined();
      expect(hiddenLeft(dir)).toEqual([]);
    } else {
      const stat = lstatSync(path);
      const folder = name.startsWith("versions/") ? join(dir, "versions") : dir;
      expect((await refusal(dir)).message).toBe(`${path}: is ${describeEntry(stat)} under a name taphuan keeps for its ${kept}, and taphuan did not make it — move it out of ${folder} (taphuan removes only what it made), then run the command again`);
      expect(lstatSync(path).ino).toBe(stat.ino);
    }
    expectCurrent(dir, 1);
    expectVersionsKept(dir, before);
  });
});

describe("something at the lock's name", () => {
  it.each(["folder", "link", "pipe"] as const)("a %s: refused with the fix, never opened, never moved aside", async (made) => {
    const dir = await folderWith(1);
    const path = join(dir, ".taphuan.lock");
    make(path, made);
    const stat = lstatSync(path);
    let caught: unknown;
    await ScheduleFolder.open(dir, "test", { notify: () => {} }).catch((e: unknown) => (caught = e));
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).message).toBe(`${path}: is ${describeEntry(stat)} where taphuan keeps its lock file, and taphuan did not make it — move it out of ${dir}, then run the command again`);
    expect(lstatSync(path).ino).toBe(stat.ino);
    expect(readdirSync(dir).filter((n) => n.startsWith(".taphuan.lock."))).toEqual([]);
  });

  it("an empty file left by a writer that stopped (or a full disk): taken over at once once it is a few seconds old", async () => {
    const dir = await folderWith(1);
    make(join(dir, ".taphuan.lock"), "file");
    const started = Date.now();
    const { folder } = await openNoting(dir, { waitMs: 0 });
    folder.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(hiddenLeft(dir)).toEqual([]);
  });

  it("an empty file made a moment ago: waited for until it is known dead, never reported busy", async () => {
    const dir = await folderWith(1);
    writeFileSync(join(dir, ".taphuan.lock"), "");
    const fourSecondsAgo = new Date(Date.now() - 4_300);
    utimesSync(join(dir, ".taphuan.lock"), fourSecondsAgo, fourSecondsAgo);
    const { folder } = await openNoting(dir, { waitMs: 0 });
    folder.close();
    expect(hiddenLeft(dir)).toEqual([]);
  });
});
