/**
 * One writer per schedule folder: a lock file created exclusively, naming its owner (pid, host,
 * command, since when). A lock whose owner died on this host is stale and taken over; a live one
 * is waited for briefly, then reported.
 */
import { TaphuanError } from "../model/errors.ts";
import { readFileSync, renameSync, rmSync, linkSync, statSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { randomSuffix, writeNewFile } from "./safe-write.ts";

export const LOCK_FILE = ".taphuan.lock";

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

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock file still being written is at most this old; older and unreadable, it is debris. */
const HALF_WRITTEN_GRACE_MS = 5_000;

function stale(file: string, owner: LockOwner | undefined): boolean {
  if (owner) return owner.host === hostname() && !alive(owner.pid);
  try {
    return Date.now() - statSync(file).mtimeMs > HALF_WRITTEN_GRACE_MS;
  } catch {
    return false;
  }
}

/**
 * Removes a stale lock without ever removing a live one: the lock is moved aside first, and put
 * back if what was moved turns out to be another writer's fresh lock.
 */
function breakStaleLock(file: string, seen: LockOwner | undefined): void {
  const aside = `${file}.${randomSuffix()}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved && moved.token !== seen?.token) {
    try {
      linkSync(aside, file);
    } catch {
      // someone else holds the lock now; theirs wins
    }
  }
  rmSync(aside, { force: true });
}

export interface Lock {
  readonly owner: LockOwner;
  release(): void;
}

/** Takes the folder's lock, waiting up to `waitMs` for a live owner to finish. */
export async function acquireLock(dir: string, command: string, waitMs = 3_000): Promise<Lock> {
  const file = join(dir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString(), token: randomSuffix() };
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeNewFile(file, `${JSON.stringify(owner)}\n`);
      return {
        owner,
        release: () => {
          if (readOwner(file)?.token === owner.token) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readOwner(file);
    if (stale(file, holder)) {
      breakStaleLock(file, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new FolderBusyError(dir, holder);
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
  }
}
