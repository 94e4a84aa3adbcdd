/**
 * The campaign's change log: every answer a province or trainer gave since the schedule was first
 * made (cannot host, away, asks for a half-day, joins, leaves, a window moved, a province moved to
 * another cluster) and every edit of the plan file, each with the version that brought it and the
 * day it was made on. A change stands until it is withdrawn; withdrawing marks it, never erases it.
 *
 * Each version of a schedule folder keeps the whole log as it stood then (`changes.json`), so a
 * version is checked, re-planned from or restored with exactly the changes it honoured.
 */
import { z } from "zod";
import { applyChanges, ChangesSchema, lapsedParts, lapseMessage, unknownNames, type Changes, type Lapse } from "./changes.ts";
import { error, InputError, warning, type Issue } from "./issues.ts";
import type { ProvinceRegistry } from "./provinces.ts";
import { resolvePlan, type Plan } from "./plan.ts";
import type { PlanData } from "./schema.ts";
import { DateString } from "./schema.ts";

const Note = z.string().max(500, { error: "a note is at most 500 characters" });

const Withdrawal = z.object({ version: z.number().int().min(1), today: DateString, note: Note.optional() }).strict();

const Made = { id: z.number().int().min(1), version: z.number().int().min(1), today: DateString, note: Note.optional() };

export const ChangeEntrySchema = z.object({ kind: z.literal("change"), ...Made, change: ChangesSchema, withdrawn: Withdrawal.optional() }).strict();
export type ChangeEntry = z.infer<typeof ChangeEntrySchema>;

/** One thing that changed in the plan file, as data (`code` and its facts), worded in either language. */
export const PlanDifferenceSchema = z.object({ code: z.string(), params: z.record(z.string(), z.string()) }).strict();
export type PlanDifference = z.infer<typeof PlanDifferenceSchema>;

/** The plan file was edited between two versions: what changed, and the hashes of both. */
export const PlanEditEntrySchema = z.object({ kind: z.literal("plan-edit"), ...Made, from: z.string(), to: z.string(), differences: z.array(PlanDifferenceSchema) }).strict();
export type PlanEditEntry = z.infer<typeof PlanEditEntrySchema>;

export const LogEntrySchema = z.discriminatedUnion("kind", [ChangeEntrySchema, PlanEditEntrySchema]);
export type LogEntry = z.infer<typeof LogEntrySchema>;

export const ChangeLogSchema = z.object({ entries: z.array(LogEntrySchema) }).strict();
export type ChangeLog = z.infer<typeof ChangeLogSchema>;

export const EMPTY_LOG: ChangeLog = { entries: [] };

/** The changes that stand: made and not withdrawn, in the order they were made. */
export function standingChanges(log: ChangeLog): ChangeEntry[] {
  return log.entries.filter((entry): entry is ChangeEntry => entry.kind === "change" && entry.withdrawn === undefined);
}

function nextId(log: ChangeLog): number {
  return Math.max(0, ...log.entries.map((e) => e.id)) + 1;
}

/** The log with a new change, made in `version` on `today`. */
export function withChange(log: ChangeLog, change: Changes, made: { version: number; today: string; note?: string | undefined }): ChangeLog {
  const entry: ChangeEntry = { kind: "change", id: nextId(log), version: made.version, today: made.today, ...(made.note ? { note: made.note } : {}), change };
  return { entries: [...log.entries, entry] };
}

/** The log with an edit of the plan file recorded. */
export function withPlanEdit(log: ChangeLog, edit: { from: string; to: string; differences: PlanDifference[] }, made: { version: number; today: string }): ChangeLog {
  return { entries: [...log.entries, { kind: "plan-edit", id: nextId(log), version: made.version, today: made.today, ...edit }] };
}

