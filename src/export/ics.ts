/**
 * iCalendar output, generated with `ics` and corrected where it falls short of RFC 5545 and of
 * what Outlook accepts:
 * - times in UTC, given to ics as UTC (its `local` input would depend on the machine's zone);
 * - lines folded at 75 octets (ics counts characters), never inside a UTF-8 sequence nor inside a
 *   grapheme (a letter and its combining marks stay together); text in NFC; CRLF everywhere;
 * - control characters removed; CN parameters quoted per RFC 6868 (ics writes \" for a quote);
 * - CATEGORIES escaped (ics joins them raw).
 */
import { createEvents, type EventAttributes, type HeaderAttributes } from "ics";
import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";
import type { Schedule, Session } from "../model/schedule.ts";
import { LABELS, type Lang } from "./labels.ts";

export type Method = "PUBLISH" | "REQUEST" | "CANCEL";

export interface IcsOptions {
  readonly lang?: Lang;
}

const PRODUCT_ID = "-//taphuan//taphuan//VI";

/** Stable UID of a session: from the plan's id and the province's code, never random or timed. */
export function sessionUid(planId: string, code: string): string {
  const suffix = `-${code}@taphuan`;
  const budget = 202 - Buffer.byteLength(suffix);
  let id = planId;
  while (Buffer.byteLength(id) > budget) id = id.slice(0, -1);
  return `${id}${suffix}`;
}

/** NFC, no control characters but line breaks (which iCal text escapes). */
export function cleanText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, "");
}

/** RFC 5545 + RFC 6868 parameter value: always quoted, ^ → ^^, " → ^', newline → ^n. */
export function quoteParam(value: string): string {
  return `"${cleanText(value).replace(/\^/g, "^^").replace(/"/g, "^'").replace(/\n/g, "^n")}"`;
}

function escapeText(text: string): string {
  return cleanText(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** Folds one content line at 75 octets, between graphemes only; continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const { segment } of segmenter.segment(line)) {
    const bytes = Buffer.byteLength(segment);
    if (size + bytes > limit && current) {
      parts.push(current);
      current = "";
      size = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    current += segment;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utcParts(iso: string): [number, number, number, number, number] {
  const t = DateTime.fromISO(iso, { setZone: true }).toUTC();
  return [t.year, t.month, t.day, t.hour, t.minute];
}

interface EventInput {
  readonly session: Session;
  readonly sequence: number;
  readonly status?: "CONFIRMED" | "CANCELLED";
  readonly withAttendees: boolean;
}

/** ics takes DTSTAMP as `timestamp` (else it uses the clock) but its types omit the field. */
type EventWithStamp = EventAttributes & { timestamp: number };

function eventAttributes(plan: Plan, schedule: Schedule, input: EventInput, lang: Lang, names: string[]): EventWithStamp {
  const { session } = input;
  const labels = LABELS[lang];
  const province = plan.provinces.find((p) => p.record.code === session.code);
  const { start, end } = plan.calendar.times(session.date, session.halfDay);
  const trainers = session.trainers.map((id) => plan.trainers.find((t) => t.id === id));
  const hours = plan.data.campaign.halfDays[session.halfDay];
  const description = [
    `${labels.cluster}: ${session.cluster}`,
    `${labels.halfDay(labels[session.halfDay])} (${hours.start}–${hours.end})`,
    `${labels.trainers}: ${session.trainers.map((id, i) => (trainers[i] ? `${id} (${trainers[i]!.organisation})` : id)).join(", ")}`,
    labels.bridge(session.province),
  ].join("\n");
  // ics writes names as CN="…" with its own escaping: hand it placeholders, then put RFC 6868 values in.
  const placeholder = (name: string) => {
    names.push(name);
    return `@@cn${names.length - 1}@@`;
  };
  const organizer = plan.data.campaign.organizer;
  const attendees = input.withAttendees
    ? trainers.flatMap((t) => (t?.email ? [{ name: placeholder(t.id), email: t.email, rsvp: true, role: "REQ-PARTICIPANT" as const, partstat: "NEEDS-ACTION" as const }] : []))
    : [];
  return {
    uid: sessionUid(schedule.planId, session.code ?? province?.record.code ?? session.id),
    sequence: input.sequence,
    timestamp: DateTime.fromISO(schedule.generatedAt, { setZone: true }).toMillis(),
    start: utcParts(start.toISO()!),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcParts(end.toISO()!),
    endInputType: "utc",
    endOutputType: "utc",
    // Pre-cleaned here; ics escapes \ ; , and newlines itself in these three.
    title: cleanText(labels.summary(session.province)),
    location: cleanText([province?.venue, session.province].filter(Boolean).join(", ")),
    description: cleanText(description),
    categories: [escapeText(session.cluster)],
    status: input.status ?? "CONFIRMED",
    ...(organizer ? { organizer: { name: placeholder(organizer.name), email: organizer.email } } : {}),
    ...(attendees.length ? { attendees } : {}),
  };
}

function render(events: EventWithStamp[], header: HeaderAttributes, names: readonly string[]): string {
  const { error, value } = createEvents(events, header);
  if (error || !value) throw new Error(`ics could not build the calendar: ${error?.message ?? "no output"}`);
  const unfolded = value.replace(/\r\n[ \t]/g, "");
  const lines = unfolded
    .split("\r\n")
    // ics adds METHOD:PUBLISH when none is asked for; a feed for import or subscription has none.
    .filter((line) => line !== "" && !line.startsWith("X-PUBLISHED-TTL") && (header.method !== undefined || !line.startsWith("METHOD:")))
    .map((line) =>
      line
        .normalize("NFC")
        .replace(/"@@cn(\d+)@@"/g, (_, i: string) => quoteParam(names[Number(i)]!))
        // Enumerated parameters are tokens; ics quotes them, which some clients refuse.
        .replace(/;(ROLE|PARTSTAT|CUTYPE)="([A-Z-]+)"/g, ";$1=$2"),
    );
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** The whole campaign as one feed, without METHOD: for import or subscription. */
export function scheduleFeed(plan: Plan, schedule: Schedule, options: IcsOptions = {}): string {
  const lang = options.lang ?? "vi";
  const names: string[] = [];
  const events = schedule.sessions.map((session) => eventAttributes(plan, schedule, { session, sequence: session.sequence, withAttendees: true }, lang, names));
  return render(events, { productId: PRODUCT_ID, calName: cleanText(plan.data.campaign.title) }, names);
}

/** A meeting request for one session (METHOD:REQUEST), with the organizer and the trainers as attendees. */
export function sessionRequest(plan: Plan, schedule: Schedule, session: Session, options: IcsOptions = {}): string {
  const names: string[] = [];
  const event = eventAttributes(plan, schedule, { session, sequence: session.sequence, withAttendees: true }, options.lang ?? "vi", names);
  return render([event], { productId: PRODUCT_ID, method: "REQUEST" }, names);
}

/** A cancellation of a session a re-plan removes (METHOD:CANCEL, STATUS:CANCELLED, a higher SEQUENCE). */
export function sessionCancel(plan: Plan, schedule: Schedule, session: Session, options: IcsOptions = {}): string {
  const names: string[] = [];
  const event = eventAttributes(plan, schedule, { session, sequence: session.sequence + 1, status: "CANCELLED", withAttendees: true }, options.lang ?? "vi", names);
  return render([event], { productId: PRODUCT_ID, method: "CANCEL" }, names);
}
