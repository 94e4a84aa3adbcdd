/**
 * A publication on a disk that fails: every call that changes the disk is made to fail in turn (a
 * full disk, inodes used up, an I/O error), and after each the previous version is current and
 * complete — or, only where putting it back failed too, the error says the new one is. What is
 * written is flushed to the disk before `current` switches to it, and the switch after.
 */
import { join } from "node:path";
import { constants, existsSync, readdirSync, readlinkSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { acquireLock, LOCK_FILE } from "../../src/folder/lock.ts";
import { NODE_FS, type WriteFs } from "../../src/folder/safe-write.ts";
import { PublicationError, ScheduleFolder } from "../../src/folder/schedule-folder.ts";
import { expectCurrent, expectVersionsKept, folderWith, fresh, hiddenLeft, openNoting, snapshot, versionFiles } from "./folder-helpers.ts";

type Call = keyof WriteFs;
const CALLS: readonly Call[] = ["openSync", "writeSync", "fsyncSync", "closeSync", "mkdirSync", "renameSync", "symlinkSync", "unlinkSync", "rmSync"];

/** node:fs with every call passed through `around`. */
function wrapFs(around: (call: Call, args: unknown[], proceed: () => unknown) => unknown): WriteFs {
  return Object.fromEntries(CALLS.map((call) => [call, (...args: unknown[]) => around(call, args, () => (NODE_FS[call] as (...a: unknown[]) => unknown)(...args))])) as unknown as WriteFs;
}

function errno(code: string, call: string, path: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected into ${call}`), { code, syscall: call, ...(typeof path === "string" ? { path } : {}) });
}

/** What a full disk fails: making a file or a folder or a link, and writing; renaming and removing still work. */
const needsSpace = (call: Call, args: unknown[]) => call === "writeSync" || call === "symlinkSync" || call === "mkdirSync" || (call === "openSync" && ((args[1] as number) & constants.O_CREAT) !== 0);

/**
 * A file system whose `at`-th call (among those `which` selects, counted once armed) fails with
 * `code`, and, if `persistent`, every such call after it.
 */
function failing(at: number, code: string, persistent: boolean, which: (call: Call, args: unknown[]) => boolean = () => true) {
  let armed = false;
  let count = 0;
  const fs = wrapFs((call, args, proceed) => {
    if (armed && which(call, args)) {
      count++;
      if (count === at || (persistent && count > at)) throw errno(code, call, args[0]);
    }
    return proceed();
  });
  return { fs, arm: () => (armed = true), disarm: () => (armed = false), counted: () => count };
}

/** How many calls (of those `which` selects) one publication makes. */
async function callsOfOnePublication(which?: (call: Call, args: unknown[]) => boolean): Promise<number> {
  const dir = await folderWith(1);
  const counting = failing(Number.POSITIVE_INFINITY, "ENOSPC", false, which);
  const { folder } = await openNoting(dir, { fs: counting.fs });
  counting.arm();
  folder.publish(versionFiles(2), 1);
  counting.disarm();
  folder.close();
  return counting.counted();
}

const MODES = [
  { mode: "one call fails (ENOSPC)", code: "ENOSPC", persistent: false, which: undefined },
  { mode: "one call fails (EIO)", code: "EIO", persistent: false, which: undefined },
  { mode: "the disk is full from then on", code: "ENOSPC", persistent: true, which: needsSpace },
  { mode: "every call fails from then on (EIO)", code: "EIO", persistent: true, which: undefined },
];

describe("a publication on a disk that fails", () => {
  it("makes a number of calls worth testing one by one", async () => {
    expect(await callsOfOnePublication()).toBeGreaterThan(20);
  });

  it.each(MODES)("$mode at any call: the previous version stays current, or the error says it does not", async ({ code, persistent, which }) => {
    const calls = await callsOfOnePublication(which);
    const outcomes = new Set<string>();
    for (let at = 1; at <= calls + 1; at++) {
      const dir = await folderWith(1);
      const before = snapshot(dir);
      const disk = failing(at, code, persistent, which);
      const { folder, notices } = await openNoting(dir, { fs: disk.fs });
      disk.arm();
      let thrown: unknown;
      try {
        folder.publish(versionFiles(2), 1);
      } catch (e) {
        thrown = e;
      }
      disk.disarm();
      folder.close();
      const current = readlinkSync(join(dir, "current"));
      if (thrown instanceof PublicationError) {
        // Said apart: the new version is current (and complete), so "what was published before is intact" is not said.
        expect(current, `call ${at}`).toBe("versions/v2");
        expect(thrown.message).toContain(`version 2 became current, but finishing it failed (`);
        outcomes.add("published, said so");
      } else if (thrown) {
        expect((thrown as NodeJS.ErrnoException).code, `call ${at}: ${String(thrown)}`).toBe(code);
        expect(current, `call ${at}`).toBe("versions/v1");
        if (!persistent) {
          // With the disk working again for the clean-up, nothing of the failed version is left.
          expectCurrent(dir, 1);
          expect(readdirSync(join(dir, "versions")), `call ${at}`).toEqual(["v1"]);
          expect(hiddenLeft(dir), `call ${at}`).toEqual([]);
        }
        outcomes.add("previous intact");
      } else {
        expect(current, `call ${at}`).toBe("versions/v2");
        if (at <= calls) expect(notices.join("\n"), `call ${at}`).toContain("could not tidy up");
        outcomes.add("published");
      }
      // The next writer, on a working disk, finds a folder it understands, and the history whole.
      const { folder: next } = await openNoting(dir);
      const settled = current === "versions/v2" ? 2 : 1;
      expectCurrent(dir, settled);
      expect(readdirSync(join(dir, "versions")).filter((n) => !n.startsWith("."))).toEqual(settled === 2 ? ["v1", "v2"] : ["v1"]);
      expect(next.publish(versionFiles(settled + 1), settled)).toBe(settled + 1);
      next.close();
      expect(hiddenLeft(dir)).toEqual([]);
      expectVersionsKept(dir, before);
    }
    expect(outcomes.has("previous intact")).toBe(true);
    // A full disk fails only calls that need space, all before the switch: the previous version is never lost.
    if (which === needsSpace) expect([...outcomes].sort()).toEqual(["previous intact", "published"]);
  }, 120_000);

  it.each([1, 2, 3])("the inodes run out when the links are made (at link %i): the new version is never current, not even for a moment", async (at) => {
    const dir = await folderWith(1);
    const before = snapshot(dir);
    // Everything of the version is written and renamed into place; then the links find no inode.
    const isLink = (call: Call, args: unknown[]) => call === "symlinkSync" && String(args[1]).includes("/.link-");
    const disk = failing(at, "ENOSPC", true, isLink);
    const seen = new Set<string>();
    const watching = wrapFs((call, args, proceed) => {
      if (isLink(call, args)) seen.add(readlinkSync(join(dir, "current")));
      return (disk.fs[call] as (...a: unknown[]) => unknown)(...args);
    });
    const { folder } = await openNoting(dir, { fs: watching });
    disk.arm();
    expect(() => folder.publish(versionFiles(2), 1)).toThrow(expect.objectContaining({ code: "ENOSPC" }));
    disk.disarm();
    folder.close();
    expect([...seen]).toEqual(["versions/v1"]);
    expectCurrent(dir, 1);
    expect(readdirSync(join(dir, "versions"))).toEqual(["v1"]);
    expect(hiddenLeft(dir)).toEqual([]);
    expectVersionsKept(dir, before);
  });
});

describe("what is flushed to the disk, and when", () => {
  it("every file and folder of the version before it is renamed into place, versions/ before current switches, the folder after", async () => {
    const dir = await folderWith(1);
    const events: string[] = [];
    const opened = new Map<number, string>();
    const recording = wrapFs((call, args, proceed) => {
      const result = proceed();
      if (call === "openSync") opened.set(result as number, args[0] as string);
      if (call === "fsyncSync") events.push(`fsync ${opened.get(args[0] as number)}`);
      if (call === "renameSync" || call === "symlinkSync") events.push(`${call} ${String(args[0])} ${String(args[1])}`);
      return result;
    });
    const { folder } = await openNoting(dir, { fs: recording });
    folder.publish(versionFiles(2), 1);
    folder.close();
    const at = (pattern: RegExp) => {
      const index = events.findIndex((e) => pattern.test(e));
      expect(index, String(pattern)).toBeGreaterThanOrEqual(0);
      return index;
    };
    const versions = join(dir, "versions");
    const intoPlace = at(new RegExp(`^renameSync ${versions}/\\.staging-[0-9a-f]{12} ${versions}/v2$`));
    const staging = events[intoPlace]!.split(" ")[1]!;
    const switched = at(new RegExp(`^renameSync ${dir}/\\.link-[0-9a-f]{12}\\.\\d+ ${dir}/current$`));
    const flushedBefore = (path: string, step: number) => {
      const index = events.indexOf(`fsync ${path}`);
      expect(index, `${path} flushed`).toBeGreaterThanOrEqual(0);
      expect(index, `${path} flushed in time`).toBeLessThan(step);
    };
    for (const file of versionFiles(2).keys()) flushedBefore(join(staging, file), intoPlace);
    for (const folder of [staging, join(staging, "requests")]) flushedBefore(folder, intoPlace);
    // The mark that tells a stopped writer's unfinished version is on the disk before the version is.
    const marked = at(new RegExp(`^symlinkSync v2 ${versions}/\\.publishing-[0-9a-f]{12}$`));
    expect(events.slice(marked, intoPlace)).toContain(`fsync ${versions}`);
    expect(events.slice(intoPlace, switched)).toContain(`fsync ${versions}`);
    expect(events.slice(switched)).toContain(`fsync ${dir}`);
  });
});

describe("a writer stopped between two steps of a publication", () => {
  it("after the switch, before its mark was removed: the version is published and stays", async () => {
    const dir = await folderWith(2);
    const before = snapshot(dir);
    const { symlinkSync } = await import("node:fs");
    symlinkSync("v2", join(dir, "versions", ".publishing-0a1b2c3d4e5f"));
    const { folder, notices } = await openNoting(dir);
    folder.close();
    expect(notices).toEqual([]);
    expectCurrent(dir, 2);
    expect(hiddenLeft(dir)).toEqual([]);
    expectVersionsKept(dir, before);
  });

  it("the first version renamed into place, the folder never given a current: it goes, and the folder is empty again", async () => {
    const dir = await folderWith(1);
    const { rmSync, symlinkSync } = await import("node:fs");
    rmSync(join(dir, "current"));
    symlinkSync("v1", join(dir, "versions", ".publishing-0a1b2c3d4e5f"));
    const { folder, notices } = await openNoting(dir);
    folder.close();
    expect(notices).toEqual([`${join(dir, "versions", "v1")} was left unfinished by a taphuan that stopped before making it current; removed (the folder had no current version)`]);
    expect(readdirSync(join(dir, "versions"))).toEqual([]);
    expect(existsSync(join(dir, "schedule.json"))).toBe(false);
  });
});

describe("the lock on a full disk", () => {
  it("a lock that cannot be written is not left behind: the error is the full disk, and so is the next one's", async () => {
    const dir = fresh();
    for (let attempt = 0; attempt < 2; attempt++) {
      const disk = failing(1, "ENOSPC", true, (call) => call === "writeSync");
      disk.arm();
      await expect(acquireLock(dir, "solve", 0, disk.fs)).rejects.toMatchObject({ code: "ENOSPC", path: join(dir, LOCK_FILE) });
      expect(readdirSync(dir)).toEqual([]);
    }
    (await acquireLock(dir, "solve", 0)).release();
  });

  it("opening the folder on a full disk says so, and leaves no lock", async () => {
    const dir = await folderWith(1);
    const disk = failing(1, "ENOSPC", true, needsSpace);
    disk.arm();
    await expect(ScheduleFolder.open(dir, "solve", { fs: disk.fs, waitMs: 0 })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(hiddenLeft(dir)).toEqual([]);
  });
});
