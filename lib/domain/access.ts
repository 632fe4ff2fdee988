export type StaffRole = "ADMIN" | "COORDINATOR" | "CASEWORKER" | "ANALYST";

/** The acting staff user as the data layer sees it: always loaded from the database, never from the cookie alone. */
export type Actor = { id: number; role: StaffRole; regionId: string | null };

/** Which families a user may see: every region, one region, or none (national roles without personal data). */
export type FamilyScope = { kind: "all" } | { kind: "region"; regionId: string } | { kind: "none" };

/** Families in scope for an actor: ADMIN all; COORDINATOR and CASEWORKER their region; ANALYST none (numbers only). */
export function familyScope(actor: Actor): FamilyScope {
  switch (actor.role) {
    case "ADMIN":
      return { kind: "all" };
    case "COORDINATOR":
    case "CASEWORKER":
      // A regional role without a region sees nothing rather than everything.
      return actor.regionId ? { kind: "region", regionId: actor.regionId } : { kind: "none" };
    case "ANALYST":
      return { kind: "none" };
  }
}

/** Whether a family in `regionId` is visible to the actor. */
export function canSeeFamilyInRegion(actor: Actor, regionId: string): boolean {
  const scope = familyScope(actor);
  return scope.kind === "all" || (scope.kind === "region" && scope.regionId === regionId);
}

/** Whether the actor may see personal data (names, IINs, contacts) at all. */
export function canSeePersonalData(actor: Actor): boolean {
  return familyScope(actor).kind !== "none";
}

/** Whether the actor administers staff accounts and programme settings. */
export function canManageUsers(actor: Actor): boolean {
  return actor.role === "ADMIN";
}
