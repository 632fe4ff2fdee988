import { describe, expect, it } from "vitest";
import { CASE_STATUSES, TRANSITIONS } from "./case-status";
import {
  allocatesQuota,
  canSetQuotaTotal,
  checkAllocationEligibility,
  fitsInQuota,
  isQuotaTargetRegion,
  isValidQuotaTotal,
  isValidQuotaYear,
  placesNeeded,
  poolForCategory,
  quotaYearFor,
  releasesQuota,
  remainingPlaces,
  validateQuotaOrder,
} from "./quota";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("poolForCategory", () => {
  it("sends kandas and settlers to their own pools", () => {
    expect(poolForCategory("KANDAS")).toBe("KANDAS");
    expect(poolForCategory("SETTLER")).toBe("SETTLER");
  });
});

describe("placesNeeded", () => {
  it("counts every member when the plan says nothing", () => {
    expect(placesNeeded(5, null)).toBe(5);
    expect(placesNeeded(5, undefined)).toBe(5);
  });

  it("counts the members arriving from the adaptation plan", () => {
    expect(placesNeeded(5, 3)).toBe(3);
    expect(placesNeeded(5, 5)).toBe(5);
    expect(placesNeeded(5, 1)).toBe(1);
  });

  it("ignores an impossible plan figure", () => {
    expect(placesNeeded(5, 0)).toBe(5);
    expect(placesNeeded(5, 6)).toBe(5);
    expect(placesNeeded(5, -1)).toBe(5);
    expect(placesNeeded(5, 2.5)).toBe(5);
  });
});

describe("quota arithmetic", () => {
  it("fits exactly up to the total and not one more", () => {
    expect(fitsInQuota({ total: 10, allocated: 6 }, 4)).toBe(true);
    expect(fitsInQuota({ total: 10, allocated: 6 }, 5)).toBe(false);
    expect(fitsInQuota({ total: 10, allocated: 10 }, 1)).toBe(false);
    expect(fitsInQuota({ total: 10, allocated: 0 }, 0)).toBe(false);
  });

  it("reports the places left, never below zero", () => {
    expect(remainingPlaces({ total: 10, allocated: 6 })).toBe(4);
    expect(remainingPlaces({ total: 10, allocated: 10 })).toBe(0);
    expect(remainingPlaces({ total: 5, allocated: 7 })).toBe(0);
  });

  it("allocates to the calendar year of the day", () => {
    expect(quotaYearFor(day("2026-01-01"))).toBe(2026);
    expect(quotaYearFor(day("2026-12-31"))).toBe(2026);
  });
});

describe("checkAllocationEligibility", () => {
  const today = day("2026-11-29");

  it("needs a valid status for kandas, the last day included", () => {
    expect(
      checkAllocationEligibility({ category: "KANDAS", statusValidUntil: day("2027-03-01"), places: 4, today }),
    ).toEqual({ ok: true });
    expect(checkAllocationEligibility({ category: "KANDAS", statusValidUntil: today, places: 4, today })).toEqual({
      ok: true,
    });
    expect(
      checkAllocationEligibility({ category: "KANDAS", statusValidUntil: day("2026-11-28"), places: 4, today }),
    ).toEqual({
      ok: false,
      reason: "status-not-valid",
    });
    expect(checkAllocationEligibility({ category: "KANDAS", statusValidUntil: null, places: 4, today })).toEqual({
      ok: false,
      reason: "status-not-valid",
    });
  });

  it("needs no status for settlers", () => {
    expect(checkAllocationEligibility({ category: "SETTLER", statusValidUntil: null, places: 2, today })).toEqual({
      ok: true,
    });
  });

  it("refuses a family without members", () => {
    expect(checkAllocationEligibility({ category: "SETTLER", statusValidUntil: null, places: 0, today })).toEqual({
      ok: false,
      reason: "no-members",
    });
  });
});

