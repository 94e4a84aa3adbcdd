/**
 * The ASCII names files are given after a trainer or a province: "Doanh nghiệp-3" →
 * "doanh-nghiep-3" (trainers/doanh-nghiep-3.ics, messages/doanh-nghiep-3/…). Several names can
 * give one file name ("Đoàn-1", "Doan 1"), so the plan refuses such pairs (src/model/plan.ts).
 */
import { createHash } from "node:crypto";

/** Lower-case ASCII letters and digits between single dashes; a name with none of them gets a hash of itself. */
export function fileSlug(name: string): string {
  const slug = name.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return slug || createHash("sha256").update(name).digest("hex").slice(0, 12);
}
