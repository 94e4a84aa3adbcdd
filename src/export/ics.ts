/**
 * iCalendar output, generated with `ics` and corrected where it falls short of RFC 5545 and of
 * what Outlook accepts:
 * - times in UTC, given to ics as instants (its `local` date arrays would depend on the machine's zone);
 * - lines folded at 75 octets (ics counts characters), never inside a UTF-8 sequence nor inside a
 *   grapheme (a letter and its combining marks stay together); text in NFC; CRLF everywhere;
 * - control characters removed; CN parameters quoted per RFC 6868 (ics writes \" for a quote);
 * - CATEGORIES escaped (ics joins them raw).
 */
import { createEvents, type EventAttributes, type HeaderAttributes } from "ics";
import { DateTime } from "luxon";
import type { Plan } from "../model/plan.ts";
import type { Schedule, Session } from "../model/schedule.ts";
import { LABELS, officialDay, type Lang } from "../words/labels.ts";
import { provinceName, roleLabel, trainersByRole } from "./names.ts";

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
  // A tab between words is a space to a reader: dropping it would glue the words together.
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
}

/** RFC 5545 + RFC 6868 parameter value: always quoted, ^ → ^^, " → ^', newline → ^n. */
export function quoteParam(value: string): string {
  return `"${cleanText(value).replace(/\^/g, "^^").replace(/"/g, "^'").replace(/\n/g, "^n")}"`;
}

function escapeText(text: string): string {
  return cleanText(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

const segmenter = new Intl.Segmenter("vi", { granularity: "grapheme" });

/** UTF-8 length of one code point. */
function utf8Bytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets, between graphemes only; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  // Graphemes are looked up only where a line is cut: segmenting every line whole was most of the export's time.
  const graphemes = segmenter.segment(line);
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < line.length) {
    let end = start;
    let size = 0;
    while (end < line.length) {
      const codePoint = line.codePointAt(end)!;
      if (size + utf8Bytes(codePoint) > limit) break;
      size += utf8Bytes(codePoint);
      end += codePoint > 0xffff ? 2 : 1;
    }
    if (end < line.length) {
      // The grapheme that does not fit goes to the next line whole; one longer than a line stays whole here.
      const straddling = graphemes.containing(end)!;
      end = straddling.index > start ? straddling.index : straddling.index + straddling.segment.length;
    }
    parts.push(line.slice(start, end));
    start = end;
    limit = 74; // the leading space of a continuation line is one of its 75 octets
  }
  return parts.join("\r\n ");
}

interface EventInput {
  readonly session: Session;
  readonly sequence: number;
  /**
   * A CANCEL of the whole session (STATUS:CANCELLED) or of some attendees only, the session going
   * on (no STATUS at all: RFC 5546 §3.2.5); neither has a reminder. Otherwise CONFIRMED.
   */
  readonly cancel?: "session" | "attendees";
  /** Trainer ids invited (REQUEST) or told (CANCEL); none in a published feed (RFC 5546 §3.2.1). */
  readonly attendees: readonly string[];
  readonly rsvp: boolean;
  /** A line added to the description (a trainer's own calendar: the trip to this session). */
  readonly extra?: string;
}

/** ics takes DTSTAMP as `timestamp` (else it uses the clock) but its types omit the field. */
type EventWithStamp = EventAttributes & { timestamp: number };

export { rolesOf } from "./names.ts";

function contactLine(contact: { name: string; phone?: string | undefined; email?: string | undefined }): string {
  return [contact.name, contact.phone, contact.email].filter(Boolean).join(", ");
}

