/**
 * What `send` and `replies` print on the terminal, in English and Vietnamese (--lang, else the
 * locale, as every command): from the outcomes' data (src/app/send.ts, src/app/replies.ts).
 */
import { DateTime } from "luxon";
import type { Answer, Reading } from "../app/replies.ts";
import type { NotDelivered } from "../app/send.ts";
import { officialDay, type Lang } from "./labels.ts";

type StopCause = Extract<NotDelivered, { kind: "stopped" }>["cause"];

const en = {
  wouldSend: (file: string, to: string) => `would send ${file} to ${to}`,
  wouldNotSend: (file: string, to: string, why: string) => `would not send ${file} to ${to}: ${why}`,
  wouldCount: (n: number) => `${n} message(s) would be sent; nothing was sent`,
  nothing: (version: number, log: string) => `nothing to send: every message up to version ${version} was sent (${log})`,
  sent: (n: number, version: number, log: string) => `sent ${n} message(s) up to version ${version}; logged in ${log}`,
  retrying: (file: string, response: string, seconds: number, attempt: number) => `${file}: ${response} — trying again in ${seconds} s (attempt ${attempt + 1})`,
  notDelivered: (n: number) => `${n} message(s) not delivered:`,
  header: ["trainer", "address", "session", "why"],
  why: (why: NotDelivered): string => {
    switch (why.kind) {
      case "refused":
        return `refused by the server: ${why.response}`;
      case "refused-earlier":
        return `refused on ${why.at.slice(0, 10)}: ${why.response} (sent again only with --retry-refused)`;
      case "temporary":
        return `${why.response} (still failing after ${why.attempts} attempts; run again later)`;
      case "stopped":
        return "not tried: sending stopped";
    }
  },
  stopped: (cause: StopCause, response: string): string =>
    ({
      tls: `Sending stopped: the server offers no TLS (STARTTLS), and taphuan sends a password only over TLS (${response}). Use smtps://, a server that offers STARTTLS, or --allow-insecure-auth on a network you trust.`,
      auth: `Sending stopped: the server refused the login (${response}). Check the user and password in the --smtp URL.`,
      server: `Sending stopped: the server refused to send (${response}).`,
      connection: `Sending stopped: the server could not be reached after several attempts (${response}).`,
    })[cause],
  rerun: "Run the same command again to send what is left (what was sent is not sent again). A refused message goes again only with --retry-refused; or correct the trainer's address in the plan and re-plan, and the corrected invitation goes by itself.",
};

const vi: typeof en = {
  wouldSend: (file: string, to: string) => `sẽ gửi ${file} đến ${to}`,
  wouldNotSend: (file: string, to: string, why: string) => `sẽ không gửi ${file} đến ${to}: ${why}`,
  wouldCount: (n: number) => `sẽ gửi ${n} thư; chưa gửi thư nào`,
  nothing: (version: number, log: string) => `không còn gì để gửi: mọi thư đến phiên bản ${version} đã gửi (${log})`,
  sent: (n: number, version: number, log: string) => `đã gửi ${n} thư đến phiên bản ${version}; ghi nhận trong ${log}`,
  retrying: (file: string, response: string, seconds: number, attempt: number) => `${file}: ${response} — thử lại sau ${seconds} giây (lần ${attempt + 1})`,
  notDelivered: (n: number) => `${n} thư chưa đến được người nhận:`,
  header: ["giảng viên", "địa chỉ", "buổi", "lý do"],
  why: (why: NotDelivered): string => {
    switch (why.kind) {
      case "refused":
        return `máy chủ từ chối: ${why.response}`;
      case "refused-earlier":
        return `đã bị từ chối ngày ${why.at.slice(0, 10)}: ${why.response} (chỉ gửi lại khi có --retry-refused)`;
      case "temporary":
        return `${why.response} (vẫn lỗi sau ${why.attempts} lần thử; hãy chạy lại sau)`;
      case "stopped":
        return "chưa gửi: việc gửi đã dừng";
    }
  },
  stopped: (cause: StopCause, response: string): string =>
    ({
      tls: `Đã dừng gửi: máy chủ không hỗ trợ TLS (STARTTLS), và taphuan chỉ gửi mật khẩu qua TLS (${response}). Hãy dùng smtps://, một máy chủ có STARTTLS, hoặc --allow-insecure-auth nếu mạng này tin cậy được.`,
      auth: `Đã dừng gửi: máy chủ từ chối đăng nhập (${response}). Hãy kiểm tra tên và mật khẩu trong địa chỉ --smtp.`,
      server: `Đã dừng gửi: máy chủ từ chối gửi thư (${response}).`,
      connection: `Đã dừng gửi: không kết nối được máy chủ sau nhiều lần thử (${response}).`,
    })[cause],
  rerun: "Chạy lại đúng lệnh này để gửi phần còn lại (thư đã gửi không gửi lại). Thư bị từ chối chỉ gửi lại khi có --retry-refused; hoặc sửa địa chỉ của giảng viên trong kế hoạch rồi đổi lịch, thư mời đã sửa sẽ tự được gửi.",
};

