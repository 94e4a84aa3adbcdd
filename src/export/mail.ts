/**
 * Invitation e-mails (iMIP, RFC 6047): one message per trainer and session, multipart/alternative
 * with a plain text and `text/calendar; method=REQUEST` (or CANCEL), which Outlook shows with
 * Accept/Decline. One session per message: an iTIP REQUEST carries one event (one UID).
 * Built with nodemailer's MailComposer; boundary, Message-ID and Date come from the schedule, so the
 * same schedule gives the same bytes.
 */
import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import type { Plan, Trainer } from "../model/plan.ts";
import type { Schedule, Session } from "../model/schedule.ts";
import { cleanText, sessionDescription } from "./ics.ts";
import { provinceName } from "./names.ts";
import { LABELS, officialDay, type Lang } from "../words/labels.ts";
import { MAIL_WORDS } from "../words/documents.ts";

/**
 * A first invitation (also to a trainer added to a session that was already planned), an update
 * to the trainers who had it, a session cancelled, or an invitation withdrawn from a trainer taken
 * off a session that goes on.
 */
export type MessageKind = "request" | "update" | "cancel" | "withdrawn";

const TEXT_OF = { request: "invited", update: "changed", cancel: "cancelled", withdrawn: "withdrawnText" } as const;

/** ASCII file name of a trainer: "Doanh nghiệp-3" → "doanh-nghiep-3" (the plan refuses two trainers with one). */
export { fileSlug as trainerSlug } from "../model/file-names.ts";

/** The .eml of one invitation (or cancellation) for one trainer, with `calendar` as its iMIP part. */
export async function invitationMessage(plan: Plan, schedule: Schedule, session: Session, trainer: Trainer, kind: MessageKind, calendar: string, lang: Lang): Promise<string> {
  const words = MAIL_WORDS[lang];
  const organizer = plan.data.campaign.organizer!;
  const day = `${officialDay(session.date, lang)}, ${LABELS[lang][session.halfDay].toLowerCase()}`;
  // NFC, as the calendar part is: a title typed in decomposed form must not reach a mail client so.
  const subject = cleanText(words[kind](plan.data.campaign.title, provinceName(plan, session), day)).replace(/\n/g, " ");
  const cancels = kind === "cancel" || kind === "withdrawn";
  const text = [
    words.greeting(trainer.id),
    "",
    words[TEXT_OF[kind]],
    "",
    sessionDescription(plan, session, lang),
    ...(cancels ? [] : ["", words.accept]),
    "",
    organizer.name,
  ].join("\n");
  const body = cleanText(text);
  const seed = createHash("sha256").update(`${schedule.planId}|${schedule.version}|${session.id}|${trainer.id}|${kind}`).digest("hex");
  const composer = new MailComposer({
    from: { name: organizer.name.normalize("NFC"), address: organizer.email },
    to: { name: trainer.id.normalize("NFC"), address: trainer.email! },
    subject,
    text: body,
    icalEvent: { method: cancels ? "CANCEL" : "REQUEST", content: calendar },
    messageId: `<${seed.slice(0, 24)}@taphuan>`,
    date: new Date(schedule.generatedAt),
    baseBoundary: seed.slice(24, 40),
  } as ConstructorParameters<typeof MailComposer>[0]);
  const built = await composer.compile().build();
  return built.toString("utf8");
}
