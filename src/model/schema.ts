/**
 * The plan file as a planner writes it (YAML), described with zod. Only the shape and the values
 * that can be judged alone are checked here; rules that link fields (a province in two clusters, an
 * unknown role) are checked in `plan.ts`, with the registry at hand.
 */
import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { error, InputError } from "./issues.ts";

const Email = z.email({ error: (iss) => `"${String(iss.input)}" is not an e-mail address (e.g. dau-moi@example.org)` });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD; 2022-09-31 is refused with the month's length. */
export const DateString = z
  .string({ error: "expected a date written YYYY-MM-DD, e.g. 2022-09-12" })
  .regex(ISO_DATE, { error: (iss) => `"${String(iss.input)}" is not a date written YYYY-MM-DD (e.g. 2022-09-12)` })
  .superRefine((value, ctx) => {
    if (!ISO_DATE.test(value)) return;
    const date = DateTime.fromISO(value, { zone: "UTC" });
    if (!date.isValid) {
      const [year, month, day] = value.split("-").map(Number) as [number, number, number];
      const monthLength = month >= 1 && month <= 12 ? DateTime.utc(year, month, 1).daysInMonth : undefined;
      ctx.addIssue({
        code: "custom",
        message:
          monthLength === undefined
            ? `"${value}" is not a date: there is no month ${month}`
            : `"${value}" is not a date: ${DateTime.utc(year, month, 1).setLocale("en").toFormat("MMMM yyyy")} has ${monthLength} days (asked for day ${day})`,
      });
    }
  });

/**
 * A date given outside a file — an option (--today, --unavailable NAME=DATE …) or a request — judged
 * as DateString judges one in a file, so "2022-13-01" and "yesterday" are refused alike everywhere;
 * bad input naming where it came from.
 */
export function validDate(value: unknown, source: string): string {
  const parsed = DateString.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? `"${String(value)}" is not a date`;
  throw new InputError(source, [error("bad-date", [], message, message.includes("YYYY-MM-DD") ? undefined : "give a real date, written YYYY-MM-DD, e.g. 2022-09-14")]);
}

export const HalfDayName = z.enum(["morning", "afternoon"], { error: 'expected "morning" or "afternoon"' });
export type HalfDayName = z.infer<typeof HalfDayName>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time written HH:MM, e.g. "08:00"' });
const TimeRange = z.object({ start: Time, end: Time }).strict();

const DateRangeObject = z.object({ from: DateString, to: DateString, halfDay: HalfDayName.optional() }).strict();
const SingleDateObject = z.object({ date: DateString, halfDay: HalfDayName.optional() }).strict();

/** A date, a `{ date, halfDay? }`, or a `{ from, to, halfDay? }` range. */
export const DateSelector = z.union([DateString, SingleDateObject, DateRangeObject], {
  error: "expected a date (YYYY-MM-DD), { date, halfDay } or { from, to, halfDay }",
});
export type DateSelector = z.infer<typeof DateSelector>;

const Window = z.object({ from: DateString, to: DateString }).strict();

const Weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], {
  error: "expected a weekday: mon, tue, wed, thu, fri, sat or sun",
});
export type Weekday = z.infer<typeof Weekday>;

const RoleName = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a role name in lower case, e.g. "policy" or "skills"' });

const Count = (what: string) => z.number({ error: `expected a whole number (${what})` }).int({ error: `expected a whole number (${what})` });

/** A person or desk to call: a role label or an office, with a phone and an e-mail address. */
export const Contact = z.object({ name: z.string().min(1), phone: z.string().regex(/^[0-9 .+()-]{6,20}$/, { error: "expected a phone number, e.g. 024.3943.7103" }).optional(), email: Email.optional() }).strict();

export type ContactData = z.infer<typeof Contact>;