export const SEND_WORDS: Readonly<Record<Lang, typeof en>> = { en, vi };

/** Rows as columns padded to their widest cell (by characters: names are NFC). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

type Proposed = { readonly start: string; readonly end?: string };

/** "Thứ Năm, 15/9/2022, 08:00–11:30", in the campaign's time as the reply was read. */
function when(proposed: Proposed, lang: Lang): string {
  const start = DateTime.fromISO(proposed.start, { setZone: true });
  const end = proposed.end ? DateTime.fromISO(proposed.end, { setZone: true }) : undefined;
  return `${officialDay(start.toISODate()!, lang)}, ${start.toFormat("HH:mm")}${end ? `–${end.toFormat(end.hasSame(start, "day") ? "HH:mm" : "d/M HH:mm")}` : ""}`;
}

const replyEn = {
  answer: { accepted: "accepted", declined: "declined", tentative: "tentatively accepted", delegated: "delegated", proposed: "proposed another time for", "needs-action": "did not answer" } as Record<Answer, string>,
  heading: { accepted: "accepted", declined: "declined", tentative: "tentative", delegated: "delegated", proposed: "proposed another time", "needs-action": "not answered" } as Record<Answer, string>,
  reading: (r: Reading, lang: Lang): string => {
    switch (r.kind) {
      case "applied":
        return `${r.file}: ${r.reply.trainer} ${replyEn.answer[r.reply.answer]} ${r.reply.province}${r.reply.proposed ? `: ${when(r.reply.proposed, lang)}` : ""}${r.reply.comment ? ` — “${r.reply.comment.replace(/\s*\n\s*/g, " ")}”` : ""}`;
      case "outdated":
        return `${r.file}: ${r.reply.trainer} ${replyEn.answer[r.reply.answer]} an earlier invitation of ${r.reply.province} (SEQUENCE ${r.reply.sequence}; it has changed since, now ${r.current}): not applied`;
      case "older":
        return `${r.file}: an older answer of ${r.reply.trainer} for ${r.reply.province} than the one recorded: not applied`;
      case "not-a-reply":
        return `${r.file}: not a calendar reply (iMIP REPLY or COUNTER)${r.method ? `, METHOD:${r.method}` : ""}: skipped`;
      case "unknown-session":
        return `${r.file}: ${r.province ? `answers ${r.province}'s session, which the current version no longer has` : `answers an event that is not of this schedule (UID ${r.uid})`}: skipped`;
      case "not-invited":
        return `${r.file}: ${r.address} is not invited to ${r.province} in the current version: skipped`;
    }
  },
  session: (province: string, day: string, halfDay: string) => `${province} — ${day}, ${halfDay}`,
  earlier: (answer: Answer) => `answered an earlier invitation: ${replyEn.heading[answer]}`,
  proposedAt: (proposed: Proposed, lang: Lang) => when(proposed, lang),
  unsent: "invitation not sent yet",
  noInvitations: "No invitations in this folder (the plan has no campaign.organizer): nobody can answer.",
  restaff: "To re-staff after a decline (the trainer away that day), re-plan:",
  recorded: (file: string) => `answers recorded in ${file}`,
};

