/**
 * What the CLI prints on the terminal, in English and Vietnamese. `--lang` chooses; without it the
 * terminal follows the locale (LC_ALL, LC_MESSAGES, LANG: vi… gives Vietnamese), as command-line
 * tools do, since the terminal's reader is whoever runs the engine. Documents default to Vietnamese
 * whatever the locale: they go to provinces and trainers.
 */
import type { Lang } from "./labels.ts";
import { LANGS } from "./labels.ts";

export function terminalLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined && (LANGS as readonly string[]).includes(flag)) return flag as Lang;
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"] || "";
  return locale.toLowerCase().startsWith("vi") ? "vi" : "en";
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const en = {
  warning: "warning: ",
  scheduled: (sessions: number, unplaced: number, solver: string, seconds: string) => `${sessions} sessions scheduled${unplaced ? `, ${unplaced} province(s) NOT placed` : ""} · solver ${solver} · ${seconds} s`,
  pace: (first: string, last: string, halfDayDate: string, halfDay: string, halfDaySessions: number, dayDate: string, daySessions: number, days: number) =>
    `${first}–${last} · busiest half-day ${halfDayDate} ${halfDay} (${halfDaySessions} sessions) · busiest day ${dayDate} (${daySessions}) · ${days} days with sessions`,
  proposedWindow: (cluster: string, from: string, to: string) => `proposed window for ${cluster}: ${from}–${to}`,
  part: (clusters: string, sessions: number, objective: number, quality: string, method: string) => `${clusters}: ${sessions} sessions, objective ${objective}, ${quality} (${method})`,
  proven: "proven optimal",
  noBound: "best found, no bound in time",
  gap: (bound: number, gap: string) => `best found, bound ${bound}, gap ${gap}%`,
  notPlacedHeader: "No full schedule. Not placed:",
  partialWritten: "The best partial schedule is written, marked partial.",
  wrote: (files: string) => `wrote ${files}`,
  filesIn: (count: number, dir: string) => `${count} file(s) in ${dir}`,
  versionKept: (version: number, where: string) => `(version ${version}, kept in ${where})`,
  progress: (part: number, parts: number, clusters: string, objective: number, state: string, seconds: string) => `part ${part}/${parts} (${clusters}): objective ${objective}${state}, ${seconds} s`,
  progressProven: ", proven optimal",
  progressNoBound: ", no bound yet",
  progressBound: (bound: number) => `, bound ${bound}`,
  alreadyHolds: (folder: string, version: number) => `${folder} already holds this schedule (version ${version}); nothing written`,
  fixesHeader: "What would place every province (each proven by solving again with it):",
  proved: "proven",
  noSingleFix: "No change of one kind (a wider window, more trainers, a trainer free on a day, a higher cap, a shorter notice, another cluster) places every province, nor one such change per independent part of the plan together.",
  fixSearchStopped: (notTried: readonly string[]) => `(The search for fixes stopped at its time limit${notTried.length ? `; not tried: ${notTried.join("; ")}` : ""}.)`,
  noReplan: (today: string, from: string) => `No re-plan places every province (today ${today}; changes lie on ${from} or later); nothing was written.`,
  replanFixesHeader: "What would make one possible (each proven by re-planning with it):",
  noSingleReplanFix: "No single relaxation of one kind (a wider window, more trainers, a trainer free on a day, a higher cap, another cluster) makes one possible.",
  todayLine: (today: string, from: string) => `today ${today}: sessions up to it stay as held; changes lie on ${from} or later`,
  planChanged: (version: number) => `the plan file changed since v${version}:`,
  versionLine: (from: number, to: number, moves: number, proven: boolean, restaffed: number) => `v${from} → v${to}: ${moves} session(s) moved ${proven ? "(proven minimal)" : "(not proven minimal)"}, ${restaffed} re-staffed`,
  notBack: (version: number) => `not back as in v${version}:`,
  allBack: (version: number) => `every session is back as in v${version}`,
  standing: (n: number) => `standing changes (${n}):`,
  wroteVersion: (files: string, previous: number, where: string) => `wrote ${files}; version ${previous} stays in ${where}`,
  rulesHold: (file: string, sessions: number, rules: number) => `${file}: ${sessions} sessions, every rule holds (${rules} rules)`,
  violations: (n: number, file: string) => `${n} ${plural(n, "violation", "violations")} in ${file}`,
  noChange: (version: number) => `v${version}: no change recorded`,
  standsIn: (version: number, dir: string) => `(* stands in v${version}; withdraw one with: taphuan replan PLAN --schedule ${dir}/schedule.json --withdraw N)`,
};

