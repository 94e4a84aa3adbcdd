/**
 * Everything taphuan writes, taphuan reads back: random valid plans (the registry's own names,
 * Unicode trainer ids, clusters and titles, dates on the period's edges) are solved into a folder,
 * re-planned with a random change, and then every version is read back the way the CLI reads it —
 * `check` with the changes.json it recorded, the version state a later re-plan starts from — and
 * every export is parsed by a reader of its format.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { simpleParser } from "mailparser";
import { parse as parseHtml } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { proposalFiles, proposeReplan, publishProposal, readVersion } from "../../src/app/replan.ts";
import { solveIntoFolder } from "../../src/app/solve.ts";
import { readChangeLog, readChanges } from "../../src/cli/changes.ts";
import { readInput, readPlan } from "../../src/cli/files.ts";
import { ScheduleFolder, ScheduleFolderReader } from "../../src/folder/schedule-folder.ts";
import { planWithLog } from "../../src/model/change-log.ts";
import { InputError } from "../../src/model/issues.ts";
import type { Plan } from "../../src/model/plan.ts";
import { REGISTRIES, type RegistryId } from "../../src/model/provinces.ts";
import { loadScheduleFor, planHash } from "../../src/model/schedule.ts";
import type { PlanInput } from "../../src/model/schema.ts";
import { planOfSchedule } from "../../src/model/variants.ts";
import { checkSchedule } from "../../src/solve/check.ts";

/** Letters a Vietnamese name is made of (precomposed, and decomposed by `nfd`), with what else people type. */
const LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789"];
const MARKS = [..." -.'\"’:#&<>/\\|%,*!?()[]{}@=+"];
const OTHER = ["李", "雷", "😀", "👩‍💻", "\u200D", "\u00A0", "Ω"];

const name = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LETTERS) }, { weight: 2, arbitrary: fc.constantFrom(...MARKS) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER) }), { minLength: 1, maxLength: 14 }),
    fc.boolean(),
  )
  .map(([chars, nfd]) => (nfd ? chars.join("").normalize("NFD") : chars.join("")))
  // A name of spaces only is not a name anyone gives.
  .filter((text) => text.trim().length > 0);

/** Names every JavaScript object has, and the Vietnamese ones a campaign really uses. */
const knownName = fc.constantFrom("__proto__", "toString", "constructor", "valueOf", "hasOwnProperty", "CĐSQG-1", "Đoàn-1", "doan 1", "Nguyễn Văn Anh", "Trần Thị Bích".normalize("NFD"), "- leading dash", "yes", "null", "2022-09-12");
const someName = fc.oneof({ weight: 3, arbitrary: name }, { weight: 1, arbitrary: knownName });

const uniqueNames = (min: number, max: number) => fc.uniqueArray(someName, { minLength: min, maxLength: max, selector: (n) => n.normalize("NFC") });

