import { describe, expect, it } from "vitest";
import { CASE_STATUSES, TRANSITIONS } from "./case-status";
import {
  allocatesQuota,
  allocationAdjustment,
  canSetQuotaTotal,
  checkAllocationEligibility,
  checkWaitlistEntry,
  fitsInQuota,
  isQuotaTargetRegion,
  isValidQuotaTotal,
  isValidQuotaYear,
  nextFittingFamilies,
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
    expect(
      validateQuotaOrder({
        year: 2026,
        places: [line("KZ-55", "KANDAS", 977), line("KZ-55", "SETTLER", 1655), line("KZ-11", "KANDAS", 0)],
      }),
    ).toEqual([]);
  });

  it("names every problem with the line it concerns", () => {
    expect(
      validateQuotaOrder({
        year: 1990,
        places: [
          line("KZ-55", "KANDAS", 10),
          line("KZ-75", "KANDAS", 5),
          line("KZ-55", "KANDAS", -3),
          line("KZ-11", "SETTLER", 2.5),
        ],
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
    expect(
      validateQuotaOrder({ year: 2026, places: [{ regionId: "KZ-55", pool: "OTHER" as "KANDAS", total: 1 }] }),
    ).toEqual([{ code: "pool-invalid", index: 0 }]);
  });

  it("never lets a total fall below the places already allocated", () => {
    expect(canSetQuotaTotal({ allocated: 6 }, 6)).toBe(true);
    expect(canSetQuotaTotal({ allocated: 6 }, 100)).toBe(true);
    expect(canSetQuotaTotal({ allocated: 6 }, 5)).toBe(false);
    expect(canSetQuotaTotal({ allocated: 0 }, -1)).toBe(false);
  });
});

describe("allocationAdjustment", () => {
  it("gives back exactly the places of the members who no longer arrive", () => {
    expect(allocationAdjustment(4, { memberCount: 4, membersArriving: 2 })).toEqual({
      action: "release",
      delta: 2,
      persons: 2,
    });
    expect(allocationAdjustment(4, { memberCount: 3, membersArriving: null })).toEqual({
      action: "release",
      delta: 1,
      persons: 3,
    });
  });

  it("takes the places of the members who now arrive as well", () => {
    expect(allocationAdjustment(2, { memberCount: 4, membersArriving: 3 })).toEqual({
      action: "take",
      delta: 1,
      persons: 3,
    });
    expect(allocationAdjustment(2, { memberCount: 5, membersArriving: null })).toEqual({
      action: "take",
      delta: 3,
      persons: 5,
    });
  });

  it("does nothing when the household needs what the allocation holds", () => {
    expect(allocationAdjustment(3, { memberCount: 5, membersArriving: 3 })).toEqual({
      action: "none",
      delta: 0,
      persons: 3,
    });
    // A member joins the household but the plan still says three arrive.
    expect(allocationAdjustment(3, { memberCount: 6, membersArriving: 3 })).toEqual({
      action: "none",
      delta: 0,
      persons: 3,
    });
  });

  it("counts the household, not the plan, when the plan names more members than remain", () => {
    expect(allocationAdjustment(3, { memberCount: 2, membersArriving: 3 })).toEqual({
      action: "release",
      delta: 1,
      persons: 2,
    });
  });

  it("keeps the places of a household left without members (giving them all back is a withdrawal)", () => {
    expect(allocationAdjustment(3, { memberCount: 0, membersArriving: null })).toEqual({
      action: "none",
      delta: 0,
      persons: 3,
    });
  });
});

// ——— Waitlist ———

describe("checkWaitlistEntry", () => {
  const today = day("2026-11-29");
  const full = { total: 10, allocated: 10 };
  const base = {
    status: "APPROVED" as const,
    category: "KANDAS" as const,
    statusValidUntil: day("2027-03-01"),
    places: 3,
    quota: full,
    today,
  };

  it("lets an approved family with a valid status join when its places do not fit", () => {
    expect(checkWaitlistEntry(base)).toEqual({ ok: true });
    expect(checkWaitlistEntry({ ...base, quota: { total: 10, allocated: 8 } })).toEqual({ ok: true });
    expect(checkWaitlistEntry({ ...base, category: "SETTLER", statusValidUntil: null })).toEqual({ ok: true });
  });

  it("refuses while the places still fit, exactly up to the last place", () => {
    expect(checkWaitlistEntry({ ...base, quota: { total: 10, allocated: 7 } })).toEqual({
      ok: false,
      reason: "places-available",
    });
    expect(checkWaitlistEntry({ ...base, quota: { total: 10, allocated: 0 } })).toEqual({
      ok: false,
      reason: "places-available",
    });
  });

  it("counts a year without a quota as no places left", () => {
    expect(checkWaitlistEntry({ ...base, quota: null })).toEqual({ ok: true });
  });

  it("refuses a family that is not approved, whatever else holds", () => {
    for (const status of CASE_STATUSES.filter((status) => status !== "APPROVED")) {
      expect(checkWaitlistEntry({ ...base, status }), status).toEqual({ ok: false, reason: "not-approved" });
    }
  });

  it("refuses a family without members and a kandas family whose status has lapsed", () => {
    expect(checkWaitlistEntry({ ...base, places: 0 })).toEqual({ ok: false, reason: "no-members" });
    expect(checkWaitlistEntry({ ...base, statusValidUntil: day("2026-11-28") })).toEqual({
      ok: false,
      reason: "status-not-valid",
    });
    expect(checkWaitlistEntry({ ...base, statusValidUntil: null })).toEqual({ ok: false, reason: "status-not-valid" });
    expect(checkWaitlistEntry({ ...base, statusValidUntil: today })).toEqual({ ok: true });
  });
});

describe("nextFittingFamilies", () => {
  const queue = (...places: number[]) => places.map((size, index) => ({ id: index + 1, places: size }));
  const fitting = (marked: { id: number; fitsNow: boolean }[]) =>
    marked.filter((row) => row.fitsNow).map((row) => row.id);

  it("marks nobody when no place is left", () => {
    expect(fitting(nextFittingFamilies(queue(1, 2, 3), 0))).toEqual([]);
    expect(fitting(nextFittingFamilies(queue(1, 2, 3), -4))).toEqual([]);
  });

  it("takes families in order while they fit, an exact fit included", () => {
    expect(fitting(nextFittingFamilies(queue(2, 3, 1), 5))).toEqual([1, 2]);
    expect(fitting(nextFittingFamilies(queue(2, 3, 1), 6))).toEqual([1, 2, 3]);
    expect(fitting(nextFittingFamilies(queue(4), 4))).toEqual([1]);
  });

  it("skips a family too big for what is left and lets smaller ones behind it fit", () => {
    expect(fitting(nextFittingFamilies(queue(5, 2, 4, 1), 3))).toEqual([2, 4]);
    expect(fitting(nextFittingFamilies(queue(2, 4, 1, 1), 4))).toEqual([1, 3, 4]);
  });

  it("keeps every family, in order, with its own data", () => {
    const marked = nextFittingFamilies(queue(3, 1), 1);
    expect(marked).toEqual([
      { id: 1, places: 3, fitsNow: false },
      { id: 2, places: 1, fitsNow: true },
    ]);
  });

  it("never marks a family that needs no places", () => {
    expect(fitting(nextFittingFamilies(queue(0, 1), 5))).toEqual([2]);
  });

  it("returns an empty list for an empty waitlist", () => {
    expect(nextFittingFamilies([], 10)).toEqual([]);
  });
});
