/** A proven fix in the reader's language, from its data: English is the fix search's own sentence. */
import type { FixKindTried, Relaxation } from "../solve/fixes.ts";
import { officialDate, type Lang } from "./labels.ts";

export function relaxationText(fix: Relaxation, lang: Lang): string {
  if (lang === "en") return fix.message;
  switch (fix.kind) {
    case "widen-window":
      return fix.direction === "later"
        ? `mở rộng thời gian của ${fix.cluster} đến ngày ${officialDate(fix.window.to)} (thêm ${fix.days} ngày)`
        : `mở rộng thời gian của ${fix.cluster} từ ngày ${officialDate(fix.window.from)} (sớm hơn ${fix.days} ngày)`;
    case "more-trainers":
      return `thêm ${fix.count} giảng viên vai trò ${fix.role} cho ${fix.cluster}, rảnh mọi ngày trong thời gian của cụm`;
    case "raise-cap":
      return `cho phép tối đa ${fix.cap} buổi diễn ra cùng lúc trên cả nước`;
    case "raise-daily-cap":
      return `cho phép tối đa ${fix.cap} buổi trong một ngày trên cả nước`;
    case "shorter-notice":
      return fix.noticeDays === 0 ? "bỏ thời hạn báo trước sau khi ban hành kế hoạch" : `rút thời hạn báo trước sau khi ban hành kế hoạch còn ${fix.noticeDays} ngày làm việc`;
    case "free-trainer":
      return `${fix.trainer} rảnh thêm ngày ${officialDate(fix.date)}`;
    case "trainer-also-available":
      return `${fix.trainer} nhận dạy thêm ngày ${officialDate(fix.date)}`;
    case "move-province":
      return `chuyển ${fix.province} từ ${fix.from} sang ${fix.to}`;
    case "raise-weekly-max":
      return `cho ${fix.trainer} dạy tối đa ${fix.max} buổi một tuần`;
    case "together":
      return `cùng lúc: ${fix.changes.map((change) => relaxationText(change, lang)).join("; và ")}`;
  }
}

/** A kind of fix the search did not reach, in the reader's language. */
export function fixKindText(tried: FixKindTried, lang: Lang): string {
  const vi = lang === "vi";
  const { cluster = "", role = "", province = "", trainer = "" } = tried;
  switch (tried.kind) {
    case "widen-window":
      return vi ? `thời gian của ${cluster} ${tried.direction === "earlier" ? "bắt đầu sớm hơn" : "kết thúc muộn hơn"}` : `${cluster}'s window ${tried.direction === "earlier" ? "starting earlier" : "ending later"}`;
    case "more-trainers":
      return vi ? `thêm giảng viên vai trò ${role} cho ${cluster}` : `more ${role} trainers for ${cluster}`;
    case "raise-cap":
      return vi ? "nâng số buổi cùng lúc trên cả nước (campaign.maxConcurrentSessions)" : "a higher cap of sessions at the same half-day (campaign.maxConcurrentSessions)";
    case "raise-daily-cap":
      return vi ? "nâng số buổi trong ngày trên cả nước (campaign.maxDailySessions)" : "a higher cap of sessions a day (campaign.maxDailySessions)";
    case "shorter-notice":
      return vi ? "rút thời hạn báo trước (campaign.noticeDays)" : "a shorter notice after the plan is issued (campaign.noticeDays)";
    case "free-trainer":
      return vi ? `một giảng viên của ${cluster} rảnh thêm một ngày đang vắng` : `a trainer of ${cluster} free on a day they are away`;
    case "trainer-also-available":
      return vi ? `một giảng viên của ${cluster} nhận dạy thêm một ngày` : `a trainer of ${cluster} available on one more day`;
    case "raise-weekly-max":
      return vi ? `nâng số buổi tối đa một tuần của ${trainer}` : `a higher weekly maximum for ${trainer} (maxSessionsPerWeek)`;
    case "move-province":
      return vi ? `chuyển ${province} sang cụm khác` : `${province} in another cluster`;
  }
}
