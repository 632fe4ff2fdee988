import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  chance,
  daysBetween,
  isoDay,
  mulberry32,
  pick,
  pickWeighted,
  randInt,
  randomDay,
} from "./random";

describe("mulberry32", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c())).not.toEqual(sa);
  });

  it("returns numbers in [0, 1) with a mean near 0.5", () => {
    const rng = mulberry32(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });
});

describe("sampling helpers", () => {
  it("randInt covers both ends and nothing outside", () => {
    const rng = mulberry32(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randInt(rng, 3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("pickWeighted follows the weights", () => {
    const rng = mulberry32(2);
    let a = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        pickWeighted(rng, [
          ["a", 3],
          ["b", 1],
        ] as const) === "a"
      )
        a++;
    expect(a / 10_000).toBeGreaterThan(0.72);
    expect(a / 10_000).toBeLessThan(0.78);
    expect(() => pickWeighted(rng, [])).toThrow(RangeError);
  });

  it("pick and chance", () => {
    const rng = mulberry32(3);
    expect(["x", "y"]).toContain(pick(rng, ["x", "y"]));
    expect(() => pick(rng, [])).toThrow(RangeError);
    expect(chance(rng, 0)).toBe(false);
    expect(chance(rng, 1)).toBe(true);
  });
});

describe("date helpers", () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

  it("adds days and months on UTC calendar days", () => {
    expect(isoDay(addDays(d("2026-02-27"), 2))).toBe("2026-03-01");
    expect(isoDay(addMonths(d("2025-03-15"), 12))).toBe("2026-03-15");
    expect(isoDay(addMonths(d("2024-02-29"), 12))).toBe("2025-02-28");
    expect(isoDay(addMonths(d("2026-01-31"), 1))).toBe("2026-02-28");
    expect(daysBetween(d("2026-01-01"), d("2026-12-31"))).toBe(364);
  });

  it("randomDay stays within its bounds", () => {
    const rng = mulberry32(4);
    for (let i = 0; i < 200; i++) {
      const x = randomDay(rng, d("2026-01-01"), d("2026-01-10"));
      expect(x >= d("2026-01-01") && x <= d("2026-01-10")).toBe(true);
    }
  });
});