/** What a trainer needs to know, from the plan's own fields: where, when (local time), who does what, whom to call. */
export function sessionDescription(plan: Plan, session: Session, lang: Lang, extra?: string): string {
  const labels = LABELS[lang];
  const province = plan.index.province(session.code);
  const hours = plan.data.campaign.halfDays[session.halfDay];
  // A line per role, named by the plan's label: a label may itself hold commas ("Chủ trương, chính sách").
  const trainers = trainersByRole(plan, session)
    .filter((r) => r.trainers.length)
    .map(({ role, trainers: ids }) => `– ${roleLabel(plan, role, lang)}: ${ids.map((id) => {
      const organisation = plan.index.trainer(id)?.organisation;
      return organisation ? `${id} (${organisation})` : id;
    }).join("; ")}`);
  const contact = plan.data.campaign.contact;
  return [
    `${labels.province}: ${provinceName(plan, session)} — ${labels.cluster}: ${session.cluster}`,
    ...(province?.venue ? [`${labels.venue}: ${province.venue}`] : []),
    labels.time(officialDay(session.date, lang), labels[session.halfDay], hours.start, hours.end, plan.calendar.times(session.date, session.halfDay).start.toFormat("'UTC'Z")),
    `${labels.trainers}:`,
    ...trainers,
    ...(contact ? [`${labels.contact}: ${contactLine(contact)}`] : []),
    ...(province?.focal ? [`${labels.focal}: ${contactLine(province.focal)}`] : []),
    ...(extra ? [extra] : []),
  ].join("\n");
}

function eventAttributes(plan: Plan, schedule: Schedule, input: EventInput, lang: Lang, names: string[]): EventWithStamp {
  const { session } = input;
  const labels = LABELS[lang];
  const province = plan.index.province(session.code);
  const { start, end } = plan.calendar.times(session.date, session.halfDay);
  const where = provinceName(plan, session);
  // ics writes names as CN="…" with its own escaping: hand it placeholders, then put RFC 6868 values in.
  const placeholder = (name: string) => {
    names.push(name);
    return `@@cn${names.length - 1}@@`;
  };
  const organizer = plan.data.campaign.organizer;
  const attendees = input.attendees.flatMap((id) => {
    const trainer = plan.index.trainer(id);
    return trainer?.email ? [{ name: placeholder(trainer.id), email: trainer.email, ...(input.rsvp ? { rsvp: true } : {}), role: "REQ-PARTICIPANT" as const, partstat: "NEEDS-ACTION" as const }] : [];
  });
  const reminder = plan.data.campaign.reminderMinutes;
  return {
    uid: sessionUid(schedule.planId, session.code ?? province?.record.code ?? session.id),
    sequence: input.sequence,
    timestamp: DateTime.fromISO(schedule.generatedAt, { setZone: true }).toMillis(),
    // Instants, not date arrays: nothing depends on the machine's zone, and ics validates a number
    // with one schema where a date array costs it six per element.
    start: start.toMillis(),
    startOutputType: "utc",
    end: end.toMillis(),
    endOutputType: "utc",
    // Pre-cleaned here; ics escapes \ ; , and newlines itself in these three.
    title: cleanText(`${plan.data.campaign.title} – ${where}`),
    location: cleanText([province?.venue, where].filter(Boolean).join(", ")),
    description: cleanText(sessionDescription(plan, session, lang, input.extra)),
    categories: [escapeText(session.cluster)],
    ...(input.cancel === "attendees" ? {} : { status: input.cancel === "session" ? ("CANCELLED" as const) : ("CONFIRMED" as const) }),
    ...(organizer ? { organizer: { name: placeholder(organizer.name), email: organizer.email } } : {}),
    ...(attendees.length ? { attendees } : {}),
    // In minutes alone: ics writes "P1DT" for a whole day, which RFC 5545 does not allow ("PT1440M" it does).
    ...(reminder > 0 && input.cancel === undefined ? { alarms: [{ action: "display" as const, description: cleanText(labels.reminder(where)), trigger: { minutes: reminder, before: true } }] } : {}),
  };
}

/**
 * How often a subscribed feed is fetched again: RFC 7986's REFRESH-INTERVAL, and X-PUBLISHED-TTL,
 * which Outlook reads instead. Six hours: a re-plan reaches subscribers the same day, and a server
 * is not asked every hour for a calendar that changes a few times a month.
 */
const FEED_REFRESH = "PT6H";

