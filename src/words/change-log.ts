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
    asksFor: "held on",
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
    case "window":
      return vi ? `thời gian của ${p["cluster"]}: ${p["from"]} → ${p["to"]}` : `${p["cluster"]}: window ${p["from"]} → ${p["to"]}`;
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
      // A trainer's field, as the workbook's columns name it, its values as the page writes them, not as JSON.
      const field = /^trainers\[(.+)\]\.(\w+)$/.exec(String(p["what"]));
      if (field) return `${vi ? "giảng viên" : "trainer"} ${field[1]}: ${TRAINER_FIELDS[lang][field[2]!] ?? field[2]}: ${settingValue(String(p["from"]), lang)} → ${settingValue(String(p["to"]), lang)}`;
      return `${p["what"]}: ${p["from"]} → ${p["to"]}`;
    }
  }
}

const TRAINER_FIELDS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  vi: { organisation: "đơn vị", roles: "vai trò", clusters: "cụm phụ trách", home: "tỉnh nơi ở", email: "e-mail", maxSessionsPerDay: "số buổi tối đa mỗi ngày", unavailable: "ngày vắng" },
  en: { organisation: "organisation", roles: "roles", clusters: "clusters", home: "home province", email: "e-mail", maxSessionsPerDay: "most sessions a day", unavailable: "days away" },
};

/** A setting's value recorded as JSON ("—" when not set), as a planner reads it: text as it is, dates as dates, none as "—". */
function settingValue(json: string, lang: Lang): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (Array.isArray(value)) {
    if (!value.length) return "—";
    const isDate = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) || (typeof v === "object" && v !== null && ("date" in v || "from" in v));
    return value.every(isDate) ? dates(value as DateSelector[], lang) : value.every((v) => typeof v === "string" || typeof v === "number") ? value.join(", ") : json;
  }
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : json;
}
