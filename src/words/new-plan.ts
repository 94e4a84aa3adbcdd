/** The words of a new plan: the blank plan's comments, and the page that makes one. */
import type { Lang } from "./labels.ts";

const vi = {
  blankHeader: "Kế hoạch mới: hãy ghi thời gian đợt tập huấn, các cụm với tỉnh và thời gian của cụm, và các giảng viên.",
  blankClusters: "Mỗi cụm: tên, các tỉnh (theo danh mục), thời gian (window: { from, to }) nếu đã có.",
  blankTrainers: "Mỗi giảng viên: { id, organisation, roles: [policy] hoặc [skills], clusters: [...] hoặc all, home: tỉnh }.",
  /** What the two roles are called where people read them (the page's forms, documents, e-mails). */
  roleLabels: { policy: "Chủ trương, chính sách về chuyển đổi số", skills: "Kỹ năng số" },
  newPlan: "Kế hoạch mới",
  fileName: "Tên tệp (ví dụ: Kế hoạch 2027.yaml)",
  title: "Tên đợt tập huấn",
  from: "Bắt đầu từ",
  fromLetter: "Kế hoạch năm 2022 theo công văn (làm mẫu)",
  fromCopy: "Bản sao của kế hoạch",
  fromBlank: "Kế hoạch trống, theo danh mục",
  vn63: "63 tỉnh, thành phố (trước 01/7/2025)",
  vn34: "34 tỉnh, thành phố (từ 01/7/2025)",
  create: "Tạo kế hoạch",
  badFileName: "Tên tệp không hợp lệ: cần kết thúc bằng .yaml, không có dấu / hay \\, không bắt đầu bằng dấu chấm.",
  created: "Đã tạo kế hoạch. Hãy sửa các phần còn thiếu, rồi Xếp lịch.",
};

const en: typeof vi = {
  blankHeader: "A new plan: give the campaign's period, the clusters with their provinces and windows, and the trainers.",
  blankClusters: "Each cluster: a name, its provinces (registry names), its window (window: { from, to }) when known.",
  blankTrainers: "Each trainer: { id, organisation, roles: [policy] or [skills], clusters: [...] or all, home: a province }.",
  roleLabels: { policy: "Digital transformation policy", skills: "Digital skills" },
  newPlan: "New plan",
  fileName: "File name (e.g. Kế hoạch 2027.yaml)",
  title: "The campaign's title",
  from: "Start from",
  fromLetter: "The 2022 letter's plan (as a template)",
  fromCopy: "A copy of the plan",
  fromBlank: "A blank plan, on the registry",
  vn63: "63 provinces (before 1 July 2025)",
  vn34: "34 provinces (from 1 July 2025)",
  create: "Create the plan",
  badFileName: "Not a usable file name: it ends in .yaml, holds no / or \\, and does not start with a dot.",
  created: "The plan is made. Fill in what is missing, then Solve.",
};

export const NEW_PLAN_WORDS: Readonly<Record<Lang, typeof vi>> = { vi, en };
