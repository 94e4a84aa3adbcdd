/**
 * The names taphuan gives what exists only while it writes, and what an entry found under one of
 * them is. An entry of the exact form and type taphuan makes there, carrying another writer's token,
 * is a stopped writer's debris (only one writer holds the folder, and it is the one asking). Anything
 * else under such a name — a folder where taphuan makes links, a pipe where it makes files, a name
 * it would not write — was put there by a person or a tool: it is reported with the fix, and never
 * removed.
 */
import { readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { error, InputError } from "../model/issues.ts";
import { LOCK_FILE, STALE_LOCK_SUFFIX } from "./lock.ts";
import { describeEntry, lstatOrUndefined, SUFFIX_PATTERN } from "./safe-write.ts";

export const VERSIONS_DIR = "versions";
export const LINK_PREFIX = ".link-";
export const STAGING_PREFIX = ".staging-";
export const PUBLISHING_PREFIX = ".publishing-";

type EntryType = "file" | "link" | "folder";

interface TemporaryName {
  /** In the folder itself, or in versions/. */
  readonly under: "top" | "versions";
  /** The names kept for it: whatever is found under one is taphuan's, or a mistake to report. */
  readonly reserved: RegExp;
  /** The exact form taphuan writes, the writer's token first. */
  readonly own: RegExp;
  readonly type: EntryType;
  /** What taphuan keeps there, for the report. */
  readonly what: string;
  /** Made and removed at once by a live writer that holds no lock yet (a stale lock being broken): only an older one is debris. */
  readonly minAgeMs?: number;
  /** A mark of a publication, settled by the folder rather than simply removed. */
  readonly mark?: true;
}

const NAMES: readonly TemporaryName[] = [
  // `.link-<token>.<which>`: a link made beside its final name, then renamed onto it (no suffix: taphuan before the token).
  { under: "top", reserved: /^\.link-/, own: new RegExp(`^\\.link-(${SUFFIX_PATTERN})(?:\\.[0-9a-z]+)?$`), type: "link", what: "temporary links" },
  { under: "top", reserved: /^\.taphuan\.lock\./, own: new RegExp(`^\\.taphuan\\.lock\\.(${SUFFIX_PATTERN})\\${STALE_LOCK_SUFFIX}$`), type: "file", what: "locks being removed", minAgeMs: 5_000 },
  // `.<name>.<random>.tmp`: a file written whole, then renamed onto <name> (writeAtomic).
  { under: "top", reserved: /^\..*\.tmp$/, own: new RegExp(`^\\..+\\.(${SUFFIX_PATTERN})\\.tmp$`), type: "file", what: "temporary files" },
  // mkdtemp's six characters: taphuan before the token.
  { under: "versions", reserved: /^\.staging-/, own: new RegExp(`^\\.staging-(${SUFFIX_PATTERN}|[A-Za-z0-9]{6})$`), type: "folder", what: "versions being written" },
  { under: "versions", reserved: /^\.publishing-/, own: new RegExp(`^\\.publishing-(${SUFFIX_PATTERN})$`), type: "link", what: "marks of versions being published", mark: true },
];

/** A stopped writer's mark: it was renaming `versions/v<version>` into place and making it current. */
export interface PublishingMark {
  readonly path: string;
  /** Undefined when the mark names no version (nothing to settle but the mark itself). */
  readonly version: number | undefined;
}

export interface Debris {
  /** Files, links and staging folders to remove. */
  readonly temporary: readonly string[];
  readonly publishing: readonly PublishingMark[];
}

function typeOf(path: string): { type: EntryType | "other"; what: string; modifiedMs: number } | undefined {
  const stat = lstatOrUndefined(path);
  if (!stat) return undefined;
  const type = stat.isSymbolicLink() ? "link" : stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
  return { type, what: describeEntry(stat), modifiedMs: stat.mtimeMs };
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return [];
    throw e;
  }
}

/**
 * What stopped writers left in `dir`; `token` is the asking writer's own (its names are not debris).
 * Throws, naming the path and the fix, at the first entry under a kept name that taphuan did not make.
 */
export function findDebris(dir: string, token: string): Debris {
  const temporary: string[] = [];
  const publishing: PublishingMark[] = [];
  const places = { top: dir, versions: join(dir, VERSIONS_DIR) };
  for (const [under, folder] of Object.entries(places) as ["top" | "versions", string][]) {
    for (const name of list(folder)) {
      if (under === "top" && name === LOCK_FILE) continue;
      const kept = NAMES.find((n) => n.under === under && n.reserved.test(name));
      if (!kept) continue;
      const path = join(folder, name);
      const found = typeOf(path);
      if (!found) continue; // removed meanwhile
      const writer = kept.own.exec(name)?.[1];
      if (writer === undefined || found.type !== kept.type) throw notTaphuans(path, folder, found.what, kept.what);
      if (writer === token || (kept.minAgeMs !== undefined && Date.now() - found.modifiedMs < kept.minAgeMs)) continue;
      if (kept.mark) publishing.push({ path, version: markedVersion(path) });
      else temporary.push(path);
    }
  }
  return { temporary, publishing };
}

function markedVersion(mark: string): number | undefined {
  const match = /^v([1-9]\d*)$/.exec(readlinkSync(mark));
  return match ? Number(match[1]) : undefined;
}

function notTaphuans(path: string, folder: string, found: string, kept: string): InputError {
  return new InputError(path, [error("not-taphuans", [], `is ${found} under a name taphuan keeps for its ${kept}, and taphuan did not make it`, `move it out of ${folder} (taphuan removes only what it made), then run the command again`)]);
}
