/** "Where can this session go?": every mark is what the rules and a re-plan say, checked here by other means. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { alternativesOf, mergeAlternatives, type Alternative, type Alternatives } from "../../src/app/alternatives.ts";
import { currentState, proposalFiles, proposeReplan, publishProposal } from "../../src/app/replan.ts";
import { ScheduleFolder } from "../../src/folder/schedule-folder.ts";
import { solveIntoFolder } from "../../src/app/solve.ts";
import { emptyChanges } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { makeSession } from "../../src/model/schedule.ts";
import { independentParts } from "../../src/solve/build.ts";
import { checkSchedule } from "../../src/solve/check.ts";

// The small plan with Nam Định unable to host on the 15th: that half-day must be impossible, and why.
const TEXT = `${readFileSync("test/fixtures/small-plan.yaml", "utf8")}provinces:\n  Nam Định: { unavailable: [2022-09-15] }\n`;
// CĐSQG-1 serves Cụm A alone, so the plan has two independent parts; one policy speaker and one
// skills trainer for the three provinces of Cụm A, so Nam Định on another's half-day moves that one.
const TWO_PARTS = TEXT.replace("roles: [policy], home: Hà Nội }", "roles: [policy], clusters: [Cụm A], home: Hà Nội }").replace("provinces: [Hà Nam, Nam Định]", "provinces: [Hà Nam, Nam Định, Ninh Bình]");

describe("where a session can go (src/app/alternatives.ts)", () => {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-alt-"));
  const planPath = join(dir, "plan.yaml");
  writeFileSync(planPath, TEXT);
  const plan = loadPlanText(TEXT, planPath).plan;
  const out = join(dir, "out");
  let found: Alternatives;

  beforeAll(async () => {
    await solveIntoFolder({ dir: out, plan, planPath, lang: "vi", command: "test" });
    found = await alternativesOf({ dir: out, plan, planPath, province: "Nam Định", today: "2022-09-09" });
  }, 60_000);

  it("lists every working half-day of the window once, the current one marked", () => {
    const cluster = plan.clusters.find((c) => c.name === "Cụm A")!;
    expect(found.alternatives.map((a) => `${a.date}/${a.halfDay}`)).toEqual(cluster.slots.map((s) => s.key));
    const session = currentState(out)!.schedule.sessions.find((s) => s.province === "Nam Định")!;
    expect(found.alternatives.filter((a) => a.kind === "current")).toEqual([{ date: session.date, halfDay: session.halfDay, kind: "current", trainers: session.trainers }]);
  });

  it("a day the province cannot host is impossible, naming that rule", () => {
    for (const a of found.alternatives.filter((x) => x.date === "2022-09-15")) {
      expect(a.kind).toBe("impossible");
      if (a.kind === "impossible") expect(a.because.map((v) => v.rule)).toContain("province-available");
    }
  });

  it("a free half-day is free: the session moved there alone, with the trainers named, breaks no rule", () => {
    const { schedule } = currentState(out)!;
    const free = found.alternatives.filter((a) => a.kind === "free");
    expect(free.length).toBeGreaterThan(0);
    for (const a of free) {
      if (a.kind !== "free") continue;
      const province = plan.provinces.find((p) => p.name === "Nam Định")!;
      const moved = schedule.sessions.map((s) => (s.province === "Nam Định" ? makeSession(plan, province, a, a.trainers) : s));
      expect({ at: `${a.date}/${a.halfDay}`, broken: checkSchedule(plan, moved) }).toEqual({ at: `${a.date}/${a.halfDay}`, broken: [] });
    }
  });

  it("'N other sessions move' is what a re-plan with the province fixed there does, and 'impossible' is a re-plan with someone left out", async () => {
    for (const a of found.alternatives.filter((x) => x.kind === "moves" || (x.kind === "impossible" && x.unplaced))) {
      const change = emptyChanges();
      change.provinces["Nam Định"] = { unavailable: [], fixed: { date: a.date, halfDay: a.halfDay } };
      const { outcome } = await proposeReplan({ dir: out, plan, planPath, request: { kind: "change", change }, today: "2022-09-09", source: "test" });
      if (a.kind === "moves") expect(outcome.changes.filter((c) => c.kind !== "unchanged" && c.province !== "Nam Định")).toEqual(a.moves);
      else expect(outcome.schedule.status).toBe("partial");
    }
  });

  it("out of time, a half-day that needs a re-plan is said to be not computed, never guessed", async () => {
    const quick = await alternativesOf({ dir: out, plan, planPath, province: "Nam Định", today: "2022-09-09", budgetSeconds: 0 });
    expect(quick.alternatives.some((a) => a.kind === "moves")).toBe(false);
    expect(quick.alternatives.filter((a) => a.kind !== "not-computed")).toEqual(found.alternatives.filter((a) => a.kind !== "moves" && !(a.kind === "impossible" && a.unplaced)));
  });

  it("the past: after the session was held, every other half-day is impossible", async () => {
    const held = await alternativesOf({ dir: out, plan, planPath, province: "Nam Định", today: "2022-09-16" });
    expect(held.alternatives.every((a) => a.kind === "current" || (a.kind === "impossible" && a.because.some((v) => v.rule === "held-sessions" || v.rule === "changes-after-today")))).toBe(true);
  });
});

describe("where a session can go, asked with an earlier today than the version's own", () => {
  it("holds what that version held, as a re-plan does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-alt-"));
    const planPath = join(dir, "plan.yaml");
    writeFileSync(planPath, TEXT);
    const plan = loadPlanText(TEXT, planPath).plan;
    const out = join(dir, "out");
    await solveIntoFolder({ dir: out, plan, planPath, lang: "vi", command: "test" });
    // Version 2, made on 13/9.
    const change = emptyChanges();
    change.provinces["Bắc Ninh"] = { unavailable: ["2022-09-16"] };
    const proposal = await proposeReplan({ dir: out, plan, planPath, request: { kind: "change", change }, today: "2022-09-13", source: "test" });
    const folder = await ScheduleFolder.open(out, "test");
    try {
      publishProposal(folder, proposal, await proposalFiles(proposal, "vi"));
    } finally {
      folder.close();
    }
    const asOf = await alternativesOf({ dir: out, plan, planPath, province: "Nam Định", today: "2022-09-13" });
    const earlier = await alternativesOf({ dir: out, plan, planPath, province: "Nam Định", today: "2022-09-09" });
    expect(earlier.alternatives).toEqual(asOf.alternatives);
    // 13/9 and before are past for version 2: nothing is offered there.
    expect(earlier.alternatives.filter((a) => a.date <= "2022-09-13" && (a.kind === "free" || a.kind === "moves"))).toEqual([]);
  }, 60_000);
});

describe("where a session can go, re-planning only the independent part of the plan its cluster belongs to", () => {
  /** Every half-day a re-plan decided is what a re-plan of the whole plan with the province fixed there says. */
  async function expectSameAsWholeReplans(text: string, province: string, today: string, parts: number): Promise<Alternatives> {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-alt-"));
    const planPath = join(dir, "plan.yaml");
    writeFileSync(planPath, text);
    const plan = loadPlanText(text, planPath).plan;
    expect(independentParts(plan)).toHaveLength(parts);
    const out = join(dir, "out");
    await solveIntoFolder({ dir: out, plan, planPath, lang: "vi", command: "test" });
    const found = await alternativesOf({ dir: out, plan, planPath, province, today });
    const replanned = found.alternatives.filter((a) => a.kind === "moves" || (a.kind === "impossible" && a.unplaced));
    expect(replanned.length).toBeGreaterThan(0);
    for (const a of replanned) {
      const change = emptyChanges();
      change.provinces[province] = { unavailable: [], fixed: { date: a.date, halfDay: a.halfDay } };
      const { outcome } = await proposeReplan({ dir: out, plan, planPath, request: { kind: "change", change }, today, source: "test", proveRelaxations: false });
      const whole: Alternative =
        outcome.schedule.status !== "complete"
          ? { date: a.date, halfDay: a.halfDay, kind: "impossible", because: [], unplaced: outcome.schedule.unplaced.map((u) => ({ province: u.province, reasons: u.reasons })) }
          : { date: a.date, halfDay: a.halfDay, kind: "moves", moves: outcome.changes.filter((c) => c.kind !== "unchanged" && c.province !== province) };
      expect(a).toEqual(whole);
    }
    return found;
  }

  it("two parts (no trainer serves both clusters): the same marks as re-plans of the whole plan", async () => {
    const found = await expectSameAsWholeReplans(TWO_PARTS, "Nam Định", "2022-09-01", 2);
    expect(found.alternatives.some((a) => a.kind === "moves" && a.moves.some((m) => m.province === "Hà Nam"))).toBe(true);
  }, 60_000);

  it("the plan edited since, a session of the other part now breaking a rule: that part stays as it is, its moves not counted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-alt-"));
    const planPath = join(dir, "plan.yaml");
    const before = loadPlanText(TWO_PARTS, planPath).plan;
    const out = join(dir, "out");
    await solveIntoFolder({ dir: out, plan: before, planPath, lang: "vi", command: "test" });
    const held = currentState(out)!.schedule.sessions.find((s) => s.province === "Bắc Ninh")!;
    const text = TWO_PARTS.replace("Nam Định: { unavailable: [2022-09-15] }", `Nam Định: { unavailable: [2022-09-15] }\n  Bắc Ninh: { unavailable: [${held.date}] }`);
    writeFileSync(planPath, text);
    const plan = loadPlanText(text, planPath).plan;
    const found = await alternativesOf({ dir: out, plan, planPath, province: "Nam Định", today: "2022-09-01" });
    const replanned = found.alternatives.filter((a) => a.kind === "moves");
    expect(replanned.length).toBeGreaterThan(0);
    for (const a of replanned) {
      const change = emptyChanges();
      change.provinces["Nam Định"] = { unavailable: [], fixed: { date: a.date, halfDay: a.halfDay } };
      const { outcome } = await proposeReplan({ dir: out, plan, planPath, request: { kind: "change", change }, today: "2022-09-01", source: "test", proveRelaxations: false });
      const moved = outcome.changes.filter((c) => c.kind !== "unchanged" && c.province !== "Nam Định");
      // The whole plan's re-plan moves Bắc Ninh off its day as well; the half-day's own moves are those of Cụm A.
      expect(moved.some((c) => c.province === "Bắc Ninh")).toBe(true);
      if (a.kind === "moves") expect(a.moves).toEqual(moved.filter((c) => c.cluster === "Cụm A"));
    }
  }, 60_000);

  it("the 2022 plan (three parts): the same marks for Nam Định as re-plans of the whole plan", async () => {
    await expectSameAsWholeReplans(readFileSync("plans/2022-09-tcnscd.yaml", "utf8"), "Nam Định", "2022-09-11", 3);
  }, 120_000);
});

