/** The change log in a planner's words, Vietnamese or English: one line per change. */
import type { NotBackReason } from "../app/replan.ts";
import type { LogEntry, PlanDifference } from "../model/change-log.ts";
import { ruleLabel } from "./rules.ts";
import type { Changes } from "../model/changes.ts";
import type { DateSelector } from "../model/schema.ts";
import { LABELS, officialDate, type Lang } from "./labels.ts";

const WORDS = {
  vi: {
    cannotHost: "không thể tổ chức",
    onlyOn: "chỉ tổ chức được vào",
    asksFor: "tổ chức vào",
    movesTo: "chuyển sang",
    away: "vắng",
    leaves: "thôi tham gia từ",
    joins: "giảng viên mới",
    window: "thời gian",
    planEdit: "sửa kế hoạch",
    note: "ghi chú",
    withdrawn: "đã rút lại ở",
  },
  en: {
    cannotHost: "cannot host",
    onlyOn: "can host only on",
    asksFor: "fixed on",
    movesTo: "moves to",
    away: "away",
    leaves: "leaves from",
    joins: "trainer joins",
    window: "window",
    planEdit: "plan edited",
    note: "note",
    withdrawn: "withdrawn in",
  },
} as const;

function dates(selectors: readonly DateSelector[], lang: Lang): string {
  const half = (h: "morning" | "afternoon" | undefined) => (h ? ` (${LABELS[lang][h].toLowerCase()})` : "");
  return selectors.map((s) => (typeof s === "string" ? officialDate(s) : "date" in s ? `${officialDate(s.date)}${half(s.halfDay)}` : `${officialDate(s.from)}–${officialDate(s.to)}${half(s.halfDay)}`)).join(", ");
}

/** Each part of a change, as a clause: "Nam Định không thể tổ chức: 15/9/2022". */
export function describeChanges(change: Changes, lang: Lang): string[] {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const [name, p] of Object.entries(change.provinces)) {
    if (p.unavailable.length) out.push(`${name} ${w.cannotHost}: ${dates(p.unavailable, lang)}`);
    if (p.onlyAvailable) out.push(`${name} ${w.onlyOn} ${dates(p.onlyAvailable, lang)}`);
    if (p.fixed) out.push(`${name} ${w.asksFor} ${officialDate(p.fixed.date)}, ${LABELS[lang][p.fixed.halfDay].toLowerCase()}`);
    if (p.cluster) out.push(`${name} ${w.movesTo} ${p.cluster}`);
  }
  for (const [id, t] of Object.entries(change.trainers)) {
    if (t.unavailable.length) out.push(`${id} ${w.away}: ${dates(t.unavailable, lang)}`);
    if (t.leaves) out.push(`${id} ${w.leaves} ${officialDate(t.leaves)}`);
  }
  for (const t of change.join) out.push(`${w.joins}: ${t.id}${t.unavailable.length ? ` (${w.away}: ${dates(t.unavailable, lang)})` : ""}`);
  for (const [name, c] of Object.entries(change.clusters)) out.push(`${name}: ${w.window} ${officialDate(c.window.from)}–${officialDate(c.window.to)}`);
  return out;
}

/** "#3 (v4, 14/9/2022): Nam Định không thể tổ chức: 15/9/2022 — ghi chú: … [đã rút lại ở v5, 16/9/2022]". */
export function describeEntry(entry: LogEntry, lang: Lang): string {
  const w = WORDS[lang];
  const what = entry.kind === "change" ? describeChanges(entry.change, lang).join("; ") : `${w.planEdit}: ${entry.differences.map((d) => differenceText(d, lang)).join("; ")}`;
  const note = entry.note ? ` — ${w.note}: ${entry.note}` : "";
  const withdrawn = entry.kind === "change" && entry.withdrawn ? ` [${w.withdrawn} v${entry.withdrawn.version}, ${officialDate(entry.withdrawn.today)}]` : "";
  return `#${entry.id} (v${entry.version}, ${officialDate(entry.today)}): ${what}${note}${withdrawn}`;
}

