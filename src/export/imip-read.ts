/**
 * Reading an iMIP message (RFC 6047) — taphuan's own invitations before they are sent, and the
 * replies trainers' calendars send back — with mailparser: its addresses, and the iTIP calendar
 * it carries, read by src/export/ical-read.ts. Clients put the calendar in a text/calendar part
 * (Outlook in multipart/alternative, Thunderbird too plus an application/ics copy, Apple Calendar
 * as a part of its own, often with a name); the text/calendar part with a METHOD wins, then any
 * calendar attachment.
 */
import { simpleParser, type AddressObject, type Attachment } from "mailparser";
import { componentsNamed, parseCalendar, property, type Component } from "./ical-read.ts";

export interface MailAddress {
  readonly address: string;
  readonly name: string;
}

export interface ImipMessage {
  readonly messageId?: string;
  readonly subject?: string;
  readonly from?: MailAddress;
  readonly to: readonly MailAddress[];
  /** The iTIP METHOD (REQUEST, REPLY, COUNTER, CANCEL …), from the calendar, else from the part's Content-Type. */
  readonly method?: string;
  /** The VCALENDAR carried (for its VTIMEZONEs), and its VEVENTs. */
  readonly calendar?: Component;
  readonly events: readonly Component[];
}

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const flatten = (list: readonly { address?: string | undefined; name: string; group?: unknown }[]): MailAddress[] =>
    list.flatMap((a) => (a.group ? flatten(a.group as typeof list) : a.address ? [{ address: a.address.toLowerCase(), name: a.name }] : []));
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => flatten(f.value));
}

function isCalendar(part: Attachment): boolean {
  return /^(text\/calendar|application\/ics)$/i.test(part.contentType) || /\.ics$/i.test(part.filename ?? "");
}

function contentTypeParams(part: Attachment): Record<string, string> {
  const type = part.headers.get("content-type") as { params?: Record<string, string> } | string | undefined;
  return typeof type === "object" && type?.params ? type.params : {};
}

/** The part's text in its charset (iCalendar's default, and nearly always, UTF-8). */
function decode(part: Attachment): string {
  const charset = contentTypeParams(part)["charset"] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(part.content);
  } catch {
    return new TextDecoder("utf-8").decode(part.content);
  }
}

export async function readImip(raw: string | Buffer): Promise<ImipMessage> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const parts = mail.attachments.filter(isCalendar);
  const withMethod = parts.filter((p) => /^text\/calendar$/i.test(p.contentType) && contentTypeParams(p)["method"]);
  const chosen = withMethod[0] ?? parts.find((p) => /^text\/calendar$/i.test(p.contentType)) ?? parts[0];
  const from = addresses(mail.from)[0];
  const base = { ...(mail.messageId ? { messageId: mail.messageId } : {}), ...(mail.subject !== undefined ? { subject: mail.subject } : {}), ...(from ? { from } : {}), to: addresses(mail.to) };
  if (!chosen) return { ...base, events: [] };
  const calendar = componentsNamed(parseCalendar(decode(chosen)), "VCALENDAR")[0];
  const method = (calendar && property(calendar, "METHOD")?.value.trim()) || contentTypeParams(chosen)["method"];
  return { ...base, ...(method ? { method: method.toUpperCase() } : {}), ...(calendar ? { calendar } : {}), events: calendar ? calendar.components.filter((c) => c.name === "VEVENT") : [] };
}
