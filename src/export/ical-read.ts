/**
 * A small iCalendar reader (RFC 5545) for what taphuan reads back: its own meeting requests, and
 * the replies trainers' calendars send (iMIP REPLY and COUNTER). It reads the structure (components
 * and content lines, unfolded, with parameters quoted or not and RFC 6868's ^-escapes) and, on
 * request, a few values: text, calendar addresses, DATE-TIMEs in UTC, in a zone (IANA, or one a
 * VTIMEZONE defines, as Outlook writes "SE Asia Standard Time") or floating. What it does not
 * understand it keeps as text, and a line it cannot read it skips: a reply from a client with its
 * own habits should still be read for the few properties that matter.
 */
import { DateTime, FixedOffsetZone, IANAZone } from "luxon";

export interface Property {
  /** Upper case, e.g. ATTENDEE. */
  readonly name: string;
  /** By upper-case name; each value unquoted and its RFC 6868 escapes decoded. */
  readonly params: Readonly<Record<string, readonly string[]>>;
  /** As written (escapes of TEXT values kept: see `textValue`). */
  readonly value: string;
}

export interface Component {
  /** Upper case, e.g. VEVENT. */
  readonly name: string;
  readonly properties: readonly Property[];
  readonly components: readonly Component[];
}

/**
 * Unfolds (RFC 5545 §3.1: a line break followed by one space or tab is removed; a bare LF, as
 * some mail paths leave it, counts as a line break) and reads every component of `text`; the
 * top-level ones (usually one VCALENDAR) are returned.
 */
export function parseCalendar(text: string): Component[] {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  interface Open {
    name: string;
    properties: Property[];
    components: Component[];
  }
  const top: Component[] = [];
  const stack: Open[] = [];
  const close = () => {
    const done = stack.pop()!;
    (stack.length ? stack[stack.length - 1]!.components : top).push(done);
  };
  for (const line of lines) {
    if (line.trim() === "") continue;
    const property = contentLine(line);
    if (!property) continue;
    if (property.name === "BEGIN") stack.push({ name: property.value.trim().toUpperCase(), properties: [], components: [] });
    else if (property.name === "END") {
      // An END closes the component it names, and any left open inside it; a stray END is skipped.
      const at = stack.map((c) => c.name).lastIndexOf(property.value.trim().toUpperCase());
      if (at >= 0) while (stack.length > at) close();
    } else if (stack.length) stack[stack.length - 1]!.properties.push(property);
  }
  while (stack.length) close();
  return top;
}

/** One unfolded content line: NAME *(;PARAM=VALUE[,VALUE]) : VALUE, quoted values may hold ; : and ,. */
export function contentLine(line: string): Property | undefined {
  const nameMatch = /^([A-Za-z0-9-]+)/.exec(line);
  if (!nameMatch) return undefined;
  const name = nameMatch[1]!.toUpperCase();
  const params: Record<string, string[]> = {};
  let at = name.length;
  while (line[at] === ";") {
    const paramMatch = /^([A-Za-z0-9-]+)=/.exec(line.slice(at + 1));
    if (!paramMatch) return undefined;
    at += 1 + paramMatch[0].length;
    const values: string[] = [];
    for (;;) {
      if (line[at] === '"') {
        const end = line.indexOf('"', at + 1);
        if (end < 0) return undefined;
        values.push(caretDecode(line.slice(at + 1, end)));
        at = end + 1;
      } else {
        let end = at;
        while (end < line.length && !",;:".includes(line[end]!)) end++;
        values.push(caretDecode(line.slice(at, end)));
        at = end;
      }
      if (line[at] !== ",") break;
      at++;
    }
    (params[paramMatch[1]!.toUpperCase()] ??= []).push(...values);
  }
  if (line[at] !== ":") return undefined;
  return { name, params, value: line.slice(at + 1) };
}

