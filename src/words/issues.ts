/**
 * A plan's problems in the reader's language: detecting a problem (the model, with its `code` and
 * `params`) is apart from wording it (here). English is the detector's own sentence; Vietnamese is
 * written from the params, and a code without Vietnamese words falls back to the English sentence.
 */
import { formatIssue, formatPath, type Issue } from "../model/issues.ts";
import type { ErrorCode } from "yaml";
import { SCHEMA_MESSAGES, schemaMessage, schemaMessageText } from "./validation.ts";
import { YAML_WORDS, yamlText } from "./yaml.ts";

const yamlLine = (code: ErrorCode) => {
  const { message, hint } = yamlText(code, "vi");
  return `${message}${hint ? ` — ${hint}` : ""}`;
};
import { LABELS, officialDate, officialDay, type Lang } from "./labels.ts";

type P = Readonly<Record<string, string | number | boolean>>;
const s = (p: P, key: string) => String(p[key]);
const dayOff = (p: P) => (p["holiday"] ? "ngày lễ" : "ngày nghỉ");

/** A lapse (src/model/changes.ts) in Vietnamese. */
function lapseVi(p: P): string {
  switch (p["kind"]) {
    case "province-gone":
      return `${s(p, "name")} không còn thuộc cụm nào của kế hoạch`;
    case "move-target-gone":
      return `việc chuyển ${s(p, "name")} sang ${s(p, "cluster")}: kế hoạch không còn cụm này`;
    case "trainer-gone":
      return `giảng viên ${s(p, "name")} không còn trong kế hoạch`;
    case "cluster-gone":
      return `${s(p, "name")} không còn là cụm của kế hoạch`;
    default:
      return `giảng viên ${s(p, "name")} nay đã có trong tệp kế hoạch`;
  }
}

