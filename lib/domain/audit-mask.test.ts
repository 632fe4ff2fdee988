import { describe, expect, it } from "vitest";
import { diffFields, maskChanges, maskIdentifier } from "./audit-mask";

describe("maskIdentifier", () => {
  it("keeps only the last two characters of an IIN", () => {
    expect(maskIdentifier("850412353067")).toBe("**********67");
  });
  it("hides very short values completely", () => {
    expect(maskIdentifier("7")).toBe("**");
  });
});

describe("maskChanges", () => {
  it("masks identifiers and leaves other fields readable", () => {
    const masked = maskChanges({
      iin: { from: null, to: "850412353067" },
      contactPhone: { from: "+77011234567", to: "+77019999999" },
      status: { from: "REGISTERED", to: "UNDER_REVIEW" },
      passwordHash: { from: "$argon2id$a", to: "$argon2id$b" },
    });
    expect(masked.iin).toEqual({ from: null, to: "**********67" });
    expect(masked.contactPhone).toEqual({ from: "**********67", to: "**********99" });
    expect(masked.status).toEqual({ from: "REGISTERED", to: "UNDER_REVIEW" });
    expect(masked.passwordHash).toEqual({ from: "[changed]", to: "[changed]" });
  });
});

describe("diffFields", () => {
  it("lists only the fields that changed, comparing dates by value", () => {
    const before = { isActive: true, role: "CASEWORKER", at: new Date("2026-01-01") };
    expect(diffFields(before, { isActive: false, role: "CASEWORKER", at: new Date("2026-01-01") })).toEqual({
      isActive: { from: true, to: false },
    });
  });
});
