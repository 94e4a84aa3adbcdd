/**
 * The schedule folder: every published version in its own directory, and one pointer to the
 * current one. A reader always sees one complete version; a crash or a power cut at any point leaves
 * the previous version current and complete, and the next writer clears what the stopped one left.
 *
 *   versions/v1/…  versions/v2/…   every version as it was published, never rewritten or removed
 *   current        → versions/v2    the pointer, replaced by one atomic rename
 *   schedule.json  → current/schedule.json, and so on for every file of the current version
 *   .taphuan.lock                   while a command writes
 *
 * A version is written into `versions/.staging-<token>` (the writer's lock token), flushed to the
 * disk, marked `versions/.publishing-<token>` → vN, renamed into `versions/vN` (which fails if vN
 * exists: history is append-only), and `current` is switched; the mark goes once the switch is on
 * the disk. The mark is how the next writer knows a `vN` above `current` for a stopped writer's
 * unfinished publication, the only version it ever removes. Every top-level name links through
 * `current`, so none can show an older version's file.
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { error, InputError } from "../model/issues.ts";
import { loadWrittenSchedule, type Schedule } from "../model/schedule.ts";
import { canonicalTarget, CURRENT_LINK, isComplete, readCurrent, versionName, versionNumbers, type CurrentState } from "./current.ts";
import { findDebris, LINK_PREFIX, PUBLISHING_PREFIX, STAGING_PREFIX, VERSIONS_DIR, type PublishingMark } from "./debris.ts";
import { PublicationError, VersionConflictError } from "./errors.ts";
import { acquireLock, type Lock } from "./lock.ts";
import { describeEntry, lstatOrUndefined, NODE_FS, renameNaming, syncFolder, writeNewFile, type WriteFs } from "./safe-write.ts";

export { CURRENT_LINK, PublicationError, VersionConflictError, VERSIONS_DIR };

/** Names an older taphuan wrote as plain files; found in a folder without versions, they are not ours to replace. */
const PLAIN_LAYOUT_NAMES = ["schedule.json", "schedule.ics", "requests", "updates", "history", "diff.md", "diff.json"];

export type FileTree = ReadonlyMap<string, string | Uint8Array>;

/** Reads a schedule folder without writing: what the page and `check` need. */
export class ScheduleFolderReader {
  constructor(readonly dir: string) {}

  /** The current version, or undefined for a folder where nothing was published yet (or whose `current` a writer must repair first). */
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
    return loadWrittenSchedule(this.readVersionFile(version, "schedule.json"), this.versionPath(version, "schedule.json"));
  }
}

export interface OpenOptions {
  /** How long to wait for another writer to finish. */
  readonly waitMs?: number;
  /** Where the folder says what it repaired (default: a warning on standard error, which the CLI and the workspace's log show). */
  readonly notify?: (message: string) => void;
  /** The calls that change the disk; a test makes one of them fail. */
  readonly fs?: WriteFs;
}

/** A link made under a temporary name, to be renamed onto `name`. */
interface PreparedLink {
  readonly temporary: string;
  readonly name: string;
}

/** How far a switch of `current` got, for undoing it. */
interface SwitchAttempt {
  readonly version: number;
  readonly previous: number | undefined;
  switched: boolean;
  back: PreparedLink | undefined;
  readonly placed: string[];
}

/** A schedule folder held by one writer: `open` takes the lock, `close` gives it back. */
export class ScheduleFolder extends ScheduleFolderReader {
  private links = 0;

  private constructor(
    dir: string,
    private readonly lock: Lock,
    private readonly fs: WriteFs,
    private readonly notify: (message: string) => void,
  ) {
    super(dir);
  }

  /**
   * Prepares `dir` for writing: creates it if needed, refuses a file, a device, or a folder holding
   * plain files of another layout, takes the lock, clears what stopped writers left, and repairs a
   * `current` that is missing or not in taphuan's form (saying so). Taking the lock also proves,
   * before any long solve, that the folder is writable.
   */
  static async open(dir: string, command: string, options: OpenOptions = {}): Promise<ScheduleFolder> {
    if (dir.trim() === "") throw new InputError(undefined, [error("empty-out", [], "the output folder (--out) is empty", "give a folder, e.g. --out out")]);
    const stat = lstatOrUndefined(dir);
    if (stat && !stat.isDirectory() && !(stat.isSymbolicLink() && isDirectoryBehindLink(dir))) {
      throw new InputError(dir, [error("out-not-a-folder", [], `is ${describeEntry(stat)}, not a folder`, "give a folder for the schedule (it is created if missing)")]);
    }
    const fs = options.fs ?? NODE_FS;
    makeFolder(dir, fs);
    const lock = await acquireLock(dir, command, options.waitMs, fs);
    const folder = new ScheduleFolder(dir, lock, fs, options.notify ?? ((message) => process.stderr.write(`warning: ${message}\n`)));
    try {
      folder.settle();
    } catch (e) {
      lock.release();
      throw e;
    }
    return folder;
  }

