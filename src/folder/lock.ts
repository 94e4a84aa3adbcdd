/**
 * One writer per schedule folder: a lock file created exclusively, naming its owner (pid, host,
 * command, since when, and a token that the owner's temporary names carry). A lock whose owner died
 * on this host is stale and taken over; so is one left empty or unreadable (a writer stopped between
 * creating and filling it) once it is a few seconds old; a live one is waited for briefly, then
 * reported. Something else at the lock's name (a folder, a link, a pipe) is never taphuan's: it is
 * reported with the fix, and never opened.
 */
import { constants, fstatSync, openSync, readFileSync, closeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { TaphuanError } from "../model/errors.ts";
import { error, InputError } from "../model/issues.ts";
import { describeEntry, lstatOrUndefined, NODE_FS, randomSuffix, renameNaming, writeNewFile, type WriteFs } from "./safe-write.ts";

export const LOCK_FILE = ".taphuan.lock";
/** Where a stale lock is moved before it is removed: `.taphuan.lock.<token of the writer removing it>.stale`. */
export const STALE_LOCK_SUFFIX = ".stale";

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
  readonly token: string;
}

/** Another writer holds the folder: exit 1, try again later. */
export class FolderBusyError extends TaphuanError {
  readonly code = "folder-busy";
  readonly kind = "busy";
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | undefined,
  ) {
    const who = owner ? `another ${owner.command} of this folder is running (pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ""}, since ${owner.since})` : "another taphuan is writing this folder";
    super(`${dir}: ${who}; try again when it has finished${owner && owner.host !== hostname() ? `, or delete ${join(dir, LOCK_FILE)} if nothing runs there any more` : ""}`);
    this.name = "FolderBusyError";
  }
}

/** What is at the lock's name. */
type Found = { readonly kind: "none" } | { readonly kind: "owner"; readonly owner: LockOwner } | { readonly kind: "unreadable"; readonly modifiedMs: number };

/** A lock file still being written is at most this old; older and empty or unreadable, it is debris. */
const HALF_WRITTEN_GRACE_MS = 5_000;

/**
 * Reads the lock without ever blocking or following a link: a named pipe would hang a plain read,
 * and a link could make taphuan read (or, when breaking it, remove) what is not its own.
 */
function inspect(file: string, dir: string): Found {
  const stat = lstatOrUndefined(file);
  if (!stat) return { kind: "none" };
  if (!stat.isFile()) throw notALockFile(file, dir, describeEntry(stat));
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    return { kind: "unreadable", modifiedMs: stat.mtimeMs };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notALockFile(file, dir, describeEntry(opened));
    const owner = parseOwner(readFileSync(fd, "utf8"));
    return owner ? { kind: "owner", owner } : { kind: "unreadable", modifiedMs: opened.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === "number" && typeof owner.host === "string" && typeof owner.token === "string" ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function notALockFile(file: string, dir: string, what: string): InputError {
  return new InputError(file, [error("lock-not-a-file", [], `is ${what} where taphuan keeps its lock file, and taphuan did not make it`, `move it out of ${dir}, then run the command again`)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function stale(found: Found): boolean {
  if (found.kind === "owner") return found.owner.host === hostname() && !alive(found.owner.pid);
  return found.kind === "unreadable" && Date.now() - found.modifiedMs > HALF_WRITTEN_GRACE_MS;
}

/**
 * Removes a stale lock without ever removing a live one: the lock is moved aside first (under a name
 * carrying the remover's token), and put back if what was moved turns out to be another writer's
 * fresh lock.
 */
function breakStaleLock(file: string, dir: string, seen: Found, token: string, fs: WriteFs): void {
  const aside = `${file}.${token}${STALE_LOCK_SUFFIX}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // gone already: another writer broke it first
  }
  const moved = inspect(aside, dir);
  if (moved.kind === "owner" && (seen.kind !== "owner" || moved.owner.token !== seen.owner.token)) {
    try {
      renameNaming(aside, file, fs);
      return;
    } catch {
      // someone else holds the lock now; theirs wins, and what was moved is removed below
    }
  }
  fs.rmSync(aside, { recursive: false, force: true });
}

/** Whether the lock is still this writer's; anything else at its name (a folder put there meanwhile) is left as it is. */
function holds(file: string, dir: string, token: string): boolean {
  try {
    const found = inspect(file, dir);
    return found.kind === "owner" && found.owner.token === token;
  } catch {
    return false;
  }
}

export interface Lock {
  readonly owner: LockOwner;
  release(): void;
}

/**
 * Takes the folder's lock, waiting up to `waitMs` for a live owner to finish (and for an unreadable
 * lock to be old enough to be known dead, so that one left by a stopped writer never reads as busy).
 */
export async function acquireLock(dir: string, command: string, waitMs = 3_000, fs: WriteFs = NODE_FS): Promise<Lock> {
  const file = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString(), token: randomSuffix() };
  let deadline = Date.now() + waitMs;
  for (;;) {
    try {
      // Not flushed: after a power cut an empty lock is as dead as its owner, and is read so.
      writeNewFile(file, `${JSON.stringify(owner)}\n`, { fs, durable: false });
      return {
        owner,
        release: () => {
          try {
            if (holds(file, dir, owner.token)) fs.rmSync(file, { recursive: false, force: true });
          } catch {
            // Left behind, the lock names this process, which will be dead: the next writer takes it over.
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const found = inspect(file, dir);
    if (stale(found)) {
      breakStaleLock(file, dir, found, owner.token, fs);
      continue;
    }
    if (found.kind === "unreadable") deadline = Math.max(deadline, found.modifiedMs + HALF_WRITTEN_GRACE_MS + 100);
    if (Date.now() >= deadline) throw new FolderBusyError(dir, found.kind === "owner" ? found.owner : undefined);
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
  }
}