/** Why a session of a restored version did not come back, in the reader's language. */
export function notBackText(reason: NotBackReason, lang: Lang): string {
  const when = (date: string, halfDay: "morning" | "afternoon") => `${officialDate(date)} (${LABELS[lang][halfDay].toLowerCase()})`;
  const vi = lang === "vi";
  switch (reason.kind) {
    case "removed":
      return vi ? "tỉnh không còn trong kế hoạch" : "the province is no longer in the plan";
    case "held":
      return vi ? `buổi đã tổ chức ngày ${when(reason.date, reason.halfDay)}, và buổi đã tổ chức giữ nguyên` : `it was held on ${when(reason.date, reason.halfDay)}, and what is held stays`;
    case "notice":
      return vi
        ? `${when(reason.date, reason.halfDay)} là hôm nay, đã qua, hoặc trong thời hạn báo trước (buổi đổi lịch từ ${officialDate(reason.changeableFrom)} trở đi)`
        : `${when(reason.date, reason.halfDay)} is on or before today or within the notice after it (a change lies on ${officialDate(reason.changeableFrom)} or later)`;
    case "rule": {
      const since = reason.since.map((s) => (vi ? `thay đổi #${s.id}, từ v${s.version}` : `change #${s.id}, since v${s.version}`) + (s.note ? ` (${s.note})` : ""));
      return `${vi ? `${when(reason.date, reason.halfDay)}: ${ruleLabel(reason.rule, "vi").toLowerCase()}` : reason.message}${since.length ? ` — ${since.join("; ")}` : ""}`;
    }
    case "closer":
      return vi
        ? reason.proven
          ? "đưa cả buổi này trở lại thì lịch xa phiên bản đó hơn (đã chứng minh)"
          : "chưa đưa trở lại (chưa chứng minh là gần phiên bản đó nhất)"
        : reason.proven
          ? "no re-plan that also brings it back stays closer to that version (proven)"
          : "not brought back (this re-plan is not proven the closest)";
  }
}

/** One thing that changed in the plan file, in the reader's language. */
export function differenceText(d: PlanDifference, lang: Lang): string {
  const p = d.params;
  const vi = lang === "vi";
  switch (d.code) {
    case "cluster-removed":
      return vi ? `bỏ (hoặc đổi tên) ${p["cluster"]}` : `cluster ${p["cluster"]} removed (or renamed)`;
    case "cluster-renamed":
      return vi ? `đổi tên ${p["from"]} thành ${p["to"]}` : `cluster ${p["from"]} renamed ${p["to"]}`;
    case "clusters-reordered":
      return vi ? `đổi thứ tự các cụm: ${p["order"]}` : `clusters reordered: ${p["order"]}`;
    case "cluster-added":
      return vi ? `thêm ${p["cluster"]}` : `cluster ${p["cluster"]} added`;
    case "window": {
      // "2022-09-12..2022-09-16", "propose" or "—", as plan-diff records a window.
      const window = (text: string | number | undefined) => {
        const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(String(text));
        return range ? `${officialDate(range[1]!)}–${officialDate(range[2]!)}` : text === "propose" ? (vi ? "taphuan đề xuất" : "proposed by taphuan") : String(text);
      };
      return vi ? `thời gian của ${p["cluster"]}: ${window(p["from"])} → ${window(p["to"])}` : `${p["cluster"]}: window ${window(p["from"])} → ${window(p["to"])}`;
    }
    case "province-removed":
      return vi ? `bỏ ${p["province"]} khỏi kế hoạch (trước thuộc ${p["cluster"]})` : `${p["province"]} removed from the plan (was in ${p["cluster"]})`;
    case "province-moved":
      return vi ? `chuyển ${p["province"]} từ ${p["from"]} sang ${p["to"]}` : `${p["province"]} moved from ${p["from"]} to ${p["to"]}`;
    case "province-added":
      return vi ? `thêm ${p["province"]} vào ${p["cluster"]}` : `${p["province"]} added to ${p["cluster"]}`;
    case "trainer-removed":
      return vi ? `bỏ giảng viên ${p["trainer"]}` : `trainer ${p["trainer"]} removed`;
    case "trainer-added":
      return vi ? `thêm giảng viên ${p["trainer"]}` : `trainer ${p["trainer"]} added`;
    case "unrecorded":
      return vi ? `tệp kế hoạch đã đổi từ phiên bản ${p["version"]} (phiên bản đó không ghi lại kế hoạch đã dùng)` : `the plan file changed since version ${p["version"]} (that version did not record the plan it was made from)`;
    default: {
      // A field of a trainer, a province, the campaign, as the forms and the workbook name it; its values as the page writes them, not as JSON.
      const what = String(p["what"]);
      const change = (key: string) => `${settingValue(String(p["from"]), lang, key)} → ${settingValue(String(p["to"]), lang, key)}`;
      const trainer = /^trainers\[(.+)\]\.(\w+)$/.exec(what);
      if (trainer) return `${vi ? "giảng viên" : "trainer"} ${trainer[1]}: ${TRAINER_FIELDS[lang][trainer[2]!] ?? trainer[2]}: ${change(trainer[2]!)}`;
      const province = /^provinces\[(.+)\]\.(\w+)$/.exec(what);
      if (province) return `${province[1]}: ${PROVINCE_FIELDS[lang][province[2]!] ?? province[2]}: ${change(province[2]!)}`;
      const campaign = /^campaign\.(\w+)$/.exec(what);
      if (campaign) return `${vi ? "đợt tập huấn" : "campaign"}: ${CAMPAIGN_FIELDS[lang][campaign[1]!] ?? campaign[1]}: ${change(campaign[1]!)}`;
      if (what === "sessionNeeds" || what === "roles") return `${PLAN_FIELDS[lang][what]}: ${change(what)}`;
      return `${what}: ${p["from"]} → ${p["to"]}`;
    }
  }
}

