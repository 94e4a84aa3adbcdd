/**
 * Reading what taphuan is given — a plan, a schedule, a changes file, from a file or from standard
 * input — in one place, for the CLI and the workspace alike. Reading stops at a limit: a file of
 * gigabytes, or /dev/zero fed to standard input, is refused once the limit is passed instead of
 * being read whole and only then found too large.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { error, InputError } from "../model/issues.ts";
import { MAX_INPUT_BYTES, refuseOversized } from "../model/load.ts";

/** `-` reads standard input, as tools that take a file usually do. */
export const STDIN = "-";

/**
 * What taphuan itself recorded in a schedule folder (plan.json, changes.json) repeats every default
 * of the plan it came from as JSON, so it may be larger than the plan file: it gets more room.
 */
export const MAX_RECORD_BYTES = 16 * MAX_INPUT_BYTES;

/** How an input is named in messages. */
export function displayName(file: string): string {
  return file === STDIN ? "standard input" : file;
}

/** Reads at most `limit` bytes of `file` (or of standard input for `-`); past the limit, an `InputError` naming it. */
export function readBounded(file: string, limit = MAX_INPUT_BYTES): Buffer {
  const name = displayName(file);
  const fd = file === STDIN ? 0 : openInput(file);
  try {
    if (fd !== 0) {
      const stat = fstatSync(fd);
      if (stat.isDirectory()) throw new InputError(name, [error("not-a-file", [], "is a folder, not a file", "give the path of a file")]);
      // A regular file tells its size: refused without reading any of it. Pipes and devices only tell by reading.
      if (stat.isFile()) refuseOversized(stat.size, name, limit);
    }
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    for (;;) {
      // One byte past the limit is enough to know the input is too large.
      const read = readChunk(fd, buffer, Math.min(buffer.length, limit + 1 - total));
      if (read === 0) return Buffer.concat(chunks, total);
      chunks.push(Buffer.from(buffer.subarray(0, read)));
      total += read;
      refuseOversized(total, name, limit);
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/** `readBounded` as UTF-8 text (without a byte-order mark); text that is not UTF-8 is bad input. */
export function readText(file: string, limit = MAX_INPUT_BYTES): string {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(readBounded(file, limit));
  if (text.includes("\uFFFD")) throw new InputError(displayName(file), [error("not-utf8", [], "the file is not valid UTF-8 text", "save it as UTF-8")]);
  return text.replace(/^\uFEFF/, "");
}

function openInput(file: string): number {
  try {
    return openSync(file, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new InputError(file, [error("file-not-found", [], "there is no such file", "check the path")]);
    // A socket cannot be opened as a file.
    if (code === "ENXIO") throw new InputError(file, [error("not-a-file", [], "is not a regular file", "give the path of a file")]);
    // Anything else (no right to read it) is said by the CLI's one table of system errors.
    throw e;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function readChunk(fd: number, buffer: Buffer, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Standard input left non-blocking by whoever started us: nothing yet, so wait a moment and read again.
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      // Windows reports the end of a pipe as an error.
      if (code === "EOF") return 0;
      throw e;
    }
  }
}