const VI: Readonly<Record<string, (p: P) => string>> = {
  "window-missing": (p) => `${s(p, "cluster")} chưa có thời gian: áp dụng cả đợt, từ ngày ${officialDate(s(p, "from"))} đến ngày ${officialDate(s(p, "to"))} (hoặc chọn “Để taphuan đề xuất” ở thời gian của cụm)`,
  "window-on-non-working-day": (p) => `Thời gian của ${s(p, "cluster")} ${p["end"] === "starts" ? "bắt đầu" : "kết thúc"} vào ${officialDay(s(p, "date"), "vi")}, ${dayOff(p)}: không xếp buổi nào vào ngày đó`,
  "role-count": (p) => `Mỗi buổi cần ${s(p, "count")} giảng viên vai trò ${s(p, "role")}, nhưng ${p["available"] === 0 ? "không có giảng viên nào" : `chỉ ${s(p, "available")} giảng viên`} như vậy được phân công cho ${s(p, "cluster")}: không tỉnh nào của cụm xếp được`,
  "more-provinces-than-half-days": (p) => `${s(p, "cluster")} có ${s(p, "provinces")} tỉnh nhưng chỉ ${s(p, "halfDays")} buổi làm việc trong thời gian của cụm: nhiều tỉnh phải học cùng một buổi, mỗi tỉnh với giảng viên riêng (hãy mở rộng thời gian, hoặc kiểm tra đủ giảng viên)`,
  "fixed-outside-window": (p) => `${s(p, "province")} xin tổ chức vào ${officialDate(s(p, "date"))} (${LABELS.vi[p["halfDay"] as "morning" | "afternoon"].toLowerCase()}), ngoài thời gian của ${s(p, "cluster")} (${officialDate(s(p, "from"))}–${officialDate(s(p, "to"))}): không xếp được`,
  supersedes: (p) => `thay đổi #${s(p, "id")} (v${s(p, "version")}) đã cho ${p["subject"] === "half-day" ? "buổi xin tổ chức" : p["subject"] === "cluster" ? "cụm mới" : "thời gian"} của ${s(p, "name")}: hãy rút lại thay đổi #${s(p, "id")} trước, rồi ghi câu trả lời mới`,
  "no-such-change": (p) => (p["why"] === "missing" ? `không có thay đổi #${s(p, "id")}` : p["why"] === "plan-edit" ? `#${s(p, "id")} là phần sửa tệp kế hoạch, không phải một thay đổi (hãy sửa kế hoạch để bỏ)` : `thay đổi #${s(p, "id")} đã rút lại ở v${s(p, "withdrawnIn")}`),
  "change-lapsed": (p) => `thay đổi #${s(p, "id")} (v${s(p, "version")}) không còn áp dụng một phần: ${lapseVi(p)} — không cần làm gì; rút lại thay đổi #${s(p, "id")} để bỏ nó khỏi các thay đổi đang áp dụng`,
  "edit-lapses-change": (p) => `thay đổi #${s(p, "id")} (v${s(p, "version")}) đang áp dụng sẽ không còn áp dụng được: ${lapseVi(p)} — hãy rút lại thay đổi #${s(p, "id")} ở trang kế hoạch trước, rồi làm lại`,
  "no-such-version": (p) => `không có phiên bản ${s(p, "version")} (các phiên bản: ${s(p, "versions")})`,
  "plan-not-edited": (p) => `kế hoạch chưa được sửa từ phiên bản ${s(p, "version")}: hãy sửa kế hoạch trước, hoặc ghi một thay đổi`,
  "folder-is-link": () => "thư mục lịch là một liên kết (symlink): bàn làm việc không đọc, không ghi qua liên kết — hãy thay bằng chính thư mục đó",
  "version-is-link": () => "phiên bản này là một liên kết (symlink): không đọc phiên bản qua liên kết — hãy đặt lại chính thư mục của phiên bản",
  "unknown-field": (p) => `không có trường ${s(p, "fields")} — hãy kiểm tra chính tả; plan.schema.json liệt kê mọi trường`,
  "missing-field": (p) => `thiếu trường bắt buộc (cần ${expectedVi(s(p, "expected"))})`,
  "wrong-type": (p) => `cần ${expectedVi(s(p, "expected"))}, nhưng đã ghi ${gotVi(p)}`,
  "too-small": (p) => (p["origin"] === "string" ? "không được để trống" : p["origin"] === "array" ? `cần ít nhất ${s(p, "minimum")} mục` : `phải từ ${s(p, "minimum")} trở lên`),
  "window-reversed": (p) => `${p["what"] === "period" ? "đợt tập huấn" : p["what"] === "window" ? `thời gian của ${s(p, "cluster")}` : "khoảng ngày"} kết thúc (${officialDate(s(p, "to"))}) trước khi bắt đầu (${officialDate(s(p, "from"))}) — hãy đổi chỗ ngày bắt đầu và ngày kết thúc`,
  "period-too-long": (p) => `đợt tập huấn kéo dài ${s(p, "days")} ngày; mỗi kế hoạch nhiều nhất ${s(p, "max")} ngày (một năm) — hãy chia thành nhiều kế hoạch`,
  "half-day-reversed": (p) => `${p["halfDay"] === "morning" ? "buổi sáng" : "buổi chiều"} kết thúc (${s(p, "end")}) trước khi bắt đầu (${s(p, "start")})`,
  "half-days-overlap": (p) => `buổi chiều bắt đầu (${s(p, "afternoonStart")}) trước khi buổi sáng kết thúc (${s(p, "morningEnd")})`,
  "date-outside-period": (p) => `ngày ${officialDate(s(p, "date"))} nằm ngoài đợt tập huấn (${officialDate(s(p, "from"))}–${officialDate(s(p, "to"))}) — hãy ghi một ngày trong đợt, hoặc bỏ đi`,
  "no-roles": () => "mỗi buổi cần ít nhất một vai trò giảng viên — ví dụ sessionNeeds: { policy: 1, skills: 1 }",
  "duplicate-cluster": (p) => `cụm "${s(p, "cluster")}" đã có ở clusters[${s(p, "index")}] — hãy đặt tên riêng cho mỗi cụm`,
  "window-outside-period": (p) => `thời gian của ${s(p, "cluster")} (${officialDate(s(p, "windowFrom"))}–${officialDate(s(p, "windowTo"))}) không nằm trong đợt tập huấn (${officialDate(s(p, "from"))}–${officialDate(s(p, "to"))}) — hãy rút ngắn thời gian của cụm, hoặc mở rộng campaign.period`,
  "duplicate-province": (p) =>
    p["key"] !== undefined
      ? `${s(p, "province")} đã có thông tin ghi dưới tên "${s(p, "key")}" — hãy gộp hai mục làm một`
      : p["other"] !== undefined
        ? `${s(p, "province")} đã thuộc ${s(p, "other")}; mỗi tỉnh chỉ thuộc một cụm`
        : `${s(p, "province")} được ghi hai lần trong ${s(p, "cluster")}`,
  "province-not-in-plan": (p) => `${s(p, "province")} có thông tin nhưng không thuộc cụm nào — hãy thêm tỉnh vào một cụm, hoặc bỏ phần thông tin này`,
  "duplicate-trainer": (p) => `mã giảng viên "${s(p, "trainer")}" đã dùng cho trainers[${s(p, "index")}] — mỗi giảng viên cần một mã riêng, ví dụ CĐSQG-2`,
  "unknown-role": (p) => `không có vai trò "${s(p, "role")}" — các vai trò của kế hoạch (sessionNeeds): ${s(p, "roles")}`,
  "unknown-role-label": (p) => `roles ghi tên cho vai trò "${s(p, "role")}", nhưng sessionNeeds không có vai trò này — các vai trò của kế hoạch (sessionNeeds): ${s(p, "roles")}`,
  "unknown-cluster": (p) => `không có cụm "${s(p, "cluster")}" — các cụm của kế hoạch: ${s(p, "clusters")}`,
  "province-merged": (p) => `"${s(p, "name")}" không còn là đơn vị hành chính trong ${s(p, "registry")}: từ ngày 01/7/2025 đã hợp nhất vào ${s(p, "into")} — hãy ghi "${s(p, "into")}", hoặc dùng registry vn-63 cho kế hoạch trước tháng 7/2025`,
  "unknown-province": (p) => `không có tỉnh, thành phố "${s(p, "name")}" trong ${s(p, "registry")}${p["suggestions"] ? ` — có phải ${s(p, "suggestions")}?` : ""}`,
  "control-character": (p) => `có một ký tự điều khiển ẩn (${s(p, "codePoint")}) — hãy xóa đi; ký tự này có thể che hoặc đảo thứ tự chữ xung quanh`,
  "yaml-aliases": (p) => `không dùng được văn bản YAML này: các bí danh (*tên) làm nó phình ra quá lớn — hãy dùng nhiều nhất ${s(p, "max")} bí danh`,
  "plan-exists": (p) => `tệp ${s(p, "file")} đã có: kế hoạch mới không bao giờ ghi đè một tệp — hãy chọn tên khác`,
  "no-title": () => "kế hoạch cần tên đợt tập huấn",
  "reserved-name": (p) => `không dùng được "${s(p, "name")}" làm ${p["what"] === "cluster name" ? "tên cụm" : "mã giảng viên"}: một thay đổi ghi theo tên này sẽ không đọc lại được — hãy đổi tên khác`,
  "reserved-key": (p) => `không dùng được "${s(p, "key")}" làm tên ở đây — hãy đổi tên khác`,
  "same-file-name": (p) =>
    p["what"] === "trainer"
      ? `mã giảng viên "${s(p, "name")}" và "${s(p, "other")}" (${s(p, "at")}) cho cùng một tên tệp "${s(p, "file")}" (trainers/${s(p, "file")}.ics, messages/${s(p, "file")}/): lịch và thư mời của người này sẽ ghi đè lên của người kia — hãy đổi mã của một người cho khác ở chữ cái hoặc chữ số, không chỉ ở dấu, chữ hoa, khoảng trắng hay dấu câu (ví dụ Đoàn-2)`
      : `tỉnh "${s(p, "name")}" và "${s(p, "other")}" (${s(p, "at")}) cho cùng một tên tệp "${s(p, "file")}": tệp của tỉnh này sẽ ghi đè lên tệp của tỉnh kia — hãy ghi tên theo danh mục của từng tỉnh`,
  "bad-smtp-url": (p) =>
    `${s(p, "url")}: ${p["why"] === "not-a-url" ? "không phải một địa chỉ URL" : p["why"] === "protocol" ? "không phải địa chỉ smtp:// hay smtps://" : p["why"] === "no-host" ? "thiếu tên máy chủ" : "có tùy chọn taphuan không nhận"} — hãy ghi smtp://tên:mật-khẩu@máy-chủ:587 (STARTTLS) hoặc smtps://tên:mật-khẩu@máy-chủ:465 (TLS)`,
  "bad-sent-log": () => "không phải nhật ký thư đã gửi do taphuan ghi — hãy khôi phục từ bản sao lưu; thiếu nhật ký này, mọi thư mời sẽ bị gửi lại",
  "bad-replies": () => "không phải bản ghi các câu trả lời do taphuan ghi — hãy khôi phục từ bản sao lưu, hoặc chuyển tệp đi rồi đọc lại các thư trả lời",
  "fixed-non-working-day": (p) => `${s(p, "province")} xin tổ chức vào ${officialDay(s(p, "date"), "vi")}, ${dayOff(p)}: không xếp được`,
};