describe("where a session can go, its re-plans shared between workers", () => {
  it("two askers sharing one counter take the re-plans between them, and together answer what one alone does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "taphuan-alt-"));
    const planPath = join(dir, "plan.yaml");
    writeFileSync(planPath, TWO_PARTS);
    const plan = loadPlanText(TWO_PARTS, planPath).plan;
    const out = join(dir, "out");
    await solveIntoFolder({ dir: out, plan, planPath, lang: "vi", command: "test" });
    const input = { dir: out, plan, planPath, province: "Nam Định", today: "2022-09-01" };
    const alone = await alternativesOf(input);
    let next = 0;
    const claim = () => next++;
    const shares = await Promise.all([alternativesOf({ ...input, claim }), alternativesOf({ ...input, claim })]);
    // Each left the other some re-plans (they take them in turn), and never one both made.
    expect(shares.every((s) => s.leftTo!.length > 0)).toBe(true);
    expect(shares[0]!.leftTo!.filter((key) => shares[1]!.leftTo!.includes(key))).toEqual([]);
    expect(mergeAlternatives(shares)).toEqual(alone);
    // Shares of two versions never merge.
    expect(mergeAlternatives([shares[0]!, { ...shares[1]!, version: shares[1]!.version + 1 }])).toBeUndefined();
  }, 60_000);
});
