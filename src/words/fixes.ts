/** A proven fix in the reader's language, from its data: English is the fix search's own sentence. */
import type { Relaxation } from "../solve/relax.ts";
import { officialDate, type Lang } from "./labels.ts";

export function relaxationText(fix: Relaxation, lang: Lang): string {
  if (lang === "en") return fix.message;
  switch (fix.kind) {
    case "widen-window":
      return `mở rộng thời gian của ${fix.cluster} đến ${officialDate(fix.window.to)} (thêm ${fix.days} ngày)`;
    case "more-trainers":
      return `thêm ${fix.count} giảng viên vai trò ${fix.role} cho ${fix.cluster}, rảnh mọi ngày trong thời gian của cụm`;
    case "raise-cap":
      return `cho phép tối đa ${fix.cap} buổi diễn ra cùng lúc trên cả nước`;
    case "free-trainer":
      return `${fix.trainer} rảnh thêm ngày ${officialDate(fix.date)}`;
    case "move-province":
      return `chuyển ${fix.province} từ ${fix.from} sang ${fix.to}`;
  }
}
