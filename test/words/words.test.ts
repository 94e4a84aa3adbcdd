import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/model/issues.ts";
import { SCHEMA_MESSAGES, schemaMessageText, type SchemaMessageId } from "../../src/words/validation.ts";
import { relaxationText } from "../../src/words/fixes.ts";
import { issueLine, issueText, VIETNAMESE_ISSUES } from "../../src/words/issues.ts";

const SCHEMA_MESSAGE_IDS = Object.keys(SCHEMA_MESSAGES) as SchemaMessageId[];
import type { Relaxation } from "../../src/solve/fixes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { planDifferences } from "../../src/app/plan-diff.ts";
import { differenceText } from "../../src/words/change-log.ts";

/** One plan that draws every plan warning the page words in Vietnamese. */
const PLAN = `
campaign: { id: w, title: w, period: { from: 2022-09-12, to: 2022-09-16 }, holidays: [2022-09-14], registry: vn-63 }
sessionNeeds: { policy: 1, skills: 2 }
clusters:
  - { name: Cụm A, window: { from: 2022-09-12, to: 2022-09-14 }, provinces: [Hà Nam, Nam Định, Ninh Bình, Thái Bình, Hưng Yên] }
  - { name: Cụm B, provinces: [Bắc Ninh] }
trainers:
  - { id: CĐSQG-1, organisation: O, roles: [policy] }
  - { id: DN-1, organisation: O, roles: [skills] }
provinces:
  Hà Nam: { fixed: { date: 2022-09-16, halfDay: morning } }
  Bắc Ninh: { fixed: { date: 2022-09-14, halfDay: afternoon } }
`;

describe("plan warnings in the reader's language", () => {
  const { warnings } = loadPlanText(PLAN, "w.yaml");

  it("every warning the page words in Vietnamese is drawn, from its params, with nothing English or missing", () => {
    const drawn = [...new Set(warnings.map((w) => w.code))].sort();
    expect(drawn).toEqual(["fixed-non-working-day", "fixed-outside-window", "more-provinces-than-half-days", "role-count", "window-missing", "window-on-non-working-day"]);
    expect(VIETNAMESE_ISSUES).toEqual(expect.arrayContaining(drawn));
    const vi = warnings.map((w) => issueText(w, "vi"));
    expect(vi).toEqual([
      "Thời gian của Cụm A kết thúc vào Thứ Tư, 14/9/2022, ngày lễ: không xếp buổi nào vào ngày đó",
      "Cụm B chưa có thời gian: áp dụng cả đợt, từ ngày 12/9/2022 đến ngày 16/9/2022 (hoặc chọn “Để taphuan đề xuất” ở thời gian của cụm)",
      "Mỗi buổi cần 2 giảng viên vai trò skills, nhưng chỉ 1 giảng viên như vậy được phân công cho Cụm A: không tỉnh nào của cụm xếp được",
      "Cụm A có 5 tỉnh nhưng chỉ 4 buổi làm việc trong thời gian của cụm: nhiều tỉnh phải học cùng một buổi, mỗi tỉnh với giảng viên riêng (hãy mở rộng thời gian, hoặc kiểm tra đủ giảng viên)",
      "Hà Nam xin tổ chức vào 16/9/2022 (sáng), ngoài thời gian của Cụm A (12/9/2022–14/9/2022): không xếp được",
      "Mỗi buổi cần 2 giảng viên vai trò skills, nhưng chỉ 1 giảng viên như vậy được phân công cho Cụm B: không tỉnh nào của cụm xếp được",
      "Bắc Ninh xin tổ chức vào Thứ Tư, 14/9/2022, ngày lễ: không xếp được",
    ]);
  });

  it("in English, the detector's own sentence and its hint", () => {
    expect(issueText(warnings.find((w) => w.code === "window-missing")!, "en")).toBe("Cụm B has no date window: the campaign period 2022-09-12..2022-09-16 applies — or write window: propose to have taphuan propose one");
  });
});