const replyVi: typeof replyEn = {
  answer: { accepted: "chấp nhận", declined: "từ chối", tentative: "tạm chấp nhận", delegated: "ủy quyền người khác", proposed: "đề xuất thời gian khác cho", "needs-action": "chưa trả lời" },
  heading: { accepted: "chấp nhận", declined: "từ chối", tentative: "tạm chấp nhận", delegated: "ủy quyền", proposed: "đề xuất thời gian khác", "needs-action": "chưa trả lời" },
  reading: (r: Reading, lang: Lang): string => {
    switch (r.kind) {
      case "applied":
        return `${r.file}: ${r.reply.trainer} ${replyVi.answer[r.reply.answer]} ${r.reply.province}${r.reply.proposed ? `: ${when(r.reply.proposed, lang)}` : ""}${r.reply.comment ? ` — “${r.reply.comment.replace(/\s*\n\s*/g, " ")}”` : ""}`;
      case "outdated":
        return `${r.file}: ${r.reply.trainer} ${replyVi.answer[r.reply.answer]} một lời mời cũ của ${r.reply.province} (SEQUENCE ${r.reply.sequence}; lịch đã thay đổi, nay là ${r.current}): không áp dụng`;
      case "older":
        return `${r.file}: câu trả lời của ${r.reply.trainer} cho ${r.reply.province} cũ hơn câu đã ghi nhận: không áp dụng`;
      case "not-a-reply":
        return `${r.file}: không phải thư trả lời lịch (iMIP REPLY hoặc COUNTER)${r.method ? `, METHOD:${r.method}` : ""}: bỏ qua`;
      case "unknown-session":
        return `${r.file}: ${r.province ? `trả lời buổi của ${r.province}, buổi không còn trong phiên bản hiện tại` : `trả lời một sự kiện không thuộc lịch này (UID ${r.uid})`}: bỏ qua`;
      case "not-invited":
        return `${r.file}: ${r.address} không được mời đến buổi ${r.province} trong phiên bản hiện tại: bỏ qua`;
    }
  },
  session: (province: string, day: string, halfDay: string) => `${province} — ${day}, ${halfDay}`,
  earlier: (answer: Answer) => `đã trả lời lời mời cũ: ${replyVi.heading[answer]}`,
  proposedAt: (proposed: Proposed, lang: Lang) => when(proposed, lang),
  unsent: "chưa gửi thư mời",
  noInvitations: "Thư mục này không có thư mời (kế hoạch chưa có campaign.organizer): không ai trả lời được.",
  restaff: "Để xếp giảng viên khác sau khi có người từ chối (giảng viên bận ngày đó), hãy đổi lịch:",
  recorded: (file: string) => `đã ghi nhận các câu trả lời trong ${file}`,
};

export const REPLY_WORDS: Readonly<Record<Lang, typeof replyEn>> = { en: replyEn, vi: replyVi };