/** RFC 6868: ^n a line break, ^' a double quote, ^^ a caret; any other ^ stays. */
function caretDecode(value: string): string {
  return value.replace(/\^(n|N|'|\^)/g, (_, c: string) => (c === "^" ? "^" : c === "'" ? '"' : "\n"));
}

export function properties(component: Component, name: string): Property[] {
  return component.properties.filter((p) => p.name === name.toUpperCase());
}

export function property(component: Component, name: string): Property | undefined {
  return component.properties.find((p) => p.name === name.toUpperCase());
}

export function param(prop: Property, name: string): string | undefined {
  return prop.params[name.toUpperCase()]?.[0];
}

/** Every component named `name`, at any depth. */
export function componentsNamed(components: readonly Component[], name: string): Component[] {
  return components.flatMap((c) => [...(c.name === name.toUpperCase() ? [c] : []), ...componentsNamed(c.components, name)]);
}

/** A TEXT value with its escapes undone (\n, \, \; \\). */
export function textValue(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** A CAL-ADDRESS as an e-mail address: "MAILTO:A@Example.org" → "a@example.org". */
export function mailAddress(value: string): string {
  return value.trim().replace(/^mailto:/i, "").toLowerCase();
}

/** An INTEGER value (SEQUENCE), or undefined when it is not one. */
export function integerValue(prop: Property | undefined): number | undefined {
  if (!prop || !/^\s*[+-]?\d+\s*$/.test(prop.value)) return undefined;
  return Number(prop.value);
}

/**
 * A DATE-TIME (or DATE) property as an instant: UTC ("…Z"), in its TZID — an IANA zone, with the
 * "/mozilla.org/…/" prefix old Thunderbirds write, or one of the calendar's VTIMEZONEs — or
 * floating, in `floatingZone`. A DATE is the start of that day in `floatingZone`.
 */
export function dateTimeValue(prop: Property, calendar: Component, floatingZone: string): DateTime | undefined {
  const value = prop.value.trim();
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (date || param(prop, "VALUE")?.toUpperCase() === "DATE") {
    if (!date) return undefined;
    const day = DateTime.fromObject({ year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) }, { zone: floatingZone });
    return day.isValid ? day : undefined;
  }
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/i.exec(value);
  if (!match) return undefined;
  const fields = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: Number(match[4]), minute: Number(match[5]), second: Number(match[6]) };
  const tzid = param(prop, "TZID");
  const zone = match[7] ? "UTC" : tzid ? zoneOf(tzid, calendar, fields) : floatingZone;
  if (!zone) return undefined;
  const instant = DateTime.fromObject(fields, { zone });
  return instant.isValid ? instant : undefined;
}

type LocalFields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function zoneOf(tzid: string, calendar: Component, local: LocalFields): string | FixedOffsetZone | undefined {
  const iana = [tzid, tzid.replace(/^\/?(mozilla\.org\/[^/]+\/)?/, "")].find((name) => IANAZone.isValidZone(name));
  if (iana) return iana;
  const timezone = componentsNamed([calendar], "VTIMEZONE").find((z) => property(z, "TZID")?.value === tzid);
  const offset = timezone ? offsetIn(timezone, local) : undefined;
  return offset === undefined ? undefined : FixedOffsetZone.instance(offset);
}

/** "+0700" → 420 (minutes). */
function utcOffset(value: string | undefined): number | undefined {
  const match = value ? /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value.trim()) : null;
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : undefined;
}

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/**
 * The offset a VTIMEZONE gives at a local time: the observance (STANDARD or DAYLIGHT) with the
 * latest onset before it. Onsets follow a yearly RRULE by month and weekday (BYMONTH=3;BYDAY=-1SU,
 * as every client writes them), else the observance's DTSTART; anything else falls back to the
 * first observance's offset.
 */
function offsetIn(timezone: Component, local: LocalFields): number | undefined {
  const observances = timezone.components.filter((c) => c.name === "STANDARD" || c.name === "DAYLIGHT");
  const at = DateTime.fromObject(local, { zone: "UTC" });
  let best: { onset: DateTime; offset: number } | undefined;
  for (const observance of observances) {
    const offset = utcOffset(property(observance, "TZOFFSETTO")?.value);
    const start = property(observance, "DTSTART") && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(property(observance, "DTSTART")!.value.trim());
    if (offset === undefined || !start) continue;
    const first = DateTime.fromObject({ year: Number(start[1]), month: Number(start[2]), day: Number(start[3]), hour: Number(start[4]), minute: Number(start[5]), second: Number(start[6]) }, { zone: "UTC" });
    const rule = Object.fromEntries((property(observance, "RRULE")?.value ?? "").split(";").map((part) => part.split("=") as [string, string]));
    const onsets: DateTime[] = [first];
    const byDay = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(rule["BYDAY"] ?? "");
    if (rule["FREQ"] === "YEARLY" && rule["BYMONTH"] && byDay) {
      for (const year of [local.year - 1, local.year]) {
        const onset = nthWeekday(year, Number(rule["BYMONTH"]), WEEKDAYS.indexOf(byDay[2]!) + 1, Number(byDay[1] ?? 1)).set({ hour: first.hour, minute: first.minute, second: first.second });
        if (onset >= first) onsets.push(onset);
      }
    }
    for (const onset of onsets) if (onset <= at && (!best || onset > best.onset)) best = { onset, offset };
  }
  return best?.offset ?? utcOffset(property(observances[0] ?? timezone, "TZOFFSETTO")?.value);
}

/** The n-th (from the end when negative) ISO weekday of a month, at midnight UTC. */
function nthWeekday(year: number, month: number, weekday: number, n: number): DateTime {
  if (n > 0) {
    const first = DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" });
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
  }
  const last = DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" }).endOf("month").startOf("day");
  return last.minus({ days: ((last.weekday - weekday + 7) % 7) + 7 * (-n - 1) });
}