describe("proven fixes in the reader's language", () => {
  it("says each kind of fix in Vietnamese from its data, and in English as the fix search wrote it", () => {
    const fixes: Relaxation[] = [
      { kind: "widen-window", cluster: "Cụm 1", days: 3, direction: "later", window: { from: "2022-09-12", to: "2022-10-03" }, message: "widen Cụm 1's window to 12/9/2022–3/10/2022 (3 days later)" },
      { kind: "widen-window", cluster: "Cụm 1", days: 2, direction: "earlier", window: { from: "2022-09-08", to: "2022-09-16" }, message: "widen Cụm 1's window to 8/9/2022–16/9/2022 (2 days earlier)" },
      { kind: "more-trainers", cluster: "Cụm 1", role: "skills", count: 1, message: "1 more skills trainer for Cụm 1, free on every day of its window" },
      { kind: "raise-cap", cap: 3, message: "allow 3 sessions at the same half-day nationwide instead of 2" },
      { kind: "free-trainer", trainer: "CĐSQG-1", date: "2022-09-20", message: "CĐSQG-1 free on 20/9/2022" },
      { kind: "move-province", province: "Nam Định", written: "Nam Định", from: "Cụm 1", to: "Cụm 2", message: "move Nam Định from Cụm 1 to Cụm 2" },
      { kind: "raise-daily-cap", cap: 2, message: "allow 2 sessions a day nationwide instead of 1" },
      { kind: "shorter-notice", noticeDays: 3, message: "a notice of 3 working days after the plan is issued instead of 5" },
      { kind: "trainer-also-available", trainer: "P-1", date: "2022-09-14", message: "P-1 also available on 14/9/2022" },
    ];
    expect(fixes.map((f) => relaxationText(f, "vi"))).toEqual([
      "mở rộng thời gian của Cụm 1 đến ngày 3/10/2022 (thêm 3 ngày)",
      "mở rộng thời gian của Cụm 1 từ ngày 8/9/2022 (sớm hơn 2 ngày)",
      "thêm 1 giảng viên vai trò skills cho Cụm 1, rảnh mọi ngày trong thời gian của cụm",
      "cho phép tối đa 3 buổi diễn ra cùng lúc trên cả nước",
      "CĐSQG-1 rảnh thêm ngày 20/9/2022",
      "chuyển Nam Định từ Cụm 1 sang Cụm 2",
      "cho phép tối đa 2 buổi trong một ngày trên cả nước",
      "rút thời hạn báo trước sau khi ban hành kế hoạch còn 3 ngày làm việc",
      "P-1 nhận dạy thêm ngày 14/9/2022",
    ]);
    expect(fixes.map((f) => relaxationText(f, "en"))).toEqual(fixes.map((f) => f.message));
  });
});

describe("a broken plan's problems in Vietnamese", () => {
  const dir = fileURLToPath(new URL("../fixtures/broken/", import.meta.url));
  const problems = readdirSync(dir).flatMap((file) => {
    try {
      loadPlanText(readFileSync(join(dir, file), "utf8"), file);
      return [];
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return e.issues.map((issue) => ({ file, issue }));
    }
  });

  it("every problem of the broken-plan corpus has Vietnamese words from its facts, YAML syntax included", () => {
    expect(problems.length).toBeGreaterThan(40);
    const unworded = problems.filter(({ issue }) => !issue.params || !/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/.test(issueText(issue, "vi")));
    expect(unworded.map(({ file, issue }) => `${file}: ${issue.code}`)).toEqual([]);
  });

  it("says where (file, line, field) as the CLI does, then what is wrong in Vietnamese", () => {
    const found = problems.find(({ file }) => file === "11-september-31.yaml")!;
    expect(issueLine(found.file, found.issue, "vi")).toBe('11-september-31.yaml:6:35: campaign.period.to: "2022-09-31" không phải một ngày: tháng 9 năm 2022 có 30 ngày (đã ghi ngày 31)');
    expect(issueLine(found.file, found.issue, "en")).toBe('11-september-31.yaml:6:35: campaign.period.to: "2022-09-31" is not a date: September 2022 has 30 days (asked for day 31)');
  });

  it("refuses a label for a role no session needs, in the planner's words", () => {
    const found = problems.find(({ file }) => file === "46-role-label-for-no-role.yaml")!;
    expect(issueLine(found.file, found.issue, "vi")).toBe('46-role-label-for-no-role.yaml:13:10: roles.skill: roles ghi tên cho vai trò "skill", nhưng sessionNeeds không có vai trò này — các vai trò của kế hoạch (sessionNeeds): policy, skills');
  });

  it("the schema's messages are ids worded here: no id reaches a reader, and each has both languages", () => {
    for (const { issue } of problems) expect(SCHEMA_MESSAGE_IDS).not.toContain(issue.message);
    for (const id of SCHEMA_MESSAGE_IDS) for (const lang of ["en", "vi"] as const) expect(schemaMessageText(id, { input: "x", unit: "daily", year: 2022, month: 2, day: 30, monthLength: 28 }, lang)).not.toMatch(/undefined/);
  });
});

