import { join } from "node:path";
import { todayIn } from "../../app/today.ts";
import { proposalFiles, proposeReplan, publishProposal, type ReplanRequest } from "../../app/replan.ts";
import { describeEntry, differenceText, notBackText } from "../../words/change-log.ts";
import { describeChange, diffSummary } from "../../export/diff.ts";
import { folderOfSchedule, ScheduleFolder, VersionConflictError } from "../../folder/schedule-folder.ts";
import { LANGS, officialDate } from "../../words/labels.ts";
import { standingChanges } from "../../model/change-log.ts";
import { emptyChanges, type Changes } from "../../model/changes.ts";
import { error, InputError } from "../../model/issues.ts";
import { loadScheduleFor, loadScheduleText, type Schedule } from "../../model/schedule.ts";
import { own, setOwn } from "../../model/records.ts";
import { DateString } from "../../model/schema.ts";
import { oneOf, parse, UsageError } from "../args.ts";
import { readChanges } from "../changes.ts";
import { solverOptions } from "../solver-options.ts";
import { displayName, readInput, readPlan, STDIN } from "../files.ts";
import { describeWritten } from "../publish.ts";

function date(flag: string, value: string): string {
  if (!DateString.safeParse(value).success) throw new UsageError(`invalid date in --${flag} (${value}). Expected YYYY-MM-DD, e.g. 2022-09-15`);
  return value;
}

