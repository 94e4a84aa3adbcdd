/** Names that become file names: two trainers (or provinces) never share one. */
import { describe, expect, it } from "vitest";
import { fileSlug } from "../../src/model/file-names.ts";
import { InputError } from "../../src/model/issues.ts";
import { REGISTRIES } from "../../src/model/provinces.ts";
import { issueText } from "../../src/words/issues.ts";
import { smallPlan } from "../helpers.ts";

describe("file names of trainers and provinces", () => {
  it("are lower-case ASCII, accents and đ dropped, anything else one dash", () => {
    expect(fileSlug("Doanh nghiệp-3")).toBe("doanh-nghiep-3");
    expect(fileSlug("Đoàn-1")).toBe("doan-1");
    expect(fileSlug("Doan 1")).toBe("doan-1");
    expect(fileSlug("Bà Rịa - Vũng Tàu")).toBe("ba-ria-vung-tau");
    expect(fileSlug("徐")).toMatch(/^[0-9a-f]{12}$/);
  });

  it("refuses two trainer ids with one file name, naming both, the file and the fix, in English and Vietnamese", () => {
    let refused: InputError | undefined;
    try {
      smallPlan((t) => t.replace("  - { id: CĐSQG-2,", "  - { id: Doan 1, organisation: O, roles: [skills], clusters: [Cụm B] }\n  - { id: CĐSQG-2,"));
    } catch (e) {
      refused = e as InputError;
    }
    const issue = refused!.issues.find((i) => i.code === "same-file-name")!;
    expect(issue.path).toEqual(["trainers", 3, "id"]);
    expect(issueText(issue, "en")).toBe(
      'trainer "Doan 1" and "Đoàn-1" (trainers[2].id) give the same file name "doan-1" (trainers/doan-1.ics, messages/doan-1/): one would overwrite the other\'s calendar and invitations — give one of them an id that differs in its letters or digits, not only in accents, case, spaces or punctuation (e.g. Đoàn-2)',
    );
    expect(issueText(issue, "vi")).toContain('mã giảng viên "Doan 1" và "Đoàn-1" (trainers[2].id) cho cùng một tên tệp "doan-1"');
  });

  it("never gives two provinces of a registry one file name (the plan would refuse them)", () => {
    for (const records of Object.values(REGISTRIES)) expect(new Set(records.map((r) => fileSlug(r.name))).size).toBe(records.length);
  });
});
