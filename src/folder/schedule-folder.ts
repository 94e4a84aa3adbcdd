/**
 * The schedule folder: every published version in its own directory, and one pointer to the
 * current one. A reader always sees one complete version; a crash at any point leaves the previous
 * version current and complete, and the next writer clears the debris.
 *
 *   versions/v1/…  versions/v2/…   every version as it was published, never rewritten
 *   current        → versions/v2    the pointer, replaced by one atomic rename
 *   schedule.json  → current/schedule.json, and so on for every file of the current version
 *   .taphuan.lock                   while a command writes
 *
 * A version is written into a staging directory with an unguessable name, renamed into
 * `versions/vN` (which fails if vN exists: history is append-only), then `current` is switched.
 * Every top-level name links through `current`, so none can show an older version's file.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, chmodSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { error, InputError } from "../model/issues.ts";
import { loadScheduleText, type Schedule } from "../model/schedule.ts";
import { VersionConflictError } from "./errors.ts";
import { acquireLock, LOCK_FILE, type Lock } from "./lock.ts";
import { describeEntry, lstatOrUndefined, randomSuffix, writeNewFile } from "./safe-write.ts";

export { VersionConflictError };

export const VERSIONS_DIR = "versions";
export const CURRENT_LINK = "current";
const STAGING_PREFIX = ".staging-";
const LINK_PREFIX = ".link-";

/** Names an older taphuan wrote as plain files; found in a folder without versions, they are not ours to replace. */
const PLAIN_LAYOUT_NAMES = ["schedule.json", "schedule.ics", "requests", "updates", "history", "diff.md", "diff.json"];

export type FileTree = ReadonlyMap<string, string | Uint8Array>;

function versionName(version: number): string {
  return `v${version}`;
}

/** Reads a schedule folder without writing: what the page and `check` need. */
export class ScheduleFolderReader {
  constructor(readonly dir: string) {}

  /** The current version, or undefined for a folder where nothing was published yet. */
  currentVersion(): number | undefined {
    let target: string;
    try {
      target = readlinkSync(join(this.dir, CURRENT_LINK));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "EINVAL") return undefined;
      throw e;
    }
    const match = /^versions\/v(\d+)$/.exec(target);
    return match ? Number(match[1]) : undefined;
  }

  /** Every published version, oldest first (a version above the current one is an unfinished publication, not history). */
  versions(): number[] {
    const current = this.currentVersion();
    if (current === undefined) return [];
    let names: string[];
    try {
      names = readdirSync(join(this.dir, VERSIONS_DIR));
    } catch {
      return [];
    }
    return names
      // A version is a folder of its own: one replaced by a link is not history taphuan reads.
      .filter((name) => lstatOrUndefined(join(this.dir, VERSIONS_DIR, name))?.isDirectory() === true)
      .map((name) => /^v(\d+)$/.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .filter((v) => v <= current)
      .sort((a, b) => a - b);
  }

  versionPath(version: number, file = ""): string {
    return join(this.dir, VERSIONS_DIR, versionName(version), file);
  }

  readVersionFile(version: number, file: string): string {
    if (lstatOrUndefined(this.versionPath(version))?.isSymbolicLink()) {
      throw new InputError(this.versionPath(version), [error("version-is-link", [], "is a symbolic link; taphuan reads no version through a link", "put the version's own folder back in its place", {})]);
    }
    return readFileSync(this.versionPath(version, file), "utf8");
  }

  /** A version's schedule.json, checked like any schedule file (problems name its path). */
  readSchedule(version: number): Schedule {
    return loadScheduleText(this.readVersionFile(version, "schedule.json"), this.versionPath(version, "schedule.json"));
  }
}

/** A schedule folder held by one writer: `open` takes the lock, `close` gives it back. */
export class ScheduleFolder extends ScheduleFolderReader {
  private constructor(
    dir: string,
    private readonly lock: Lock,
  ) {
    super(dir);
  }

  /**
   * Prepares `dir` for writing: creates it if needed, refuses a file, a device, or a folder holding
   * plain files of another layout, takes the lock, and clears the debris of an interrupted writer.
   * Taking the lock also proves, before any long solve, that the folder is writable.
   */
  static async open(dir: string, command: string, options: { waitMs?: number } = {}): Promise<ScheduleFolder> {
    if (dir.trim() === "") throw new InputError(undefined, [error("empty-out", [], "the output folder (--out) is empty", "give a folder, e.g. --out out")]);
    const stat = lstatOrUndefined(dir);
    if (stat && !stat.isDirectory() && !(stat.isSymbolicLink() && isDirectoryBehindLink(dir))) {
      throw new InputError(dir, [error("out-not-a-folder", [], `is ${describeEntry(stat)}, not a folder`, "give a folder for the schedule (it is created if missing)")]);
    }
    mkdirSync(dir, { recursive: true });
    const lock = await acquireLock(dir, command, options.waitMs);
    const folder = new ScheduleFolder(dir, lock);
    try {
      folder.refuseOtherLayout();
      folder.clearDebris();
    } catch (e) {
      lock.release();
      throw e;
    }
    return folder;
  }