/** "NAME=DATE" or "NAME=DATE..DATE". */
function nameAndDates(flag: string, value: string): [string, string | { from: string; to: string }] {
  const match = /^(.+?)=(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(value);
  if (!match) throw new UsageError(`invalid value for --${flag} (${value}). Expected NAME=DATE or NAME=DATE..DATE, e.g. "Hà Nam=2022-09-15"`);
  const [, name, from, to] = match as unknown as [string, string, string, string | undefined];
  return [name.trim(), to ? { from: date(flag, from), to: date(flag, to) } : date(flag, from)];
}

export function changesFromFlags(values: { unavailable?: string[]; fix?: string[]; "trainer-unavailable"?: string[] }, base: Changes): Changes {
  const changes: Changes = structuredClone(base);
  const province = (name: string) => own(changes.provinces, name) ?? { unavailable: [] };
  for (const value of values.unavailable ?? []) {
    const [name, dates] = nameAndDates("unavailable", value);
    setOwn(changes.provinces, name, { ...province(name), unavailable: [...province(name).unavailable, dates] });
  }
  for (const value of values.fix ?? []) {
    const match = /^(.+?)=(\d{4}-\d{2}-\d{2})\/(morning|afternoon)$/.exec(value);
    if (!match) throw new UsageError(`invalid value for --fix (${value}). Expected PROVINCE=DATE/morning or PROVINCE=DATE/afternoon, e.g. "Hà Nam=2022-09-20/afternoon"`);
    const [, raw, day, halfDay] = match as unknown as [string, string, string, "morning" | "afternoon"];
    const name = raw.trim();
    setOwn(changes.provinces, name, { ...province(name), fixed: { date: date("fix", day), halfDay } });
  }
  for (const value of values["trainer-unavailable"] ?? []) {
    const [id, dates] = nameAndDates("trainer-unavailable", value);
    const trainer = own(changes.trainers, id) ?? { unavailable: [] };
    setOwn(changes.trainers, id, { ...trainer, unavailable: [...trainer.unavailable, dates] });
  }
  return changes;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      schedule: { type: "string" },
      changes: { type: "string" },
      unavailable: { type: "string", multiple: true },
      fix: { type: "string", multiple: true },
      "trainer-unavailable": { type: "string", multiple: true },
      withdraw: { type: "string" },
      restore: { type: "string" },
      note: { type: "string" },
      today: { type: "string" },
      out: { type: "string" },
      solver: { type: "string" },
      "time-limit": { type: "string" },
      lang: { type: "string" },
      quiet: { type: "boolean" },
      json: { type: "boolean" },
    },
    ["plan"],
  );
  if (!values.schedule) throw new UsageError("--schedule SCHEDULE.json is required: the schedule to change");
  if (values.schedule === STDIN && values.out === undefined) throw new UsageError("with --schedule - (standard input), give the folder to write to with --out DIR");
  const planPath = positionals[0]!;
  const solving = solverOptions(values);
  const lang = oneOf("lang", values.lang, LANGS, "vi");
  const out = process.stdout;

  const { plan: written } = readPlan(planPath);
  const today = values.today === undefined ? todayIn(written) : date("today", values.today);
  const request = requestFromFlags(values);
  const source = values.changes ? displayName(values.changes) : "changes given as options";

  const schedulePath = displayName(values.schedule);
  // Read before the lock: a re-plan starts from the version current when it was run, and one that
  // waited for another's is told so rather than applied on top of it. A schedule not found may lie
  // behind a `current` that opening the folder repairs: it is read again once the folder is settled.
  const found = readUnlessMissing(values.schedule);
  const dir = values.out ?? folderOfSchedule(values.schedule);
  const folder = await ScheduleFolder.open(dir, "replan");
  try {
    const previousText = found ?? readInput(values.schedule);
    // The version this re-plan starts from must be the folder's current one, now and when it publishes.
    const current = folder.currentVersion();
    let outside: Schedule | undefined;
    if (current === undefined) {
      outside = loadScheduleFor(written, previousText, schedulePath).schedule;
      if (outside.planId !== written.id) throw new InputError(schedulePath, [error("other-plan", ["planId"], `this schedule is of plan "${outside.planId}", not "${written.id}"`, `give the schedule made from ${planPath}`)]);
    } else {
      const previous = loadScheduleText(previousText, schedulePath);
      if (previous.version !== current) throw new VersionConflictError(folder.dir, current, previous.version);
      if (folder.readVersionFile(current, "schedule.json") !== previousText) {
        throw new InputError(schedulePath, [error("not-the-folder-version", [], `is not the schedule ${folder.dir} holds as version ${current}`, `re-plan from ${join(folder.dir, "schedule.json")}, or write elsewhere with --out DIR`)]);
      }
      if (previous.planId !== written.id) throw new InputError(schedulePath, [error("other-plan", ["planId"], `this schedule is of plan "${previous.planId}", not "${written.id}"`, `give the schedule made from ${planPath}`)]);
    }

    const proposal = await proposeReplan({ dir, plan: written, planPath: displayName(planPath), request, today, source, ...(outside ? { outside } : {}), ...solving });
    const { outcome } = proposal;
    const quiet = values.quiet === true || values.json === true;
    if (!quiet) for (const w of proposal.warnings) process.stderr.write(`warning: ${w}\n`);
    if (values.json && outcome.schedule.status === "partial") {
      out.write(`${JSON.stringify({ status: "no-replan", written: false, today, unplaced: outcome.schedule.unplaced, suggestions: outcome.suggestions }, null, 2)}\n`);
      return 1;
    }
    if (outcome.schedule.status === "partial") {
      out.write(`No re-plan places every province (today ${officialDate(today)}; changes lie on ${officialDate(outcome.changeableFrom)} or later); nothing was written.\n`);
      for (const u of outcome.schedule.unplaced) out.write(`  ${u.province} (${u.cluster}): ${u.reasons.join("; ")}\n`);
      if (outcome.suggestions.length) {
        out.write("What would make one possible (each proven by re-planning with it):\n");
        for (const s of outcome.suggestions) out.write(`  ${s.message} — proven\n`);
      } else out.write("No single relaxation of one kind (a wider window, more trainers, a trainer free on a day, a higher cap, another cluster) makes one possible.\n");
      return 1;
    }

    const files = await proposalFiles(proposal, lang);
    if (!quiet) for (const w of files.warnings) process.stderr.write(`warning: ${w}\n`);
    const version = publishProposal(folder, proposal, files);
    const standing = standingChanges(proposal.log);
    if (values.json) {
      out.write(`${JSON.stringify({ status: "replanned", folder: folder.dir, written: true, today, changeableFrom: outcome.changeableFrom, ...diffSummary(outcome), toVersion: version, standingChanges: standing.map((e) => e.id), ...(proposal.planEdit ? { planEdit: proposal.planEdit } : {}), ...(proposal.restore ? { restore: proposal.restore } : {}) }, null, 2)}\n`);
    } else if (!values.quiet) {
      out.write(`today ${officialDate(today)}: sessions up to it stay as held; changes lie on ${officialDate(outcome.changeableFrom)} or later\n`);
      if (proposal.planEdit) out.write(`the plan file changed since v${proposal.previous.version}:\n${proposal.planEdit.map((d) => `  ${differenceText(d, "en")}\n`).join("")}`);
      out.write(`v${proposal.previous.version} → v${version}: ${outcome.moves} session(s) moved${outcome.provenMinimal ? " (proven minimal)" : " (not proven minimal)"}, ${outcome.trainerChanges} re-staffed\n`);
      for (const change of outcome.changes.filter((c) => c.kind !== "unchanged")) out.write(`  ${describeChange(change, lang)}\n`);
      if (proposal.restore) {
        out.write(proposal.restore.notBack.length ? `not back as in v${proposal.restore.version}:\n` : `every session is back as in v${proposal.restore.version}\n`);
        for (const n of proposal.restore.notBack) out.write(`  ${n.province}: ${n.reasons.map((r) => notBackText(r, "en")).join("; ")}\n`);
      }
      out.write(`standing changes (${standing.length}):\n${standing.map((e) => `  ${describeEntry(e, lang)}\n`).join("")}`);
      out.write(`wrote ${describeWritten(folder, version, files.files).join(", ")}; version ${proposal.previous.version} stays in ${folder.versionPath(proposal.previous.version)}\n`);
    }
    return 0;
  } finally {
    folder.close();
  }
}

