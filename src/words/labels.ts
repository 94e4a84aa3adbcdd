/** Every word a reader sees in exports, in Vietnamese (default) and English, from one place. */
import { DateTime } from "luxon";
import { officialDate } from "../model/calendar.ts";

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

const VI_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

export const LABELS = {
  vi: {
    morning: "Sáng",
    afternoon: "Chiều",
    halfDay: (name: string) => `Buổi ${name.toLowerCase()}`,
    cluster: "Cụm",
    trainers: "Giảng viên",
    province: "Tỉnh, thành phố",
    venue: "Địa điểm",
    time: (day: string, halfDay: string, start: string, end: string, zone: string) => `${halfDay} ${day}, ${start}–${end} (giờ ${zone})`,
    contact: "Liên hệ",
    focal: "Đầu mối của tỉnh",
    travelFrom: (from: string, hours: number) => `Di chuyển: từ ${from}, khoảng ${hours.toFixed(1).replace(".", ",")} giờ`,
    firstSession: "Buổi đầu tiên của giảng viên trong đợt",
    reminder: (province: string) => `Sắp đến buổi tập huấn tại ${province}`,
    clusterWithCount: (name: string, n: number) => `${name} (${n} tỉnh)`,
    range: (from: string, to: string) => (from === to ? `Ngày ${from}` : `Từ ngày ${from} đến ngày ${to}`),
    clusterHeader: ["TT", "Cụm", "Thời gian", "Tỉnh, thành phố"],
    scheduledHeader: "Lịch đã xếp",
    proposed: "đề xuất",
    sessionsCount: "Số buổi",
    pace: (first: string, last: string, halfDay: string, halfDayCount: number, day: string, dayCount: number) => `Từ ${first} đến ${last}; buổi đông nhất: ${halfDay} (${halfDayCount} buổi); ngày đông nhất: ${day} (${dayCount} buổi).`,
    partialNote: (names: readonly string[]) => `LỊCH CHƯA ĐẦY ĐỦ — chưa xếp được lịch: ${names.join(", ")}`,
    sessionHeader: ["TT", "Ngày", "Buổi", "Tỉnh, thành phố", "Cụm", "Giảng viên"],
    /** The head of a column of one role's trainers, by the plan's label of the role. */
    trainersAs: (role: string) => `Giảng viên (${role})`,
    appendix: "Phụ lục",
    weekday: (isoWeekday: number) => VI_WEEKDAYS[isoWeekday - 1]!,
    clusterTitle: "Kế hoạch theo cụm",
    sessionTitle: "Lịch chi tiết",
    gridTitle: "Lịch tháng theo cụm",
    outsideWindow: "Ô xám: ngày không xếp lịch được (ngoài thời gian của cụm, hoặc trước khi hết thời hạn báo trước).",
    unplaced: "Chưa xếp được lịch",
    partial: "LỊCH CHƯA ĐẦY ĐỦ",
    cancelled: "Đã hủy",
  },
  en: {
    morning: "Morning",
    afternoon: "Afternoon",
    halfDay: (name: string) => name,
    cluster: "Cluster",
    trainers: "Trainers",
    province: "Province",
    venue: "Venue",
    time: (day: string, halfDay: string, start: string, end: string, zone: string) => `${halfDay}, ${day}, ${start}–${end} (${zone} time)`,
    contact: "Contact",
    focal: "The province's focal point",
    travelFrom: (from: string, hours: number) => `Travel: from ${from}, about ${hours.toFixed(1)} h`,
    firstSession: "The trainer's first session of the campaign",
    reminder: (province: string) => `Training session in ${province} soon`,
    clusterWithCount: (name: string, n: number) => `${name} (${n} provinces)`,
    range: (from: string, to: string) => (from === to ? `On ${from}` : `From ${from} to ${to}`),
    clusterHeader: ["No.", "Cluster", "Dates", "Provinces"],
    scheduledHeader: "Scheduled",
    proposed: "proposed",
    sessionsCount: "Sessions",
    pace: (first: string, last: string, halfDay: string, halfDayCount: number, day: string, dayCount: number) => `From ${first} to ${last}; busiest half-day: ${halfDay} (${halfDayCount} sessions); busiest day: ${day} (${dayCount} sessions).`,
    partialNote: (names: readonly string[]) => `PARTIAL SCHEDULE — not yet scheduled: ${names.join(", ")}`,
    sessionHeader: ["No.", "Date", "Half-day", "Province", "Cluster", "Trainers"],
    trainersAs: (role: string) => `Trainers (${role})`,
    appendix: "Appendix",
    weekday: (isoWeekday: number) => DateTime.fromObject({ year: 2024, month: 1, day: isoWeekday }).setLocale("en").toFormat("cccc"),
    clusterTitle: "Plan by cluster",
    sessionTitle: "Detailed schedule",
    gridTitle: "Month by cluster",
    outsideWindow: "Grey cells: days no session can be on (outside the cluster's window, or before the notice period ends).",
    unplaced: "Not yet scheduled",
    partial: "PARTIAL SCHEDULE",
    cancelled: "Cancelled",
  },
} as const;

export { officialDate };

/** "Thứ Ba, 13/9/2022"; with `decree`, "Thứ Hai, 05/9/2022" (see decreeDate). */
export function officialDay(date: string, lang: Lang, decree = false): string {
  return `${LABELS[lang].weekday(DateTime.fromISO(date).weekday)}, ${decree ? decreeDate(date) : officialDate(date)}`;
}

/** Decree 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero ("05", "01"). */
function decreeParts(date: string): { day: string; month: string; year: string } {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return { day: String(day).padStart(2, "0"), month: month <= 2 ? String(month).padStart(2, "0") : String(month), year: String(year) };
}

/** "05/9/2022", "15/01/2023": a date in a document made by the decree. */
export function decreeDate(date: string): string {
  const { day, month, year } = decreeParts(date);
  return `${day}/${month}/${year}`;
}

/** "ngày 05 tháng 9 năm 2022", "ngày 15 tháng 01 năm 2023". */
export function decreeDateWords(date: string): string {
  const { day, month, year } = decreeParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}