function render(events: EventWithStamp[], header: HeaderAttributes, names: readonly string[]): string {
  const { error, value } = createEvents(events, header);
  if (error || !value) throw new Error(`ics could not build the calendar: ${error?.message ?? "no output"}`);
  const unfolded = value.replace(/\r\n[ \t]/g, "");
  const feed = header.method === undefined;
  const lines = unfolded
    .split("\r\n")
    // ics adds METHOD:PUBLISH when none is asked for; a feed for import or subscription has none.
    .filter((line) => line !== "" && (!feed || !line.startsWith("METHOD:")))
    // ics always writes X-PUBLISHED-TTL:PT1H: a feed gets its own refresh interval, a message (REQUEST, CANCEL) none.
    .flatMap((line) => (!line.startsWith("X-PUBLISHED-TTL") ? [line] : feed ? [`REFRESH-INTERVAL;VALUE=DURATION:${FEED_REFRESH}`, `X-PUBLISHED-TTL:${FEED_REFRESH}`] : []))
    .map((line) =>
      line
        .normalize("NFC")
        .replace(/"@@cn(\d+)@@"/g, (_, i: string) => quoteParam(names[Number(i)]!))
        // Enumerated parameters are tokens; ics quotes them, which some clients refuse.
        .replace(/;(ROLE|PARTSTAT|CUTYPE)="([A-Z-]+)"/g, ";$1=$2"),
    );
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

/** The whole campaign as one published feed, without METHOD and without attendees: for import or subscription. */
export function scheduleFeed(plan: Plan, schedule: Schedule, options: IcsOptions = {}): string {
  const lang = options.lang ?? "vi";
  const names: string[] = [];
  const events = schedule.sessions.map((session) => eventAttributes(plan, schedule, { session, sequence: session.sequence, attendees: [], rsvp: false }, lang, names));
  return render(events, { productId: PRODUCT_ID, calName: escapeText(plan.data.campaign.title) }, names);
}

/** One trainer's sessions as a published calendar, each with the trip from the trainer's previous session (or home). */
export function trainerCalendar(plan: Plan, schedule: Schedule, trainerId: string, options: IcsOptions = {}): string {
  const lang = options.lang ?? "vi";
  const labels = LABELS[lang];
  const trainer = plan.index.trainer(trainerId);
  const own = schedule.sessions.filter((s) => s.trainers.includes(trainerId));
  const recordOf = (s: Session) => plan.index.province(s.code)?.record;
  const names: string[] = [];
  const events = own.map((session, i) => {
    const from = i === 0 ? trainer?.home : recordOf(own[i - 1]!);
    const here = recordOf(session);
    const extra = from && here && from.code !== here.code ? labels.travelFrom(i === 0 ? from.name : provinceName(plan, own[i - 1]!), plan.travel.hours(from, here)) : i === 0 ? labels.firstSession : undefined;
    return eventAttributes(plan, schedule, { session, sequence: session.sequence, attendees: [], rsvp: false, ...(extra ? { extra } : {}) }, lang, names);
  });
  return render(events, { productId: PRODUCT_ID, calName: escapeText(`${plan.data.campaign.title} – ${trainerId}`) }, names);
}

/** A meeting request for one session (METHOD:REQUEST), with the organizer and the trainers as attendees. */
export function sessionRequest(plan: Plan, schedule: Schedule, session: Session, options: IcsOptions = {}): string {
  const names: string[] = [];
  const event = eventAttributes(plan, schedule, { session, sequence: session.sequence, attendees: session.trainers, rsvp: true }, options.lang ?? "vi", names);
  return render([event], { productId: PRODUCT_ID, method: "REQUEST" }, names);
}

/**
 * A cancellation (METHOD:CANCEL, no RSVP), as RFC 5546 §3.2.5 has it: of a session a re-plan
 * removes, with STATUS:CANCELLED, sent to all its trainers with a higher SEQUENCE; or, for trainers
 * taken off a session that goes on (an invitation withdrawn), to them alone at the session's new
 * SEQUENCE and without STATUS — a STATUS:CANCELLED there would tell a client the session itself is off.
 */
export function sessionCancel(plan: Plan, schedule: Schedule, session: Session, options: IcsOptions & { readonly trainers?: readonly string[] } = {}): string {
  const names: string[] = [];
  const removedSession = options.trainers === undefined;
  const event = eventAttributes(
    plan,
    schedule,
    { session, sequence: removedSession ? session.sequence + 1 : session.sequence, cancel: removedSession ? "session" : "attendees", attendees: options.trainers ?? session.trainers, rsvp: false },
    options.lang ?? "vi",
    names,
  );
  return render([event], { productId: PRODUCT_ID, method: "CANCEL" }, names);
}
