/**
 * What the plan's schema says of a value it refuses, in English and Vietnamese. The schema
 * (src/model/schema.ts) names a message by its id, `id` or `id:unit`; the loader words it from the
 * id and the value refused, so the same refusal reads in either language.
 */
import type { Lang } from "./labels.ts";

interface Refused {
  /** The value as written, for the messages that quote it. */
  readonly input: string;
  /** The unit of a count, for `whole-number:UNIT`. */
  readonly unit?: string;
  /** A date that does not exist, taken apart. */
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly monthLength?: number;
}
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
type Words = Readonly<Record<Lang, (x: Refused) => string>>;

const UNITS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  minutes: { en: "minutes", vi: "số phút" },
  "working-days": { en: "working days", vi: "số ngày làm việc" },
  concurrent: { en: "sessions at the same half-day", vi: "số buổi cùng lúc" },
  daily: { en: "sessions a day", vi: "số buổi trong ngày" },
  weekly: { en: "sessions a week", vi: "số buổi trong tuần" },
  "per-session": { en: "trainers of this role per session", vi: "số giảng viên vai trò này mỗi buổi" },
};

export const SCHEMA_MESSAGES = {
  email: { en: (x) => `"${x.input}" is not an e-mail address (e.g. dau-moi@example.org)`, vi: (x) => `"${x.input}" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)` },
  "date-type": { en: () => "expected a date written YYYY-MM-DD, e.g. 2022-09-12", vi: () => "cần một ngày viết dạng YYYY-MM-DD, ví dụ 2022-09-12" },
  "date-format": { en: (x) => `"${x.input}" is not a date written YYYY-MM-DD (e.g. 2022-09-12)`, vi: (x) => `"${x.input}" không phải ngày viết dạng YYYY-MM-DD (ví dụ 2022-09-12)` },
  "no-such-month": { en: (x) => `"${x.input}" is not a date: there is no month ${x.month}`, vi: (x) => `"${x.input}" không phải một ngày: không có tháng ${x.month}` },
  "no-such-day": { en: (x) => `"${x.input}" is not a date: ${EN_MONTHS[(x.month ?? 1) - 1]} ${x.year} has ${x.monthLength} days (asked for day ${x.day})`, vi: (x) => `"${x.input}" không phải một ngày: tháng ${x.month} năm ${x.year} có ${x.monthLength} ngày (đã ghi ngày ${x.day})` },
  "half-day-name": { en: () => 'expected "morning" or "afternoon"', vi: () => 'cần "morning" (buổi sáng) hoặc "afternoon" (buổi chiều)' },
  time: { en: () => 'expected a time written HH:MM, e.g. "08:00"', vi: () => 'cần giờ viết dạng HH:MM, ví dụ "08:00"' },
  "date-selector": { en: () => "expected a date (YYYY-MM-DD), { date, halfDay } or { from, to, halfDay }", vi: () => "cần một ngày (YYYY-MM-DD), { date, halfDay } hoặc { from, to, halfDay }" },
  weekday: { en: () => "expected a weekday: mon, tue, wed, thu, fri, sat or sun", vi: () => "cần một thứ trong tuần: mon, tue, wed, thu, fri, sat hoặc sun" },
  "role-name": { en: () => 'expected a role name in lower case, e.g. "policy" or "skills"', vi: () => 'cần tên vai trò viết thường, ví dụ "policy" hoặc "skills"' },
  "whole-number": { en: (x) => `expected a whole number (${UNITS[x.unit ?? ""]?.en ?? x.unit})`, vi: (x) => `cần một số nguyên (${UNITS[x.unit ?? ""]?.vi ?? x.unit})` },
  phone: { en: () => "expected a phone number, e.g. 024.3943.7103", vi: () => "cần một số điện thoại, ví dụ 024.3943.7103" },
  "plan-id": { en: () => 'expected an id in lower case with dashes, e.g. "2022-09-tcnscd"', vi: () => 'cần mã viết thường, nối bằng dấu gạch ngang, ví dụ "2022-09-tcnscd"' },
  "time-zone": { en: (x) => `"${x.input}" is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)`, vi: (x) => `"${x.input}" không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh)` },
  registry: { en: () => 'expected "vn-63" (the 63 provinces of 2008–2025) or "vn-34" (from 1 July 2025)', vi: () => 'cần "vn-63" (63 tỉnh, thành phố giai đoạn 2008–2025) hoặc "vn-34" (từ ngày 01/7/2025)' },
  "zero-or-more": { en: () => "must be 0 or more", vi: () => "phải từ 0 trở lên" },
  "at-least-one": { en: () => "must be at least 1", vi: () => "phải từ 1 trở lên" },
  "reminder-max": { en: () => "at most 20160 (two weeks)", vi: () => "nhiều nhất 20160 (hai tuần)" },
  issued: { en: () => "expected an ISO date-time with offset, e.g. 2022-09-05T09:00:00+07:00", vi: () => "cần ngày giờ ISO có múi giờ, ví dụ 2022-09-05T09:00:00+07:00" },
  "notice-max": { en: () => "at most 60 working days", vi: () => "nhiều nhất 60 ngày làm việc" },
  "replan-notice-max": { en: () => "at most 30 working days", vi: () => "nhiều nhất 30 ngày làm việc" },
  "speed-positive": { en: () => "must be a positive speed in km/h", vi: () => "phải là tốc độ dương, tính bằng km/h" },
  "speed-max": { en: () => "at most 200 km/h on roads", vi: () => "nhiều nhất 200 km/h trên đường bộ" },
  "road-factor": { en: () => "a road is never shorter than the straight line: must be ≥ 1", vi: () => "đường bộ không bao giờ ngắn hơn đường chim bay: phải ≥ 1" },
  "weight-max": { en: () => "at most 10000: a weight only says how much one goal counts against the others", vi: () => "nhiều nhất 10000: trọng số chỉ cho biết mục tiêu này nặng bao nhiêu so với các mục tiêu khác" },
  "window-or-propose": { en: () => 'expected { from, to } or "propose"', vi: () => 'cần { from, to } hoặc "propose" (để taphuan đề xuất)' },
  "cluster-provinces": { en: () => "a cluster needs at least one province", vi: () => "mỗi cụm cần ít nhất một tỉnh" },
  "trainer-roles": { en: () => "a trainer needs at least one role", vi: () => "mỗi giảng viên cần ít nhất một vai trò" },
  "sessions-per-day-min": { en: () => "must be 1 or 2", vi: () => "phải là 1 hoặc 2" },
  "sessions-per-day-max": { en: () => "a day has two half-days: must be 1 or 2", vi: () => "một ngày có hai buổi: phải là 1 hoặc 2" },
  "plan-clusters": { en: () => "a plan needs at least one cluster", vi: () => "kế hoạch cần ít nhất một cụm" },
  "trainers-max": { en: () => "at most 2000 trainers in one plan: split the campaign into plans", vi: () => "nhiều nhất 2000 giảng viên trong một kế hoạch: hãy chia đợt tập huấn thành nhiều kế hoạch" },
  "profile-name": { en: () => 'expected a profile name in lower case, e.g. "paced"', vi: () => 'cần tên phương án viết thường, ví dụ "paced"' },
} as const satisfies Readonly<Record<string, Words>>;

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES;

/** `id` or `id:unit` as the schema writes it, if it is one. */
export function schemaMessage(text: string): { id: SchemaMessageId; unit?: string } | undefined {
  const [id, unit] = text.split(":", 2) as [string, string | undefined];
  return Object.hasOwn(SCHEMA_MESSAGES, id) ? { id: id as SchemaMessageId, ...(unit ? { unit } : {}) } : undefined;
}

export function schemaMessageText(id: SchemaMessageId, refused: Refused, lang: Lang): string {
  return SCHEMA_MESSAGES[id][lang](refused);
}
