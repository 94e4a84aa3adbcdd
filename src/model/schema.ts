/**
 * The plan file as a planner writes it (YAML), described with zod. Only the shape and the values
 * that can be judged alone are checked here; rules that link fields (a province in two clusters, an
 * unknown role) are checked in `plan.ts`, with the registry at hand.
 */
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import type { SchemaMessageId } from "../words/validation.ts";

/** A refusal is named by its id; the loader words it in the reader's language (src/words/validation.ts). */
const say = (id: SchemaMessageId): string => id;

const Email = z.email({ error: say("email") });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD; 2022-09-31 is refused with the month's length. */
export const DateString = z
  .string({ error: say("date-type") })
  .regex(ISO_DATE, { error: say("date-format") })
  .superRefine((value, ctx) => {
    if (!ISO_DATE.test(value)) return;
    const date = DateTime.fromISO(value, { zone: "UTC" });
    if (!date.isValid) {
      const [year, month, day] = value.split("-").map(Number) as [number, number, number];
      const monthLength = month >= 1 && month <= 12 ? DateTime.utc(year, month, 1).daysInMonth : undefined;
      // The facts go with the issue, so the refusal is worded in the reader's language.
      ctx.addIssue({ code: "custom", message: say(monthLength === undefined ? "no-such-month" : "no-such-day"), params: { year, month, day, ...(monthLength ? { monthLength } : {}) } });
    }
  });

export const HalfDayName = z.enum(["morning", "afternoon"], { error: say("half-day-name") });
export type HalfDayName = z.infer<typeof HalfDayName>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: say("time") });
const TimeRange = z.object({ start: Time, end: Time }).strict();

const DateRangeObject = z.object({ from: DateString, to: DateString, halfDay: HalfDayName.optional() }).strict();
const SingleDateObject = z.object({ date: DateString, halfDay: HalfDayName.optional() }).strict();

/** A date, a `{ date, halfDay? }`, or a `{ from, to, halfDay? }` range. */
export const DateSelector = z.union([DateString, SingleDateObject, DateRangeObject], {
  error: say("date-selector"),
});
export type DateSelector = z.infer<typeof DateSelector>;

const Window = z.object({ from: DateString, to: DateString }).strict();

const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], {
  error: say("weekday"),
});
export type Weekday = z.infer<typeof Weekday>;

const RoleName = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: say("role-name") });

const Count = (unit: "minutes" | "working-days" | "concurrent" | "daily" | "weekly" | "per-session") => z.number({ error: `${say("whole-number")}:${unit}` }).int({ error: `${say("whole-number")}:${unit}` });

/** A person or desk to call: a role label or an office, with a phone and an e-mail address. */
export const Contact = z.object({ name: z.string().min(1), phone: z.string().regex(/^[0-9 .+()-]{6,20}$/, { error: say("phone") }).optional(), email: Email.optional() }).strict();

export type ContactData = z.infer<typeof Contact>;

export const CampaignSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: say("plan-id") }),
    title: z.string().min(1),
    period: Window,
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), { error: say("time-zone") })
      .default("Asia/Ho_Chi_Minh"),
    halfDays: z
      .object({ morning: TimeRange, afternoon: TimeRange })
      .strict()
      .default({ morning: { start: "08:00", end: "11:30" }, afternoon: { start: "13:30", end: "17:00" } }),
    workingDays: z.array(Weekday).min(1).default(["mon", "tue", "wed", "thu", "fri"]),
    holidays: z.array(DateString).default([]),
    registry: z.enum(["vn-63", "vn-34"], { error: say("registry") }),
    organizer: z.object({ name: z.string().min(1), email: Email }).strict().optional(),
    /** Who trainers and provinces call (the letter names one, with a phone number). */
    contact: Contact.optional(),
    /** The letter the schedule is appended to: "(Kèm theo Công văn số {number} ngày … của {issuer})". */
    document: z.object({ number: z.string().min(1).optional(), issuer: z.string().min(1).optional(), date: DateString.optional() }).strict().optional(),
    /** A calendar reminder this many minutes before each session (0: none). */
    reminderMinutes: Count("minutes").min(0, { error: say("zero-or-more") }).max(20_160, { error: say("reminder-max") }).default(1440),
    /** When the plan was issued (ISO date-time); the schedule's generation time, so exports are reproducible. */
    issued: z.iso.datetime({ offset: true, error: say("issued") }).optional(),
    /** Working days between `issued` and the first session (default 5, the 2022 letter's own practice). */
    noticeDays: Count("working-days").min(0, { error: say("zero-or-more") }).max(60, { error: say("notice-max") }).optional(),
    /**
     * Re-planning: a session moved, re-staffed or newly placed lies at least this many working days
     * after `today` (default 2: a working day in between to tell the province and its trainers; 0: any later day).
     */
    replanNoticeDays: Count("working-days").min(0, { error: say("zero-or-more") }).max(30, { error: say("replan-notice-max") }).optional(),
    /** At most this many sessions at the same half-day nationwide (e.g. the online bridge's capacity). */
    maxConcurrentSessions: Count("concurrent").min(1, { error: say("at-least-one") }).optional(),
    /** At most this many sessions on the same day nationwide (what the organiser can chair in a day). */
    maxDailySessions: Count("daily").min(1, { error: say("at-least-one") }).optional(),
  })
  .strict();

