import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, FolderBusyError, LOCK_FILE } from "../../src/folder/lock.ts";
import { folderOfSchedule, ScheduleFolder, VersionConflictError } from "../../src/folder/schedule-folder.ts";
import { InputError } from "../../src/model/issues.ts";

const fresh = () => mkdtempSync(join(tmpdir(), "taphuan-folder-"));
const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));
const read = (dir: string, name: string) => readFileSync(join(dir, name), "utf8");

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid!;
}

describe("a schedule folder", () => {
  it("publishes versions side by side and links the current one's files at the top", async () => {
    const dir = fresh();
    const folder = await ScheduleFolder.open(dir, "test");
    expect(folder.publish(tree({ "schedule.json": "one", "requests/a.ics": "A1" }), undefined)).toBe(1);
    expect(folder.publish(tree({ "schedule.json": "two", "requests/a.ics": "A2", "diff.md": "d2", "updates/requests/a.ics": "U2" }), 1)).toBe(2);
    folder.close();
    expect(readlinkSync(join(dir, "current"))).toBe("versions/v2");
    expect(read(dir, "schedule.json")).toBe("two");
    expect(read(dir, "requests/a.ics")).toBe("A2");
    expect(read(dir, "updates/requests/a.ics")).toBe("U2");
    expect(read(dir, "versions/v1/schedule.json")).toBe("one");
    expect(folder.versions()).toEqual([1, 2]);
    expect(readdirSync(dir).sort()).toEqual(["current", "diff.md", "requests", "schedule.json", "updates", "versions"]);
  });

  it("never leaves a file of an earlier version looking current", async () => {
    const dir = fresh();
    const folder = await ScheduleFolder.open(dir, "test");
    folder.publish(tree({ "schedule.json": "one" }), undefined);
    folder.publish(tree({ "schedule.json": "two", "diff.md": "d2", "updates/cancel/a.ics": "C" }), 1);
    folder.publish(tree({ "schedule.json": "three" }), 2);
    folder.close();
    expect(existsSync(join(dir, "diff.md"))).toBe(false);
    expect(existsSync(join(dir, "updates"))).toBe(false);
    expect(read(dir, "versions/v2/diff.md")).toBe("d2");
  });

  it("refuses to publish over a version that became current meanwhile, and changes nothing", async () => {
    const dir = fresh();
    const folder = await ScheduleFolder.open(dir, "test");
    folder.publish(tree({ "schedule.json": "one" }), undefined);
    folder.publish(tree({ "schedule.json": "two by tab A" }), 1);
    expect(() => folder.publish(tree({ "schedule.json": "two by tab B" }), 1)).toThrow(VersionConflictError);
    expect(() => folder.publish(tree({ "schedule.json": "again" }), undefined)).toThrow(/version 2 is now current, and this change started from an empty folder/);
    folder.close();
    expect(read(dir, "schedule.json")).toBe("two by tab A");
    expect(readdirSync(join(dir, "versions"))).toEqual(["v1", "v2"]);
  });

  it("clears what an interrupted writer left, keeping the current version", async () => {
    const dir = fresh();
    const folder = await ScheduleFolder.open(dir, "test");
    folder.publish(tree({ "schedule.json": "one" }), undefined);
    folder.close();
    // What a writer with token 0a1b2c3d4e5f left: a staging folder, a version renamed into place but
    // never made current (its mark says so), a half-made link, a temporary file.
    mkdirSync(join(dir, "versions", ".staging-0a1b2c3d4e5f"));
    mkdirSync(join(dir, "versions", "v2"));
    writeFileSync(join(dir, "versions", "v2", "schedule.json"), "two, never current");
    symlinkSync("v2", join(dir, "versions", ".publishing-0a1b2c3d4e5f"));
    symlinkSync("versions/v2", join(dir, ".link-0a1b2c3d4e5f.1"));
    writeFileSync(join(dir, ".schedule.json.0a1b2c3d4e5f.tmp"), "half");
    const notices: string[] = [];
    const again = await ScheduleFolder.open(dir, "test", { notify: (m) => notices.push(m) });
    expect(readdirSync(join(dir, "versions"))).toEqual(["v1"]);
    expect(notices).toEqual([`${join(dir, "versions", "v2")} was left unfinished by a taphuan that stopped before making it current; removed (version 1 stays current)`]);
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE, "current", "schedule.json", "versions"]);
    expect(again.publish(tree({ "schedule.json": "two" }), 1)).toBe(2);
    again.close();
    expect(read(dir, "schedule.json")).toBe("two");
  });

  it("refuses a file, a device or an empty name as the folder, and plain files of another layout", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "file"), "x");
    await expect(ScheduleFolder.open(join(dir, "file"), "test")).rejects.toThrow(`${join(dir, "file")}: is a file, not a folder`);
    await expect(ScheduleFolder.open("/dev/null", "test")).rejects.toThrow("/dev/null: is a device, not a folder");
    await expect(ScheduleFolder.open("", "test")).rejects.toThrow(InputError);
    const old = fresh();
    writeFileSync(join(old, "schedule.json"), "{}");
    await expect(ScheduleFolder.open(old, "test")).rejects.toThrow(`${join(old, "schedule.json")}: is a file that taphuan did not publish`);
    expect(existsSync(join(old, LOCK_FILE))).toBe(false);
  });

  it("knows the folder of a schedule given by its top-level name or inside a version", () => {
    expect(folderOfSchedule("out/schedule.json")).toBe("out");
    expect(folderOfSchedule("out/versions/v3/schedule.json")).toBe("out");
    expect(folderOfSchedule("hand-made.json")).toBe(".");
  });
});

describe("the folder's lock", () => {
  it("makes a second writer wait, then names the one holding it", async () => {
    const dir = fresh();
    const first = await acquireLock(dir, "replan");
    const started = Date.now();
    const second = acquireLock(dir, "solve", 300);
    await expect(second).rejects.toThrow(FolderBusyError);
    await expect(acquireLock(dir, "solve", 0)).rejects.toThrow(`${dir}: another replan of this folder is running (pid ${process.pid}, since`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    first.release();
    const third = await acquireLock(dir, "solve", 0);
    third.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("takes over a lock whose owner died on this host", async () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), command: "replan", since: "2022-09-14T08:00:00Z", token: "dead" }));
    const lock = await acquireLock(dir, "solve", 0);
    expect(JSON.parse(read(dir, LOCK_FILE)).pid).toBe(process.pid);
    lock.release();
  });

  it("waits for a lock of another host, which it cannot check, and says how to clear it", async () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1234, host: "elsewhere", command: "replan", since: "2022-09-14T08:00:00Z", token: "x" }));
    await expect(acquireLock(dir, "solve", 0)).rejects.toThrow(`another replan of this folder is running (pid 1234 on elsewhere, since 2022-09-14T08:00:00Z); try again when it has finished, or delete ${join(dir, LOCK_FILE)} if nothing runs there any more`);
  });

  it("releases only its own lock", async () => {
    const dir = fresh();
    const lock = await acquireLock(dir, "solve", 0);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: hostname(), command: "replan", since: "x", token: "other" }));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
