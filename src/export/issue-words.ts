/**
 * A plan's problems in the reader's language: detecting a problem (the model, with its `code` and
 * `params`) is apart from wording it (here). English is the detector's own sentence; Vietnamese is
 * written from the params, and a code without Vietnamese words falls back to the English sentence.
 */
import type { Issue } from "../model/issues.ts";
import { LABELS, officialDate, officialDay, type Lang } from "./labels.ts";

type P = Readonly<Record<string, string | number | boolean>>;
const s = (p: P, key: string) => String(p[key]);
const dayOff = (p: P) => (p["holiday"] ? "ngày lễ" : "ngày nghỉ");

const VI: Readonly<Record<string, (p: P) => string>> = {
  "window-missing": (p) => `${s(p, "cluster")} chưa có thời gian: áp dụng cả đợt, từ ngày ${officialDate(s(p, "from"))} đến ngày ${officialDate(s(p, "to"))} (hoặc ghi window: propose để taphuan đề xuất)`,
  "window-on-non-working-day": (p) => `Thời gian của ${s(p, "cluster")} ${p["end"] === "starts" ? "bắt đầu" : "kết thúc"} vào ${officialDay(s(p, "date"), "vi")}, ${dayOff(p)}: không xếp buổi nào vào ngày đó`,
  "role-count": (p) => `Mỗi buổi cần ${s(p, "count")} giảng viên vai trò ${s(p, "role")}, nhưng ${p["available"] === 0 ? "không có giảng viên nào" : `chỉ ${s(p, "available")} giảng viên`} như vậy được phân công cho ${s(p, "cluster")}: không tỉnh nào của cụm xếp được`,
  "more-provinces-than-half-days": (p) => `${s(p, "cluster")} có ${s(p, "provinces")} tỉnh nhưng chỉ ${s(p, "halfDays")} buổi làm việc trong thời gian của cụm: xếp được nhiều nhất ${s(p, "halfDays")} tỉnh (hãy mở rộng thời gian)`,
  "fixed-outside-window": (p) => `${s(p, "province")} xin tổ chức vào ${officialDate(s(p, "date"))} (${LABELS.vi[p["halfDay"] as "morning" | "afternoon"].toLowerCase()}), ngoài thời gian của ${s(p, "cluster")} (${officialDate(s(p, "from"))}–${officialDate(s(p, "to"))}): không xếp được`,
  "fixed-non-working-day": (p) => `${s(p, "province")} xin tổ chức vào ${officialDay(s(p, "date"), "vi")}, ${dayOff(p)}: không xếp được`,
};

export function issueText(issue: Issue, lang: Lang): string {
  const vi = lang === "vi" && issue.params ? VI[issue.code] : undefined;
  return vi ? vi(issue.params!) : `${issue.message}${issue.hint ? ` — ${issue.hint}` : ""}`;
}

/** Codes the page may show whose Vietnamese is written (a test holds the plan warnings to it). */
export const VIETNAMESE_ISSUES: readonly string[] = Object.keys(VI);
