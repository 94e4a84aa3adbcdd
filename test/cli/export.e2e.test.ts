import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { provinceName } from "../../src/export/names.ts";
import { plan2022 } from "../helpers.ts";
import { runCli } from "./run-cli.ts";

describe("taphuan solve writes the calendar and tables; taphuan export writes one", () => {
  const out = mkdtempSync(join(tmpdir(), "taphuan-export-"));
  beforeAll(() => {
    expect(runCli(["solve", "plans/2022-09-tcnscd.yaml", "--out", out, "--quiet"]).code).toBe(0);
  }, 120_000);

  it("schedule.ics has 63 events that ical.js and node-ical read back as schedule.json says", () => {
    const schedule = JSON.parse(readFileSync(join(out, "schedule.json"), "utf8"));
    const feed = readFileSync(join(out, "schedule.ics"), "utf8");
    const viaIcalJs = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const viaNodeIcal = Object.values(nodeIcal.sync.parseICS(feed)).filter((c) => c?.type === "VEVENT") as nodeIcal.VEvent[];
    expect(viaIcalJs).toHaveLength(63);
    expect(viaNodeIcal).toHaveLength(63);
    const byUid = new Map(viaNodeIcal.map((e) => [e.uid, e]));
    // Calendars name a province as the registry spells it: "Hồ Chí Minh" where the letter (and schedule.json) wrote "TP. Hồ Chí Minh".
    const plan = plan2022();
    schedule.sessions.forEach((s: { province: string; start: string; end: string; code: string; cluster: string }, i: number) => {
      const a = viaIcalJs[i]!;
      expect(a.summary).toBe(`Bồi dưỡng, tập huấn trực tiếp cho Tổ công nghệ số cộng đồng – ${provinceName(plan, s)}`);
      expect(a.startDate.toJSDate().toISOString()).toBe(new Date(s.start).toISOString());
      expect(a.endDate.toJSDate().toISOString()).toBe(new Date(s.end).toISOString());
      expect(a.component.getFirstPropertyValue("categories")).toBe(s.cluster);
      const b = byUid.get(a.uid)!;
      expect(b.start.toISOString()).toBe(new Date(s.start).toISOString());
      expect(b.location).toBe(provinceName(plan, s));
    });
  });

  it("writes one meeting request per province and the tables in md, csv and html", () => {
    expect(readdirSync(join(out, "requests"))).toHaveLength(63);
    expect(readFileSync(join(out, "requests", "ha-nam.ics"), "utf8")).toContain("METHOD:REQUEST");
    for (const file of ["clusters.md", "clusters.csv", "sessions.md", "sessions.csv", "schedule.html"]) expect(readFileSync(join(out, file), "utf8").length).toBeGreaterThan(100);
    expect(readFileSync(join(out, "sessions.csv"), "utf8").split("\r\n").filter(Boolean)).toHaveLength(64);
  });

  it("export --format md --windows prints the letter's table", () => {
    const result = runCli(["export", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json"), "--format", "md", "--windows", "--table", "clusters"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("| TT | Cụm | Thời gian | Tỉnh, thành phố |");
    expect(result.stdout).toContain("| 2 | Cụm 2 (4 tỉnh) | Từ ngày 13/9/2022 đến ngày 23/9/2022 | Thái Nguyên, Lạng Sơn, Bắc Kạn, Cao Bằng. |");
    expect(result.stdout).toContain("| 9 | Cụm 9 (6 tỉnh) | Từ ngày 11/9/2022 đến ngày 30/9/2022 | Bến Tre, Trà Vinh, Đồng Tháp, Long An, Tiền Giang, Vĩnh Long. |");
  });

  it("export is byte-identical to what solve wrote, and usage errors list the allowed values", () => {
    const ics = runCli(["export", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json"), "--format", "ics"]);
    expect(ics.stdout).toBe(readFileSync(join(out, "schedule.ics"), "utf8"));
    const bad = runCli(["export", "plans/2022-09-tcnscd.yaml", join(out, "schedule.json"), "--format", "pdf"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("invalid value for --format (pdf). Expected one of: ics, md, csv, html");
  });
});
