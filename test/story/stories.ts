/** The scripted stories the drivers play (library, CLI, page): events as a planner meets them. */
import type { ChangesInput } from "../../src/model/changes.ts";
import type { Schedule } from "../../src/model/schedule.ts";
import type { Answer, StoryEvent } from "./september.ts";

/** A step's answer as the changes the library and the changes file take. */
export function changesOf(answer: Answer): ChangesInput {
  const dates = (d: Answer & { dates: unknown }) => (Array.isArray(d.dates) ? d.dates : [d.dates]);
  switch (answer.kind) {
    case "province-off":
      return { provinces: { [answer.province]: { unavailable: dates(answer) } } };
    case "trainer-off":
      return { trainers: { [answer.trainer]: { unavailable: dates(answer) } } };
    case "fix":
      return { provinces: { [answer.province]: { fixed: { date: answer.date, halfDay: answer.halfDay } } } };
    case "leave":
      return { trainers: { [answer.trainer]: { leaves: answer.from } } };
    case "join":
      return { join: [{ id: answer.trainer.id, organisation: "Doanh nghiệp (mẫu)", roles: [...answer.trainer.roles], clusters: [...answer.trainer.clusters], home: answer.trainer.home }] };
    case "window":
      return { clusters: { [answer.cluster]: { window: { from: answer.from, to: answer.to } } } };
    case "move-cluster":
      return { provinces: { [answer.province]: { cluster: answer.cluster } } };
  }
}

const day = (s: Schedule, province: string) => s.sessions.find((x) => x.province === province)!;
const lastSession = (s: Schedule) => [...s.sessions].sort((a, b) => a.date.localeCompare(b.date) || a.halfDay.localeCompare(b.halfDay)).at(-1)!;

/** The 2022 plan's September: Nam Định first, as in the letter's walk-through, then everything a month brings. */
export const SEPTEMBER_2022: StoryEvent[] = [
  { today: "2022-09-12", step: (s) => ({ kind: "answer", answer: { kind: "province-off", province: "Nam Định", dates: [day(s, "Nam Định").date] }, note: "Công văn số 01/UBND" }), expect: "replanned" },
  // The first report: its new day refused too must never send it back to the first.
  { today: "2022-09-13", step: (s) => ({ kind: "answer", answer: { kind: "province-off", province: "Nam Định", dates: { from: day(s, "Nam Định").date, to: "2022-09-30" } } }), expect: "replanned" },
  { today: "2022-09-13", step: (s) => ({ kind: "answer", answer: { kind: "trainer-off", trainer: day(s, "Thái Nguyên").trainers[0]!, dates: [day(s, "Thái Nguyên").date] } }), expect: "replanned" },
  // Hà Nam was held on 12/9: a change about that day contradicts the past and is refused.
  { today: "2022-09-14", step: (s) => ({ kind: "answer", answer: { kind: "province-off", province: "Hà Nam", dates: [day(s, "Hà Nam").date] } }), expect: "refused" },
  { today: "2022-09-14", step: { kind: "answer", answer: { kind: "fix", province: "Cà Mau", date: "2022-09-22", halfDay: "afternoon" } }, expect: "replanned" },
  // Nam Định can host on its first day after all: withdrawn; nothing needs to move for it.
  { today: "2022-09-14", step: { kind: "withdraw", step: 0 }, expect: "replanned", moves: 0 },
  { today: "2022-09-15", step: { kind: "answer", answer: { kind: "join", trainer: { id: "Doanh nghiệp-8", roles: ["skills"], clusters: ["Cụm 10"], home: "Cần Thơ" } } }, expect: "replanned", moves: 0 },
  { today: "2022-09-15", step: { kind: "answer", answer: { kind: "leave", trainer: "Đoàn-7", from: "2022-09-19" } }, expect: "replanned" },
  { today: "2022-09-16", step: { kind: "answer", answer: { kind: "window", cluster: "Cụm 6", from: "2022-09-12", to: "2022-09-30" } }, expect: "replanned" },
  { today: "2022-09-16", step: (s) => ({ kind: "answer", answer: { kind: "province-off", province: lastSession(s).province, dates: [lastSession(s).date] } }), expect: "replanned" },
  { today: "2022-09-19", step: { kind: "edit-plan", edit: (t) => t.replace("trainers:\n", "trainers:\n  - { id: Doanh nghiệp-9, organisation: Doanh nghiệp (mẫu), roles: [skills], clusters: [Cụm 7], home: Gia Lai }\n") }, expect: "replanned", moves: 0 },
  { today: "2022-09-19", step: { kind: "restore", version: 1 }, expect: "replanned" },
  // The crash: Cà Mau cannot host from 15/9 on, after it was fixed on 22/9 — no re-plan, and a clear one.
  { today: "2022-09-20", step: { kind: "answer", answer: { kind: "province-off", province: "Cà Mau", dates: { from: "2022-09-21", to: "2022-09-30" } } }, expect: "no-replan" },
  { today: "2022-09-20", step: (s) => ({ kind: "answer", answer: { kind: "trainer-off", trainer: lastSession(s).trainers[0]!, dates: [lastSession(s).date] } }), expect: "replanned" },
];