describe("allocatesQuota and releasesQuota over the transition table", () => {
  it("allocates exactly on APPROVED → QUOTA_ALLOCATED", () => {
    const allocating = TRANSITIONS.filter((t) => allocatesQuota(t.from, t.to)).map((t) => `${t.from}>${t.to}`);
    expect(allocating).toEqual(["APPROVED>QUOTA_ALLOCATED"]);
  });

  it("releases exactly when a family holding places withdraws or expires", () => {
    const releasing = TRANSITIONS.filter((t) => releasesQuota(t.from, t.to)).map((t) => `${t.from}>${t.to}`);
    expect(releasing).toEqual(["QUOTA_ALLOCATED>WITHDRAWN", "QUOTA_ALLOCATED>EXPIRED"]);
  });

  it("never releases from a status that holds no places, nor on the way forward", () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (releasesQuota(from, to)) expect(["QUOTA_ALLOCATED", "RESETTLED", "SUPPORTED", "CLOSED"]).toContain(from);
      }
    }
    expect(releasesQuota("APPROVED", "WITHDRAWN")).toBe(false);
    expect(releasesQuota("QUOTA_ALLOCATED", "RESETTLED")).toBe(false);
    expect(releasesQuota("RESETTLED", "SUPPORTED")).toBe(false);
  });
});

describe("quota order validation", () => {
  const line = (regionId: string, pool: "KANDAS" | "SETTLER", total: number) => ({ regionId, pool, total });

  it("accepts years 1991 to 2100 only", () => {
    expect(isValidQuotaYear(1991)).toBe(true);
    expect(isValidQuotaYear(2100)).toBe(true);
    expect(isValidQuotaYear(1990)).toBe(false);
    expect(isValidQuotaYear(2101)).toBe(false);
    expect(isValidQuotaYear(2026.5)).toBe(false);
  });

  it("accepts whole non-negative totals only", () => {
    expect(isValidQuotaTotal(0)).toBe(true);
    expect(isValidQuotaTotal(977)).toBe(true);
    expect(isValidQuotaTotal(-1)).toBe(false);
    expect(isValidQuotaTotal(1.5)).toBe(false);
    expect(isValidQuotaTotal(Number.NaN)).toBe(false);
    expect(isValidQuotaTotal(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it("knows the resettlement target regions", () => {
    expect(isQuotaTargetRegion("KZ-55")).toBe(true);
    expect(isQuotaTargetRegion("KZ-11")).toBe(true);
    expect(isQuotaTargetRegion("KZ-75")).toBe(false); // Almaty city sends, does not receive
    expect(isQuotaTargetRegion("KZ-99")).toBe(false);
  });

  it("accepts a correct order", () => {
    expect(validateQuotaOrder({ year: 2026, places: [line("KZ-55", "KANDAS", 977), line("KZ-55", "SETTLER", 1655), line("KZ-11", "KANDAS", 0)] })).toEqual([]);
  });

  it("names every problem with the line it concerns", () => {
    expect(
      validateQuotaOrder({
        year: 1990,
        places: [line("KZ-55", "KANDAS", 10), line("KZ-75", "KANDAS", 5), line("KZ-55", "KANDAS", -3), line("KZ-11", "SETTLER", 2.5)],
      }),
    ).toEqual([
      { code: "year-out-of-range" },
      { code: "region-not-target", index: 1 },
      { code: "total-invalid", index: 2 },
      { code: "duplicate-place", index: 2 },
      { code: "total-invalid", index: 3 },
    ]);
  });

  it("refuses an order without lines and an unknown pool", () => {
    expect(validateQuotaOrder({ year: 2026, places: [] })).toEqual([{ code: "no-places" }]);
    expect(validateQuotaOrder({ year: 2026, places: [{ regionId: "KZ-55", pool: "OTHER" as "KANDAS", total: 1 }] })).toEqual([
      { code: "pool-invalid", index: 0 },
    ]);
  });

  it("never lets a total fall below the places already allocated", () => {
    expect(canSetQuotaTotal({ allocated: 6 }, 6)).toBe(true);
    expect(canSetQuotaTotal({ allocated: 6 }, 100)).toBe(true);
    expect(canSetQuotaTotal({ allocated: 6 }, 5)).toBe(false);
    expect(canSetQuotaTotal({ allocated: 0 }, -1)).toBe(false);
  });
});
