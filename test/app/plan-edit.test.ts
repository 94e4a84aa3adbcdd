/** The plan edited part by part, as the forms edit it: only what changed is written, problems come back at their fields. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planDifferences } from "../../src/app/plan-diff.ts";
import * as edit from "../../src/app/plan-edit.ts";
import { editYaml } from "../../src/app/yaml-edit.ts";
import { EMPTY_LOG, withChange, withWithdrawal } from "../../src/model/change-log.ts";
import { ChangesSchema } from "../../src/model/changes.ts";
import { loadPlanText } from "../../src/model/load.ts";
import { differenceText } from "../../src/words/change-log.ts";

const FILE = "plan.yaml";
const LETTER = readFileSync("plans/2022-09-tcnscd.yaml", "utf8");
const SMALL = readFileSync("test/fixtures/small-plan.yaml", "utf8");
const planOf = (text: string) => loadPlanText(text, FILE).plan;

/** The lines taken out of `before` and those put into `after` (a longest-common-subsequence diff): what an edit wrote, and nothing else. */
function changedLines(before: string, after: string): { gone: string[]; added: string[] } {
  const [a, b] = [before.split("\n"), after.split("\n")];
  const common = a.map(() => new Array<number>(b.length + 1).fill(0));
  common.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const gone: string[] = [];
  const added: string[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) [i, j] = [i + 1, j + 1];
    else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) added.push(b[j++]!);
    else gone.push(a[i++]!);
  }
  return { gone, added };
}

function saved(outcome: edit.EditOutcome): string {
  if (!outcome.ok) throw new Error(JSON.stringify(edit.problemMessages(outcome.problems, "en")));
  return outcome.text;
}

describe("editing the campaign", () => {
  it("writes only the fields changed, in place, every comment and other line kept byte for byte", () => {
    const plan = planOf(LETTER);
    const text = saved(edit.editCampaign(LETTER, FILE, { ...edit.campaignForm(plan), title: "Tập huấn 2023", maxDailySessions: "6", issued: "2022-09-06" }));
    expect(changedLines(LETTER, text)).toEqual({
      gone: ["  title: Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng", "  issued: 2022-09-05T08:00:00+07:00"],
      added: ["  title: Tập huấn 2023", "  issued: 2022-09-06T08:00:00+07:00", "  maxDailySessions: 6"],
    });
    // The day changes, its time of day kept; a new cap goes after the campaign's last field.
    expect(text).toContain("  issued: 2022-09-06T08:00:00+07:00\n");
    expect(text).toContain("  document: { number: /BTTTT-CĐSQG, issuer: Bộ Thông tin và Truyền thông, date: 2022-09-05 }\n  maxDailySessions: 6\n\n# Sample: each session");
    expect(text.replace("  maxDailySessions: 6\n", "").replace("Tập huấn 2023", "Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng").replace("2022-09-06T08", "2022-09-05T08")).toBe(LETTER);
  });

  it("saved unchanged, leaves the file as it was", () => {
    const plan = planOf(LETTER);
    expect(saved(edit.editCampaign(LETTER, FILE, edit.campaignForm(plan)))).toBe(LETTER);
    expect(saved(edit.editCampaign(SMALL, FILE, edit.campaignForm(planOf(SMALL))))).toBe(SMALL);
  });

  it("reads holidays as the planner types them (dd/mm/yyyy, or the file's YYYY-MM-DD), shows them dd/mm/yyyy, and refuses a day that is none at its field", () => {
    expect(edit.campaignForm(planOf(LETTER)).holidays).toEqual(["01/09/2022", "02/09/2022"]);
    const text = saved(edit.editCampaign(SMALL, FILE, { ...edit.campaignForm(planOf(SMALL)), holidays: ["14/09/2022", "2/9/2022", "2022-09-15"] }));
    expect(changedLines(SMALL, text)).toEqual({ gone: ["  holidays: [2022-09-14]"], added: ["  holidays: [2022-09-14, 2022-09-02, 2022-09-15]"] });
    const bad = edit.editCampaign(SMALL, FILE, { ...edit.campaignForm(planOf(SMALL)), holidays: ["31/09/2022"] });
    expect(!bad.ok && edit.problemMessages(bad.problems, "vi")["holidays"]).toBe('"2022-09-31" không phải một ngày: tháng 9 năm 2022 có 30 ngày (đã ghi ngày 31)');
  });

  it("places each problem at its field, in Vietnamese and in English, and writes nothing", () => {
    const values = { ...edit.campaignForm(planOf(SMALL)), title: " ", from: "2022-09-31", noticeDays: "năm", organizerEmail: "not-an-address", needs: [{ role: "Chính sách", count: "1", label: "" }] };
    const outcome = edit.editCampaign(SMALL, FILE, values);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(edit.problemMessages(outcome.problems, "vi")).toEqual({
      title: "không được để trống",
      from: '"2022-09-31" không phải một ngày: tháng 9 năm 2022 có 30 ngày (đã ghi ngày 31)',
      noticeDays: "cần một số nguyên (số ngày làm việc)",
      organizerName: "Cần điền ô này",
      organizerEmail: '"not-an-address" không phải địa chỉ thư điện tử (ví dụ dau-moi@example.org)',
      "needs.0": 'cần tên vai trò viết thường, ví dụ "policy" hoặc "skills"',
    });
    const en = edit.problemMessages(outcome.problems, "en");
    expect(en["from"]).toBe('"2022-09-31" is not a date: September 2022 has 30 days (asked for day 31)');
    expect(en["organizerName"]).toBe("Fill this in");
    expect(en["needs.0"]).toBe('expected a role name in lower case, e.g. "policy" or "skills"');
  });

  it("sets the roles a session needs and their labels, a role a trainer has that is dropped refused at its row", () => {
    const plan = planOf(SMALL);
    const text = saved(edit.editCampaign(SMALL, FILE, { ...edit.campaignForm(plan), needs: [{ role: "policy", count: "1", label: "Chính sách" }, { role: "skills", count: "2", label: "" }] }));
    expect(changedLines(SMALL, text)).toEqual({ gone: ["sessionNeeds:", "  policy: 1", "  skills: 1"], added: ["sessionNeeds: { policy: 1, skills: 2 }", "roles: { policy: Chính sách }"] });
    const dropped = edit.editCampaign(SMALL, FILE, { ...edit.campaignForm(plan), needs: [{ role: "policy", count: "1", label: "" }] });
    expect(dropped.ok).toBe(false);
    if (!dropped.ok) expect(edit.problemMessages(dropped.problems, "vi")["_form"]).toContain('giảng viên Doanh nghiệp-1 (vai trò): không có vai trò "skills"');
  });
});