export const CampaignSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected an id in lower case with dashes, e.g. "2022-09-tcnscd"' }),
    title: z.string().min(1),
    period: Window,
    timeZone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), { error: (iss) => `"${String(iss.input)}" is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)` })
      .default("Asia/Ho_Chi_Minh"),
    halfDays: z
      .object({ morning: TimeRange, afternoon: TimeRange })
      .strict()
      .default({ morning: { start: "08:00", end: "11:30" }, afternoon: { start: "13:30", end: "17:00" } }),
    workingDays: z.array(Weekday).min(1).default(["mon", "tue", "wed", "thu", "fri"]),
    holidays: z.array(DateString).default([]),
    registry: z.enum(["vn-63", "vn-34"], { error: 'expected "vn-63" (the 63 provinces of 2008–2025) or "vn-34" (from 1 July 2025)' }),
    organizer: z.object({ name: z.string().min(1), email: Email }).strict().optional(),
    /** Who trainers and provinces call (the letter names one, with a phone number). */
    contact: Contact.optional(),
    /** The letter the schedule is appended to: "(Kèm theo Công văn số {number} ngày … của {issuer})". */
    document: z.object({ number: z.string().min(1).optional(), issuer: z.string().min(1).optional(), date: DateString.optional() }).strict().optional(),
    /** A calendar reminder this many minutes before each session (0: none). */
    reminderMinutes: Count("minutes").min(0, { error: "must be 0 or more" }).max(20_160, { error: "at most 20160 (two weeks)" }).default(1440),
    /** When the plan was issued (ISO date-time); the schedule's generation time, so exports are reproducible. */
    issued: z.iso.datetime({ offset: true, error: "expected an ISO date-time with offset, e.g. 2022-09-05T09:00:00+07:00" }).optional(),
    /** Working days between `issued` and the first session (default 5, the 2022 letter's own practice). */
    noticeDays: Count("working days").min(0, { error: "must be 0 or more" }).max(60, { error: "at most 60 working days" }).optional(),
    /**
     * Re-planning: a session moved, re-staffed or newly placed lies at least this many working days
     * after `today` (default 2: a working day in between to tell the province and its trainers; 0: any later day).
     */
    replanNoticeDays: Count("working days").min(0, { error: "must be 0 or more" }).max(30, { error: "at most 30 working days" }).optional(),
    /** At most this many sessions at the same half-day nationwide (e.g. the online bridge's capacity). */
    maxConcurrentSessions: Count("sessions at the same half-day").min(1, { error: "must be at least 1" }).optional(),
    /** At most this many sessions on the same day nationwide (what the organiser can chair in a day). */
    maxDailySessions: Count("sessions a day").min(1, { error: "must be at least 1" }).optional(),
  })
  .strict();

export const TravelSchema = z
  .object({
    roadSpeedKmh: z.number().positive({ error: "must be a positive speed in km/h" }).max(200, { error: "at most 200 km/h on roads" }).default(50),
    /** Road distance ÷ straight-line distance. */
    roadFactor: z.number().min(1, { error: "a road is never shorter than the straight line: must be ≥ 1" }).default(1.3),
    /** Beyond this straight-line distance trainers fly; door to door takes `flightHours`. */
    flightThresholdKm: z.number().positive().default(500),
    flightHours: z.number().positive().default(5),
    overrides: z
      .array(z.object({ between: z.tuple([z.string(), z.string()]), hours: z.number().nonnegative() }).strict())
      .default([]),
  })
  .strict();

/** Weights compare goals with one another; past this, a goal only drowns the others and the optimiser's precision. */
const Weight = z.number().nonnegative({ error: "must be 0 or more" }).max(10_000, { error: "at most 10000: a weight only says how much one goal counts against the others" });

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
    window: z.union([Window, z.literal("propose")], { error: 'expected { from, to } or "propose"' }).optional(),
    provinces: z.array(z.string().min(1)).min(1, { error: "a cluster needs at least one province" }),
  })
  .strict();

export const TrainerSchema = z
  .object({
    id: z.string().min(1),
    organisation: z.string().min(1),
    roles: z.array(RoleName).min(1, { error: "a trainer needs at least one role" }),
    clusters: z.union([z.literal("all"), z.array(z.string().min(1)).min(1)]).default("all"),
    home: z.string().min(1).optional(),
    maxSessionsPerDay: Count("sessions a day").min(1, { error: "must be 1 or 2" }).max(2, { error: "a day has two half-days: must be 1 or 2" }).default(2),
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
    sessionNeeds: z.record(RoleName, Count("trainers of this role per session").min(1, { error: "must be at least 1" })),
    clusters: z.array(ClusterSchema).min(1, { error: "a plan needs at least one cluster" }),
    trainers: z.array(TrainerSchema).max(2_000, { error: "at most 2000 trainers in one plan: split the campaign into plans" }).default([]),
    provinces: z.record(z.string(), ProvinceSettingsSchema).default({}),
    travel: TravelSchema.default(TravelSchema.parse({})),
    weights: WeightsSchema.default(WeightsSchema.parse({})),
    /** Named sets of weights (`solve --profile NAME`, `--compare A,B`); "earliest" and "paced" exist without being named here. */
    profiles: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a profile name in lower case, e.g. "paced"' }), WeightsSchema.partial()).default({}),
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