const EXPECTED_VI: Readonly<Record<string, string>> = { object: "một bảng các trường", record: "một bảng các trường", array: "một danh sách", string: "một đoạn chữ", number: "một số", boolean: "true hoặc false" };
const expectedVi = (expected: string) => EXPECTED_VI[expected] ?? expected;
const gotVi = (p: P) => ({ null: "để trống (null)", list: "một danh sách", mapping: "một bảng các trường", nan: "giá trị không phải số (.nan)", infinity: `vô cực (${s(p, "value")})` } as Record<string, string>)[s(p, "got")] ?? `${({ string: "chữ", number: "số", boolean: "giá trị" } as Record<string, string>)[s(p, "got")] ?? s(p, "got")} ${s(p, "value")}`;

/** The Vietnamese words of an issue's code: its own, the YAML parser's problem, or the schema's refusal it names. */
function vietnameseOf(code: string): ((p: P) => string) | undefined {
  if (Object.hasOwn(VI, code)) return VI[code];
  if (code.startsWith("yaml-") && code !== "yaml-aliases") return (p) => yamlLine(p["yaml"] as ErrorCode);
  const named = schemaMessage(code);
  return named ? (p) => schemaMessageText(named.id, p as unknown as Parameters<typeof schemaMessageText>[1], "vi") : undefined;
}

