import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/plan.ts";
import type { Session } from "../../src/model/schedule.ts";
import { checkSchedule, evaluateGoals } from "../../src/solve/check.ts";
import { previousSchedule } from "../../src/solve/replan.ts";
import { HARD_CONSTRAINTS } from "../../src/solve/constraints/index.ts";
import { rulesWithoutVietnamese } from "../../src/words/rules.ts";
import { unfilledRoles } from "../../src/solve/constraints/roles-filled.ts";
import { session, smallPlan } from "../helpers.ts";

/** A schedule of the small plan that keeps every rule. */
function valid(plan: Plan): Session[] {
  return [
    session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
    session(plan, "Nam Định", "2022-09-12", "afternoon", ["CĐSQG-1", "Doanh nghiệp-1"]),
    session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-2", "Đoàn-1"]),
    session(plan, "Bắc Giang", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-1"]),
  ];
}

function replace(sessions: Session[], province: string, by: Session | undefined): Session[] {
  return sessions.flatMap((s) => (s.province === province ? (by ? [by] : []) : [s]));
}

function only(rule: string, plan: Plan, sessions: Session[]) {
  const violations = checkSchedule(plan, sessions);
  expect(violations.map((v) => v.rule)).toEqual(violations.map(() => rule));
  return violations;
}

describe("each constraint: a schedule that keeps it and one that breaks it", () => {
  it("the control schedule keeps every rule", () => {
    const plan = smallPlan();
    expect(checkSchedule(plan, valid(plan))).toEqual([]);
  });

  it("one-session-per-province: a missing, a doubled and an unknown province", () => {
    const plan = smallPlan();
    const [missing] = only("one-session-per-province", plan, replace(valid(plan), "Bắc Giang", undefined));
    expect(missing).toMatchObject({ province: "Bắc Giang", message: "Bắc Giang (Cụm B) has no session" });
    const doubled = [...valid(plan), session(plan, "Hà Nam", "2022-09-15", "morning", ["CĐSQG-1", "Doanh nghiệp-1"])];
    expect(checkSchedule(plan, doubled).find((v) => v.rule === "one-session-per-province")?.message).toBe("Hà Nam has more than one session (again on Hà Nam, 15/9/2022 morning)");
    const unknown = [...valid(plan), { ...valid(plan)[0]!, province: "Hà Giang", code: "02" }];
    expect(checkSchedule(plan, unknown).filter((v) => v.rule === "one-session-per-province").map((v) => v.message)).toContain("Hà Giang, 12/9/2022 morning: Hà Giang is not in this plan's clusters");
  });

  it("inside-window", () => {
    const plan = smallPlan((t) => t.replace("window: { from: 2022-09-12, to: 2022-09-16 }", "window: { from: 2022-09-12, to: 2022-09-13 }"));
    const [v] = only("inside-window", plan, replace(valid(plan), "Nam Định", session(plan, "Nam Định", "2022-09-15", "morning", ["CĐSQG-1", "Doanh nghiệp-1"])));
    expect(v).toMatchObject({ province: "Nam Định", date: "2022-09-15", halfDay: "morning", message: "Nam Định, 15/9/2022 morning is outside Cụm A's window 2022-09-12..2022-09-13" });
  });

  it("working-half-day: a holiday", () => {
    const plan = smallPlan();
    const [v] = only("working-half-day", plan, replace(valid(plan), "Nam Định", session(plan, "Nam Định", "2022-09-14", "morning", ["CĐSQG-1", "Doanh nghiệp-1"])));
    expect(v!.message).toBe("Nam Định, 14/9/2022 morning is a holiday");
  });

  it("province-available", () => {
    const plan = smallPlan((t) => `${t}provinces:\n  Hà Nam: { unavailable: [2022-09-12] }\n`);
    const [v] = only("province-available", plan, valid(plan));
    expect(v).toMatchObject({ province: "Hà Nam", date: "2022-09-12", message: "Hà Nam, 12/9/2022 morning: Hà Nam cannot host then" });
  });

  it("fixed-slot", () => {
    const plan = smallPlan((t) => `${t}provinces:\n  Hà Nam: { fixed: { date: 2022-09-12, halfDay: afternoon } }\n`);
    const [v] = only("fixed-slot", plan, valid(plan));
    expect(v!.message).toBe("Hà Nam, 12/9/2022 morning: Hà Nam is fixed to 2022-09-12 afternoon");
  });

  it("roles-filled: a missing role, and a matching that a naive count would accept", () => {
    const plan = smallPlan();
    const [v] = only("roles-filled", plan, replace(valid(plan), "Hà Nam", session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1"])));
    expect(v!.message).toBe("Hà Nam, 12/9/2022 morning: no trainer for skills (has CĐSQG-1)");
    const both = { id: "T", roles: ["policy", "skills"] } as never;
    const policy = { id: "P", roles: ["policy"] } as never;
    expect(unfilledRoles(new Map([["policy", 1], ["skills", 1]]), [both, policy])).toEqual([]);
    expect(unfilledRoles(new Map([["policy", 1], ["skills", 1]]), [both])).toEqual(["skills"]);
  });

  it("trainer-allowed: a trainer outside their clusters, and one not in the plan", () => {
    const plan = smallPlan();
    const [v] = only("trainer-allowed", plan, replace(valid(plan), "Bắc Giang", session(plan, "Bắc Giang", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-1", "Doanh nghiệp-1"])).map((s) => (s.province === "Bắc Giang" ? { ...s, trainers: ["CĐSQG-2", "Doanh nghiệp-1"] } : s)));
    expect(v).toMatchObject({ trainers: ["Doanh nghiệp-1"], message: "Bắc Giang, 13/9/2022 afternoon: Doanh nghiệp-1 may not serve Cụm B" });
    const unknown = checkSchedule(plan, replace(valid(plan), "Bắc Giang", session(plan, "Bắc Giang", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-9"])));
    expect(unknown.map((x) => x.rule)).toEqual(["roles-filled", "trainer-allowed"]);
  });

  it("trainer-available", () => {
    const plan = smallPlan();
    const moved = valid(plan).map((s) => (s.province.startsWith("Bắc") ? { ...s, date: "2022-09-12", start: undefined, end: undefined } : s)) as Session[];
    const violations = only("trainer-available", plan, moved);
    expect(violations.map((v) => v.message)).toEqual(["Bắc Ninh, 12/9/2022 morning: CĐSQG-2 is not available then", "Bắc Giang, 12/9/2022 afternoon: CĐSQG-2 is not available then"]);
  });

  it("trainer-one-place", () => {
    const plan = smallPlan();
    const clash = replace(valid(plan), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-12", "morning", ["CĐSQG-1", "Đoàn-1"]));
    const found = checkSchedule(plan, clash).filter((v) => v.rule === "trainer-one-place");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ trainers: ["CĐSQG-1"], message: "CĐSQG-1 is in two places on 2022-09-12 morning: Hà Nam and Bắc Ninh" });
  });

  it("trainer-daily-max", () => {
    const plan = smallPlan((t) => t.replace("roles: [policy], home: Hà Nội }", "roles: [policy], home: Hà Nội, maxSessionsPerDay: 1 }"));
    const [v] = only("trainer-daily-max", plan, valid(plan));
    expect(v!.message).toBe("CĐSQG-1 gives 2 sessions on 2022-09-12 (Hà Nam, Nam Định), at most 1 a day");
  });

  it("travel-time: Phủ Lý to Bắc Giang does not fit in the midday gap", () => {
    const plan = smallPlan();
    const far = [
      session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(plan, "Nam Định", "2022-09-15", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]),
      session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-2", "Đoàn-1"]),
      session(plan, "Bắc Giang", "2022-09-12", "afternoon", ["CĐSQG-1", "Đoàn-1"]),
    ];
    const [v] = only("travel-time", plan, far);
    expect(v!.message).toMatch(/^CĐSQG-1 cannot get from Hà Nam \(2022-09-12 morning\) to Bắc Giang \(2022-09-12 afternoon\): about 2\.\d h of travel, 2\.0 h between the sessions$/);
  });

  it("nationwide-cap", () => {
    const plan = smallPlan((t) => t.replace("  registry: vn-63", "  registry: vn-63\n  maxConcurrentSessions: 1"));
    const same = replace(valid(plan), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-12", "morning", ["CĐSQG-2", "Đoàn-1"]));
    const violations = checkSchedule(plan, same);
    expect(violations.map((v) => v.rule)).toContain("nationwide-cap");
    expect(violations.find((v) => v.rule === "nationwide-cap")!.message).toBe("2 sessions on 2022-09-12 morning (Hà Nam, Bắc Ninh), the cap is 1");
  });

  it("session-cluster: a session filed under another cluster than its province's", () => {
    const plan = smallPlan();
    const wrong = replace(valid(plan), "Hà Nam", { ...session(plan, "Hà Nam", "2022-09-12", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]), cluster: "Cụm B" });
    const [v] = only("session-cluster", plan, wrong);
    expect(v!.message).toBe("Hà Nam, 12/9/2022 morning is filed under Cụm B, but Hà Nam belongs to Cụm A");
  });

  it("notice-period: five working days after the plan was issued, unless the plan says otherwise", () => {
    const plan = smallPlan((t) => t.replace("  registry: vn-63", "  registry: vn-63\n  issued: 2022-09-07T08:00:00+07:00"));
    // Issued Wednesday 7/9: Thu 8, Fri 9, Mon 12, Tue 13, (Wed 14 is a holiday in this plan), Thu 15.
    const early = checkSchedule(plan, valid(plan)).filter((v) => v.rule === "notice-period");
    expect(early).toHaveLength(4);
    expect(early[0]!.message).toBe("Hà Nam, 12/9/2022 morning is before 15/9/2022, the end of the 5 working days' notice after the plan was issued (7/9/2022)");
    const none = smallPlan((t) => t.replace("  registry: vn-63", "  registry: vn-63\n  issued: 2022-09-07T08:00:00+07:00\n  noticeDays: 0"));
    expect(checkSchedule(none, valid(none))).toEqual([]);
    expect(checkSchedule(smallPlan(), valid(smallPlan()))).toEqual([]);
  });

  it("travel-time: half-days that touch (a gap of 0 h) still need the trip", () => {
    const plan = smallPlan((t) => t.replace("  registry: vn-63", '  registry: vn-63\n  halfDays: { morning: { start: "08:00", end: "12:00" }, afternoon: { start: "12:00", end: "16:00" } }'));
    const touching = replace(valid(plan), "Nam Định", session(plan, "Bắc Giang", "2022-09-12", "afternoon", ["CĐSQG-1", "Doanh nghiệp-1"]));
    const violations = checkSchedule(plan, touching).filter((v) => v.rule === "travel-time");
    expect(violations.map((v) => v.message)).toContainEqual(expect.stringMatching(/^CĐSQG-1 cannot get from Hà Nam \(2022-09-12 morning\) to Bắc Giang \(2022-09-12 afternoon\): about \d\.\d h of travel, 0\.0 h between the sessions$/));
  });

  it("travel-time: checked between consecutive sessions, so an override shorter than the road through a third province holds", () => {
    // Hà Nam → Nam Định → (overnight) Bắc Ninh: each leg fits, though the override says Hà Nam ↔ Bắc Ninh takes 30 h.
    const plan = smallPlan((t) => `${t}travel:\n  overrides: [{ between: [Hà Nam, Bắc Ninh], hours: 30 }]\n`);
    const through = replace(valid(plan), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-1", "Đoàn-1"]));
    expect(checkSchedule(plan, through)).toEqual([]);
    const direct = replace(through, "Nam Định", session(plan, "Nam Định", "2022-09-12", "afternoon", ["CĐSQG-2", "Doanh nghiệp-1"]));
    expect(checkSchedule(plan, direct).filter((v) => v.rule === "travel-time").map((v) => v.message)).toEqual(["CĐSQG-1 cannot get from Hà Nam (2022-09-12 morning) to Bắc Ninh (2022-09-13 morning): about 30.0 h of travel, 20.5 h between the sessions"]);
  });

  it("held-sessions: a re-plan keeps what was held, exactly; without a previous schedule it says nothing", () => {
    const plan = smallPlan();
    const before = previousSchedule(plan, valid(plan), "2022-09-12");
    expect(checkSchedule(plan, valid(plan), before)).toEqual([]);
    const moved = replace(valid(plan), "Hà Nam", session(plan, "Hà Nam", "2022-09-15", "morning", ["CĐSQG-1", "Doanh nghiệp-1"]));
    expect(checkSchedule(plan, moved, before).filter((v) => v.rule === "held-sessions").map((v) => v.message)).toEqual(["Hà Nam: the session held on 12/9/2022 morning with CĐSQG-1, Doanh nghiệp-1 is now on 15/9/2022 morning"]);
    const restaffed = replace(valid(plan), "Nam Định", session(plan, "Nam Định", "2022-09-12", "afternoon", ["CĐSQG-2", "Doanh nghiệp-1"]));
    expect(checkSchedule(plan, restaffed, before).filter((v) => v.rule === "held-sessions").map((v) => v.message)).toEqual(["Nam Định: the session held on 12/9/2022 afternoon with CĐSQG-1, Doanh nghiệp-1 now names CĐSQG-2, Doanh nghiệp-1"]);
    expect(checkSchedule(plan, moved).filter((v) => v.rule === "held-sessions")).toEqual([]);
  });

  it("changes-after-today: nothing placed, moved or re-staffed before the re-planning notice after today ends; what stays, stays", () => {
    const plan = smallPlan();
    // Decided on Monday 12/9 with the default notice of 2 working days (14/9 is a holiday): a change lies on Thursday 15/9 or later.
    const before = previousSchedule(plan, valid(plan), "2022-09-12");
    expect(before.changeableFrom).toBe("2022-09-15");
    const rule = (sessions: Session[], previous = before) => checkSchedule(plan, sessions, previous).filter((v) => v.rule === "changes-after-today").map((v) => v.message);
    expect(rule(valid(plan))).toEqual([]);
    expect(rule(replace(valid(plan), "Bắc Giang", session(plan, "Bắc Giang", "2022-09-15", "morning", ["CĐSQG-2", "Đoàn-1"])))).toEqual([]);
    expect(rule(replace(valid(plan), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-1"])))).toEqual([
      "Bắc Ninh: moved to 13/9/2022 afternoon, within the 2 working days' notice after today (12/9/2022); a change lies on 15/9/2022 or later",
    ]);
    expect(rule(replace(valid(plan), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-1", "Đoàn-1"])))).toEqual([
      "Bắc Ninh: given other trainers on 13/9/2022 morning, within the 2 working days' notice after today (12/9/2022); a change lies on 15/9/2022 or later",
    ]);
    // A session still to come, moved onto today: the past is no place for it.
    const later = replace(valid(plan), "Bắc Giang", session(plan, "Bắc Giang", "2022-09-15", "afternoon", ["CĐSQG-2", "Đoàn-1"]));
    expect(rule(replace(later, "Bắc Giang", session(plan, "Bắc Giang", "2022-09-12", "afternoon", ["CĐSQG-2", "Đoàn-1"])), previousSchedule(plan, later, "2022-09-12"))).toEqual([
      "Bắc Giang: moved to 12/9/2022 afternoon, on or before today (12/9/2022); a change lies on 15/9/2022 or later",
    ]);
    // replanNoticeDays: 0 — any later day; and no today, no rule.
    const noNotice = smallPlan((t) => t.replace("campaign:\n", "campaign:\n  replanNoticeDays: 0\n"));
    expect(previousSchedule(noNotice, valid(noNotice), "2022-09-12").changeableFrom).toBe("2022-09-13");
    expect(rule(replace(valid(plan), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-13", "afternoon", ["CĐSQG-2", "Đoàn-1"])), previousSchedule(plan, valid(plan)))).toEqual([]);
  });

  it("fewest-moves and fewest-trainer-changes: the exact penalty against the previous schedule, nothing without one", () => {
    const plan = smallPlan();
    const before = previousSchedule(plan, valid(plan));
    const changed = replace(replace(valid(plan), "Bắc Giang", session(plan, "Bắc Giang", "2022-09-15", "afternoon", ["CĐSQG-2", "Đoàn-1"])), "Bắc Ninh", session(plan, "Bắc Ninh", "2022-09-13", "morning", ["CĐSQG-1", "Đoàn-1"]));
    const penalties = Object.fromEntries(evaluateGoals(plan, changed, before).map((g) => [g.id, g.penalty]));
    expect(penalties["fewest-moves"]).toBe(1);
    expect(penalties["fewest-trainer-changes"]).toBe(1);
    const none = Object.fromEntries(evaluateGoals(plan, changed).map((g) => [g.id, g.penalty]));
    expect([none["fewest-moves"], none["fewest-trainer-changes"]]).toEqual([0, 0]);
  });

  it("every hard constraint has a Vietnamese name for the page", () => {
    expect(rulesWithoutVietnamese()).toEqual([]);
  });

  it("every hard constraint has a stable id, a label and a test above", () => {
    expect(HARD_CONSTRAINTS.map((c) => c.id)).toEqual([
      "one-session-per-province",
      "session-cluster",
      "inside-window",
      "working-half-day",
      "fixed-slot",
      "notice-period",
      "province-available",
      "roles-filled",
      "trainer-allowed",
      "trainer-available",
      "trainer-one-place",
      "trainer-daily-max",
      "travel-time",
      "trainer-weekly-max",
      "nationwide-cap",
      "held-sessions",
      "changes-after-today",
    ]);
  });
});
