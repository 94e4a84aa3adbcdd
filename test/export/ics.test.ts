import fc from "fast-check";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { describe, expect, it } from "vitest";
import { cleanText, foldLine, quoteParam, scheduleFeed, sessionCancel, sessionRequest, sessionUid, trainerCalendar } from "../../src/export/ics.ts";
import type { Plan } from "../../src/model/plan.ts";
import { defaultGeneratedAt, planHash, type Schedule } from "../../src/model/schedule.ts";
import { session, smallPlan } from "../helpers.ts";

/** A plan whose every free text is hostile: quotes, commas, semicolons, backslashes, newlines, emoji, NFD. */
function hostilePlan(): Plan {
  const nfd = "Hội trường Ủy ban".normalize("NFD");
  return smallPlan((t) =>
    t
      .replace("  registry: vn-63", `  registry: vn-63\n  organizer: { name: "Cục \\"CĐSQG\\"; phòng 1, tầng 2 ^_^", email: dau-moi@example.org }`)
      .replace("name: Cụm A", `name: "Cụm A; \\"Bắc\\", 1\\\\2"`)
      .replace("clusters: [Cụm A]", `clusters: ["Cụm A; \\"Bắc\\", 1\\\\2"], email: dn-1@example.org`)
      .replace("id: Doanh nghiệp-1", `id: "Doanh nghiệp \\"1\\"; ăn, ở 🎉"`)
      .concat(`provinces:\n  Hà Nam: { venue: "${nfd}, số 1; tầng 2\\nphòng \\"A\\" 🎉" }\n`),
  );
}