export function issueText(issue: Issue, lang: Lang): string {
  const vi = lang === "vi" && issue.params ? vietnameseOf(issue.code) : undefined;
  return vi ? vi(issue.params!) : `${issue.message}${issue.hint ? ` — ${issue.hint}` : ""}`;
}

/** A problem of a file, for a page: in Vietnamese where it has words (the file named before it), else with file, line and field as the CLI says it. */
export function issueLine(file: string | undefined, issue: Issue & { line?: number; column?: number }, lang: Lang): string {
  if (lang !== "vi" || !issue.params || !vietnameseOf(issue.code)) return formatIssue(file, issue);
  // Where the problem is, as the CLI says it (file, line, field), then what is wrong in Vietnamese.
  const where = [file, issue.line, issue.line !== undefined ? issue.column : undefined].filter((x) => x !== undefined).join(":");
  return `${where ? `${where}: ` : ""}${issue.severity === "warning" ? "lưu ý: " : ""}${issue.path.length ? `${formatPath(issue.path)}: ` : ""}${issueText(issue, lang)}`;
}

/** Codes the page may show whose Vietnamese is written (a test holds the plan warnings to it). */
export const VIETNAMESE_ISSUES: readonly string[] = [...Object.keys(VI), ...Object.keys(SCHEMA_MESSAGES), ...Object.keys(YAML_WORDS.vi).map((code) => `yaml-${code.toLowerCase()}`)];

type Cause = { readonly code: string; readonly message: string; readonly [data: string]: unknown };
const c = (cause: Cause, key: string) => String(cause[key]);
const role = (cause: Cause) => `vai trò ${c(cause, "role")}`;
const rolesOf = (cause: Cause) => {
  const roles = (cause["roles"] as readonly string[] | undefined) ?? [];
  return roles.length ? `vai trò ${roles.join(" và ")}` : "rảnh";
};

/** The half-days the notice after the plan's issue took from the window, when it took any. */
const noticeVi = (x: Cause) => (x["noticeCut"] ? ` (thời hạn báo trước sau khi ban hành kế hoạch làm mất ${c(x, "noticeCut")} buổi làm việc trong thời gian của cụm)` : "");