export const TravelSchema = z
  .object({
    roadSpeedKmh: z.number().positive({ error: say("speed-positive") }).max(200, { error: say("speed-max") }).default(50),
    /** Road distance ÷ straight-line distance. */
    roadFactor: z.number().min(1, { error: say("road-factor") }).default(1.3),
    /** Beyond this straight-line distance trainers fly; door to door takes `flightHours`. */
    flightThresholdKm: z.number().positive().default(500),
    flightHours: z.number().positive().default(5),
    overrides: z
      .array(z.object({ between: z.tuple([z.string(), z.string()]), hours: z.number().nonnegative() }).strict())
      .default([]),
  })
  .strict();

/** Weights compare goals with one another; past this, a goal only drowns the others and the optimiser's precision. */
const Weight = z.number().nonnegative({ error: say("zero-or-more") }).max(10_000, { error: say("weight-max") });

export const WeightsSchema = z
  .object({
    /** Per working half-day after the window's first one: earlier sessions preferred. */
    earliness: Weight.default(1),
    /** When a province's session is outside its preferred dates. */
    preference: Weight.default(20),
    /** Per 100 km between a trainer's home and the province. */
    travel: Weight.default(2),
    /** Each session a trainer marked `national` gives (use national speakers only where needed). */
    nationalSpeaker: Weight.default(3),
    /** Each session beyond a cluster's even share of its window, per day and per week (0: no pacing). */
    pacing: Weight.default(0),
    /** Each session a trainer gives beyond an even share of their pool. */
    load: Weight.default(4),
  })
  .strict();

export const ClusterSchema = z
  .object({
    name: z.string().min(1),
    /** The letter's dates; or "propose": taphuan chooses them within the campaign period and says so. */
    window: z.union([Window, z.literal("propose")], { error: say("window-or-propose") }).optional(),
    provinces: z.array(z.string().min(1)).min(1, { error: say("cluster-provinces") }),
  })
  .strict();

export const TrainerSchema = z
  .object({
    id: z.string().min(1),
    organisation: z.string().min(1),
    roles: z.array(RoleName).min(1, { error: say("trainer-roles") }),
    clusters: z.union([z.literal("all"), z.array(z.string().min(1)).min(1)]).default("all"),
    home: z.string().min(1).optional(),
    maxSessionsPerDay: Count("daily").min(1, { error: say("sessions-per-day-min") }).max(2, { error: say("sessions-per-day-max") }).default(2),
    /** At most this many sessions in an ISO week (Monday to Sunday); none: no weekly maximum. */
    maxSessionsPerWeek: Count("weekly").min(1, { error: say("at-least-one") }).optional(),
    national: z.boolean().default(false),
    email: Email.optional(),
    unavailable: z.array(DateSelector).default([]),
    onlyAvailable: z.array(DateSelector).optional(),
  })
  .strict();

export const ProvinceSettingsSchema = z
  .object({
    unavailable: z.array(DateSelector).default([]),
    preferred: z.array(DateSelector).default([]),
    fixed: z.object({ date: DateString, halfDay: HalfDayName }).strict().optional(),
    /** The province's focal point for the session (the letter asks each province to name one). */
    focal: Contact.optional(),
    venue: z.string().min(1).optional(),
  })
  .strict();

export const PlanSchema = z
  .object({
    $schema: z.string().optional(),
    /** Free text; e.g. which parts of the file are a sample. */
    notes: z.string().optional(),
    campaign: CampaignSchema,
    sessionNeeds: z.record(RoleName, Count("per-session").min(1, { error: say("at-least-one") })),
    /**
     * What each role of sessionNeeds is called where people read it (documents, calendars,
     * e-mails, in Vietnamese): e.g. { policy: "Chủ trương, chính sách", skills: "Kỹ năng số" }.
     * A role without a label is shown by its id.
     */
    roles: z.record(RoleName, z.string().trim().min(1)).optional(),
    clusters: z.array(ClusterSchema).min(1, { error: say("plan-clusters") }),
    trainers: z.array(TrainerSchema).max(2_000, { error: say("trainers-max") }).default([]),
    provinces: z.record(z.string(), ProvinceSettingsSchema).default({}),
    travel: TravelSchema.default(TravelSchema.parse({})),
    weights: WeightsSchema.default(WeightsSchema.parse({})),
    /** Named sets of weights (`solve --profile NAME`, `--compare A,B`); "earliest" and "paced" exist without being named here. */
    profiles: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, { error: say("profile-name") }), WeightsSchema.partial()).default({}),
  })
  .strict();

export type PlanInput = z.input<typeof PlanSchema>;
export type PlanData = z.output<typeof PlanSchema>;

/** The JSON Schema editors use to validate and complete plan files. */
export function planJsonSchema(): Record<string, unknown> {
  return { ...z.toJSONSchema(PlanSchema, { io: "input", target: "draft-2020-12" }), title: "taphuan plan file" };
}

/** plan.schema.json's exact text. */
export function planSchemaText(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
