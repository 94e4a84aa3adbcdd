import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBounded, readText } from "../../src/app/read-input.ts";
import { InputError } from "../../src/model/issues.ts";

function refusal(read: () => unknown): InputError {
  try {
    read();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("read without a refusal");
}

describe("reading an input stops at its limit", () => {
  const dir = mkdtempSync(join(tmpdir(), "taphuan-read-"));

  it("reads a file up to its limit, and one byte more is refused naming the file, the limit and what to do", () => {
    writeFileSync(join(dir, "ten.yaml"), "0123456789");
    expect(readBounded(join(dir, "ten.yaml"), 10).toString()).toBe("0123456789");
    expect(refusal(() => readBounded(join(dir, "ten.yaml"), 9)).message).toBe(`${join(dir, "ten.yaml")}: is larger than 9 bytes, the most taphuan reads of one input — is this the right file? A plan, a schedule or a changes file is a few kilobytes`);
  });

  it("an endless device is refused after its limit, not read to the end (there is none)", () => {
    const started = Date.now();
    const error = refusal(() => readBounded("/dev/zero", 1024 * 1024));
    expect(error.file).toBe("/dev/zero");
    expect(error.issues[0]!.code).toBe("file-too-large");
    expect(error.message).toContain("is larger than 1 MiB");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a folder, a missing file and text that is not UTF-8 are bad input naming the file", () => {
    expect(refusal(() => readText(dir)).message).toBe(`${dir}: is a folder, not a file — give the path of a file`);
    expect(refusal(() => readText(join(dir, "none.yaml"))).message).toBe(`${join(dir, "none.yaml")}: there is no such file — check the path`);
    writeFileSync(join(dir, "latin1.yaml"), Buffer.from([0x48, 0xe0, 0x20, 0x4e, 0x61, 0x6d]));
    expect(refusal(() => readText(join(dir, "latin1.yaml"))).issues[0]!.code).toBe("not-utf8");
    writeFileSync(join(dir, "bom.yaml"), "\uFEFFa: 1\n");
    expect(readText(join(dir, "bom.yaml"))).toBe("a: 1\n");
  });
});
