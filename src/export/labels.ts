/** Every word a reader sees in exports, in Vietnamese (default) and English, from one place. */
import { DateTime } from "luxon";
import { officialDate } from "../model/calendar.ts";

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

const VI_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"];

export const LABELS = {
  vi: {
    summary: (province: string) => `Tập huấn Tổ công nghệ số cộng đồng – ${province}`,
    morning: "Sáng",
    afternoon: "Chiều",
    halfDay: (name: string) => `Buổi ${name.toLowerCase()}`,
    cluster: "Cụm",
    trainers: "Giảng viên",
    bridge: (province: string) => `Kết nối trực tuyến tới các điểm cầu cấp xã của ${province}.`,
    clusterWithCount: (name: string, n: number) => `${name} (${n} tỉnh)`,
    range: (from: string, to: string) => (from === to ? `Ngày ${from}` : `Từ ngày ${from} đến ngày ${to}`),
    clusterHeader: ["TT", "Cụm", "Thời gian", "Tỉnh, thành phố"],
    sessionHeader: ["TT", "Ngày", "Buổi", "Tỉnh, thành phố", "Cụm", "Giảng viên"],
    weekday: (isoWeekday: number) => VI_WEEKDAYS[isoWeekday - 1]!,
    clusterTitle: "Kế hoạch theo cụm",
    sessionTitle: "Lịch chi tiết",
    gridTitle: "Lịch tháng theo cụm",
    unplaced: "Chưa xếp được lịch",
    partial: "LỊCH CHƯA ĐẦY ĐỦ",
    cancelled: "Đã hủy",
  },
  en: {
    summary: (province: string) => `Community digital technology team training – ${province}`,
    morning: "Morning",
    afternoon: "Afternoon",
    halfDay: (name: string) => name,
    cluster: "Cluster",
    trainers: "Trainers",
    bridge: (province: string) => `Broadcast online to every commune's bridge point in ${province}.`,
    clusterWithCount: (name: string, n: number) => `${name} (${n} provinces)`,
    range: (from: string, to: string) => (from === to ? `On ${from}` : `From ${from} to ${to}`),
    clusterHeader: ["No.", "Cluster", "Dates", "Provinces"],
    sessionHeader: ["No.", "Date", "Half-day", "Province", "Cluster", "Trainers"],
    weekday: (isoWeekday: number) => DateTime.fromObject({ year: 2024, month: 1, day: isoWeekday }).setLocale("en").toFormat("cccc"),
    clusterTitle: "Plan by cluster",
    sessionTitle: "Detailed schedule",
    gridTitle: "Month by cluster",
    unplaced: "Not yet scheduled",
    partial: "PARTIAL SCHEDULE",
    cancelled: "Cancelled",
  },
} as const;

export { officialDate };

/** "Thứ Ba, 13/9/2022". */
export function officialDay(date: string, lang: Lang): string {
  return `${LABELS[lang].weekday(DateTime.fromISO(date).weekday)}, ${officialDate(date)}`;
}
