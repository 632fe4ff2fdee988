/**
 * Quota rules: which pool a family draws from, how many places it takes, whether it may take them,
 * and when it gives them back. Quotas are counted in persons (domain.md); the database applies the
 * arithmetic atomically (lib/db/quotas/allocate.ts), these functions decide what to ask of it.
 */
import { holdsQuota, type CaseStatus } from "./case-status";
import { findRegion } from "./regions";
import { isStatusValid } from "./status-validity";

export type QuotaPool = "KANDAS" | "SETTLER";
export type FamilyCategory = "KANDAS" | "SETTLER";

/** The quota pool a family of this category draws from (kandas and settlers have separate pools). */
export function poolForCategory(category: FamilyCategory): QuotaPool {
  return category;
}

/**
 * Places a family takes: one per person who moves. The adaptation plan's `membersArriving` counts when
 * it is set to a sensible value (1 to the household size); otherwise every registered member moves.
 */
export function placesNeeded(memberCount: number, membersArriving: number | null | undefined): number {
  if (
    membersArriving != null &&
    Number.isInteger(membersArriving) &&
    membersArriving >= 1 &&
    membersArriving <= memberCount
  ) {
    return membersArriving;
  }
  return memberCount;
}

/** Places still free in a quota (never negative). */
export function remainingPlaces(quota: { total: number; allocated: number }): number {
  return Math.max(0, quota.total - quota.allocated);
}

/** Whether `places` more persons fit into the quota without exceeding its total. */
export function fitsInQuota(quota: { total: number; allocated: number }, places: number): boolean {
  return places > 0 && quota.allocated + places <= quota.total;
}

/** The quota year a family is allocated to: the calendar year of the day of allocation. */
export function quotaYearFor(day: Date): number {
  return day.getUTCFullYear();
}

export type AllocationRefusal = "no-members" | "status-not-valid";

/**
 * Whether a family may be included in a quota on `today`: it needs at least one person, and a kandas
 * family needs a valid status (the last day of validity still counts). Settlers have no status to lapse.
 */
export function checkAllocationEligibility(input: {
  category: FamilyCategory;
  statusValidUntil: Date | null;
  places: number;
  today: Date;
}): { ok: true } | { ok: false; reason: AllocationRefusal } {
  if (input.places < 1) return { ok: false, reason: "no-members" };
  if (input.category === "KANDAS" && !isStatusValid(input.statusValidUntil, input.today)) {
    return { ok: false, reason: "status-not-valid" };
  }
  return { ok: true };
}

/** Whether the status change takes quota places (inclusion in the quota). */
export function allocatesQuota(from: CaseStatus, to: CaseStatus): boolean {
  return !holdsQuota(from) && to === "QUOTA_ALLOCATED";
}

/** Whether the status change gives the family's places back: leaving the quota by withdrawal or expiry. */
export function releasesQuota(from: CaseStatus, to: CaseStatus): boolean {
  return holdsQuota(from) && (to === "WITHDRAWN" || to === "EXPIRED");
}

// ——— Quota orders and amendments (issue 4) ———

/** Both pools, in the order forms and reports list them. */
export const QUOTA_POOLS = ["KANDAS", "SETTLER"] as const satisfies readonly QuotaPool[];

/** Quota years the programme accepts (the database CHECK quota_year_range says the same). */
export const QUOTA_YEAR_MIN = 1991;
export const QUOTA_YEAR_MAX = 2100;

/** Places in persons for one region and pool, as an order or an amendment states them. */
export type QuotaPlaces = { regionId: string; pool: QuotaPool; total: number };

export type QuotaOrderIssueCode =
  | "year-out-of-range"
  | "no-places"
  | "total-invalid"
  | "region-not-target"
  | "pool-invalid"
  | "duplicate-place"
  | "reference-invalid"
  | "order-date-invalid";

/** One problem of an order; `index` points at the line of `places` it concerns. */
export type QuotaOrderIssue = { code: QuotaOrderIssueCode; index?: number };

export function isValidQuotaYear(year: number): boolean {
  return Number.isInteger(year) && year >= QUOTA_YEAR_MIN && year <= QUOTA_YEAR_MAX;
}

/** A quota total is a whole number of persons, zero or more. */
export function isValidQuotaTotal(total: number): boolean {
  return Number.isSafeInteger(total) && total >= 0;
}