function schedule(plan: Plan, trainerB = "Doanh nghiệp \"1\"; ăn, ở 🎉"): Schedule {
  const sessions = [
    session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", trainerB]),
    session(plan, "Nam Định", "2022-09-12", "afternoon", ["CĐSQG-1", trainerB]),
    session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-2", "Đoàn-1"]),
    session(plan, "Bắc Giang", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-1"]),
  ];
  return { plan: "small-plan.yaml", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", sessions, unplaced: [] };
}

function lines(text: string): string[] {
  return text.slice(0, -2).split("\r\n");
}

function expectWellFormed(text: string, events: number) {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // CRLF everywhere, no bare LF or CR
  expect(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(text, "utf8"))).toBe(text);
  for (const line of lines(text)) {
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/^ ?\p{M}/u); // never a combining mark cut from its letter
  }
  const unfolded = lines(text.replace(/\r\n /g, ""));
  expect(unfolded.filter((l) => l.startsWith("VERSION:"))).toEqual(["VERSION:2.0"]);
  expect(unfolded.filter((l) => l.startsWith("PRODID:"))).toHaveLength(1);
  expect(unfolded.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(events);
  expect(unfolded.filter((l) => l.startsWith("UID:"))).toHaveLength(events);
  expect(unfolded.filter((l) => l.startsWith("DTSTAMP:"))).toHaveLength(events);
  for (const l of unfolded.filter((x) => x.startsWith("DTSTART"))) expect(l).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
  expect(text).not.toContain("TZID");
  expect(text.normalize("NFC")).toBe(text);
}

describe("iCal feed", () => {
  const plan = hostilePlan();
  const sched = schedule(plan);
  const feed = scheduleFeed(plan, sched);

  it("is well-formed at the byte level: CRLF, ≤ 75 octets a line, UTF-8, NFC, UTC times, no METHOD", () => {
    expectWellFormed(feed, 4);
    expect(feed).not.toContain("METHOD:");
    expect(feed).toContain("DTSTART:20220912T010000Z"); // 08:00 in Hà Nội
    expect(feed).toContain("DTSTAMP:20220911T170000Z"); // the schedule's generation time, not the clock
  });

  it("reads back exactly through ical.js", () => {
    const calendar = new ICAL.Component(ICAL.parse(feed));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(4);
    const haNam = events[0]!;
    expect(haNam.uid).toBe(sessionUid("small", "35"));
    expect(haNam.summary).toBe("Tập huấn thử – Hà Nam");
    expect(haNam.location).toBe(`${"Hội trường Ủy ban, số 1; tầng 2\nphòng \"A\" 🎉"}, Hà Nam`);
    expect(haNam.startDate.toJSDate().toISOString()).toBe("2022-09-12T01:00:00.000Z");
    expect(haNam.endDate.toJSDate().toISOString()).toBe("2022-09-12T04:30:00.000Z");
    expect(haNam.sequence).toBe(0);
    expect(haNam.component.getFirstPropertyValue("categories")).toBe('Cụm A; "Bắc", 1\\2');
    expect(haNam.description).toContain('Giảng viên:\n– policy: CĐSQG-1 (Cục Chuyển đổi số quốc gia)\n– skills: Doanh nghiệp "1"; ăn, ở 🎉 (Doanh nghiệp)');
    expect(haNam.description).toContain("Sáng Thứ Hai, 12/9/2022, 08:00–11:30 (giờ UTC+7)");
    // A published feed names no attendees (RFC 5546 §3.2.1): the REQUEST files do.
    expect(haNam.attendees).toEqual([]);
    expect(feed).not.toContain("ATTENDEE");
    expect(feed).not.toContain("RSVP");
    const alarm = haNam.component.getFirstSubcomponent("valarm")!;
    expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
    expect(alarm.getFirstPropertyValue("trigger")!.toString()).toBe("-PT1440M");
    expect(haNam.organizer).toBe("MAILTO:dau-moi@example.org");
    expect(haNam.component.getFirstProperty("organizer")!.getParameter("cn")).toBe('Cục "CĐSQG"; phòng 1, tầng 2 ^_^');
  });

  it("reads back exactly through node-ical", () => {
    const parsed = Object.values(nodeIcal.sync.parseICS(feed)).filter((c) => c?.type === "VEVENT") as nodeIcal.VEvent[];
    expect(parsed).toHaveLength(4);
    const byUid = new Map(parsed.map((e) => [e.uid, e]));
    for (const s of sched.sessions) {
      const e = byUid.get(sessionUid("small", s.code!))!;
      expect(e.start.toISOString()).toBe(new Date(s.start!).toISOString());
      expect(e.end!.toISOString()).toBe(new Date(s.end!).toISOString());
      expect(e.summary).toBe(`Tập huấn thử – ${s.province}`);
    }
    expect(byUid.get(sessionUid("small", "35"))!.location).toBe('Hội trường Ủy ban, số 1; tầng 2\nphòng "A" 🎉, Hà Nam');
  });

  it("is the same bytes every time", () => {
    expect(scheduleFeed(hostilePlan(), schedule(hostilePlan()))).toBe(feed);
  });

  it("tells subscribers to fetch it again every six hours (RFC 7986, and Outlook's X-PUBLISHED-TTL); a meeting request does not", () => {
    for (const calendar of [feed, trainerCalendar(plan, sched, "CĐSQG-1")]) {
      const top = new ICAL.Component(ICAL.parse(calendar));
      expect(top.getFirstProperty("refresh-interval")!.toICALString()).toBe("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
      expect(top.getFirstPropertyValue("x-published-ttl")).toBe("PT6H");
      expect(lines(calendar).filter((l) => /^(REFRESH-INTERVAL|X-PUBLISHED-TTL)[;:]/.test(l))).toHaveLength(2);
    }
    const request = sessionRequest(plan, sched, sched.sessions[0]!);
    expect(request).not.toContain("REFRESH-INTERVAL");
    expect(request).not.toContain("X-PUBLISHED-TTL");
  });
});

describe("meeting requests and cancellations", () => {
  const plan = hostilePlan();
  const sched = schedule(plan);

  it("a REQUEST has METHOD, ORGANIZER, the trainers as ATTENDEEs, and the feed's UID", () => {
    const request = sessionRequest(plan, sched, sched.sessions[0]!);
    expectWellFormed(request, 1);
    const calendar = new ICAL.Component(ICAL.parse(request));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe(sessionUid("small", "35"));
    expect(event.organizer).toBe("MAILTO:dau-moi@example.org");
    expect(event.attendees).toHaveLength(1);
  });

  it("a CANCEL has STATUS:CANCELLED and a higher SEQUENCE", () => {
    const cancel = sessionCancel(plan, sched, { ...sched.sessions[0]!, sequence: 2 });
    expectWellFormed(cancel, 1);
    const calendar = new ICAL.Component(ICAL.parse(cancel));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.sequence).toBe(3);
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("a CANCEL to trainers taken off a session that goes on names them alone, at the session's SEQUENCE, without STATUS (RFC 5546 §3.2.5)", () => {
    const cancel = sessionCancel(plan, sched, { ...sched.sessions[0]!, sequence: 2 }, { trainers: ["Doanh nghiệp \"1\"; ăn, ở 🎉"] });
    expectWellFormed(cancel, 1);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(cancel)).getFirstSubcomponent("vevent")!);
    expect(event.sequence).toBe(2);
    expect(event.component.getFirstPropertyValue("status")).toBeNull();
    expect(event.attendees.map((a) => a.getFirstValue())).toEqual(["mailto:dn-1@example.org"]);
    expect(cancel).not.toContain("VALARM");
  });
});

describe("octet folding and quoting", () => {
  it("property: folded lines are ≤ 75 octets, as full as they can be, unfold to the original, and never split a grapheme", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "grapheme-composite", maxLength: 60 }), (a, b) => {
        const line = `DESCRIPTION:${a}${b}`.replace(/[\r\n]/g, "");
        const folded = foldLine(line);
        for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, "")).toBe(line);
        const graphemes = [...new Intl.Segmenter("vi", { granularity: "grapheme" }).segment(line)].map((s) => s.segment);
        const parts = folded.split("\r\n").map((p, i) => (i ? p.slice(1) : p));
        let joined = "";
        for (const [i, part] of parts.entries()) {
          joined += part;
          const whole = graphemes.findIndex((_, k) => graphemes.slice(0, k + 1).join("") === joined);
          expect(whole >= 0 || joined === "").toBe(true);
          // Not folded early: the next grapheme would not have fitted on this line.
          if (i < parts.length - 1) expect(Buffer.byteLength(folded.split("\r\n")[i]!) + Buffer.byteLength(graphemes[whole + 1]!)).toBeGreaterThan(75);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  }, 30_000);

  it("folds Vietnamese by octets, not characters", () => {
    const line = `SUMMARY:${"Tập huấn Tổ công nghệ số cộng đồng ".repeat(4)}`;
    expect(line.length).toBeLessThan(160);
    for (const part of foldLine(line).split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
  });

  it("quotes parameter values per RFC 6868 and strips control characters", () => {
    expect(quoteParam('Nguyễn "A"^\nB')).toBe(`"Nguyễn ^'A^'^^^nB"`);
    expect(cleanText("a\u0007b\r\nc")).toBe("ab\nc");
  });

  it("keeps UIDs within 202 octets", () => {
    const uid = sessionUid("x".repeat(500), "35");
    expect(Buffer.byteLength(uid)).toBeLessThanOrEqual(202);
    expect(uid.endsWith("-35@taphuan")).toBe(true);
  });
});
