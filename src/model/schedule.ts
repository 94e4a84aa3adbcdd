/**
 * The schedule: the pivot of checking, re-planning and every export. Its JSON shape is the
 * contract of DESIGN.md; sessions are kept in one canonical order so equal schedules are equal bytes.
 */
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { z } from "zod";
import { HalfDayName, DateString } from "./schema.ts";
import type { Plan, Province } from "./plan.ts";
import type { Slot } from "./calendar.ts";
import { parseYaml, refuseOversized, unsafeText, validate } from "./load.ts";
import { error, InputError, warning, type Issue } from "./issues.ts";
import { fileSlug } from "./file-names.ts";

export const SessionSchema = z
  .object({
    id: z.string().min(1),
    province: z.string().min(1),
    /** GSO code of the province. */
    code: z.string().regex(/^\d\d$/).optional(),
    cluster: z.string().min(1),
    date: DateString,
    halfDay: HalfDayName,
    start: z.string().optional(),
    end: z.string().optional(),
    trainers: z.array(z.string().min(1)),
    sequence: z.number().int().nonnegative().default(0),
  })
  .strict();
export type Session = z.infer<typeof SessionSchema>;

/** Why a province is left out: `reasons` are sentences; `causes` the same as data, each with a stable `code`. */
export const UnplacedSchema = z
  .object({ province: z.string(), cluster: z.string(), reasons: z.array(z.string()), causes: z.array(z.object({ code: z.string(), message: z.string() }).passthrough()).optional() })
  .strict();
export type Unplaced = z.infer<typeof UnplacedSchema>;

export const SolveReportSchema = z
  .object({
    solver: z.string(),
    parts: z.array(
      z
        .object({
          clusters: z.array(z.string()),
          method: z.string(),
          sessions: z.number().int(),
          variables: z.number().int(),
          rows: z.number().int(),
          objective: z.number(),
          /** A lower bound on the objective; null when none could be computed in time. */
          bound: z.number().nullable(),
          proven: z.boolean(),
          gap: z.number().nullable(),
        })
        .strict(),
    ),
    objective: z.number(),
    proven: z.boolean(),
  })
  .strict();
export type SolveReport = z.infer<typeof SolveReportSchema>;

export const ScheduleSchema = z
  .object({
    plan: z.string(),
    planId: z.string(),
    planHash: z.string(),
    version: z.number().int().min(1),
    /** The goal profile the schedule was solved with (`solve --profile`), when not the plan's own weights. */
    profile: z.string().optional(),
    /** Solved with `--propose-windows`: the clusters the plan leaves undated got proposed dates. */
    proposeWindows: z.boolean().optional(),
    /** A re-plan: the day it was made on (sessions up to it were held). */
    today: DateString.optional(),
    generatedAt: z.string().refine((text) => DateTime.fromISO(text, { setZone: true }).isValid, { error: "must be a date and time, e.g. 2022-09-05T00:00:00+07:00" }),
    status: z.enum(["complete", "partial"]),
    sessions: z.array(SessionSchema),
    unplaced: z.array(UnplacedSchema).default([]),
    report: SolveReportSchema.optional(),
  })
  .strict()
  .superRefine((schedule, context) => {
    // Two sessions with one id would be one calendar entry twice (the same UID).
    const seen = new Map<string, number>();
    schedule.sessions.forEach((session, index) => {
      const first = seen.get(session.id);
      if (first !== undefined) context.addIssue({ code: "custom", path: ["sessions", index, "id"], message: `the id "${session.id}" is already used by sessions[${first}]; each session needs its own id` });
      else seen.set(session.id, index);
    });
  });
export type Schedule = z.infer<typeof ScheduleSchema>;

/** ASCII slug of a province's registry name: "Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau". */
export function provinceSlug(province: Pick<Province, "record">): string {
  return fileSlug(province.record.name);
}

export function sessionId(plan: Plan, province: Province): string {
  return `${plan.id}/${provinceSlug(province)}`;
}

/** sha256 of the plan's validated data with sorted keys: formatting and comments do not change it. */
export function planHash(plan: Plan): string {
  return dataHash(plan.data);
}

export function dataHash(data: Plan["data"]): string {
  return createHash("sha256").update(canonicalJson(data)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function makeSession(plan: Plan, province: Province, slot: Pick<Slot, "date" | "halfDay">, trainers: readonly string[], sequence = 0): Session {
  const { start, end } = plan.calendar.times(slot.date, slot.halfDay);
  return {
    id: sessionId(plan, province),
    province: province.name,
    code: province.record.code,
    cluster: province.cluster,
    date: slot.date,
    halfDay: slot.halfDay,
    start: start.toISO({ suppressMilliseconds: true })!,
    end: end.toISO({ suppressMilliseconds: true })!,
    trainers: [...trainers],
    sequence,
  };
}

/** By date, morning first, then in the plan's order of provinces. */
export function sortSessions(plan: Plan, sessions: readonly Session[]): Session[] {
  const order = new Map(plan.provinces.map((p, i) => [p.record.code, i]));
  const rank = (s: Session) => (s.code ? (order.get(s.code) ?? 999) : 999);
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date) || (a.halfDay === b.halfDay ? 0 : a.halfDay === "morning" ? -1 : 1) || rank(a) - rank(b) || a.province.localeCompare(b.province));
}

