/**
 * Office files are zip archives whose entries carry the time they were written, and whose core
 * properties carry it again: the same schedule would give other bytes every run. Rewritten here
 * with the schedule's time, so exports stay byte-identical.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export function stableZip(bytes: Uint8Array, when: string): Uint8Array {
  const stamp = new Date(when);
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/, "Z");
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const name of Object.keys(entries)) {
    let data = entries[name]!;
    if (name === "docProps/core.xml") {
      data = strToU8(strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`));
    }
    out[name] = [data, { mtime: stamp, level: 6 }];
  }
  return zipSync(out);
}
