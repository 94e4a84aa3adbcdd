import { describe, expect, it } from "vitest";
import { trainerFileNames, trainerSlug } from "../../src/export/mail.ts";

describe("each trainer has a file of their own", () => {
  it("ids whose slugs differ keep the plain slug; ids that share one each get a piece of their hash", () => {
    const names = trainerFileNames(["Đoàn-1", "doan 1", "CĐSQG-2", "! (2)", "2"]);
    expect(names.get("CĐSQG-2")).toBe("cdsqg-2");
    expect(names.get("Đoàn-1")).toMatch(/^doan-1-[0-9a-f]{6}$/);
    expect(names.get("doan 1")).toMatch(/^doan-1-[0-9a-f]{6}$/);
    expect(names.get("2")).toMatch(/^2-[0-9a-f]{6}$/);
    expect(new Set(names.values()).size).toBe(5);
    expect(trainerFileNames(["Đoàn-1"]).get("Đoàn-1")).toBe(trainerSlug("Đoàn-1"));
  });
});