/** The log with standing change `id` withdrawn in `version`; an unknown or already withdrawn id is bad input. */
export function withWithdrawal(log: ChangeLog, id: number, made: { version: number; today: string; note?: string | undefined }, source: string): ChangeLog {
  const entry = log.entries.find((e) => e.id === id);
  const standing = standingChanges(log).map((e) => e.id);
  if (!entry || entry.kind !== "change" || entry.withdrawn) {
    const why = !entry ? `there is no change #${id}` : entry.kind !== "change" ? `#${id} is an edit of the plan file, not a change (edit the plan to undo it)` : `change #${id} was already withdrawn in v${entry.withdrawn!.version}`;
    const params = { id, why: !entry ? "missing" : entry.kind !== "change" ? "plan-edit" : "withdrawn", withdrawnIn: entry?.kind === "change" && entry.withdrawn ? entry.withdrawn.version : 0 };
    throw new InputError(source, [error("no-such-change", [], why, standing.length ? `changes that stand: ${standing.map((n) => `#${n}`).join(", ")}` : "no change stands", params)]);
  }
  const withdrawn = { version: made.version, today: made.today, ...(made.note ? { note: made.note } : {}) };
  return { entries: log.entries.map((e) => (e.id === id ? { ...entry, withdrawn } : e)) };
}

/**
 * The standing answers an edit of the plan (`before` → `after`) would drop, as problems naming each
 * change to withdraw first: the parts of each standing change that had a place in `before` and have
 * none in `after` (a cluster renamed or removed under its window or a province's move to it, a
 * trainer's id changed or the trainer removed under their days away, a province taken out of the
 * plan under its answer). Every answer stands until withdrawn, never dropped by an edit unsaid. A
 * trainer who joined by a change and is now written in the plan lapses as meant: nothing is lost.
 */
export function answersLostBy(before: PlanData, after: PlanData, log: ChangeLog): Issue[] {
  const key = (lapse: Lapse) => JSON.stringify(lapse);
  return standingChanges(log).flatMap(({ id, version, change }) => {
    const already = new Set(lapsedParts(before, change).lapsed.map(key));
    return lapsedParts(after, change)
      .lapsed.filter((lapse) => lapse.kind !== "trainer-in-plan" && !already.has(key(lapse)))
      .map((lapse) => error("edit-lapses-change", [], `change #${id} (v${version}), which stands, would no longer apply: ${lapseMessage(lapse)}`, `withdraw change #${id} on the plan's page first, then try again`, { id, version, ...lapse }));
  });
}

/**
 * `original` (the plan file, with the schedule's profile) with every standing change applied in the
 * order it was made, resolved once. A name the changes from `strictFrom` on use that the plan does
 * not have is bad input, located at the change; in an older change, whose names the plan had when it
 * was made, the parts the plan has since lost lapse, with a warning naming the change.
 */
export function planWithLog(original: Plan, log: ChangeLog, source: string, strictFrom = Number.POSITIVE_INFINITY): { plan: Plan; warnings: Issue[] } {
  let data: PlanData = original.data;
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  for (const entry of standingChanges(log)) {
    const at = ["entries", log.entries.indexOf(entry), "change"];
    if (entry.id < strictFrom) {
      const { kept, lapsed } = lapsedParts(data, entry.change);
      warnings.push(...lapsed.map((lapse) => warning("change-lapsed", at, `change #${entry.id} (v${entry.version}) no longer applies in part: ${lapseMessage(lapse)}`, `nothing to do; withdraw change #${entry.id} to clear it from the changes that stand`, { id: entry.id, version: entry.version, ...lapse })));
      data = applyChanges(data, kept);
      continue;
    }
    const unknown = unknownNames(data, entry.change);
    issues.push(...unknown.map((message) => error("unknown-name", at, `change #${entry.id} (v${entry.version}): ${message}`, `correct the change`)));
    if (!unknown.length) data = applyChanges(data, entry.change);
  }
  if (issues.length) throw new InputError(source, issues);
  if (data === original.data) return { plan: original, warnings };
  const resolved = resolvePlan(data);
  if (!resolved.ok) throw new InputError(source, resolved.issues);
  return { plan: resolved.value, warnings: [...warnings, ...resolved.warnings] };
}

/**
 * The standing changes a new one would silently override — a half-day asked for, a cluster to move
 * to, a cluster's window, given again: the planner withdraws the old answer first, so the log never
 * shows two answers standing where one holds.
 */
export function supersededBy(log: ChangeLog, change: Changes, provinces: Pick<ProvinceRegistry, "sameProvince">): { entry: ChangeEntry; what: string; subject: "half-day" | "cluster" | "window"; name: string }[] {
  const out: { entry: ChangeEntry; what: string; subject: "half-day" | "cluster" | "window"; name: string }[] = [];
  for (const entry of standingChanges(log)) {
    for (const [name, p] of Object.entries(change.provinces)) {
      const old = Object.entries(entry.change.provinces).find(([other]) => provinces.sameProvince(other, name))?.[1];
      if (p.fixed && old?.fixed) out.push({ entry, what: `${name}'s half-day`, subject: "half-day", name });
      if (p.cluster && old?.cluster) out.push({ entry, what: `${name}'s cluster`, subject: "cluster", name });
    }
    for (const name of Object.keys(change.clusters)) if (Object.keys(entry.change.clusters).some((other) => other.normalize("NFC") === name.normalize("NFC"))) out.push({ entry, what: `${name}'s window`, subject: "window", name });
  }
  return out;
}

/**
 * A `changes.json` as a version records it: the log, or (from taphuan before the log) the one
 * re-plan's changes, read as a single standing change of that version.
 */
export function parseRecordedChanges(data: unknown, made: { version: number; today: string }): ChangeLog | undefined {
  const log = ChangeLogSchema.safeParse(data);
  if (log.success) return log.data;
  const single = ChangesSchema.safeParse(data);
  return single.success ? withChange(EMPTY_LOG, single.data, made) : undefined;
}

export function changeLogJson(log: ChangeLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}
