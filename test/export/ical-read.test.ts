/** The small iCalendar reader (src/export/ical-read.ts): RFC 5545's unfolding and parameters, RFC 6868, and times in every form clients write. */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { contentLine, dateTimeValue, mailAddress, param, parseCalendar, properties, property, textValue, type Component } from "../../src/export/ical-read.ts";
import { sessionRequest } from "../../src/export/ics.ts";
import { defaultGeneratedAt, planHash, type Schedule } from "../../src/model/schedule.ts";
import { session, smallPlan } from "../helpers.ts";

const event = (text: string): Component => parseCalendar(text)[0]!.components.find((c) => c.name === "VEVENT")!;

describe("reading iCalendar", () => {
  it("unfolds CRLF, bare LF, space and tab continuations, also inside a UTF-8 character's letters", () => {
    const text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Tập huấn thử – B\r\n ắc Ninh\r\nLOCATION:Hà\n\t Nam\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const vevent = event(text);
    expect(property(vevent, "summary")!.value).toBe("Tập huấn thử – Bắc Ninh");
    expect(property(vevent, "LOCATION")!.value).toBe("Hà Nam");
  });

  it("reads parameters quoted or not, several values, : ; , inside quotes, and RFC 6868 escapes", () => {
    const line = contentLine('ATTENDEE;CN="Nguyễn ^\'A^\', phòng 1; tầng 2: ^^";DELEGATED-FROM="mailto:a@x.org","mailto:b@x.org";partstat=ACCEPTED;X-NOTE=line^nbreak:mailto:A@Example.org')!;
    expect(line.name).toBe("ATTENDEE");
    expect(param(line, "cn")).toBe('Nguyễn "A", phòng 1; tầng 2: ^');
    expect(line.params["DELEGATED-FROM"]).toEqual(["mailto:a@x.org", "mailto:b@x.org"]);
    expect(param(line, "PARTSTAT")).toBe("ACCEPTED");
    expect(param(line, "X-NOTE")).toBe("line\nbreak");
    expect(mailAddress(line.value)).toBe("a@example.org");
    expect(contentLine("no colon here")).toBeUndefined();
    expect(contentLine('X;P="unterminated:value')).toBeUndefined();
  });

  it("undoes TEXT escapes", () => {
    expect(textValue("a\\, b\\; c\\nd\\\\e\\Nf")).toBe("a, b; c\nd\\e\nf");
  });

  it("keeps nested components, closes what a stray END leaves open, and skips lines it cannot read", () => {
    const [calendar] = parseCalendar("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\ngarbage\r\nBEGIN:VEVENT\r\nUID:1\r\nBEGIN:VALARM\r\nEND:VEVENT\r\nEND:NOTHING\r\nEND:VCALENDAR");
    expect(calendar!.name).toBe("VCALENDAR");
    expect(property(calendar!, "METHOD")!.value).toBe("REPLY");
    expect(calendar!.components.map((c) => c.name)).toEqual(["VEVENT"]);
    expect(calendar!.components[0]!.components.map((c) => c.name)).toEqual(["VALARM"]);
  });

  it("reads times in UTC, in an IANA zone (also with Thunderbird's old /mozilla.org/ prefix), in a VTIMEZONE of the calendar (with its DST rules), floating, and dates", () => {
    const text = [
      "BEGIN:VCALENDAR",
      "BEGIN:VTIMEZONE", "TZID:SE Asia Standard Time", "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0700", "TZOFFSETTO:+0700", "END:STANDARD", "END:VTIMEZONE",
      "BEGIN:VTIMEZONE", "TZID:W. Europe Standard Time",
      "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
      "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "A:20220912T010000Z",
      "B;TZID=Asia/Ho_Chi_Minh:20220912T080000",
      "C;TZID=/mozilla.org/20070129_1/Asia/Ho_Chi_Minh:20220912T080000",
      "D;TZID=SE Asia Standard Time:20220912T080000",
      "E;TZID=W. Europe Standard Time:20220912T080000",
      "F;TZID=W. Europe Standard Time:20221215T080000",
      "G:20220912T080000",
      "H;VALUE=DATE:20220912",
      "I;TZID=Nowhere/Else:20220912T080000",
      "J:2022-09-12",
      "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    const [calendar] = parseCalendar(text);
    const vevent = calendar!.components.find((c) => c.name === "VEVENT")!;
    const utc = (name: string) => {
      const value = dateTimeValue(property(vevent, name)!, calendar!, "Asia/Ho_Chi_Minh");
      return value?.toUTC().toISO({ suppressMilliseconds: true });
    };
    expect(["A", "B", "C", "D", "G"].map(utc)).toEqual(Array(5).fill("2022-09-12T01:00:00Z"));
    expect(utc("E")).toBe("2022-09-12T06:00:00Z"); // summer time, +02:00
    expect(utc("F")).toBe("2022-12-15T07:00:00Z"); // winter, +01:00
    expect(utc("H")).toBe("2022-09-11T17:00:00Z"); // the day, in the campaign's zone
    expect(utc("I")).toBeUndefined();
    expect(utc("J")).toBeUndefined();
  });

  it("reads taphuan's own meeting requests as ical.js does: UID, SEQUENCE, and every attendee's address and name", () => {
    const plan = smallPlan((t) =>
      t
        .replace("  registry: vn-63", `  registry: vn-63\n  organizer: { name: "Cục \\"CĐSQG\\"; phòng 1, tầng 2 ^_^", email: dau-moi@example.org }`)
        .replace("home: Hà Nội }", "home: Hà Nội, email: cdsqg-1@example.org }")
        .replace("id: Doanh nghiệp-1", `id: "Doanh nghiệp \\"1\\"; ăn, ở 🎉 and a name long enough to be folded"`)
        .replace("clusters: [Cụm A], home: Hà Nội }", "clusters: [Cụm A], home: Hà Nội, email: dn-1@example.org }"),
    );
    const trainers = ["CĐSQG-1", plan.trainers[1]!.id];
    const schedule: Schedule = { plan: "p", planId: plan.id, planHash: planHash(plan), version: 1, generatedAt: defaultGeneratedAt(plan), status: "complete", unplaced: [], sessions: [{ ...session(plan, "Hà Nam", "2022-09-12", "morning", trainers), sequence: 3 }] };
    const request = sessionRequest(plan, schedule, schedule.sessions[0]!);
    const ours = event(request);
    const theirs = new ICAL.Event(new ICAL.Component(ICAL.parse(request)).getFirstSubcomponent("vevent")!);
    expect(property(ours, "UID")!.value).toBe(theirs.uid);
    expect(Number(property(ours, "SEQUENCE")!.value)).toBe(theirs.sequence);
    expect(properties(ours, "ATTENDEE").map((a) => [param(a, "CN"), a.value])).toEqual(theirs.attendees.map((a) => [a.getParameter("cn"), a.getFirstValue()]));
    expect(param(property(ours, "ORGANIZER")!, "CN")).toBe('Cục "CĐSQG"; phòng 1, tầng 2 ^_^');
    expect(textValue(property(ours, "DESCRIPTION")!.value)).toBe(theirs.description);
  });
});
