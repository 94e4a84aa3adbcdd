/**
 * Writes that cannot be redirected and that survive a power cut: files are created exclusively
 * under unpredictable names, so a symbolic link or a file placed in advance makes the write fail
 * instead of landing elsewhere; only regular files are ever replaced; what is written is flushed to
 * the disk (fsync) before it is given its final name, and the folder after.
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import { constants, lstatSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { error, InputError } from "../model/issues.ts";

/**
 * Every call that changes the disk or flushes it, as one object: the folder code takes it as a
 * parameter so that a test can make any one of them fail (a full disk, an I/O error) and check what
 * is left.
 */
export interface WriteFs {
  openSync(path: string, flags: number, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  mkdirSync(path: string, options: { mode: number }): unknown;
  chmodSync(path: string, mode: number): void;
  renameSync(from: string, to: string): void;
  symlinkSync(target: string, path: string): void;
  unlinkSync(path: string): void;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
}

export const NODE_FS: WriteFs = nodeFs;

/** Twelve random hex digits: names nobody can guess in advance. */
export function randomSuffix(): string {
  return randomBytes(6).toString("hex");
}

/** What randomSuffix makes, for recognising taphuan's own names. */
export const SUFFIX_PATTERN = "[0-9a-f]{12}";

export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

export function describeEntry(stat: Stats): string {
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isDirectory()) return "a folder";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  return "a file";
}

/** A failed call names no file by itself (a full disk in the middle of a write); the planner needs to know which. */
function naming<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (e) {
    (e as NodeJS.ErrnoException).path ??= path;
    throw e;
  }
}

/**
 * Creates `file`, which must not exist yet (O_EXCL: an existing file, or a symbolic link even to
 * nowhere, makes it fail with EEXIST), readable by all (0644 before the umask); `durable` flushes
 * it to the disk before returning. If writing fails (a full disk), the file — ours, since it was
 * created exclusively — is removed: nothing half-written is left behind.
 */
export function writeNewFile(file: string, content: string | Uint8Array, options: { fs?: WriteFs; durable?: boolean } = {}): void {
  const fs = options.fs ?? NODE_FS;
  const fd = naming(file, () => fs.openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644));
  let failure: unknown;
  try {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    for (let offset = 0; offset < bytes.length; ) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (options.durable !== false) fs.fsyncSync(fd);
  } catch (e) {
    failure = e;
  }
  try {
    fs.closeSync(fd);
  } catch (e) {
    failure ??= e;
  }
  if (failure === undefined) return;
  (failure as NodeJS.ErrnoException).path ??= file;
  try {
    fs.unlinkSync(file);
  } catch {
    // Left empty or short: the folder's clean-up and the lock's reader recognise such a file as dead.
  }
  throw failure;
}

/** File systems that cannot flush a folder say so with these; there is nothing more to do on them. */
const CANNOT_SYNC_FOLDERS = new Set(["EINVAL", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

/** Flushes a folder's entries (names made, renamed, removed) to the disk. */
export function syncFolder(dir: string, fs: WriteFs = NODE_FS): void {
  const fd = naming(dir, () => fs.openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY));
  try {
    naming(dir, () => fs.fsyncSync(fd));
  } catch (e) {
    if (!CANNOT_SYNC_FOLDERS.has((e as NodeJS.ErrnoException).code ?? "")) throw e;
  } finally {
    fs.closeSync(fd);
  }
}

/** Renames, naming both ends in a failure (the planner is told the file that was being written). */
export function renameNaming(from: string, to: string, fs: WriteFs = NODE_FS): void {
  naming(to, () => fs.renameSync(from, to));
}

/**
 * Replaces `file` so that a reader sees the old content or the new, never half of it, even after a
 * power cut: an exclusive temporary file beside it, flushed, then one rename (which replaces the
 * name, never what a link points to), then the folder flushed. Refuses to replace anything that is
 * not a regular file.
 */
export function writeAtomic(file: string, content: string | Uint8Array, fs: WriteFs = NODE_FS): void {
  const existing = lstatOrUndefined(file);
  if (existing && !existing.isFile()) {
    throw new InputError(file, [error("not-a-regular-file", [], `is ${describeEntry(existing)}; taphuan only replaces regular files`, "give the path of a new or ordinary file")]);
  }
  const temporary = join(dirname(file), `.${basename(file)}.${randomSuffix()}.tmp`);
  writeNewFile(temporary, content, { fs });
  try {
    renameNaming(temporary, file, fs);
  } catch (e) {
    fs.rmSync(temporary, { recursive: false, force: true });
    throw e;
  }
  syncFolder(dirname(file), fs);
}