const planArbitrary = fc
  .record({
    registry: fc.constantFrom<RegistryId>("vn-63", "vn-34"),
    picks: fc.uniqueArray(fc.nat({ max: 33 }), { minLength: 2, maxLength: 4 }),
    spelling: fc.constantFrom("name", "officialName", "alias"),
    // Any day of 2022–2026, so the period starts on any weekday and may cross a month or a year.
    startOffset: fc.integer({ min: 0, max: 5 * 365 }),
    days: fc.integer({ min: 7, max: 12 }),
    title: someName,
    clusterNames: uniqueNames(1, 2),
    trainerIds: uniqueNames(3, 5),
    organisations: fc.array(someName, { minLength: 5, maxLength: 5 }),
    windows: fc.array(fc.constantFrom("period", "none", "propose", "from-start", "to-end"), { minLength: 2, maxLength: 2 }),
    edges: fc.array(fc.constantFrom("first", "last", "none"), { minLength: 5, maxLength: 5 }),
    organizer: fc.boolean(),
    holiday: fc.boolean(),
    provinceEdge: fc.constantFrom("unavailable-first", "preferred-last", "none"),
  })
  .map((d) => {
    const records = REGISTRIES[d.registry];
    const chosen = d.picks.map((i) => records[i % records.length]!);
    const spelled = chosen.map((r) => (d.spelling === "officialName" ? r.officialName : d.spelling === "alias" && r.aliases?.length ? r.aliases[0]! : r.name));
    const from = DateTime.utc(2022, 1, 1).plus({ days: d.startOffset });
    const to = from.plus({ days: d.days - 1 });
    const iso = (t: DateTime) => t.toISODate()!;
    const edge = (e: string) => (e === "first" ? [iso(from)] : e === "last" ? [iso(to)] : []);
    const clusters = d.clusterNames.map((clusterName, i) => {
      const members = d.clusterNames.length === 1 ? spelled : i === 0 ? spelled.slice(0, 1) : spelled.slice(1);
      const w = d.windows[i]!;
      const window = w === "period" ? { from: iso(from), to: iso(to) } : w === "propose" ? ("propose" as const) : w === "from-start" ? { from: iso(from), to: iso(from.plus({ days: 5 })) } : w === "to-end" ? { from: iso(to.minus({ days: 5 })), to: iso(to) } : undefined;
      return { name: clusterName, ...(window ? { window } : {}), provinces: members };
    });
    const trainers = d.trainerIds.map((id, i) => ({
      id,
      organisation: d.organisations[i]!,
      // Two of each role at least: one away on an edge of the period leaves another.
      roles: i % 2 === 0 ? ["chinh-sach"] : i === 3 ? ["chinh-sach", "ky-nang"] : ["ky-nang"],
      home: chosen[i % chosen.length]!.name,
      ...(i < 2 ? { email: `gv${i}@example.org` } : {}),
      unavailable: edge(d.edges[i]!),
    }));
    // Four or five trainers: the fifth (if any) has both roles.
    if (trainers.length === 3) trainers.push({ id: `${d.trainerIds[0]} (2)`, organisation: "Cục", roles: ["chinh-sach", "ky-nang"], home: chosen[0]!.name, unavailable: [] });
    const provinceSettings = d.provinceEdge === "none" ? {} : { [chosen[0]!.name]: d.provinceEdge === "unavailable-first" ? { unavailable: [iso(from)] } : { preferred: [iso(to)] } };
    const plan: PlanInput = {
      campaign: {
        id: "round-trip",
        title: d.title,
        period: { from: iso(from), to: iso(to) },
        registry: d.registry,
        holidays: d.holiday ? [iso(from.plus({ days: 1 }))] : [],
        replanNoticeDays: 0,
        ...(d.organizer ? { organizer: { name: d.organisations[0]!, email: "ban-to-chuc@example.org" } } : {}),
      },
      sessionNeeds: { "chinh-sach": 1, "ky-nang": 1 },
      clusters,
      trainers,
      provinces: provinceSettings,
    };
    return plan;
  });

/** A change a province or a trainer could send, about a session of the first version. */
const changeArbitrary = fc.record({ kind: fc.constantFrom("trainer-away", "province-off", "fixed", "leaves", "joins"), pick: fc.nat(), joiner: someName });

async function checkExports(dir: string, version: number, sessions: number, trainersWithSessions: number, hasOrganizer: boolean): Promise<void> {
  const at = (file: string) => join(dir, "versions", `v${version}`, file);
  const feed = new ICAL.Component(ICAL.parse(readFileSync(at("schedule.ics"), "utf8")));
  expect(feed.getAllSubcomponents("vevent")).toHaveLength(sessions);
  const calendars = readdirSync(at("trainers"));
  expect(calendars).toHaveLength(trainersWithSessions);
  for (const file of calendars) expect(new ICAL.Component(ICAL.parse(readFileSync(at(`trainers/${file}`), "utf8"))).getAllSubcomponents("vevent").length).toBeGreaterThan(0);
  if (hasOrganizer) {
    expect(readdirSync(at("requests"))).toHaveLength(sessions);
    for (const file of readdirSync(at("requests"))) expect(new ICAL.Component(ICAL.parse(readFileSync(at(`requests/${file}`), "utf8"))).getFirstSubcomponent("vevent")).not.toBeNull();
    // Invitations go to trainers with an e-mail address: there may be none with a session.
    for (const trainer of existsSync(at("messages")) ? readdirSync(at("messages")) : []) {
      for (const file of readdirSync(at(`messages/${trainer}`))) {
        const mail = await simpleParser(readFileSync(at(`messages/${trainer}/${file}`)));
        expect(mail.to).toBeDefined();
        const calendar = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
        expect(new ICAL.Component(ICAL.parse(calendar!.content.toString("utf8"))).getFirstSubcomponent("vevent")).not.toBeNull();
      }
    }
  }
  for (const table of ["sessions", "clusters"]) {
    const rows = parseCsv(readFileSync(at(`${table}.csv`), "utf8").replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    const md = readFileSync(at(`${table}.md`), "utf8").split("\n").filter((line) => line.startsWith("|"));
    // Every Markdown row has as many cells as the header: no name breaks a row.
    const cells = (line: string) => line.replace(/\\\\/g, "").replace(/\\\|/g, "").split("|").length;
    for (const line of md) expect(cells(line)).toBe(cells(md[0]!));
    if (table === "sessions") {
      expect(rows.filter((r) => r.length === rows.at(-1)!.length)).toHaveLength(sessions + 1);
      expect(md).toHaveLength(sessions + 2);
    }
  }
  const html = parseHtml(readFileSync(at("schedule.html"), "utf8"));
  expect(html.querySelectorAll("table").length).toBeGreaterThan(0);
  const docx = unzipSync(readFileSync(at("appendix.docx")));
  expect(strFromU8(docx["word/document.xml"]!)).toContain("<w:tbl>");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(at("schedule.xlsx")) as unknown as ArrayBuffer);
  expect(workbook.worksheets.length).toBeGreaterThan(0);
}

