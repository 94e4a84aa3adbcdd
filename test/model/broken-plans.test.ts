import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, formatIssue } from "../../src/model/issues.ts";
import { loadPlanText } from "../../src/model/load.ts";

const dir = join(import.meta.dirname, "../fixtures/broken");
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

function failure(text: string, file: string): InputError {
  try {
    loadPlanText(text, file);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

describe("broken plans get one clear message each", () => {
  it("has a corpus of at least 25 broken plans", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)("%s", (name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const expected = /^# expect: (.*)$/m.exec(text)![1]!;
    const expectedLine = /^# line: (\d+)$/m.exec(text)?.[1];
    const error = failure(text, `broken/${name}`);
    const first = error.issues[0]!;
    const message = formatIssue(`broken/${name}`, first);
    expect(message).toContain(expected);
    expect(message.startsWith(`broken/${name}`)).toBe(true);
    if (expectedLine) expect(first.line).toBe(Number(expectedLine));
    // one or two lines, no stack trace, and none of the YAML parser's own words (its API, its tokens, a stack overflow)
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(`${first.message} ${first.hint ?? ""}`).not.toMatch(/YAML\.\w|parseAllDocuments|call stack|token|[Ii]mplicit/);
  });

  it("refuses an oversized file before parsing it", () => {
    const text = `notes: "${"x".repeat(1024 * 1024)}"\n`;
    expect(failure(text, "huge.yaml").message).toBe("huge.yaml: is larger than 1 MiB, the most taphuan reads of one input — is this the right file? A plan, a schedule or a changes file is a few kilobytes");
  });
});