const TRAINER_FIELDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { organisation: "đơn vị", roles: "vai trò", clusters: "cụm phụ trách", home: "tỉnh nơi ở", email: "e-mail", maxSessionsPerDay: "số buổi tối đa mỗi ngày", unavailable: "ngày vắng" },
  en: { organisation: "organisation", roles: "roles", clusters: "clusters", home: "home province", email: "e-mail", maxSessionsPerDay: "most sessions a day", unavailable: "days away" },
};

const PROVINCE_FIELDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { unavailable: "ngày không tổ chức được", preferred: "ngày mong muốn", fixed: "buổi cố định", venue: "địa điểm", focal: "đầu mối" },
  en: { unavailable: "days it cannot host", preferred: "preferred days", fixed: "fixed half-day", venue: "venue", focal: "focal point" },
};

const CAMPAIGN_FIELDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: {
    id: "mã", title: "tên", period: "thời gian", timeZone: "múi giờ", halfDays: "giờ các buổi", workingDays: "ngày làm việc trong tuần", holidays: "ngày nghỉ lễ", registry: "danh mục tỉnh",
    organizer: "đơn vị tổ chức", contact: "đầu mối liên hệ", document: "công văn", reminderMinutes: "nhắc trước (phút)", issued: "ngày ban hành", noticeDays: "số ngày báo trước",
    replanNoticeDays: "số ngày báo trước khi đổi lịch", maxConcurrentSessions: "số buổi tối đa diễn ra cùng lúc", maxDailySessions: "số buổi tối đa mỗi ngày",
  },
  en: {
    id: "id", title: "title", period: "period", timeZone: "time zone", halfDays: "half-day hours", workingDays: "working days", holidays: "holidays", registry: "registry",
    organizer: "organiser", contact: "contact", document: "letter", reminderMinutes: "reminder (minutes)", issued: "issued on", noticeDays: "notice (working days)",
    replanNoticeDays: "re-plan notice (working days)", maxConcurrentSessions: "most sessions at one half-day", maxDailySessions: "most sessions a day",
  },
};

const PLAN_FIELDS: Readonly<Record<Lang, Readonly<Record<"sessionNeeds" | "roles", string>>>> = {
  vi: { sessionNeeds: "giảng viên mỗi buổi cần", roles: "tên các vai trò" },
  en: { sessionNeeds: "trainers each session needs", roles: "the roles' names" },
};

const WEEKDAYS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { mon: "Thứ Hai", tue: "Thứ Ba", wed: "Thứ Tư", thu: "Thứ Năm", fri: "Thứ Sáu", sat: "Thứ Bảy", sun: "Chủ nhật" },
  en: { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" },
};

const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A value as a planner reads it: text as it is, a day as the official date, a time with its day, a contact as its parts, none as "—". */
function plainValue(value: unknown, lang: Lang, key: string): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "boolean") return lang === "vi" ? (value ? "có" : "không") : value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (isDay(value)) return officialDate(value);
    const at = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
    if (at) return `${officialDate(at[1]!)} ${at[2]}`;
    return key === "workingDays" ? (WEEKDAYS[lang][value] ?? value) : value;
  }
  if (Array.isArray(value)) {
    if (!value.length) return "—";
    const isSelector = (v: unknown) => isDay(v) || (typeof v === "object" && v !== null && ("date" in v || "from" in v));
    return value.every(isSelector) ? dates(value as DateSelector[], lang) : value.map((v) => plainValue(v, lang, key)).join(", ");
  }
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (isDay(o["from"]) && isDay(o["to"])) return dates([o as DateSelector], lang);
    if (isDay(o["date"])) return `${officialDate(o["date"])}${typeof o["halfDay"] === "string" ? `, ${LABELS[lang][o["halfDay"] as "morning" | "afternoon"]?.toLowerCase() ?? o["halfDay"]}` : ""}`;
    const entries = Object.entries(o).filter(([, v]) => v !== undefined);
    if (!entries.length) return "—";
    // A role's count or name beside its id; a contact's or letter's parts by themselves.
    return key === "sessionNeeds" || key === "roles" ? entries.map(([k, v]) => `${k}: ${plainValue(v, lang, k)}`).join(", ") : entries.map(([k, v]) => plainValue(v, lang, k)).join(", ");
  }
  return String(value);
}

/** A setting's value recorded as JSON ("—" when not set), as a planner reads it (`key`: the field it is the value of). */
function settingValue(json: string, lang: Lang, key = ""): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  return plainValue(value, lang, key);
}