/** Default generation time: the plan's `issued`, else midnight before the period starts — never the clock. */
export function defaultGeneratedAt(plan: Plan): string {
  const { issued, period, timeZone } = plan.data.campaign;
  return issued ?? DateTime.fromISO(period.from, { zone: timeZone }).toISO({ suppressMilliseconds: true })!;
}

export function scheduleJson(schedule: Schedule): string {
  return `${JSON.stringify(schedule, null, 2)}\n`;
}

/** Reads a schedule.json's text; problems come back as an `InputError` with field and line. */
export function loadScheduleText(text: string, file: string): Schedule {
  return validate(ScheduleSchema, parseYaml(text, file), file);
}

/**
 * A schedule.json taphuan wrote (a version of a schedule folder), read as the JSON it is: the YAML
 * reader takes a tenth of a second over the 2022 plan's, and every re-plan and page reads one. Only
 * text exactly as taphuan writes it (`scheduleJson`, byte for byte: no duplicate key, no hand edit)
 * with no control character takes this way; anything else is read as any schedule file is, so its
 * problems are found and said the same way.
 */
export function loadWrittenSchedule(text: string, file: string): Schedule {
  refuseOversized(Buffer.byteLength(text, "utf8"), file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return loadScheduleText(text, file);
  }
  const result = ScheduleSchema.safeParse(value);
  const asWritten = result.success && unsafeText(value).length === 0 && `${JSON.stringify(value, null, 2)}\n` === text;
  return asWritten ? result.data : loadScheduleText(text, file);
}

/**
 * Reads a schedule.json of `plan`: besides its shape, every session must name a cluster of the
 * plan and a province whose name and code agree, and no province may have two sessions. What a
 * planner should hear but need not fix to go on comes back as warnings: a province written under
 * an old or misspelt name its code identifies, a schedule of another plan id.
 */
export function loadScheduleFor(plan: Plan, text: string, file: string): { schedule: Schedule; warnings: Issue[] } {
  const parsed = parseYaml(text, file);
  const schedule = validate(ScheduleSchema, parsed, file);
  const clusters = new Set(plan.clusters.map((c) => c.name.normalize("NFC")));
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  if (schedule.planId !== plan.id) warnings.push(warning("other-plan", ["planId"], `this schedule is of plan "${schedule.planId}", not "${plan.id}"`, "check that the plan and the schedule go together"));
  const byCode = new Map<string, number>();
  schedule.sessions.forEach((session, index) => {
    const at = (field: string) => ["sessions", index, field];
    if (!clusters.has(session.cluster.normalize("NFC"))) {
      issues.push(error("unknown-cluster", at("cluster"), `unknown cluster "${session.cluster}"`, `clusters of this plan: ${plan.clusters.map((c) => c.name).join(", ")}`));
    }
    const named = plan.registry.lookup(session.province);
    const code = session.code ?? (named.ok ? named.record.code : undefined);
    if (session.code !== undefined) {
      const coded = plan.registry.byCode(session.code);
      if (!coded) issues.push(error("unknown-code", at("code"), `no province of ${plan.registry.id} has the code ${session.code}`));
      else if (named.ok && named.record.code !== session.code) {
        issues.push(error("code-disagrees", at("code"), `the code ${session.code} is ${coded.name}, but the session names ${session.province} (code ${named.record.code})`, "correct the province or the code"));
      } else if (!named.ok) {
        const inPlan = plan.index.province(session.code);
        warnings.push(warning("province-name", at("province"), `"${session.province}" is not a name of ${coded.name} in ${plan.registry.id}; the code ${session.code} is`, `write "${inPlan?.name ?? coded.name}"`));
      }
    } else if (!named.ok) issues.push(error("unknown-province", at("province"), `unknown province "${session.province}" in ${plan.registry.id}`));
    if (code !== undefined) {
      const first = byCode.get(code);
      if (first !== undefined) issues.push(error("duplicate-province", at("province"), `${session.province} already has a session at sessions[${first}]; a province has one session`));
      else byCode.set(code, index);
    }
  });
  const place = (issue: Issue) => ({ ...issue, ...parsed.locate(issue.path) });
  if (issues.length) throw new InputError(file, issues.map(place));
  return { schedule, warnings: warnings.map(place) };
}
