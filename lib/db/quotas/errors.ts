/** Typed refusals of quota operations; the server action turns each into a message the user can act on. */
import type { QuotaOrderIssue, WaitlistRefusal } from "@/lib/domain/quota";

/** No quota row exists for the family's target region, the year and the family's pool. */
export class NoQuotaError extends Error {
  constructor(
    readonly regionId: string,
    readonly year: number,
    readonly pool: "KANDAS" | "SETTLER",
  ) {
    super(`no ${pool} quota for ${regionId} in ${year}`);
    this.name = "NoQuotaError";
  }
}

/** The quota has fewer free places than the family needs; nothing was allocated. */
export class NoPlacesLeftError extends Error {
  constructor(
    readonly remaining: number,
    readonly requested: number,
    readonly quota: { regionId: string; year: number; pool: "KANDAS" | "SETTLER" },
  ) {
    super(`only ${remaining} places left in ${quota.pool} ${quota.regionId} ${quota.year}, ${requested} requested`);
    this.name = "NoPlacesLeftError";
  }
}

/** The family already holds an ACTIVE allocation for the year (a repeated request); nothing was allocated twice. */
export class AlreadyAllocatedError extends Error {
  constructor(
    readonly familyId: number,
    readonly year: number,
  ) {
    super(`family ${familyId} already holds an active allocation for ${year}`);
    this.name = "AlreadyAllocatedError";
  }
}

/** A kandas family whose status is missing or lapsed cannot be included in a quota. */
export class StatusNotValidError extends Error {
  constructor(readonly validUntil: Date | null) {
    super("kandas status is not valid");
    this.name = "StatusNotValidError";
  }
}

/** A family without members has no one to allocate places to. */
export class NoMembersError extends Error {
  constructor() {
    super("family has no members");
    this.name = "NoMembersError";
  }
}

/** An order or amendment breaks the rules of lib/domain/quota.ts (validateQuotaOrder); nothing was stored. */
export class QuotaOrderInvalidError extends Error {
  constructor(readonly issues: QuotaOrderIssue[]) {
    super(`invalid quota order: ${issues.map((issue) => issue.code + (issue.index == null ? "" : `#${issue.index}`)).join(", ")}`);
    this.name = "QuotaOrderInvalidError";
  }
}

/** The year already has its original order (quotas); changes go through amendments. */
export class QuotaOrderExistsError extends Error {
  constructor(readonly year: number) {
    super(`the quotas for ${year} are already set; amend them instead`);
    this.name = "QuotaOrderExistsError";
  }
}

/** An amendment for a year that has no original order yet. */
export class QuotaOrderMissingError extends Error {
  constructor(readonly year: number) {
    super(`no quota order for ${year} to amend`);
    this.name = "QuotaOrderMissingError";
  }
}

/** Another order of the same year already has this reference number. */
export class QuotaOrderReferenceTakenError extends Error {
  constructor(
    readonly year: number,
    readonly reference: string,
  ) {
    super(`order ${reference} of ${year} is already recorded`);
    this.name = "QuotaOrderReferenceTakenError";
  }
}

/** An amendment would set a quota below the places already allocated; nothing of the amendment was stored. */
export class QuotaBelowAllocatedError extends Error {
  constructor(
    readonly regionId: string,
    readonly year: number,
    readonly pool: "KANDAS" | "SETTLER",
    readonly allocated: number,
    readonly requested: number,
  ) {
    super(`${pool} quota ${regionId} ${year} cannot be set to ${requested}: ${allocated} places are already allocated`);
    this.name = "QuotaBelowAllocatedError";
  }
}

/**
 * A family may not join its pool's waitlist (checkWaitlistEntry): not approved, no members, a lapsed
 * kandas status, or its places still fit — then `remaining` ≥ `needed` and it should be allocated instead.
 */
export class WaitlistRefusedError extends Error {
  constructor(
    readonly reason: WaitlistRefusal,
    readonly figures: {
      year: number;
      pool: "KANDAS" | "SETTLER";
      remaining: number;
      needed: number;
      statusValidUntil: Date | null;
    },
  ) {
    super(`family cannot join the ${figures.pool} waitlist of ${figures.year}: ${reason} (${figures.remaining} left, ${figures.needed} needed)`);
    this.name = "WaitlistRefusedError";
  }
}
