import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue, InputError, showInvisible } from "../../src/model/issues.ts";
import { loadPlanText } from "../../src/model/load.ts";

const SMALL = readFileSync(new URL("../fixtures/small-plan.yaml", import.meta.url), "utf8");

describe("invisible characters are shown as code points in messages", () => {
  it("a zero-width joiner, a no-break space, a zero-width space, a byte-order mark and a soft hyphen are written U+XXXX", () => {
    expect(showInvisible("An\u200D")).toBe("An<U+200D>");
    expect(showInvisible("Hà\u00A0Nam")).toBe("Hà<U+00A0>Nam");
    expect(showInvisible("\u200BCụm\uFEFF A\u00AD")).toBe("<U+200B>Cụm<U+FEFF> A<U+00AD>");
  });

  it("ordinary spaces and Vietnamese letters, composed or decomposed, stay as they are", () => {
    const nfd = "Nguyễn Thị Hà".normalize("NFD");
    expect(showInvisible(nfd)).toBe(nfd);
    expect(showInvisible("Cụm 1 — Hà Nam")).toBe("Cụm 1 — Hà Nam");
  });

  it("two cluster names that look the same are told apart in a plan's error", () => {
    let caught: unknown;
    try {
      loadPlanText(SMALL.replace("clusters: [Cụm A]", "clusters: [Cụm A\u200D]"), "p.yaml");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const line = formatIssue("p.yaml", (caught as InputError).issues[0]!);
    expect(line).toContain('unknown cluster "Cụm A<U+200D>" — clusters of this plan: Cụm A, Cụm B');
    expect((caught as InputError).message).toContain("Cụm A<U+200D>");
  });
});