  close(): void {
    this.lock.release();
  }

  private get token(): string {
    return this.lock.owner.token;
  }

  /**
   * Publishes `files` as the next version: `basedOn` is the version the writer started from
   * (undefined: an empty folder); if another version became current meanwhile, nothing is published.
   * On any failure the previous version stays current and nothing of this one is left; in the one
   * case where that cannot be done (putting the previous version back failed too), the error says so.
   */
  publish(files: FileTree, basedOn: number | undefined, version = (basedOn ?? 0) + 1): number {
    const current = this.currentVersion();
    if (current !== basedOn) throw new VersionConflictError(this.dir, current, basedOn);
    this.refuseClashes(new Set([...files.keys()].map((name) => name.split("/")[0]!)));
    if (current !== undefined && version <= current) throw new VersionConflictError(this.dir, current, basedOn);
    this.writeVersion(files, version, basedOn);
    this.makeCurrent(version, current);
    return version;
  }

  private get publishingMark(): string {
    return join(this.dir, VERSIONS_DIR, `${PUBLISHING_PREFIX}${this.token}`);
  }

  /** Writes the version whole into versions/vN, on the disk and marked as this writer's; on failure, nothing of it is left. */
  private writeVersion(files: FileTree, version: number, basedOn: number | undefined): void {
    const versions = join(this.dir, VERSIONS_DIR);
    if (!lstatOrUndefined(versions)) {
      this.fs.mkdirSync(versions, { mode: 0o755 });
      syncFolder(this.dir, this.fs);
    }
    const staging = join(versions, `${STAGING_PREFIX}${this.token}`);
    let step: "write" | "rename" | "flush" = "write";
    try {
      this.writeTree(staging, files);
      // A mark of this writer's left by an earlier publication whose tidying failed: its version is published.
      this.fs.rmSync(this.publishingMark, { recursive: false, force: true });
      this.fs.symlinkSync(versionName(version), this.publishingMark);
      syncFolder(versions, this.fs);
      step = "rename";
      renameNaming(staging, this.versionPath(version), this.fs);
      step = "flush";
      syncFolder(versions, this.fs);
    } catch (e) {
      this.quietly(() => this.fs.rmSync(staging, { recursive: true, force: true }));
      this.discardVersion(step === "flush" ? version : undefined);
      const code = (e as NodeJS.ErrnoException).code;
      if (step === "rename" && (code === "ENOTEMPTY" || code === "EEXIST")) throw new VersionConflictError(this.dir, this.currentVersion(), basedOn);
      throw e;
    }
  }

