/** The change log in a planner's words, Vietnamese or English: one line per change. */
import type { LogEntry } from "../model/change-log.ts";
import type { Changes } from "../model/changes.ts";
import type { DateSelector } from "../model/schema.ts";
import { LABELS, officialDate, type Lang } from "./labels.ts";

const WORDS = {
  vi: {
    cannotHost: "không thể tổ chức",
    onlyOn: "chỉ tổ chức được vào",
    asksFor: "xin tổ chức vào",
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
    asksFor: "asks for",
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
  const what = entry.kind === "change" ? describeChanges(entry.change, lang).join("; ") : `${w.planEdit}: ${entry.differences.join("; ")}`;
  const note = entry.note ? ` — ${w.note}: ${entry.note}` : "";
  const withdrawn = entry.kind === "change" && entry.withdrawn ? ` [${w.withdrawn} v${entry.withdrawn.version}, ${officialDate(entry.withdrawn.today)}]` : "";
  return `#${entry.id} (v${entry.version}, ${officialDate(entry.today)}): ${what}${note}${withdrawn}`;
}
