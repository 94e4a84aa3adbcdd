/** Words of the documents and messages taphuan writes (e-mails, the workbook, a re-plan's diff), in Vietnamese and English. */
export const MAIL_WORDS = {
  vi: {
    request: (title: string, province: string, day: string) => `Mời tham gia: ${title} – ${province}, ${day}`,
    update: (title: string, province: string, day: string) => `Cập nhật lịch: ${title} – ${province}, ${day}`,
    cancel: (title: string, province: string, day: string) => `Hủy: ${title} – ${province}, ${day}`,
    withdrawn: (title: string, province: string, day: string) => `Thu hồi lời mời: ${title} – ${province}, ${day}`,
    greeting: (name: string) => `Kính gửi ${name},`,
    invited: "Trân trọng mời anh/chị tham gia buổi tập huấn sau:",
    changed: "Lịch buổi tập huấn sau đã thay đổi; thông tin mới:",
    cancelled: "Buổi tập huấn sau đã bị hủy:",
    withdrawnText: "Ban tổ chức xin thu hồi lời mời anh/chị tham gia buổi tập huấn sau; buổi tập huấn vẫn diễn ra, do giảng viên khác đảm nhận. Trân trọng cảm ơn anh/chị.",
    accept: "Vui lòng chấp nhận hoặc từ chối lời mời trong lịch của anh/chị.",
  },
  en: {
    request: (title: string, province: string, day: string) => `Invitation: ${title} – ${province}, ${day}`,
    update: (title: string, province: string, day: string) => `Updated: ${title} – ${province}, ${day}`,
    cancel: (title: string, province: string, day: string) => `Cancelled: ${title} – ${province}, ${day}`,
    withdrawn: (title: string, province: string, day: string) => `Invitation withdrawn: ${title} – ${province}, ${day}`,
    greeting: (name: string) => `Dear ${name},`,
    invited: "You are invited to give the following training session:",
    changed: "The following training session has changed; the new details:",
    cancelled: "The following training session is cancelled:",
    withdrawnText: "We withdraw our invitation to give the following training session; the session still takes place, given by other trainers. Thank you.",
    accept: "Please accept or decline the invitation in your calendar.",
  },
} as const;

export const WORKBOOK_WORDS = {
  vi: {
    clusters: "Cụm",
    sessions: "Lịch chi tiết",
    trainers: "Theo giảng viên",
    clusterHeader: ["TT", "Cụm", "Số tỉnh", "Từ ngày", "Đến ngày", "Tỉnh, thành phố", "Xếp từ ngày", "Xếp đến ngày"],
    clusterNote: "Ghi chú",
    proposed: "Thời gian do taphuan đề xuất",
    /** Followed by a column of trainers per role. */
    header: ["TT", "Ngày", "Thứ", "Buổi", "Giờ", "Tỉnh, thành phố", "Cụm"],
    trainerHeader: ["Giảng viên", "Vai trò", "Ngày", "Thứ", "Buổi", "Tỉnh, thành phố", "Cụm"],
  },
  en: {
    clusters: "Clusters",
    sessions: "Sessions",
    trainers: "By trainer",
    clusterHeader: ["No.", "Cluster", "Provinces", "From", "To", "Province names", "Scheduled from", "Scheduled to"],
    clusterNote: "Note",
    proposed: "Dates proposed by taphuan",
    header: ["No.", "Date", "Weekday", "Half-day", "Time", "Province", "Cluster"],
    trainerHeader: ["Trainer", "Role", "Date", "Weekday", "Half-day", "Province", "Cluster"],
  },
} as const;

export const CHANGE_WORDS = {
  vi: { unchangedTrainers: "giảng viên không đổi", trainers: "giảng viên", slotUnchanged: "không đổi", removed: "bị hủy", added: "mới xếp", frozen: "đã tổ chức", title: "Thay đổi lịch", moves: (n: number, proven: boolean) => `${n} buổi đổi ngày${proven ? " (ít nhất có thể, đã chứng minh)" : ""}`, restaffed: (n: number) => `${n} buổi đổi giảng viên`, header: ["Tỉnh, thành phố", "Cụm", "Thay đổi"] },
  en: { unchangedTrainers: "trainers unchanged", trainers: "trainers", slotUnchanged: "unchanged", removed: "cancelled", added: "newly scheduled", frozen: "already held", title: "Schedule changes", moves: (n: number, proven: boolean) => `${n} session(s) moved${proven ? " (proven minimal)" : ""}`, restaffed: (n: number) => `${n} session(s) with other trainers`, header: ["Province", "Cluster", "Change"] },
} as const;