/** A cap reached on every possible half-day, or on some with the trainers busy on the others. */
function capVi(x: Cause, reached: string): string {
  const all = x["capped"] === x["slots"];
  const rest = all ? "" : `; ở ${Number(x["slots"]) - Number(x["capped"])} buổi còn lại, các giảng viên ${rolesOf(x)} có thể đến đều đang dạy buổi khác hoặc không kịp di chuyển đến`;
  return `ở ${all ? `cả ${c(x, "slots")}` : `${c(x, "capped")} trong ${c(x, "slots")}`} buổi có thể xếp, ${reached}${rest}${noticeVi(x)}`;
}

const halfDayVi = (halfDay: unknown) => LABELS.vi[halfDay as "morning" | "afternoon"].toLowerCase();

/** A trainer who could come but cannot travel in time from (or to) their other session. */
function travelVi(x: Cause, who: string): string {
  const days = Math.round((Date.parse(c(x, "otherDate")) - Date.parse(c(x, "date"))) / 86_400_000);
  const when = days === 0 ? " cùng ngày" : days === -1 ? " hôm trước" : days === 1 ? " hôm sau" : "";
  const hours = (key: string) => Number(x[key]).toFixed(1).replace(".", ",");
  return `${who} có thể đến dạy vào ${officialDate(c(x, "date"))} (${halfDayVi(x["halfDay"])}), nhưng dạy buổi ở ${c(x, "other")}${x["otherCluster"] !== x["cluster"] ? ` (${c(x, "otherCluster")})` : ""} vào ${officialDate(c(x, "otherDate"))} (${halfDayVi(x["otherHalfDay"])})${when}; đường đi mất khoảng ${hours("hours")} giờ, trong khi giữa hai buổi chỉ có ${hours("gap")} giờ`;
}

type SlotData = { readonly date: string; readonly halfDay: string };
type PeriodData = { readonly slots: readonly SlotData[]; readonly sessions: readonly (SlotData & { readonly province: string })[]; readonly [key: string]: unknown };

/** A trainer who could come but already gives their maximum of sessions in that day or week. */
function periodMaxVi(x: Cause, key: "days" | "weeks", when: (period: PeriodData) => string, per: string, dates: boolean): string {
  const periods = x[key] as readonly PeriodData[];
  const slots = (list: readonly SlotData[]) => (list.length > 3 ? `${list.length} buổi của ${per.replace("một ", "")} đó` : list.map((slot) => `${officialDate(slot.date)} (${halfDayVi(slot.halfDay)})`).join(", "));
  const counted = (p: PeriodData) => `${p.sessions.length} buổi ${when(p)} (${p.sessions.map((t) => `${t.province}${dates ? ` ${officialDate(t.date)}` : ""} buổi ${halfDayVi(t.halfDay)}`).join(", ")})`;
  return `${c(x, "trainer")} có thể đến dạy vào ${periods.map((p) => slots(p.slots)).join(", ")}, nhưng đã dạy ${periods.map(counted).join("; ")}: tối đa ${c(x, "max")} buổi ${per}${noticeVi(x)}`;
}