  close(): void {
    this.lock.release();
  }

  /**
   * Publishes `files` as the next version: `basedOn` is the version the writer started from
   * (undefined: an empty folder); if another version became current meanwhile, nothing is published.
   */
  publish(files: FileTree, basedOn: number | undefined, version = (basedOn ?? 0) + 1): number {
    const current = this.currentVersion();
    if (current !== basedOn) throw new VersionConflictError(this.dir, current, basedOn);
    this.refuseClashes(new Set([...files.keys()].map((name) => name.split("/")[0]!)));
    if (current !== undefined && version <= current) throw new VersionConflictError(this.dir, current, basedOn);
    const versions = join(this.dir, VERSIONS_DIR);
    mkdirSync(versions, { recursive: true });
    const staging = mkdtempSync(join(versions, STAGING_PREFIX));
    try {
      chmodSync(staging, 0o755);
      for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
        const path = join(staging, name);
        if (relative(staging, path).startsWith("..")) throw new Error(`file name outside the version: ${name}`);
        mkdirSync(dirname(path), { recursive: true });
        writeNewFile(path, content);
      }
      renameSync(staging, join(versions, versionName(version)));
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST") throw new VersionConflictError(this.dir, this.currentVersion(), basedOn);
      throw e;
    }
    this.replaceLink(CURRENT_LINK, `${VERSIONS_DIR}/${versionName(version)}`);
    this.linkCurrentFiles();
    return version;
  }

  /** Replaces (or creates) a symbolic link in one rename. */
  private replaceLink(name: string, target: string): void {
    const temporary = join(this.dir, `${LINK_PREFIX}${randomSuffix()}`);
    symlinkSync(target, temporary);
    try {
      renameSync(temporary, join(this.dir, name));
    } catch (e) {
      rmSync(temporary, { force: true });
      throw e;
    }
  }

  /** Top-level links for every entry of the current version; links to what it lacks go. */
  private linkCurrentFiles(): void {
    const current = this.currentVersion();
    const wanted = new Set(current === undefined ? [] : readdirSync(this.versionPath(current)));
    for (const name of wanted) {
      const target = `${CURRENT_LINK}/${name}`;
      const existing = lstatOrUndefined(join(this.dir, name));
      if (existing?.isSymbolicLink() && readlinkSync(join(this.dir, name)) === target) continue;
      if (existing && !existing.isSymbolicLink()) continue; // refused before publishing (refuseClashes); never replaced
      this.replaceLink(name, target);
    }
    for (const name of readdirSync(this.dir)) {
      if (wanted.has(name) || name === CURRENT_LINK) continue;
      const path = join(this.dir, name);
      if (lstatOrUndefined(path)?.isSymbolicLink() && readlinkSync(path).startsWith(`${CURRENT_LINK}/`)) rmSync(path, { force: true });
    }
  }

  /** Before a long solve: a folder written by an older taphuan (plain files, no versions) is not ours to replace. */
  private refuseOtherLayout(): void {
    if (this.currentVersion() === undefined) this.refuseClashes(PLAIN_LAYOUT_NAMES);
  }

  /** A top-level name the version needs, held by a plain file or folder, would look current and is not ours. */
  private refuseClashes(names: Iterable<string>): void {
    for (const name of names) {
      const stat = lstatOrUndefined(join(this.dir, name));
      if (stat && !stat.isSymbolicLink()) {
        throw new InputError(join(this.dir, name), [
          error("out-has-other-files", [], `is ${describeEntry(stat)} that taphuan did not publish (a schedule folder keeps every version under versions/ and links the current one)`, "choose another --out, or move the old files away"),
        ]);
      }
    }
  }

  /** What an interrupted writer left: staging folders, half-made links, versions never made current. */
  private clearDebris(): void {
    const current = this.currentVersion();
    const versions = join(this.dir, VERSIONS_DIR);
    for (const name of safeList(versions)) {
      const number = /^v(\d+)$/.exec(name);
      if (name.startsWith(STAGING_PREFIX) || (number && (current === undefined || Number(number[1]) > current))) rmSync(join(versions, name), { recursive: true, force: true });
    }
    for (const name of safeList(this.dir)) {
      if (name.startsWith(LINK_PREFIX) || (name.startsWith(".") && name.endsWith(".tmp")) || (name.startsWith(`${LOCK_FILE}.`) && name.endsWith(".stale"))) rmSync(join(this.dir, name), { force: true });
    }
    this.linkCurrentFiles();
  }
}

/**
 * The folder a schedule file belongs to: `DIR/schedule.json` and `DIR/versions/vN/schedule.json`
 * are both DIR's; any other file's folder is where it lies.
 */
export function folderOfSchedule(file: string): string {
  const folder = dirname(file);
  return /^v\d+$/.test(basename(folder)) && basename(dirname(folder)) === VERSIONS_DIR ? dirname(dirname(folder)) : folder;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

function isDirectoryBehindLink(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}
