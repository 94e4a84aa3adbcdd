/**
 * What flushing to the disk costs a publication, in its own process: the 2022 plan's version (every
 * export, as `taphuan solve` writes it) published into a fresh schedule folder RUNS times with fsync
 * (files, folders, before and after the switch of `current`) and RUNS times with fsync made a no-op,
 * alternately, so that both meet the same disk. Prints one JSON line: the version's size and the
 * median milliseconds of each.
 */
import { spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ScheduleFolder } from "../src/folder/schedule-folder.ts";
import { NODE_FS, type WriteFs } from "../src/folder/safe-write.ts";

const RUNS = Math.max(1, Number(process.argv[2] ?? 5));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const solved = join(mkdtempSync(join(tmpdir(), "bench-folder-")), "out");
spawnSync(process.execPath, [`${ROOT}bin/taphuan.js`, "solve", `${ROOT}plans/2022-09-tcnscd.yaml`, "--out", solved, "--quiet"]);

const version = join(solved, "versions", "v1");
const files = new Map<string, Uint8Array>();
const read = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isDirectory()) read(path);
    else files.set(relative(version, path), readFileSync(path));
  }
};
read(version);

const publishMs = async (fs: WriteFs): Promise<number> => {
  const folder = await ScheduleFolder.open(mkdtempSync(join(tmpdir(), "bench-publish-")), "bench", { fs });
  const started = performance.now();
  folder.publish(files, undefined);
  const ms = performance.now() - started;
  folder.close();
  return ms;
};
const withoutFsync: WriteFs = { ...NODE_FS, fsyncSync: () => {} };
const synced: number[] = [];
const unsynced: number[] = [];
for (let run = 0; run < RUNS; run++) {
  synced.push(await publishMs(NODE_FS));
  unsynced.push(await publishMs(withoutFsync));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bytes = [...files.values()].reduce((n, f) => n + f.length, 0);
process.stdout.write(`${JSON.stringify({ files: files.size, kb: Math.round(bytes / 1024), withFsyncMs: median(synced), withoutFsyncMs: median(unsynced), maxWithFsyncMs: Math.max(...synced) })}\n`);
