import { join } from "node:path";
import { CLI_WORDS } from "../words/cli.ts";
import type { Lang } from "../words/labels.ts";
import type { FileTree, ScheduleFolderReader } from "../folder/schedule-folder.ts";

/** What a planner reads after a publication: the top-level names, and how many calendar files are where. */
export function describeWritten(folder: ScheduleFolderReader, version: number, files: FileTree, lang: Lang): string[] {
  const w = CLI_WORDS[lang];
  const written = [...files.keys()].filter((name) => !name.includes("/")).map((name) => join(folder.dir, name));
  for (const sub of ["trainers", "requests", "messages", "updates/requests", "updates/cancel", "updates/messages"]) {
    const count = [...files.keys()].filter((name) => name.startsWith(`${sub}/`)).length;
    if (count) written.push(w.filesIn(count, `${join(folder.dir, sub)}/`));
  }
  written.push(w.versionKept(version, folder.versionPath(version)));
  return written;
}