/** Only regions that receive resettlers have quotas. */
export function isQuotaTargetRegion(regionId: string): boolean {
  return findRegion(regionId)?.isResettlementTarget === true;
}

/**
 * Checks an order or amendment before anything is stored: a year within range, at least one line,
 * whole non-negative totals, target regions only, and each region/pool at most once.
 */
export function validateQuotaOrder(input: { year: number; places: readonly QuotaPlaces[] }): QuotaOrderIssue[] {
  const issues: QuotaOrderIssue[] = [];
  if (!isValidQuotaYear(input.year)) issues.push({ code: "year-out-of-range" });
  if (input.places.length === 0) issues.push({ code: "no-places" });
  const seen = new Set<string>();
  input.places.forEach((line, index) => {
    if (!isQuotaTargetRegion(line.regionId)) issues.push({ code: "region-not-target", index });
    if (!(QUOTA_POOLS as readonly string[]).includes(line.pool)) issues.push({ code: "pool-invalid", index });
    if (!isValidQuotaTotal(line.total)) issues.push({ code: "total-invalid", index });
    const key = `${line.regionId}/${line.pool}`;
    if (seen.has(key)) issues.push({ code: "duplicate-place", index });
    seen.add(key);
  });
  return issues;
}

/** Whether a quota may be set to `newTotal`: never below the places already allocated. */
export function canSetQuotaTotal(quota: { allocated: number }, newTotal: number): boolean {
  return isValidQuotaTotal(newTotal) && newTotal >= quota.allocated;
}

// ——— Adjusting an allocation to the members arriving (issue 4) ———

/**
 * What an ACTIVE allocation has to do so that it holds exactly the places the household needs now:
 * give back `delta` places, take `delta` more, or nothing (`delta` 0). `persons` is the new size.
 */
export type AllocationAdjustment = { action: "none" | "release" | "take"; delta: number; persons: number };

/**
 * Compares the places an allocation holds with those the household needs now (placesNeeded: the
 * plan's members arriving, or every member). A household left without anyone to count keeps its places:
 * an allocation holds at least one person, and giving every place back is a withdrawal.
 */
export function allocationAdjustment(
  currentPersons: number,
  household: { memberCount: number; membersArriving: number | null | undefined },
): AllocationAdjustment {
  const persons = placesNeeded(household.memberCount, household.membersArriving);
  if (persons < 1 || persons === currentPersons) return { action: "none", delta: 0, persons: currentPersons };
  return persons < currentPersons
    ? { action: "release", delta: currentPersons - persons, persons }
    : { action: "take", delta: persons - currentPersons, persons };
}

// ——— Waitlist (issue 4) ———
// An entry is waiting while its family is APPROVED and holds no ACTIVE allocation for the entry's year;
// a pool's waitlist is served in order of approval (decision date), then entry time, then entry id.

export type WaitlistRefusal = "not-approved" | "no-members" | "status-not-valid" | "places-available";

/**
 * Whether a family may join its pool's waitlist on `today`: it must be APPROVED, have someone to give
 * places to, hold a valid kandas status (settlers have none), and its places must not fit in what the
 * quota has left (a year without a quota row has 0 left) — if they fit, it is allocated instead.
 */
export function checkWaitlistEntry(input: {
  status: CaseStatus;
  category: FamilyCategory;
  statusValidUntil: Date | null;
  places: number;
  quota: { total: number; allocated: number } | null;
  today: Date;
}): { ok: true } | { ok: false; reason: WaitlistRefusal } {
  if (input.status !== "APPROVED") return { ok: false, reason: "not-approved" };
  const eligibility = checkAllocationEligibility(input);
  if (!eligibility.ok) return eligibility;
  if (fitsInQuota(input.quota ?? { total: 0, allocated: 0 }, input.places))
    return { ok: false, reason: "places-available" };
  return { ok: true };
}

/**
 * Walks a waitlist in its order and marks the families that fit into `remaining` places if they are
 * allocated one after another. A family too big for what is left is skipped and keeps its place;
 * smaller families behind it may still fit.
 */
export function nextFittingFamilies<T extends { places: number }>(
  waitingInOrder: readonly T[],
  remaining: number,
): (T & { fitsNow: boolean })[] {
  let left = Math.max(0, remaining);
  return waitingInOrder.map((family) => {
    const fitsNow = family.places > 0 && family.places <= left;
    if (fitsNow) left -= family.places;
    return { ...family, fitsNow };
  });
}
