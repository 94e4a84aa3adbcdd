import { join } from "node:path";
import { todayIn } from "../../app/today.ts";
import { proposalFiles, proposeReplan, publishProposal, type ReplanRequest } from "../../app/replan.ts";
import { describeEntry, differenceText, notBackText } from "../../words/change-log.ts";
import { describeChange, diffSummary } from "../../export/diff.ts";
import { CLI_WORDS } from "../../words/cli.ts";
import { relaxationText } from "../../words/fixes.ts";
import { unplacedText } from "../../words/issues.ts";
import { folderOfSchedule, ScheduleFolder, VersionConflictError } from "../../folder/schedule-folder.ts";
import { officialDate } from "../../words/labels.ts";
import { standingChanges } from "../../model/change-log.ts";
import { emptyChanges, type Changes } from "../../model/changes.ts";
import { error, InputError } from "../../model/issues.ts";
import { loadScheduleFor, loadScheduleText, type Schedule } from "../../model/schedule.ts";
import { own, setOwn } from "../../model/records.ts";
import { validDate } from "../../model/load.ts";
import { languages, parse, UsageError } from "../args.ts";
import { readChanges } from "../changes.ts";
import { solverOptions } from "../solver-options.ts";
import { displayName, readInput, readPlan, STDIN } from "../files.ts";
import { describeWritten } from "../publish.ts";

function date(flag: string, value: string): string {
  return validDate(value, `--${flag}`);
}

/** "NAME=DATE" or "NAME=DATE..DATE". */
function nameAndDates(flag: string, value: string): [string, string | { from: string; to: string }] {
  // The dates are judged by the one date validator, so "yesterday" is told the form a date takes.
  const match = /^(.+?)=(.+?)(?:\.\.(.+))?$/.exec(value);
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
    const match = /^(.+?)=(.+)\/(morning|afternoon)$/.exec(value);
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
  const { documents: lang, terminal } = languages(values.lang);
  const w = CLI_WORDS[terminal];
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
      if (previous.planId !== written.id) throw new InputError(schedulePath, [error("other-plan", ["planId"], `this schedule is of plan "${previous.planId}", not "${written.id}"`, `give the schedule made from ${planPath}`)]);
      // A folder of another plan (--out into it): said so, before its versions are compared with this plan's.
      const held = folder.readSchedule(current).planId;
      if (held !== written.id) throw new InputError(folder.dir, [error("other-plan-folder", [], `holds the schedule of plan "${held}", not of "${written.id}" (${planPath})`, values.schedule === STDIN ? "give this plan's own folder, or a new one, with --out DIR" : `re-plan into the folder of ${schedulePath} (leave out --out), or write to a new folder with --out DIR`)]);
      if (previous.version !== current) throw new VersionConflictError(folder.dir, current, previous.version);
      if (folder.readVersionFile(current, "schedule.json") !== previousText) {
        throw new InputError(schedulePath, [error("not-the-folder-version", [], `is not the schedule ${folder.dir} holds as version ${current}`, `re-plan from ${join(folder.dir, "schedule.json")}, or write elsewhere with --out DIR`)]);
      }
    }

    const proposal = await proposeReplan({ dir, plan: written, planPath: displayName(planPath), request, today, source, ...(outside ? { outside } : {}), ...solving });
    const { outcome } = proposal;
    const quiet = values.quiet === true || values.json === true;
    if (!quiet) for (const warning of proposal.warnings) process.stderr.write(`${w.warning}${warning}\n`);
    if (values.json && outcome.schedule.status === "partial") {
      out.write(`${JSON.stringify({ status: "no-replan", written: false, today, unplaced: outcome.schedule.unplaced, suggestions: outcome.suggestions }, null, 2)}\n`);
      return 1;
    }
    if (outcome.schedule.status === "partial") {
      out.write(`${w.noReplan(officialDate(today), officialDate(outcome.changeableFrom))}\n`);
      for (const u of outcome.schedule.unplaced) out.write(`  ${u.province} (${u.cluster}): ${unplacedText(u, terminal)}\n`);
      if (outcome.suggestions.length) {
        out.write(`${w.replanFixesHeader}\n`);
        for (const s of outcome.suggestions) out.write(`  ${relaxationText(s, terminal)} — ${w.proved}\n`);
      } else out.write(`${w.noSingleReplanFix}\n`);
      return 1;
    }

    const files = await proposalFiles(proposal, lang);
    if (!quiet) for (const warning of files.warnings) process.stderr.write(`${w.warning}${warning}\n`);
    const version = publishProposal(folder, proposal, files);
    const standing = standingChanges(proposal.log);
    if (values.json) {
      out.write(`${JSON.stringify({ status: "replanned", folder: folder.dir, written: true, today, changeableFrom: outcome.changeableFrom, ...diffSummary(outcome), toVersion: version, standingChanges: standing.map((e) => e.id), ...(proposal.planEdit ? { planEdit: proposal.planEdit } : {}), ...(proposal.restore ? { restore: proposal.restore } : {}) }, null, 2)}\n`);
    } else if (!values.quiet) {
      out.write(`${w.todayLine(officialDate(today), officialDate(outcome.changeableFrom))}\n`);
      if (proposal.planEdit) out.write(`${w.planChanged(proposal.previous.version)}\n${proposal.planEdit.map((d) => `  ${differenceText(d, terminal)}\n`).join("")}`);
      out.write(`${w.versionLine(proposal.previous.version, version, outcome.moves, outcome.provenMinimal, outcome.trainerChanges)}\n`);
      for (const change of outcome.changes.filter((c) => c.kind !== "unchanged")) out.write(`  ${describeChange(change, terminal)}\n`);
      if (proposal.restore) {
        out.write(`${proposal.restore.notBack.length ? w.notBack(proposal.restore.version) : w.allBack(proposal.restore.version)}\n`);
        for (const n of proposal.restore.notBack) out.write(`  ${n.province}: ${n.reasons.map((r) => notBackText(r, terminal)).join("; ")}\n`);
      }
      out.write(`${w.standing(standing.length)}\n${standing.map((e) => `  ${describeEntry(e, terminal)}\n`).join("")}`);
      out.write(`${w.wroteVersion(describeWritten(folder, version, files.files, terminal).join(", "), proposal.previous.version, folder.versionPath(proposal.previous.version))}\n`);
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