describe("a plan file's edits in the reader's words", () => {
  it("a trainer's field by its workbook column, its values as text and dates, not JSON", () => {
    const before = loadPlanText(PLAN, "w.yaml").plan!.data;
    const after = loadPlanText(PLAN.replace("{ id: DN-1, organisation: O, roles: [skills] }", "{ id: DN-1, organisation: O, roles: [skills, policy], email: dn-1@example.org, unavailable: [2022-09-12, { from: 2022-09-15, to: 2022-09-16, halfDay: morning }] }"), "w.yaml").plan!.data;
    const differences = planDifferences(before, after);
    expect(differences.map((d) => differenceText(d, "vi"))).toEqual([
      "giảng viên DN-1: e-mail: — → dn-1@example.org",
      "giảng viên DN-1: vai trò: skills → skills, policy",
      "giảng viên DN-1: ngày vắng: — → 12/9/2022, 15/9/2022–16/9/2022 (sáng)",
    ]);
    expect(differences.map((d) => differenceText(d, "en"))).toEqual([
      "trainer DN-1: e-mail: — → dn-1@example.org",
      "trainer DN-1: roles: skills → skills, policy",
      "trainer DN-1: days away: — → 12/9/2022, 15/9/2022–16/9/2022 (morning)",
    ]);
  });

  it("the campaign's settings, a province's, the roles and a window by their forms' names, values as text and dates, defaults not said", () => {
    const before = loadPlanText(PLAN, "w.yaml").plan!.data;
    const after = loadPlanText(
      PLAN.replace("title: w, period: { from: 2022-09-12, to: 2022-09-16 }", "title: Tập huấn, period: { from: 2022-09-12, to: 2022-09-23 }, workingDays: [mon, tue, wed, thu, fri, sat], organizer: { name: Cục CĐSQG, email: dau-moi@example.org }, issued: 2022-09-01T08:00:00+07:00")
        .replace("sessionNeeds: { policy: 1, skills: 2 }", "sessionNeeds: { policy: 1, skills: 1 }")
        .replace("window: { from: 2022-09-12, to: 2022-09-14 }", "window: propose")
        .replace("provinces:\n", "provinces:\n  Ninh Bình: { venue: Hội trường Sở, fixed: { date: 2022-09-13, halfDay: afternoon } }\n"),
      "w.yaml",
    ).plan!.data;
    const differences = planDifferences(before, after);
    const vi = differences.map((d) => differenceText(d, "vi"));
    expect(vi).toEqual(expect.arrayContaining([
      "đợt tập huấn: tên: w → Tập huấn",
      "đợt tập huấn: thời gian: 12/9/2022–16/9/2022 → 12/9/2022–23/9/2022",
      "đợt tập huấn: ngày làm việc trong tuần: Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu → Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu, Thứ Bảy",
      "đợt tập huấn: đơn vị tổ chức: — → Cục CĐSQG, dau-moi@example.org",
      "đợt tập huấn: ngày ban hành: — → 1/9/2022 08:00",
      "giảng viên mỗi buổi cần: policy: 1, skills: 2 → policy: 1, skills: 1",
      "thời gian của Cụm A: 12/9/2022–14/9/2022 → taphuan đề xuất",
      "Ninh Bình: buổi cố định: — → 13/9/2022, chiều",
      "Ninh Bình: địa điểm: — → Hội trường Sở",
    ]));
    expect(differences.map((d) => differenceText(d, "en"))).toEqual(expect.arrayContaining(["campaign: period: 12/9/2022–16/9/2022 → 12/9/2022–23/9/2022", "Ninh Bình: venue: — → Hội trường Sở", "Cụm A: window 12/9/2022–14/9/2022 → proposed by taphuan"]));
    // No raw keys, no JSON, no defaults (a province's empty lists) said as a change.
    for (const line of vi) expect(line).not.toMatch(/[{}[\]"]|campaign\.|provinces|unavailable/);
  });
});