/** The page's words for sending: no command-line flags, the workspace's own settings. */
const pageVi = {
  title: "Gửi thư mời",
  settings: (shown: string, from: "environment" | "file") => `Máy chủ thư: ${shown} (${from === "environment" ? "biến môi trường TAPHUAN_SMTP_URL" : "tệp .taphuan-smtp"})`,
  unset: "Chưa có máy chủ thư. Hãy đặt biến môi trường TAPHUAN_SMTP_URL, hoặc ghi địa chỉ smtp://người-dùng:mật-khẩu@máy-chủ:587 vào tệp .taphuan-smtp trong thư mục kế hoạch, chỉ chủ tệp được đọc (chmod 600).",
  refused: (why: "not-a-file" | "readable-by-others" | "empty") =>
    `Không dùng tệp .taphuan-smtp: ${why === "readable-by-others" ? "người khác đọc được tệp (có mật khẩu) — hãy chạy chmod 600 .taphuan-smtp" : why === "empty" ? "tệp trống" : "đó không phải một tệp thường"}.`,
  due: (n: number) => (n ? `${n} thư sẽ gửi:` : "Không còn thư nào phải gửi: mọi thư đến phiên bản hiện hành đã gửi."),
  header: ["Giảng viên", "Địa chỉ", "Buổi", "Thư"],
  request: "thư mời",
  update: "thư cập nhật (giảng viên đã nhận thư mời trước)",
  cancel: "hủy, rút lời mời",
  send: "Gửi",
  sentNow: (n: number) => `Đã gửi ${n} thư.`,
  /** A message of the Send just made, in its row: sent. */
  delivered: "đã gửi",
  notDelivered: (n: number) => `${n} thư chưa gửi được:`,
  why: (why: NotDelivered): string => {
    switch (why.kind) {
      case "refused":
        return `máy chủ từ chối: ${why.response}`;
      case "refused-earlier":
        return `đã bị từ chối ngày ${why.at.slice(0, 10)}: ${why.response} (hãy sửa địa chỉ của giảng viên trong kế hoạch rồi đổi lịch)`;
      case "temporary":
        return `${why.response} (vẫn lỗi sau ${why.attempts} lần thử; hãy gửi lại sau)`;
      case "stopped":
        return `chưa thử: việc gửi đã dừng (${why.cause === "tls" ? "máy chủ không có TLS, mật khẩu chỉ gửi qua TLS" : why.cause === "auth" ? "máy chủ từ chối đăng nhập" : why.cause === "connection" ? "không kết nối được máy chủ" : "máy chủ từ chối gửi"}: ${why.response})`;
    }
  },
  back: "Quay lại",
  replies: "Trả lời của giảng viên",
  uploadReplies: "Các thư trả lời (.eml, lưu từ Outlook, Thunderbird, Apple Mail):",
  read: "Đọc các thư trả lời",
  restaff: "Xem trước cách xếp giảng viên khác",
};
const pageEn: typeof pageVi = {
  title: "Send the invitations",
  settings: (shown, from) => `Mail server: ${shown} (${from === "environment" ? "environment variable TAPHUAN_SMTP_URL" : "file .taphuan-smtp"})`,
  unset: "No mail server yet. Set the environment variable TAPHUAN_SMTP_URL, or write smtp://user:password@host:587 in a file .taphuan-smtp in the folder of plans, readable by its owner alone (chmod 600).",
  refused: (why) => `The file .taphuan-smtp is not used: ${why === "readable-by-others" ? "others may read it (it holds a password) — run chmod 600 .taphuan-smtp" : why === "empty" ? "it is empty" : "it is not a plain file"}.`,
  due: (n) => (n ? `${n} message(s) to send:` : "Nothing to send: every message up to the current version was sent."),
  header: ["Trainer", "Address", "Session", "Message"],
  request: "invitation",
  update: "update (the trainer had the invitation before)",
  cancel: "cancellation, withdrawal",
  send: "Send",
  sentNow: (n) => `Sent ${n} message(s).`,
  delivered: "sent",
  notDelivered: (n) => `${n} message(s) not delivered:`,
  why: (why) => {
    switch (why.kind) {
      case "refused":
        return `refused by the server: ${why.response}`;
      case "refused-earlier":
        return `refused on ${why.at.slice(0, 10)}: ${why.response} (correct the trainer's address in the plan, then re-plan)`;
      case "temporary":
        return `${why.response} (still failing after ${why.attempts} attempts; send again later)`;
      case "stopped":
        return `not tried: sending stopped (${why.cause}: ${why.response})`;
    }
  },
  back: "Back",
  replies: "The trainers' answers",
  uploadReplies: "Replies (.eml, saved from Outlook, Thunderbird, Apple Mail):",
  read: "Read the replies",
  restaff: "Preview re-staffing it",
};

export const SEND_PAGE_WORDS: Readonly<Record<Lang, typeof pageVi>> = { vi: pageVi, en: pageEn };