  /** Every file created exclusively and flushed, every folder flushed, before the tree gets its final name. */
  private writeTree(root: string, files: FileTree): void {
    const folders = [root];
    this.fs.mkdirSync(root, { mode: 0o755 });
    for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      const path = join(root, name);
      if (relative(root, path).startsWith("..")) throw new Error(`file name outside the version: ${name}`);
      for (let folder = dirname(path), missing: string[] = []; ; folder = dirname(folder)) {
        if (lstatOrUndefined(folder)) {
          for (const made of missing.reverse()) this.fs.mkdirSync(made, { mode: 0o755 });
          folders.push(...missing);
          break;
        }
        missing.push(folder);
      }
      writeNewFile(path, content, { fs: this.fs });
    }
    for (const folder of folders) syncFolder(folder, this.fs);
  }

  /** Removes this writer's unpublished version (if it got that far) and its mark; what cannot be removed now, the next writer removes. */
  private discardVersion(version: number | undefined): void {
    if (version !== undefined) this.quietly(() => this.fs.rmSync(this.versionPath(version), { recursive: true, force: true }));
    this.quietly(() => this.fs.rmSync(this.publishingMark, { recursive: false, force: true }));
  }

  /**
   * Switches `current` to the version and links its files at the top. Every link is made before the
   * switch (so that nothing after it needs a new inode, which a full disk may not have), including
   * one back to the previous version; until the folder is flushed, any failure puts that one back.
   */
  private makeCurrent(version: number, previous: number | undefined): void {
    const attempt: SwitchAttempt = { version, previous, switched: false, back: undefined, placed: [] };
    try {
      const switchTo = this.prepareLink(CURRENT_LINK, canonicalTarget(version));
      if (previous !== undefined) attempt.back = this.prepareLink(CURRENT_LINK, canonicalTarget(previous));
      const added = this.prepareTopLinks(version);
      this.placeLink(switchTo);
      attempt.switched = true;
      for (const link of added) {
        this.placeLink(link);
        attempt.placed.push(link.name);
      }
      syncFolder(this.dir, this.fs);
    } catch (e) {
      this.undoSwitch(attempt, e);
      throw e;
    }
    // Published, and on the disk: what follows only tidies, and the next writer finishes it if it fails.
    this.quietly(() => this.fs.rmSync(this.publishingMark, { recursive: false, force: true }));
    const back = attempt.back;
    if (back) this.quietly(() => this.fs.rmSync(back.temporary, { recursive: false, force: true }));
    this.pruneTopLinks(version);
  }

  /** Puts the previous version back after a failed switch, and removes this one; if even that fails, the error says which version is current. */
  private undoSwitch(attempt: SwitchAttempt, cause: unknown): void {
    if (attempt.switched) {
      try {
        if (attempt.back) this.placeLink(attempt.back);
        else this.fs.unlinkSync(join(this.dir, CURRENT_LINK));
      } catch (undo) {
        throw new PublicationError(this.dir, attempt.version, attempt.previous, cause, undo);
      }
    }
    // Links to names only the new version has would lead nowhere; those it shares are right for both.
    const kept = new Set(attempt.previous === undefined ? [] : safeList(this.versionPath(attempt.previous)));
    for (const name of attempt.placed) if (!kept.has(name)) this.quietly(() => this.fs.unlinkSync(join(this.dir, name)));
    for (const name of safeList(this.dir)) {
      if (name.startsWith(`${LINK_PREFIX}${this.token}.`)) this.quietly(() => this.fs.unlinkSync(join(this.dir, name)));
    }
    this.discardVersion(attempt.version);
    this.quietly(() => syncFolder(this.dir, this.fs));
  }

  /** A link under this writer's temporary name, to be renamed onto `name`. */
  private prepareLink(name: string, target: string): PreparedLink {
    const temporary = join(this.dir, `${LINK_PREFIX}${this.token}.${++this.links}`);
    this.fs.symlinkSync(target, temporary);
    return { temporary, name };
  }

  private placeLink(link: PreparedLink): void {
    renameNaming(link.temporary, join(this.dir, link.name), this.fs);
  }

  /** Links for every entry of the version that the top does not link through `current` yet. */
  private prepareTopLinks(version: number): PreparedLink[] {
    const prepared: PreparedLink[] = [];
    for (const name of readdirSync(this.versionPath(version))) {
      const target = `${CURRENT_LINK}/${name}`;
      const existing = lstatOrUndefined(join(this.dir, name));
      if (existing?.isSymbolicLink() && readlinkSync(join(this.dir, name)) === target) continue;
      if (existing && !existing.isSymbolicLink()) continue; // refused before publishing (refuseClashes); never replaced
      prepared.push(this.prepareLink(name, target));
    }
    return prepared;
  }

  /** Top-level links through `current` to what the current version lacks go (they would lead nowhere). */
  private pruneTopLinks(version: number | undefined): void {
    const wanted = new Set(version === undefined ? [] : readdirSync(this.versionPath(version)));
    for (const name of readdirSync(this.dir)) {
      if (wanted.has(name) || name === CURRENT_LINK) continue;
      const path = join(this.dir, name);
      if (lstatOrUndefined(path)?.isSymbolicLink() && readlinkSync(path).startsWith(`${CURRENT_LINK}/`)) this.quietly(() => this.fs.unlinkSync(path));
    }
  }

  /** The top-level links of the current version, made right. */
  private linkTop(version: number | undefined): void {
    if (version !== undefined) for (const link of this.prepareTopLinks(version)) this.placeLink(link);
    this.pruneTopLinks(version);
  }

  /**
   * Tidying that may fail without harm (a link left pointing nowhere, a mark the next writer settles):
   * said, never thrown, since what the command was for is done or undone.
   */
  private quietly(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.notify(`${(e as NodeJS.ErrnoException).path ?? this.dir}: could not tidy up (${(e as NodeJS.ErrnoException).code ?? String(e)}); the next taphuan command that writes ${this.dir} does it`);
    }
  }

  /**
   * Makes the folder one taphuan can write, or refuses it before changing anything it does not own:
   * stopped writers' debris is cleared and their unfinished versions settled, `current` is repaired,
   * the top-level links are made right.
   */
  private settle(): void {
    const debris = findDebris(this.dir, this.token);
    versionNumbers(this.dir); // refuses versions/ or a version that is not a folder, before anything is removed
    for (const path of debris.temporary) this.fs.rmSync(path, { recursive: true, force: true });
    for (const mark of debris.publishing) this.settlePublication(mark, readCurrent(this.dir));
    const current = this.repairCurrent(readCurrent(this.dir), versionNumbers(this.dir));
    if (current === undefined) this.refuseClashes(PLAIN_LAYOUT_NAMES);
    this.linkTop(current);
  }

  /**
   * A stopped writer's mark on `versions/vN`: if `current` leads to vN or beyond, the version was
   * published and only the mark goes. If `current` is missing or leads to an earlier version, vN was
   * never made current — the stopped command failed, and its version goes with the mark. If `current`
   * is broken (a person's doing as well), which cannot be told: the version is kept, and the repair
   * that follows decides.
   */
  private settlePublication(mark: PublishingMark, current: CurrentState): void {
    const leadsTo = current.kind === "canonical" ? current.version : current.kind === "link" ? current.leadsTo : undefined;
    const unfinished = mark.version !== undefined && (current.kind === "none" || (leadsTo !== undefined && leadsTo < mark.version));
    if (unfinished && lstatOrUndefined(this.versionPath(mark.version!))?.isDirectory()) {
      this.fs.rmSync(this.versionPath(mark.version!), { recursive: true, force: true });
      this.notify(`${this.versionPath(mark.version!)} was left unfinished by a taphuan that stopped before making it current; removed (${leadsTo === undefined ? "the folder had no current version" : `version ${leadsTo} stays current`})`);
    }
    this.fs.rmSync(mark.path, { recursive: false, force: true });
  }

  /**
   * `current` in taphuan's form, leading to a complete version: as found, or repaired to the highest
   * complete version (saying so). A version above the one that will be current was not left by a
   * stopped writer (those were settled): it is refused before anything changes, as is a broken
   * `current` with no complete version to repair it to.
   */
  private repairCurrent(state: CurrentState, versions: readonly number[]): number | undefined {
    const complete = versions.filter((v) => isComplete(this.dir, v));
    const highest = complete.at(-1);
    const next = state.kind === "canonical" ? state.version : highest;
    const above = versions.find((v) => v > (next ?? 0));
    if (above !== undefined) throw this.versionAbove(above, next);
    if (state.kind === "canonical" || (state.kind === "none" && highest === undefined)) return next;
    const path = join(this.dir, CURRENT_LINK);
    const found = state.kind === "none" ? "was missing" : state.kind === "other" ? `was ${state.what}, not a link` : state.problem;
    if (highest === undefined) {
      throw new InputError(path, [error("no-complete-version", [], `${found}, and ${join(this.dir, VERSIONS_DIR)} holds no complete version (a folder with schedule.json)`, "put the versions back from a backup, or choose another folder")]);
    }
    let moved = "";
    if (state.kind === "other") {
      const aside = join(this.dir, `${CURRENT_LINK}.replaced-${this.token}`);
      renameNaming(path, aside, this.fs);
      moved = `; it was moved to ${aside}, nothing in it removed`;
    }
    this.placeLink(this.prepareLink(CURRENT_LINK, canonicalTarget(highest)));
    syncFolder(this.dir, this.fs);
    this.notify(`${path} ${found}${moved}; it now links ${canonicalTarget(highest)}, the highest complete version`);
    return highest;
  }

  /** A version no stopped writer left and that cannot be current: what it is, and the fixes. */
  private versionAbove(version: number, next: number | undefined): InputError {
    const versions = join(this.dir, VERSIONS_DIR);
    const then = next === undefined ? "" : ` (version ${next}, the highest complete one, then becomes current)`;
    const problem = isComplete(this.dir, version)
      ? error(
          "version-above-current",
          [],
          `is version ${version}, above the current version ${next}, and no stopped taphuan left it unfinished: it was put here, or current set back, by hand`,
          `to make it current: ln -sfn ${canonicalTarget(version)} ${join(this.dir, CURRENT_LINK)}; otherwise move it out of ${versions} (to go back to an earlier version, re-plan with --restore)`,
        )
      : error("version-incomplete", [], `is version ${version} but has no schedule.json: its files were removed, or it was put here, by hand`, `put its files back from a backup, or move it out of ${versions}${then}`);
    return new InputError(this.versionPath(version), [problem]);
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
}

/**
 * The folder a schedule file belongs to: `DIR/schedule.json` and `DIR/versions/vN/schedule.json`
 * are both DIR's; any other file's folder is where it lies.
 */
export function folderOfSchedule(file: string): string {
  const folder = dirname(file);
  return /^v\d+$/.test(basename(folder)) && basename(dirname(folder)) === VERSIONS_DIR ? dirname(dirname(folder)) : folder;
}

/** Creates `dir` and its missing parents, each flushed into its own parent: a power cut cannot take a folder made for the schedule, versions and all. */
function makeFolder(dir: string, fs: WriteFs): void {
  const made = mkdirSync(dir, { recursive: true });
  if (made === undefined) return;
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    syncFolder(dirname(folder), fs);
    if (folder === resolve(made)) return;
  }
}

/** For undoing a publication: what cannot be listed is left to the next writer. */
function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDirectoryBehindLink(path: string): boolean {
  try {
    return readdirSync(path) !== undefined;
  } catch {
    return false;
  }
}