describe("property: everything taphuan writes, taphuan reads back", () => {
  it("solve, re-plan with a random change, then check every version with its recorded changes and parse every export", async () => {
    const root = mkdtempSync(join(tmpdir(), "taphuan-round-trip-"));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(planArbitrary, changeArbitrary, async (data, change) => {
        const here = join(root, String(run++));
        mkdirSync(here);
        const planPath = join(here, "plan.yaml");
        writeFileSync(planPath, stringify(data));
        let plan: Plan;
        try {
          plan = readPlan(planPath).plan;
        } catch (e) {
          // The one name a change could not be keyed by is refused as the plan is read, and said so.
          if (e instanceof InputError && e.issues.every((issue) => issue.code === "reserved-name" && issue.message.startsWith('"__proto__" cannot be used'))) return;
          throw e;
        }
        const dir = join(here, "out");
        const solved = await solveIntoFolder({ dir, plan, planPath, lang: "vi", command: "property", solver: "highs" });
        fc.pre(solved.schedule.status === "complete");

        // The change, written as a planner's changes file and read back as the CLI reads one.
        const first = solved.schedule;
        const target = first.sessions[change.pick % first.sessions.length]!;
        const trainer = target.trainers[change.pick % target.trainers.length]!;
        const changes =
          change.kind === "trainer-away"
            ? { trainers: { [trainer]: { unavailable: [target.date] } } }
            : change.kind === "leaves"
              ? { trainers: { [trainer]: { leaves: target.date } } }
              : change.kind === "province-off"
                ? { provinces: { [target.province]: { unavailable: [{ date: target.date, halfDay: target.halfDay }] } } }
                : change.kind === "fixed"
                  ? { provinces: { [target.province]: { fixed: { date: plan.data.campaign.period.to, halfDay: "afternoon" } } } }
                  : { join: [{ id: `${change.joiner} mới`, organisation: change.joiner, roles: ["chinh-sach", "ky-nang"] }] };
        writeFileSync(join(here, "changes.yaml"), stringify(changes));
        const today = DateTime.fromISO(plan.data.campaign.period.from).minus({ days: 3 }).toISODate()!;
        const proposal = await proposeReplan({ dir, plan, planPath, request: { kind: "change", change: readChanges(join(here, "changes.yaml")) }, today, source: "changes.yaml" });
        if (proposal.outcome.schedule.status === "complete") {
          const folder = await ScheduleFolder.open(dir, "property");
          try {
            publishProposal(folder, proposal, await proposalFiles(proposal, "vi"));
          } finally {
            folder.close();
          }
        }

        const reader = new ScheduleFolderReader(dir);
        for (const version of reader.versions()) {
          // As `taphuan check PLAN versions/vN/schedule.json` reads it: the plan, the recorded changes, the schedule.
          const schedulePath = reader.versionPath(version, "schedule.json");
          const changesPath = reader.versionPath(version, "changes.json");
          const recorded = readdirSync(reader.versionPath(version)).includes("changes.json");
          const checked = recorded ? planWithLog(plan, readChangeLog(changesPath), relative(here, changesPath)).plan : plan;
          const { schedule } = loadScheduleFor(checked, readInput(schedulePath), schedulePath);
          const asSolved = planOfSchedule(checked, schedule, schedulePath);
          expect(schedule.planHash).toBe(planHash(asSolved));
          expect(checkSchedule(asSolved, schedule.sessions)).toEqual([]);
          // As the next re-plan reads the version: its schedule, its log and its plan.json.
          const state = readVersion(reader, version);
          expect(state.log.entries).toHaveLength(version - 1);
          const withSessions = new Set(schedule.sessions.flatMap((s) => s.trainers));
          await checkExports(dir, version, schedule.sessions.length, withSessions.size, plan.data.campaign.organizer !== undefined);
        }
      }),
      { numRuns: 20, seed: 2121 },
    );
  }, 300_000);
});