describe("editing the roles' labels", () => {
  it("changes one label key by key, the roles block's other line and the comments above it kept", () => {
    const plan = planOf(LETTER);
    const needs = edit.campaignForm(plan).needs.map((n) => (n.role === "policy" ? { ...n, label: "Chính sách" } : n));
    const text = saved(edit.editCampaign(LETTER, FILE, { ...edit.campaignForm(plan), needs }));
    expect(changedLines(LETTER, text)).toEqual({ gone: ["  policy: Chủ trương, chính sách, pháp luật về chuyển đổi số"], added: ["  policy: Chính sách"] });
    const unlabelled = saved(edit.editCampaign(LETTER, FILE, { ...edit.campaignForm(plan), needs: needs.map((n) => ({ ...n, label: "" })) }));
    expect(changedLines(LETTER, unlabelled)).toEqual({ gone: ["roles:", "  policy: Chủ trương, chính sách, pháp luật về chuyển đổi số", "  skills: Hướng dẫn cài đặt, sử dụng nền tảng số, công nghệ số, kỹ năng số"], added: [] });
  });
});

describe("editing the clusters", () => {
  it("renames a cluster and carries the trainers' lists of clusters along; the change says a rename", () => {
    const plan = planOf(LETTER);
    const text = saved(edit.editCluster(LETTER, FILE, 0, { ...edit.clusterForm(plan, 0), name: "Cụm Đồng bằng" }));
    const { gone, added } = changedLines(LETTER, text);
    expect(gone[0]).toBe("  - name: Cụm 1");
    expect(added[0]).toBe("  - name: Cụm Đồng bằng");
    const after = planOf(text);
    for (const trainer of after.data.trainers) expect(trainer.clusters === "all" || !trainer.clusters.includes("Cụm 1")).toBe(true);
    expect(after.data.trainers.find((t) => t.id === "CĐSQG-1")!.clusters).toEqual(["Cụm Đồng bằng", "Cụm 2"]);
    expect(text.replaceAll("Cụm Đồng bằng", "Cụm 1")).toBe(LETTER);
    const differences = planDifferences(plan.data, after.data).map((d) => differenceText(d, "vi"));
    expect(differences).toEqual(["đổi tên Cụm 1 thành Cụm Đồng bằng"]);
  });

  it("refuses a rename that would make a standing change lapse, naming the change to withdraw first; once withdrawn, renames", () => {
    const plan = planOf(LETTER);
    const made = { version: 2, today: "2022-09-05" };
    // Standing: Cụm 1's window (#1), and CĐSQG-1 away on 14/9 (#2).
    let log = withChange(EMPTY_LOG, ChangesSchema.parse({ clusters: { "Cụm 1": { window: { from: "2022-09-14", to: "2022-09-30" } } } }), made);
    log = withChange(log, ChangesSchema.parse({ trainers: { "CĐSQG-1": { unavailable: ["2022-09-14"] } } }), made);
    const renamed = edit.keepingStanding(plan, edit.editCluster(LETTER, FILE, 0, { ...edit.clusterForm(plan, 0), name: "Cụm Đồng bằng" }), log);
    expect(!renamed.ok && edit.problemMessages(renamed.problems, "vi")).toEqual({
      [edit.FORM_FIELD]: "thay đổi #1 (v2) đang áp dụng sẽ không còn áp dụng được: Cụm 1 không còn là cụm của kế hoạch — hãy rút lại thay đổi #1 ở trang kế hoạch trước, rồi làm lại",
    });
    expect(!renamed.ok && edit.problemMessages(renamed.problems, "en")[edit.FORM_FIELD]).toBe("change #1 (v2), which stands, would no longer apply: Cụm 1 is no longer a cluster of the plan — withdraw change #1 on the plan's page first, then try again");
    const trainer = plan.data.trainers.findIndex((t) => t.id === "CĐSQG-1");
    const retitled = edit.keepingStanding(plan, edit.editTrainer(LETTER, FILE, trainer, { ...edit.trainerForm(plan, trainer), id: "CĐSQG-99" }), log);
    expect(!retitled.ok && edit.problemMessages(retitled.problems, "vi")[edit.FORM_FIELD]).toMatch(/^thay đổi #2 \(v2\) đang áp dụng sẽ không còn áp dụng được: giảng viên CĐSQG-1 không còn trong kế hoạch/);
    // Edits that make nothing lapse pass, and so does the rename once #1 is withdrawn.
    expect(edit.keepingStanding(plan, edit.editCluster(LETTER, FILE, 0, { ...edit.clusterForm(plan, 0), to: "2022-09-29" }), log).ok).toBe(true);
    const withdrawn = withWithdrawal(log, 1, { version: 3, today: "2022-09-06" }, FILE);
    expect(edit.keepingStanding(plan, edit.editCluster(LETTER, FILE, 0, { ...edit.clusterForm(plan, 0), name: "Cụm Đồng bằng" }), withdrawn).ok).toBe(true);
  });

  it("changes a window and the provinces; a province taken out loses its settings, one added joins at the end", () => {
    const text = "# plan\n" + SMALL.replace("trainers:", "provinces:\n  Nam Định: { venue: Hội trường tỉnh } # the venue\n  Hà Nam: { venue: Nhà văn hóa }\ntrainers:");
    const plan = planOf(text);
    const values = { ...edit.clusterForm(plan, 0), window: "propose" as const, provinces: ["Hà Nam", "Thái Bình"] };
    const after = saved(edit.editCluster(text, FILE, 0, values));
    expect(changedLines(text, after)).toEqual({
      gone: ["    window: { from: 2022-09-12, to: 2022-09-16 }", "    provinces: [Hà Nam, Nam Định]", "  Nam Định: { venue: Hội trường tỉnh } # the venue"],
      added: ["    window: propose", "    provinces: [Hà Nam, Thái Bình]"],
    });
    expect(planDifferences(plan.data, planOf(after).data).map((d) => differenceText(d, "en"))).toEqual(["Cụm A: window 12/9/2022–16/9/2022 → proposed by taphuan", "Nam Định removed from the plan (was in Cụm A)", "Thái Bình added to Cụm A", "Nam Định: venue: Hội trường tỉnh → —"]);
  });

  it("ticks and unticks provinces in a block list item by item, the comments of those kept and the list's style kept", () => {
    const text = SMALL.replace("    provinces: [Hà Nam, Nam Định]", "    provinces: # opening ceremony in Hà Nam\n      - Hà Nam # hosts the opening\n      - Nam Định # venue TBD");
    const plan = planOf(text);
    const ticked = saved(edit.editCluster(text, FILE, 0, { ...edit.clusterForm(plan, 0), provinces: ["Hà Nam", "Nam Định", "Thái Bình"] }));
    expect(changedLines(text, ticked)).toEqual({ gone: [], added: ["      - Thái Bình"] });
    const swapped = saved(edit.editCluster(text, FILE, 0, { ...edit.clusterForm(plan, 0), provinces: ["Hà Nam", "Thái Bình"] }));
    expect(changedLines(text, swapped)).toEqual({ gone: ["      - Nam Định # venue TBD"], added: ["      - Thái Bình"] });
    // In the letter's one-line lists, two taken out and one added in one edit: the list written again in place.
    const both = saved(edit.editCluster(SMALL, FILE, 1, { ...edit.clusterForm(planOf(SMALL), 1), provinces: ["Thái Bình"] }));
    expect(changedLines(SMALL, both)).toEqual({ gone: ["    provinces: [Bắc Ninh, Bắc Giang]"], added: ["    provinces: [Thái Bình]"] });
    // Paths are the file's before any change, in whatever order the deletions come.
    for (const list of ["[x, y, z]", "\n  - x\n  - y\n  - z"]) expect(editYaml(`a: ${list}\nb: { c: [x, y, z] }\n`, [0, 1].flatMap((i) => [{ op: "delete" as const, path: ["a", i] }, { op: "delete" as const, path: ["b", "c", i] }]))).toBe(`a: ${list.startsWith("[") ? "[z]" : "\n  - z"}\nb: { c: [z] }\n`);
  });

  it("adds a cluster after the last, moves it up, and removes one, the trainers' lists following", () => {
    const plan = planOf(SMALL);
    const added = saved(edit.editCluster(SMALL, FILE, "new", { name: "Cụm C", window: "dated", from: "2022-09-12", to: "2022-09-13", provinces: ["Thái Bình"] }));
    expect(changedLines(SMALL, added)).toEqual({ gone: [], added: ["  - { name: Cụm C, window: { from: 2022-09-12, to: 2022-09-13 }, provinces: [Thái Bình] }"] });
    const moved = saved(edit.moveCluster(added, FILE, 2, -1));
    expect(planOf(moved).data.clusters.map((c) => c.name)).toEqual(["Cụm A", "Cụm C", "Cụm B"]);
    expect(planDifferences(plan.data, planOf(moved).data).map((d) => differenceText(d, "vi"))).toEqual(["thêm Cụm C", "thêm Thái Bình vào Cụm C"]);
    expect(planDifferences(planOf(added).data, planOf(moved).data).map((d) => differenceText(d, "vi"))).toEqual(["đổi thứ tự các cụm: Cụm A, Cụm C, Cụm B"]);
    // Cụm B's only policy trainer serves it alone: removing it is refused, naming the trainer's list.
    const refused = edit.removeCluster(moved, FILE, 2);
    expect(refused.ok).toBe(false);
    // Said by the trainer's id and the field's name, not by its path in the file.
    if (!refused.ok) expect(edit.problemMessages(refused.problems, "vi")["_form"]).toContain('giảng viên Đoàn-1 (cụm phụ trách): không có cụm "Cụm B"');
    if (!refused.ok) expect(edit.problemMessages(refused.problems, "en")["_form"]).toContain('trainer Đoàn-1 (clusters): ');
    if (!refused.ok) expect(Object.values(edit.problemMessages(refused.problems, "vi")).join("\n")).not.toMatch(/trainers\[|clusters\[/);
    const serving = saved(edit.editTrainer(moved, FILE, 2, { ...edit.trainerForm(planOf(moved), 2), clusters: ["Cụm B", "Cụm C"] }));
    const removed = saved(edit.removeCluster(serving, FILE, 1));
    expect(planOf(removed).data.trainers.find((t) => t.id === "Đoàn-1")!.clusters).toEqual(["Cụm B"]);
    expect(planOf(removed).data.clusters.map((c) => c.name)).toEqual(["Cụm A", "Cụm B"]);
    expect(removed).toBe(SMALL);
  });

  it("moves a province ticked that is in another cluster: out of that cluster's list in the same edit, its settings kept", () => {
    const text = SMALL.replace("    provinces: [Bắc Ninh, Bắc Giang]", "    provinces:\n      - Bắc Ninh # the opening\n      - Bắc Giang").replace("trainers:", "provinces:\n  Bắc Ninh: { venue: Hội trường Bắc Ninh } # confirmed\n  Nam Định: { venue: Hội trường tỉnh }\ntrainers:");
    const plan = planOf(text);
    const moved = saved(edit.editCluster(text, FILE, 0, { ...edit.clusterForm(plan, 0), provinces: ["Hà Nam", "Nam Định", "Bắc Ninh"] }));
    expect(changedLines(text, moved)).toEqual({ gone: ["    provinces: [Hà Nam, Nam Định]", "      - Bắc Ninh # the opening"], added: ["    provinces: [Hà Nam, Nam Định, Bắc Ninh]"] });
    const after = planOf(moved);
    expect(after.index.provinceNamed("Bắc Ninh")!.venue).toBe("Hội trường Bắc Ninh");
    expect(planDifferences(plan.data, after.data).map((d) => differenceText(d, "en"))).not.toContainEqual(expect.stringMatching(/venue/));
    // Into a new cluster too; and unticked, a province leaves the plan with its settings.
    const fresh = saved(edit.editCluster(text, FILE, "new", { name: "Cụm C", window: "none", from: "", to: "", provinces: ["Bắc Ninh"] }));
    expect(changedLines(text, fresh)).toEqual({ gone: ["      - Bắc Ninh # the opening"], added: ["  - { name: Cụm C, provinces: [Bắc Ninh] }"] });
    const back = saved(edit.editCluster(moved, FILE, 0, { ...edit.clusterForm(after, 0), provinces: ["Hà Nam", "Nam Định"] }));
    expect(changedLines(moved, back)).toEqual({ gone: ["    provinces: [Hà Nam, Nam Định, Bắc Ninh]", "  Bắc Ninh: { venue: Hội trường Bắc Ninh } # confirmed"], added: ["    provinces: [Hà Nam, Nam Định]"] });
  });

  it("refuses a cluster without provinces at the provinces, and a move that would leave another cluster with none by its name", () => {
    const plan = planOf(SMALL);
    const empty = edit.editCluster(SMALL, FILE, 0, { ...edit.clusterForm(plan, 0), provinces: [] });
    expect(!empty.ok && edit.problemMessages(empty.problems, "vi")).toEqual({ provinces: "mỗi cụm cần ít nhất một tỉnh" });
    const emptied = edit.editCluster(SMALL, FILE, 0, { ...edit.clusterForm(plan, 0), provinces: ["Hà Nam", "Bắc Ninh", "Bắc Giang"] });
    expect(!emptied.ok && edit.problemMessages(emptied.problems, "vi")).toEqual({ [edit.FORM_FIELD]: "Cụm B (các tỉnh): mỗi cụm cần ít nhất một tỉnh" });
    const nameless = edit.editCluster(SMALL, FILE, "new", { ...edit.EMPTY_CLUSTER, provinces: ["Thái Bình"], window: "none" });
    expect(!nameless.ok && edit.problemMessages(nameless.problems, "vi")).toEqual({ name: "không được để trống" });
  });
});

describe("editing the trainers and the provinces", () => {
  it("changes a trainer key by key inside its one-line mapping, and places a bad day at its row", () => {
    const plan = planOf(SMALL);
    const text = saved(edit.editTrainer(SMALL, FILE, 3, { ...edit.trainerForm(plan, 3), email: "cdsqg-2@example.org", unavailable: [{ from: "2022-09-12", to: "2022-09-13", halfDay: "morning" }] }));
    expect(changedLines(SMALL, text)).toEqual({
      gone: ["  - { id: CĐSQG-2, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], clusters: [Cụm B], unavailable: [2022-09-12] }"],
      added: ["  - { id: CĐSQG-2, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], clusters: [Cụm B], unavailable: [{ from: 2022-09-12, to: 2022-09-13, halfDay: morning }], email: cdsqg-2@example.org }"],
    });
    // The schema's refusals come first; the rules that link fields (a range's order) once the shape is right.
    const badCount = edit.editTrainer(SMALL, FILE, 3, { ...edit.trainerForm(plan, 3), maxSessionsPerDay: "3" });
    expect(!badCount.ok && edit.problemMessages(badCount.problems, "vi")).toEqual({ maxSessionsPerDay: "một ngày có hai buổi: phải là 1 hoặc 2" });
    const badRange = edit.editTrainer(SMALL, FILE, 3, { ...edit.trainerForm(plan, 3), unavailable: [{ from: "", to: "", halfDay: "" }, { from: "2022-09-13", to: "2022-09-12", halfDay: "" }] });
    expect(!badRange.ok && edit.problemMessages(badRange.problems, "vi")).toEqual({ "unavailable.1": "khoảng ngày kết thúc (12/9/2022) trước khi bắt đầu (13/9/2022) — hãy đổi chỗ ngày bắt đầu và ngày kết thúc" });
    expect(!badRange.ok && edit.problemMessages(badRange.problems, "en")).toEqual({ "unavailable.1": "the range ends (2022-09-12) before it starts (2022-09-13) — swap from and to" });
  });

  it("keeps `onlyAvailable: []` (available on no day) when the trainer is saved with those rows unchanged; changed rows are written", () => {
    const text = SMALL.replace("clusters: [Cụm B], unavailable: [2022-09-12] }", "clusters: [Cụm B], unavailable: [2022-09-12], onlyAvailable: [] }");
    const plan = planOf(text);
    const mailed = saved(edit.editTrainer(text, FILE, 3, { ...edit.trainerForm(plan, 3), email: "d@example.org" }));
    expect(changedLines(text, mailed)).toEqual({
      gone: ["  - { id: CĐSQG-2, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], clusters: [Cụm B], unavailable: [2022-09-12], onlyAvailable: [] }"],
      added: ["  - { id: CĐSQG-2, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], clusters: [Cụm B], unavailable: [2022-09-12], onlyAvailable: [], email: d@example.org }"],
    });
    expect(planOf(mailed).data.trainers[3]!.onlyAvailable).toEqual([]);
    const opened = saved(edit.editTrainer(text, FILE, 3, { ...edit.trainerForm(plan, 3), onlyAvailable: [{ from: "2022-09-15", to: "", halfDay: "" }] }));
    expect(planOf(opened).data.trainers[3]!.onlyAvailable).toEqual(["2022-09-15"]);
    // The letter's days, written as the letter writes them, stay so when another field changes.
    const letter = planOf(LETTER);
    const index = letter.data.trainers.findIndex((t) => t.id === "CĐSQG-9");
    const mailed9 = saved(edit.editTrainer(LETTER, FILE, index, { ...edit.trainerForm(letter, index), email: "gv-9@example.org" }));
    expect(changedLines(LETTER, mailed9)).toEqual({
      gone: ["      maxSessionsPerDay: 1, home: Hà Nội, email: cdsqg-9@example.org, onlyAvailable: [{ from: 2022-09-12, to: 2022-09-23 }] }"],
      added: ["      maxSessionsPerDay: 1, home: Hà Nội, email: gv-9@example.org, onlyAvailable: [{ from: 2022-09-12, to: 2022-09-23 }] }"],
    });
  });

  it("adds a trainer to an empty list as a block list, and removes one", () => {
    const blank = SMALL.replace(/trainers:[\s\S]*$/, "trainers: []\n");
    const text = saved(edit.editTrainer(blank, FILE, "new", { ...edit.EMPTY_TRAINER, id: "GV-1", organisation: "Cục", roles: ["policy"], home: "Hà Nội" }));
    expect(text.endsWith("trainers:\n  - { id: GV-1, organisation: Cục, roles: [policy], home: Hà Nội }\n")).toBe(true);
    expect(planDifferences(planOf(blank).data, planOf(text).data).map((d) => differenceText(d, "vi"))).toEqual(["thêm giảng viên GV-1"]);
    const removed = saved(edit.removeTrainer(SMALL, FILE, 1));
    expect(changedLines(SMALL, removed)).toEqual({ gone: ["  - { id: Doanh nghiệp-1, organisation: Doanh nghiệp, roles: [skills], clusters: [Cụm A], home: Hà Nội }"], added: [] });
  });

  it("writes a province's settings under a new provinces list, then edits them in place", () => {
    const plan = planOf(SMALL);
    const code = plan.provinces.find((p) => p.name === "Nam Định")!.record.code;
    const values = { ...edit.provinceForm(plan, code), venue: "Hội trường", fixedDate: "2022-09-15", fixedHalfDay: "afternoon", focalName: "Sở TT&TT", focalPhone: "0228 3640 000" };
    const text = saved(edit.editProvince(SMALL, FILE, code, values));
    expect(text.slice(0, SMALL.length)).toBe(SMALL);
    expect(text.slice(SMALL.length)).toBe("provinces:\n  Nam Định: { fixed: { date: 2022-09-15, halfDay: afternoon }, venue: Hội trường, focal: { name: Sở TT&TT, phone: 0228 3640 000 } }\n");
    const again = saved(edit.editProvince(text, FILE, code, { ...edit.provinceForm(planOf(text), code), venue: "", preferred: [{ from: "2022-09-16", to: "", halfDay: "" }] }));
    expect(again.slice(SMALL.length)).toBe("provinces:\n  Nam Định: { fixed: { date: 2022-09-15, halfDay: afternoon }, focal: { name: Sở TT&TT, phone: 0228 3640 000 }, preferred: [2022-09-16] }\n");
    const bad = edit.editProvince(SMALL, FILE, code, { ...values, focalName: "", focalEmail: "x", fixedDate: "2022-10-01" });
    expect(!bad.ok && edit.problemMessages(bad.problems, "en")).toEqual({ focalName: "Fill this in", focalEmail: '"x" is not an e-mail address (e.g. dau-moi@example.org)' });
  });
});

describe("deleting every entry of a block mapping or list", () => {
  it("takes out a province's settings added to the letter, leaving the file as it was: no `provinces: {}`, nothing else rewritten", () => {
    const plan = planOf(LETTER);
    const code = plan.index.provinceNamed("Hồ Chí Minh")!.record.code;
    const given = saved(edit.editProvince(LETTER, FILE, code, { ...edit.provinceForm(plan, code), venue: "Hội trường A", unavailable: [{ from: "2022-09-20", to: "", halfDay: "" }] }));
    expect(changedLines(LETTER, given)).toEqual({ gone: [], added: ["provinces:", "  TP. Hồ Chí Minh: { unavailable: [2022-09-20], venue: Hội trường A }"] });
    const cleared = saved(edit.editProvince(given, FILE, code, { ...edit.provinceForm(planOf(given), code), venue: "", unavailable: [] }));
    expect(cleared).toBe(LETTER);
  });

  it("deletes two settings entries in one edit (a cluster's provinces replaced) without leaving `provinces:` with no value", () => {
    const text = SMALL.replace("trainers:", "provinces: # venues as the provinces sent them\n  Nam Định:\n    venue: Hội trường tỉnh\n  Hà Nam:\n    venue: Nhà văn hóa\ntrainers:");
    const after = saved(edit.editCluster(text, FILE, 0, { ...edit.clusterForm(planOf(text), 0), provinces: ["Thái Bình"] }));
    expect(changedLines(text, after)).toEqual({
      gone: ["    provinces: [Hà Nam, Nam Định]", "provinces: # venues as the provinces sent them", "  Nam Định:", "    venue: Hội trường tỉnh", "  Hà Nam:", "    venue: Nhà văn hóa"],
      added: ["    provinces: [Thái Bình]"],
    });
  });

  it("writes a block list or mapping emptied as `[]` or `{}` after its key, in place, its comments and every other line kept", () => {
    const text = SMALL.replace(/  - \{ id: Doanh[\s\S]*$/, "  # the roster so far\n");
    const removed = saved(edit.removeTrainer(text, FILE, 0));
    expect(changedLines(text, removed)).toEqual({ gone: ["trainers:", "  - { id: CĐSQG-1, organisation: Cục Chuyển đổi số quốc gia, roles: [policy], home: Hà Nội }"], added: ["trainers: []"] });
    const notes = "notes: >\n  A folded note\n  over two lines.\n";
    const block = `${notes}travel:\n  roadSpeedKmh: 40 # slow roads\n  overrides:\n    - between: [Hà Nam, Nam Định]\n      hours: 1\n    - { between: [Hà Nam, Thái Bình], hours: 2 }\nweights: # tuned\n  travel: 3\n`;
    const emptied = editYaml(block, [{ op: "delete", path: ["travel", "overrides", 1] }, { op: "delete", path: ["travel", "overrides", 0] }, { op: "delete", path: ["weights", "travel"] }]);
    expect(emptied).toBe(`${notes}travel:\n  roadSpeedKmh: 40 # slow roads\n  overrides: []\nweights: {} # tuned\n`);
  });
});
