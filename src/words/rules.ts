/** What each hard rule is called where a planner reads it, in Vietnamese; English is the rule's own `label`. */
import { HARD_CONSTRAINTS } from "../solve/constraints/index.ts";
import type { Lang } from "./labels.ts";

const VI: Readonly<Record<string, string>> = {
  "one-session-per-province": "Mỗi tỉnh có đúng một buổi",
  "session-cluster": "Mỗi buổi thuộc cụm của tỉnh",
  "inside-window": "Buổi nằm trong thời gian của cụm",
  "working-half-day": "Buổi vào buổi làm việc của đợt tập huấn",
  "notice-period": "Không có buổi nào trước khi hết thời hạn báo trước kể từ ngày ban hành kế hoạch",
  "province-available": "Không xếp buổi khi tỉnh không thể tổ chức",
  "fixed-slot": "Tỉnh đã xin một buổi cố định thì tổ chức đúng buổi đó",
  "roles-filled": "Mỗi buổi có đủ giảng viên theo từng vai trò",
  "trainer-allowed": "Giảng viên có trong kế hoạch và được phân công cho cụm",
  "trainer-available": "Giảng viên không vắng vào buổi đó",
  "trainer-one-place": "Mỗi giảng viên dạy nhiều nhất một buổi mỗi buổi",
  "trainer-daily-max": "Mỗi giảng viên dạy không quá số buổi tối đa trong ngày",
  "travel-time": "Giảng viên kịp di chuyển giữa hai buổi liên tiếp",
  "trainer-weekly-max": "Mỗi giảng viên dạy không quá số buổi tối đa trong tuần",
  "nationwide-cap": "Không vượt số buổi đồng thời, số buổi trong ngày trên cả nước",
  "held-sessions": "Buổi đã tổ chức giữ nguyên như đã tổ chức",
  "changes-after-today": "Không xếp, dời hay đổi giảng viên cho buổi nào đến hết hôm nay, hay trong thời hạn báo trước sau hôm nay",
};

export function ruleLabel(id: string, lang: Lang): string {
  const rule = HARD_CONSTRAINTS.find((r) => r.id === id);
  return (lang === "vi" ? VI[id] : undefined) ?? rule?.label ?? id;
}

/** Every hard rule has its Vietnamese name (a test holds the registry to it). */
export function rulesWithoutVietnamese(): string[] {
  return HARD_CONSTRAINTS.map((r) => r.id).filter((id) => !Object.hasOwn(VI, id));
}
