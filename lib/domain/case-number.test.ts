import { describe, expect, it } from "vitest";
import { formatCaseNumber, parseCaseNumber } from "./case-number";

describe("formatCaseNumber", () => {
  it("pads the sequence to six digits", () => {
    expect(formatCaseNumber(2026, 123)).toBe("NK-2026-000123");
    expect(formatCaseNumber(2025, 1)).toBe("NK-2025-000001");
    expect(formatCaseNumber(2026, 999_999)).toBe("NK-2026-999999");
  });

  it("matches the database CHECK pattern", () => {
    expect(formatCaseNumber(2026, 42)).toMatch(/^NK-[0-9]{4}-[0-9]{6}$/);
  });

  it("rejects out-of-range input", () => {
    expect(() => formatCaseNumber(2026, 0)).toThrow(RangeError);
    expect(() => formatCaseNumber(2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseNumber(2026, 1.5)).toThrow(RangeError);
    expect(() => formatCaseNumber(999, 1)).toThrow(RangeError);
    expect(() => formatCaseNumber(10_000, 1)).toThrow(RangeError);
  });
});

describe("parseCaseNumber", () => {
  it("parses a case number", () => {
    expect(parseCaseNumber("NK-2026-000123")).toEqual({ year: 2026, seq: 123 });
  });

  it("tolerates lower case and surrounding spaces", () => {
    expect(parseCaseNumber("  nk-2025-000007 ")).toEqual({ year: 2025, seq: 7 });
    expect(parseCaseNumber("Nk-2025-100000\t")).toEqual({ year: 2025, seq: 100_000 });
  });

  it("rejects anything else", () => {
    for (const s of [
      "",
      "NK-2026-123",
      "NK-26-000123",
      "NK 2026 000123",
      "NK-2026-0001234",
      "XK-2026-000123",
      "NK-2026-000000",
      "NK-2026-00012a",
      "N K-2026-000123",
    ]) {
      expect(parseCaseNumber(s), s).toBeNull();
    }
  });

  it("round-trips with formatCaseNumber", () => {
    for (const [y, q] of [
      [2024, 1],
      [2026, 500],
      [2030, 999_999],
    ] as const) {
      expect(parseCaseNumber(formatCaseNumber(y, q))).toEqual({ year: y, seq: q });
    }
  });
});