const vi: typeof en = {
  warning: "lưu ý: ",
  scheduled: (sessions: number, unplaced: number, solver: string, seconds: string) => `Đã xếp ${sessions} buổi${unplaced ? `, CHƯA xếp được ${unplaced} tỉnh` : ""} · bộ giải ${solver} · ${seconds} giây`,
  pace: (first: string, last: string, halfDayDate: string, halfDay: string, halfDaySessions: number, dayDate: string, daySessions: number, days: number) =>
    `${first}–${last} · buổi đông nhất ${halfDayDate} ${halfDay} (${halfDaySessions} buổi) · ngày đông nhất ${dayDate} (${daySessions} buổi) · ${days} ngày có buổi tập huấn`,
  proposedWindow: (cluster: string, from: string, to: string) => `thời gian đề xuất cho ${cluster}: ${from}–${to}`,
  part: (clusters: string, sessions: number, objective: number, quality: string, method: string) => `${clusters}: ${sessions} buổi, mục tiêu ${objective}, ${quality} (${method})`,
  proven: "tối ưu đã chứng minh",
  noBound: "tốt nhất tìm được, chưa có cận trong thời gian cho phép",
  gap: (bound: number, gap: string) => `tốt nhất tìm được, cận ${bound}, chênh lệch ${gap}%`,
  notPlacedHeader: "Chưa có lịch đầy đủ. Chưa xếp được:",
  partialWritten: "Đã ghi lịch tốt nhất tìm được, đánh dấu là lịch chưa đầy đủ.",
  wrote: (files: string) => `đã ghi ${files}`,
  filesIn: (count: number, dir: string) => `${count} tệp trong ${dir}`,
  versionKept: (version: number, where: string) => `(phiên bản ${version}, lưu ở ${where})`,
  progress: (part: number, parts: number, clusters: string, objective: number, state: string, seconds: string) => `phần ${part}/${parts} (${clusters}): mục tiêu ${objective}${state}, ${seconds} giây`,
  progressProven: ", tối ưu đã chứng minh",
  progressNoBound: ", chưa có cận",
  progressBound: (bound: number) => `, cận ${bound}`,
  alreadyHolds: (folder: string, version: number) => `${folder} đã có đúng lịch này (phiên bản ${version}); không ghi gì`,
  fixesHeader: "Điều giúp xếp được mọi tỉnh (mỗi điều đã chứng minh bằng cách xếp lại với nó):",
  proved: "đã chứng minh",
  noSingleFix: "Không có thay đổi nào của một loại (mở rộng thời gian, thêm giảng viên, giảng viên rảnh thêm một ngày, nâng trần, rút thời hạn báo trước, chuyển cụm) xếp được mọi tỉnh, kể cả khi mỗi phần độc lập của kế hoạch có một thay đổi riêng cùng lúc.",
  fixSearchStopped: (notTried: readonly string[]) => `(Việc tìm cách khắc phục đã dừng vì hết thời gian${notTried.length ? `; chưa thử: ${notTried.join("; ")}` : ""}.)`,
  noReplan: (today: string, from: string) => `Không có cách đổi lịch nào xếp được mọi tỉnh (hôm nay ${today}; thay đổi chỉ từ ${from} trở đi); chưa ghi gì.`,
  replanFixesHeader: "Điều giúp đổi lịch được (mỗi điều đã chứng minh bằng cách đổi lịch lại với nó):",
  noSingleReplanFix: "Không có thay đổi đơn lẻ nào (mở rộng thời gian, thêm giảng viên, giảng viên rảnh thêm một ngày, nâng trần, chuyển cụm) giúp đổi lịch được.",
  todayLine: (today: string, from: string) => `hôm nay ${today}: các buổi đến hết ngày này giữ nguyên như đã tổ chức; thay đổi chỉ từ ${from} trở đi`,
  planChanged: (version: number) => `tệp kế hoạch đã sửa từ v${version}:`,
  versionLine: (from: number, to: number, moves: number, proven: boolean, restaffed: number) => `v${from} → v${to}: ${moves} buổi đổi ngày ${proven ? "(ít nhất có thể, đã chứng minh)" : "(chưa chứng minh là ít nhất)"}, ${restaffed} buổi đổi giảng viên`,
  notBack: (version: number) => `không trở lại như ở v${version}:`,
  allBack: (version: number) => `mọi buổi đã trở lại như ở v${version}`,
  standing: (n: number) => `các thay đổi đang áp dụng (${n}):`,
  wroteVersion: (files: string, previous: number, where: string) => `đã ghi ${files}; phiên bản ${previous} vẫn giữ ở ${where}`,
  rulesHold: (file: string, sessions: number, rules: number) => `${file}: ${sessions} buổi, đúng mọi quy tắc (${rules} quy tắc)`,
  violations: (n: number, file: string) => `${n} chỗ sai quy tắc trong ${file}`,
  noChange: (version: number) => `v${version}: chưa ghi nhận thay đổi nào`,
  standsIn: (version: number, dir: string) => `(* đang áp dụng ở v${version}; rút lại bằng: taphuan replan PLAN --schedule ${dir}/schedule.json --withdraw N)`,
};

export const CLI_WORDS: Readonly<Record<Lang, typeof en>> = { en, vi };
