import { join } from "node:path";
import { describeChange, diffSummary } from "../../export/diff.ts";
import { folderOfSchedule, ScheduleFolder, VersionConflictError } from "../../folder/schedule-folder.ts";
import { LANGS } from "../../export/labels.ts";
import { emptyChanges, type Changes } from "../../model/changes.ts";
import { error, formatIssue, InputError } from "../../model/issues.ts";
import { loadScheduleFor } from "../../model/schedule.ts";
import { own, setOwn } from "../../model/records.ts";
import { DateString } from "../../model/schema.ts";
import { replan } from "../../solve/replan.ts";
import { oneOf, parse, UsageError } from "../args.ts";
import { planOfSchedule, planWithChanges } from "../../model/variants.ts";
import { readChanges } from "../changes.ts";
import { solverOptions } from "../solver-options.ts";
import { displayName, readInput, readPlan, STDIN } from "../files.ts";
import { filesOfVersion, describeWritten } from "../publish.ts";

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
  const today = values.today === undefined ? undefined : date("today", values.today);

  const { plan: written } = readPlan(planPath);
  const changesFile = values.changes;
  const changes = changesFromFlags(values, changesFile ? readChanges(changesFile) : emptyChanges());
  const source = changesFile ? displayName(changesFile) : "changes given as options";

  const schedulePath = displayName(values.schedule);
  const previousText = readInput(values.schedule);
  const { schedule: previous } = loadScheduleFor(written, previousText, schedulePath);
  // A schedule solved with a goal profile (or proposed windows) is re-planned the same way.
  const original = planOfSchedule(written, previous, schedulePath);
  const { plan, warnings: planWarnings } = planWithChanges(original, changes, source);
  if (previous.planId !== plan.id) throw new InputError(schedulePath, [error("other-plan", ["planId"], `this schedule is of plan "${previous.planId}", not "${plan.id}"`, `give the schedule made from ${planPath}`)]);

  const folder = await ScheduleFolder.open(values.out ?? folderOfSchedule(values.schedule), "replan");
  try {
    // The version this re-plan starts from must be the folder's current one, now and when it publishes.
    const current = folder.currentVersion();
    if (current !== undefined && current !== previous.version) throw new VersionConflictError(folder.dir, current, previous.version);
    if (current !== undefined && folder.readVersionFile(current, "schedule.json") !== previousText) {
      throw new InputError(schedulePath, [error("not-the-folder-version", [], `is not the schedule ${folder.dir} holds as version ${current}`, `re-plan from ${join(folder.dir, "schedule.json")}, or write elsewhere with --out DIR`)]);
    }

    const outcome = await replan(plan, previous, { ...solving, planPath: displayName(planPath), ...(today ? { today } : {}) });
    const out = process.stdout;
    if (values.json && outcome.schedule.status === "partial") {
      out.write(`${JSON.stringify({ status: "no-replan", written: false, unplaced: outcome.schedule.unplaced, suggestions: outcome.suggestions }, null, 2)}\n`);
      return 1;
    }
    if (outcome.schedule.status === "partial") {
      out.write("No re-plan places every province; nothing was written.\n");
      for (const u of outcome.schedule.unplaced) out.write(`  ${u.province} (${u.cluster}): ${u.reasons.join("; ")}\n`);
      if (outcome.suggestions.length) {
        out.write("What would make one possible (each proven by re-planning with it):\n");
        for (const s of outcome.suggestions) out.write(`  ${s.message} — proven\n`);
      } else out.write("No single relaxation of one kind (a wider window, more trainers, a trainer free on a day, a higher cap, another cluster) makes one possible.\n");
      return 1;
    }

    // A schedule from outside the folder becomes its first version, so the history starts where the re-plan did.
    if (current === undefined) folder.publish(await filesOfVersion(original, previous, { lang, quiet: true }), undefined, previous.version);
    const files = await filesOfVersion(plan, outcome.schedule, { lang, quiet: values.quiet === true || values.json === true, replan: outcome, changes });
    const version = folder.publish(files, previous.version);
    if (values.json) {
      out.write(`${JSON.stringify({ status: "replanned", folder: folder.dir, written: true, ...diffSummary(outcome), toVersion: version }, null, 2)}\n`);
    } else if (!values.quiet) {
      out.write(`v${previous.version} → v${version}: ${outcome.moves} session(s) moved${outcome.provenMinimal ? " (proven minimal)" : " (not proven minimal)"}, ${outcome.trainerChanges} re-staffed\n`);
      for (const change of outcome.changes.filter((c) => c.kind !== "unchanged")) out.write(`  ${describeChange(change, lang)}\n`);
      out.write(`wrote ${describeWritten(folder, version, files).join(", ")}; version ${previous.version} stays in ${folder.versionPath(previous.version)}\n`);
      for (const w of planWarnings.filter((x) => x.code !== "window-missing" && x.code !== "window-on-non-working-day")) process.stderr.write(`${formatIssue(source, w)}\n`);
    }
    return 0;
  } finally {
    folder.close();
  }
}
