/**
 * Writes that cannot be redirected: files are created exclusively under unpredictable names, so a
 * symbolic link or a file placed in advance makes the write fail instead of landing elsewhere, and
 * only regular files are ever replaced.
 */
import { randomBytes } from "node:crypto";
import { closeSync, constants, lstatSync, openSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { error, InputError } from "../model/issues.ts";

/** Twelve random hex digits: names nobody can guess in advance. */
export function randomSuffix(): string {
  return randomBytes(6).toString("hex");
}

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

/**
 * Creates `file`, which must not exist yet (O_EXCL: an existing file, or a symbolic link even to
 * nowhere, makes it fail with EEXIST), readable by all (0644 before the umask).
 */
export function writeNewFile(file: string, content: string | Uint8Array): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (e) {
    // A failed write (a full disk) names no file by itself; the planner needs to know which.
    (e as NodeJS.ErrnoException).path ??= file;
    throw e;
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `file` so that a reader sees the old content or the new, never half of it: an exclusive
 * temporary file beside it, then one rename (which replaces the name, never what a link points to).
 * Refuses to replace anything that is not a regular file.
 */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  const existing = lstatOrUndefined(file);
  if (existing && !existing.isFile()) {
    throw new InputError(file, [error("not-a-regular-file", [], `is ${describeEntry(existing)}; taphuan only replaces regular files`, "give the path of a new or ordinary file")]);
  }
  const temporary = join(dirname(file), `.${basename(file)}.${randomSuffix()}.tmp`);
  try {
    writeNewFile(temporary, content);
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw e;
  }
}