/** Why a province was left out, in Vietnamese from the cause's data; a cause without its words there keeps its English sentence. */
const CAUSES_VI: Readonly<Record<string, (cause: Cause) => string | undefined>> = {
  "nationwide-cap": (x) => capVi(x, `trần ${c(x, "cap")} buổi đồng thời trên cả nước đã đủ (campaign.maxConcurrentSessions)`),
  "daily-cap": (x) => capVi(x, `trần ${c(x, "cap")} buổi trong một ngày trên cả nước đã đủ (campaign.maxDailySessions)`),
  "role-count": (x) => `mỗi buổi cần ${c(x, "needed")} giảng viên ${role(x)}, nhưng ${c(x, "cluster")} ${x["available"] === 0 ? "không có ai" : `chỉ có ${c(x, "available")}`}`,
  "no-trainer-free": (x) => `không giảng viên ${role(x)} nào của ${c(x, "cluster")} rảnh vào ${c(x, "slots")} buổi có thể xếp`,
  "province-unavailable": (x) => `tỉnh không thể tổ chức vào buổi nào trong ${c(x, "slots")} buổi làm việc của ${c(x, "cluster")} (${officialDate(c(x, "from"))}–${officialDate(c(x, "to"))})${x["afterNotice"] ? " sau thời hạn báo trước" : ""}`,
  notice: (x) => `thời gian của ${c(x, "cluster")} (${officialDate(c(x, "from"))}–${officialDate(c(x, "to"))}) kết thúc trước ${officialDate(c(x, "firstAllowed"))}, ngày hết thời hạn báo trước kể từ khi ban hành kế hoạch (campaign.noticeDays)`,
  "fixed-impossible": (x) => `tỉnh xin tổ chức vào ${officialDate(c(x, "date"))} (${LABELS.vi[x["halfDay"] as "morning" | "afternoon"].toLowerCase()}), không phải buổi làm việc xếp được trong thời gian của ${c(x, "cluster")}`,
  "trainer-capacity": (x) => {
    const pool = x["pool"] as readonly string[];
    const needs = `${c(x, "cluster")} cần ${c(x, "sessions")} buổi, mỗi buổi ${c(x, "count")} giảng viên ${role(x)}`;
    return pool.length === 0
      ? `${needs}, nhưng không giảng viên ${role(x)} nào được phân công cho cụm`
      : `${needs}, nhưng các giảng viên ${role(x)} của cụm (${pool.join(", ")}) chỉ rảnh ${c(x, "halfDays")} buổi từ ngày ${officialDate(c(x, "from"))} đến ngày ${officialDate(c(x, "to"))}, đủ cho nhiều nhất ${c(x, "capacity")} buổi`;
  },
  "trainers-busy": (x) => `ở cả ${c(x, "slots")} buổi có thể xếp, các giảng viên ${rolesOf(x)} có thể đến đều đang dạy buổi khác, hoặc không kịp di chuyển đến từ buổi dạy cùng ngày${noticeVi(x)}`,
  "weekly-max": (x) => {
    const maximums = (x["maximums"] as readonly { trainer: string; max: number }[]).map((m) => `${m.trainer}: ${m.max} buổi một tuần`).join(", ");
    return `${c(x, "cluster")} cần ${c(x, "sessions")} buổi, mỗi buổi ${c(x, "count")} giảng viên ${role(x)}, nhưng trong số buổi tối đa một tuần (${maximums}) các giảng viên ${role(x)} của cụm chỉ dạy được nhiều nhất ${c(x, "capacity")} buổi trong thời gian của cụm`;
  },
  "daily-max": (x) => periodMaxVi(x, "days", (p) => `vào ngày ${officialDate(String(p["date"]))}`, "một ngày", false),
  "weekly-max-reached": (x) => periodMaxVi(x, "weeks", (p) => `trong tuần từ ngày ${officialDate(String(p["week"]))}`, "một tuần", true),
  travel: (x) => travelVi(x, c(x, "trainer")),
  "travel-between-clusters": (x) => travelVi(x, `${c(x, "trainer")}, giảng viên của cả ${c(x, "cluster")} và ${c(x, "otherCluster")},`),
  "no-place": (x) => `cả ${c(x, "slots")} buổi có thể xếp đều đã kín theo lịch hiện có`,
  "not-reached": (x) => `tỉnh xếp được vào ${officialDate(c(x, "date"))} (${halfDayVi(x["halfDay"])}) mà không phạm quy tắc nào với lịch hiện có: việc tìm lịch đã dừng (hết thời gian) trước khi xếp`,
  "no-working-half-day": (x) => (x["cluster"] === undefined ? undefined : `thời gian của ${c(x, "cluster")} (${officialDate(c(x, "from"))}–${officialDate(c(x, "to"))}) không có buổi làm việc nào`),
};

export function causeText(cause: Cause, lang: Lang): string {
  return (lang === "vi" ? CAUSES_VI[cause.code]?.(cause) : undefined) ?? cause.message;
}

/** An unplaced province's reasons in the reader's language: its causes where it has them, else the sentences it was given. */
export function unplacedText(unplaced: { readonly reasons: readonly string[]; readonly causes?: readonly Cause[] }, lang: Lang): string {
  return unplaced.causes?.length ? unplaced.causes.map((cause) => causeText(cause, lang)).join("; ") : unplaced.reasons.join("; ");
}