/** What the flags ask for: a change (from a file and the change flags), a withdrawal, a restore, or the edited plan alone. */
function requestFromFlags(values: { changes?: string | undefined; unavailable?: string[] | undefined; fix?: string[] | undefined; "trainer-unavailable"?: string[] | undefined; withdraw?: string | undefined; restore?: string | undefined; note?: string | undefined }): ReplanRequest {
  const changing = values.changes !== undefined || Boolean(values.unavailable?.length || values.fix?.length || values["trainer-unavailable"]?.length);
  const asked = [changing && "a change", values.withdraw !== undefined && "--withdraw", values.restore !== undefined && "--restore"].filter(Boolean);
  if (asked.length > 1) throw new UsageError(`give one of a change, --withdraw or --restore, not ${asked.join(" and ")}`);
  const note = values.note?.trim() || undefined;
  if (values.withdraw !== undefined) return { kind: "withdraw", id: wholeNumber("withdraw", values.withdraw, "the change's number, e.g. 2 (taphuan changes DIR lists them)"), note };
  if (values.restore !== undefined) return { kind: "restore", version: wholeNumber("restore", values.restore, "a version number, e.g. 1") };
  if (!changing) return { kind: "plan-edit" };
  return { kind: "change", change: changesFromFlags(values, values.changes ? readChanges(values.changes) : emptyChanges()), note };
}

function wholeNumber(flag: string, value: string, expected: string): number {
  const n = Number(value.replace(/^[#v]/, ""));
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`invalid value for --${flag} (${value}). Expected ${expected}`);
  return n;
}

function readUnlessMissing(file: string): string | undefined {
  try {
    return readInput(file);
  } catch (e) {
    if (e instanceof InputError && e.issues.some((issue) => issue.code === "file-not-found")) return undefined;
    throw e;
  }
}
