/** Typed refusals of quota operations; the server action turns each into a message the user can act on. */

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
