/**
 * A plan's problems in the reader's language: detecting a problem (the model, with its `code` and
 * `params`) is apart from wording it (here). English is the detector's own sentence; Vietnamese is
 * written from the params, and a code without Vietnamese words falls back to the English sentence.
 */
import { formatIssue, type Issue } from "../model/issues.ts";
import { LABELS, officialDate, officialDay, type Lang } from "./labels.ts";

type P = Readonly<Record<string, string | number | boolean>>;
const s = (p: P, key: string) => String(p[key]);
const dayOff = (p: P) => (p["holiday"] ? "ngày lễ" : "ngày nghỉ");

const VI: Readonly<Record<string, (p: P) => string>> = {
  "window-missing": (p) => `${s(p, "cluster")} chưa có thời gian: áp dụng cả đợt, từ ngày ${officialDate(s(p, "from"))} đến ngày ${officialDate(s(p, "to"))} (hoặc ghi window: propose để taphuan đề xuất)`,
  "window-on-non-working-day": (p) => `Thời gian của ${s(p, "cluster")} ${p["end"] === "starts" ? "bắt đầu" : "kết thúc"} vào ${officialDay(s(p, "date"), "vi")}, ${dayOff(p)}: không xếp buổi nào vào ngày đó`,
  "role-count": (p) => `Mỗi buổi cần ${s(p, "count")} giảng viên vai trò ${s(p, "role")}, nhưng ${p["available"] === 0 ? "không có giảng viên nào" : `chỉ ${s(p, "available")} giảng viên`} như vậy được phân công cho ${s(p, "cluster")}: không tỉnh nào của cụm xếp được`,
  "more-provinces-than-half-days": (p) => `${s(p, "cluster")} có ${s(p, "provinces")} tỉnh nhưng chỉ ${s(p, "halfDays")} buổi làm việc trong thời gian của cụm: nhiều tỉnh phải học cùng một buổi, mỗi tỉnh với giảng viên riêng (hãy mở rộng thời gian, hoặc kiểm tra đủ giảng viên)`,
  "fixed-outside-window": (p) => `${s(p, "province")} xin tổ chức vào ${officialDate(s(p, "date"))} (${LABELS.vi[p["halfDay"] as "morning" | "afternoon"].toLowerCase()}), ngoài thời gian của ${s(p, "cluster")} (${officialDate(s(p, "from"))}–${officialDate(s(p, "to"))}): không xếp được`,
  supersedes: (p) => `thay đổi #${s(p, "id")} (v${s(p, "version")}) đã cho ${p["subject"] === "half-day" ? "buổi xin tổ chức" : p["subject"] === "cluster" ? "cụm mới" : "thời gian"} của ${s(p, "name")}: hãy rút lại thay đổi #${s(p, "id")} trước, rồi ghi câu trả lời mới`,
  "no-such-change": (p) => (p["why"] === "missing" ? `không có thay đổi #${s(p, "id")}` : p["why"] === "plan-edit" ? `#${s(p, "id")} là phần sửa tệp kế hoạch, không phải một thay đổi (hãy sửa kế hoạch để bỏ)` : `thay đổi #${s(p, "id")} đã rút lại ở v${s(p, "withdrawnIn")}`),
  "no-such-version": (p) => `không có phiên bản ${s(p, "version")} (các phiên bản: ${s(p, "versions")})`,
  "plan-not-edited": (p) => `kế hoạch chưa được sửa từ phiên bản ${s(p, "version")}: hãy sửa kế hoạch trước, hoặc ghi một thay đổi`,
  "folder-is-link": () => "thư mục lịch là một liên kết (symlink): bàn làm việc không đọc, không ghi qua liên kết — hãy thay bằng chính thư mục đó",
  "version-is-link": () => "phiên bản này là một liên kết (symlink): không đọc phiên bản qua liên kết — hãy đặt lại chính thư mục của phiên bản",
  "fixed-non-working-day": (p) => `${s(p, "province")} xin tổ chức vào ${officialDay(s(p, "date"), "vi")}, ${dayOff(p)}: không xếp được`,
};

export function issueText(issue: Issue, lang: Lang): string {
  const vi = lang === "vi" && issue.params ? VI[issue.code] : undefined;
  return vi ? vi(issue.params!) : `${issue.message}${issue.hint ? ` — ${issue.hint}` : ""}`;
}

/** A problem of a file, for a page: in Vietnamese where it has words (the file named before it), else with file, line and field as the CLI says it. */
export function issueLine(file: string | undefined, issue: Issue & { line?: number; column?: number }, lang: Lang): string {
  return lang === "vi" && issue.params && VI[issue.code] ? `${file ? `${file}: ` : ""}${issueText(issue, lang)}` : formatIssue(file, issue);
}

/** Codes the page may show whose Vietnamese is written (a test holds the plan warnings to it). */
export const VIETNAMESE_ISSUES: readonly string[] = Object.keys(VI);

type Cause = { readonly code: string; readonly message: string; readonly [data: string]: unknown };
const c = (cause: Cause, key: string) => String(cause[key]);
const role = (cause: Cause) => `vai trò ${c(cause, "role")}`;

/** Why a province was left out, in Vietnamese from the cause's data; a cause without its words there keeps its English sentence. */
const CAUSES_VI: Readonly<Record<string, (cause: Cause) => string | undefined>> = {
  "nationwide-cap": (x) => (x["capped"] === x["slots"] ? `ở cả ${c(x, "slots")} buổi có thể xếp, trần ${c(x, "cap")} buổi đồng thời trên cả nước đã đủ (campaign.maxConcurrentSessions)` : undefined),
  "role-count": (x) => `mỗi buổi cần ${c(x, "needed")} giảng viên ${role(x)}, nhưng ${c(x, "cluster")} ${x["available"] === 0 ? "không có ai" : `chỉ có ${c(x, "available")}`}`,
  "no-trainer-free": (x) => `không giảng viên ${role(x)} nào của ${c(x, "cluster")} rảnh vào ${c(x, "slots")} buổi có thể xếp`,
  "province-unavailable": (x) => `tỉnh không thể tổ chức vào buổi nào trong ${c(x, "slots")} buổi làm việc của ${c(x, "cluster")} (${officialDate(c(x, "from"))}–${officialDate(c(x, "to"))})${x["afterNotice"] ? " sau thời hạn báo trước" : ""}`,
  notice: (x) => `thời gian của ${c(x, "cluster")} (${officialDate(c(x, "from"))}–${officialDate(c(x, "to"))}) kết thúc trước ${officialDate(c(x, "firstAllowed"))}, ngày hết thời hạn báo trước kể từ khi ban hành kế hoạch (campaign.noticeDays)`,
  "fixed-impossible": (x) => `tỉnh xin tổ chức vào ${officialDate(c(x, "date"))} (${LABELS.vi[x["halfDay"] as "morning" | "afternoon"].toLowerCase()}), không phải buổi làm việc xếp được trong thời gian của ${c(x, "cluster")}`,
  "no-working-half-day": (x) => (x["cluster"] === undefined ? undefined : `thời gian của ${c(x, "cluster")} (${officialDate(c(x, "from"))}–${officialDate(c(x, "to"))}) không có buổi làm việc nào`),
};

export function causeText(cause: Cause, lang: Lang): string {
  return (lang === "vi" ? CAUSES_VI[cause.code]?.(cause) : undefined) ?? cause.message;
}