/** The twin story on a plan of our own: November 2026, vn-34, two clusters sharing a trainer. */
export const NOVEMBER_2026: StoryEvent[] = [
  { today: "2026-11-02", step: (s) => ({ kind: "answer", answer: { kind: "province-off", province: "Khánh Hòa", dates: [day(s, "Khánh Hòa").date] } }), expect: "replanned" },
  { today: "2026-11-03", step: { kind: "answer", answer: { kind: "province-off", province: "Khánh Hòa", dates: { from: "2026-11-09", to: "2026-11-11" } } }, expect: "replanned" },
  { today: "2026-11-03", step: (s) => ({ kind: "answer", answer: { kind: "trainer-off", trainer: "CĐSQG-3", dates: [day(s, "Đắk Lắk").date] } }), expect: "replanned" },
  { today: "2026-11-03", step: { kind: "answer", answer: { kind: "province-off", province: "Hà Tĩnh", dates: ["2026-11-02"] } }, expect: "refused" },
  { today: "2026-11-04", step: { kind: "answer", answer: { kind: "fix", province: "Đắk Lắk", date: "2026-11-10", halfDay: "afternoon" } }, expect: "replanned" },
  { today: "2026-11-04", step: { kind: "withdraw", step: 0 }, expect: "replanned", moves: 0 },
  { today: "2026-11-05", step: { kind: "answer", answer: { kind: "join", trainer: { id: "Doanh nghiệp-2", roles: ["skills"], clusters: ["Nam Trung Bộ"], home: "Gia Lai" } } }, expect: "replanned", moves: 0 },
  { today: "2026-11-05", step: { kind: "answer", answer: { kind: "leave", trainer: "Doanh nghiệp-1", from: "2026-11-09" } }, expect: "replanned" },
  { today: "2026-11-06", step: { kind: "answer", answer: { kind: "window", cluster: "Nam Trung Bộ", from: "2026-11-04", to: "2026-11-27" } }, expect: "replanned" },
  { today: "2026-11-06", step: { kind: "answer", answer: { kind: "move-cluster", province: "Khánh Hòa", cluster: "Miền Trung" } }, expect: "replanned" },
  { today: "2026-11-09", step: { kind: "edit-plan", edit: (t) => t.replace("trainers:\n", "trainers:\n  - { id: Đoàn-3, organisation: Trung ương Đoàn TNCS Hồ Chí Minh, roles: [skills], clusters: [Miền Trung], home: Huế }\n") }, expect: "replanned", moves: 0 },
  { today: "2026-11-09", step: { kind: "restore", version: 1 }, expect: "replanned" },
  // Đắk Lắk asked for 10/11 (that answer stands): it cannot also refuse every day from then on.
  { today: "2026-11-09", step: { kind: "answer", answer: { kind: "province-off", province: "Đắk Lắk", dates: { from: "2026-11-10", to: "2026-11-27" } } }, expect: "no-replan" },
];

