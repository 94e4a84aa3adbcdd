import { join } from "node:path";
import type { FileTree, ScheduleFolderReader } from "../folder/schedule-folder.ts";

/** What a planner reads after a publication: the top-level names, and how many calendar files are where. */
export function describeWritten(folder: ScheduleFolderReader, version: number, files: FileTree): string[] {
  const written = [...files.keys()].filter((name) => !name.includes("/")).map((name) => join(folder.dir, name));
  for (const sub of ["trainers", "requests", "messages", "updates/requests", "updates/cancel", "updates/messages"]) {
    const count = [...files.keys()].filter((name) => name.startsWith(`${sub}/`)).length;
    if (count) written.push(`${count} file(s) in ${join(folder.dir, sub)}/`);
  }
  written.push(`(version ${version}, kept in ${folder.versionPath(version)})`);
  return written;
}
