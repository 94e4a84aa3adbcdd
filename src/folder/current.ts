/**
 * What a schedule folder holds, as found, before anything is written: its versions, and what
 * `current` is — the link taphuan writes (`versions/vN`), or what a person or a tool made of it (an
 * absolute link, a trailing slash, a link to nowhere, a copy as a folder).
 */
import { readdirSync, readlinkSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { error, InputError } from "../model/issues.ts";
import { VERSIONS_DIR } from "./debris.ts";
import { describeEntry, lstatOrUndefined } from "./safe-write.ts";

export const CURRENT_LINK = "current";

export function versionName(version: number): string {
  return `v${version}`;
}

/** The form taphuan writes `current` in. */
export function canonicalTarget(version: number): string {
  return `${VERSIONS_DIR}/${versionName(version)}`;
}

export type CurrentState =
  /** Nothing at `current`. */
  | { readonly kind: "none" }
  /** `versions/vN`, a complete version. */
  | { readonly kind: "canonical"; readonly version: number }
  /** Another link: the complete version it leads to, if any, and what is wrong with it. */
  | { readonly kind: "link"; readonly target: string; readonly leadsTo: number | undefined; readonly problem: string }
  /** A folder, a file, a pipe: what it is. */
  | { readonly kind: "other"; readonly what: string };

/**
 * The version numbers under versions/ (`v1`, `v2`, …; other names are not taphuan's and are left
 * alone). versions/ and each version must be folders of their own: a link there would make taphuan
 * read or write elsewhere, and a file there is not a version.
 */
export function versionNumbers(dir: string): number[] {
  const versions = join(dir, VERSIONS_DIR);
  const stat = lstatOrUndefined(versions);
  if (!stat) return [];
  if (!stat.isDirectory()) throw notAFolder(versions, describeEntry(stat), "its versions", `move it out of ${dir}, or choose another folder`);
  const numbers: number[] = [];
  for (const name of readdirSync(versions)) {
    const match = /^v([1-9]\d*)$/.exec(name);
    if (!match) continue;
    const entry = lstatOrUndefined(join(versions, name));
    if (entry && !entry.isDirectory()) throw notAFolder(join(versions, name), describeEntry(entry), `version ${match[1]}`, `put the version's own folder back in its place, or move this out of ${versions}`);
    numbers.push(Number(match[1]));
  }
  return numbers.sort((a, b) => a - b);
}

function notAFolder(path: string, what: string, kept: string, fix: string): InputError {
  return new InputError(path, [error("not-a-version-folder", [], `is ${what} where taphuan keeps ${kept} (taphuan reads and writes versions only in folders of their own)`, fix)]);
}

/** A version taphuan can read: its own folder, holding schedule.json. */
export function isComplete(dir: string, version: number): boolean {
  return lstatOrUndefined(join(dir, VERSIONS_DIR, versionName(version)))?.isDirectory() === true && lstatOrUndefined(join(dir, VERSIONS_DIR, versionName(version), "schedule.json"))?.isFile() === true;
}

export function readCurrent(dir: string): CurrentState {
  const path = join(dir, CURRENT_LINK);
  const stat = lstatOrUndefined(path);
  if (!stat) return { kind: "none" };
  if (!stat.isSymbolicLink()) return { kind: "other", what: describeEntry(stat) };
  const target = readlinkSync(path);
  const leadsTo = versionBehind(dir, path);
  const canonical = /^versions\/v([1-9]\d*)$/.exec(target);
  if (canonical && leadsTo === Number(canonical[1]) && isComplete(dir, leadsTo)) return { kind: "canonical", version: leadsTo };
  if (leadsTo === undefined) return { kind: "link", target, leadsTo, problem: existsBehind(path) ? `links to ${target}, which is not a version of this folder` : `links to ${target}, which does not exist` };
  if (!isComplete(dir, leadsTo)) return { kind: "link", target, leadsTo: undefined, problem: `links to ${target}, a version without schedule.json` };
  return { kind: "link", target, leadsTo, problem: `links to ${target}, not to ${canonicalTarget(leadsTo)} as taphuan writes it` };
}

/** The version folder a link leads to, followed as the system follows it (an absolute path, a trailing slash, `./`, a detour through other links). */
function versionBehind(dir: string, link: string): number | undefined {
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${VERSIONS_DIR}\\${sep}v([1-9]\\d*)$`).exec(relative(realpathSync(dir), real));
  // A version folder reached through a link in versions/ is not one of this folder's own.
  return match && lstatOrUndefined(join(dir, VERSIONS_DIR, `v${match[1]}`))?.isDirectory() ? Number(match[1]) : undefined;
}

function existsBehind(link: string): boolean {
  try {
    realpathSync(link);
    return true;
  } catch {
    return false;
  }
}
