/**
 * The one permission policy: which role may do what, and which regions a person reaches. Every "may
 * this person…" in app/, components/, lib/db and lib/domain asks `can` or one of the scopes below; no
 * other file names a role. Roles and their duties are described in docs/domain.md.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export type StaffRole = Role;

/** Every role, in the order the administration pages list them (same values as the Prisma enum). */
export const ROLES = ["ADMIN", "COORDINATOR", "CASEWORKER", "ANALYST"] as const satisfies readonly StaffRole[];

/** The acting staff user as the data layer sees it: always loaded from the database, never from the cookie alone. */
export type Actor = { id: number; role: StaffRole; regionId: string | null };

const REGIONAL_STAFF = ["ADMIN", "COORDINATOR", "CASEWORKER"] as const;
const DECIDERS = ["ADMIN", "COORDINATOR"] as const;
const FIGURE_READERS = ["ADMIN", "COORDINATOR", "ANALYST"] as const;
const NATIONAL_READERS = ["ADMIN", "ANALYST"] as const;
const MINISTRY = ["ADMIN"] as const;
const CASEWORKERS = ["CASEWORKER"] as const;
const EVERYONE = ROLES;

/**
 * Permission → the roles that hold it. Region is not part of a permission: a coordinator who may
 * `case.decide` does so only for families of the own region (familyScope), and a record outside the
 * scope is "not found".
 */
export const PERMISSIONS = {
  /** See families, members and case files (personal data) in the own scope. */
  "family.view": REGIONAL_STAFF,
  /** Reach families of every region, and register a family for any target region. */
  "family.allRegions": MINISTRY,
  /** Register and edit families, record notes, documents, plans and payments. */
  "family.edit": REGIONAL_STAFF,
  /** The everyday steps of a case: send for review, record arrival and support, record a withdrawal. */
  "case.transition": REGIONAL_STAFF,
  /** Decide a case: approve, reject, record expiry, close. */
  "case.decide": DECIDERS,
  /** Reassign a case (or every case of a person who leaves) to another caseworker of its region. */
  "case.assign": DECIDERS,
  /** Be the assigned caseworker of cases: the one a coordinator may assign a case to (My work). */
  "case.own": CASEWORKERS,
  /** Take a step although documents the checklist requires before it are missing, giving a reason. */
  "case.overrideChecklist": DECIDERS,
  /** Confirm a document as verified, or change a verified one. */
  "document.verify": DECIDERS,
  /** See the quotas of a year and their history. */
  "quota.view": FIGURE_READERS,
  /** Give a family places in its quota. */
  "quota.allocate": DECIDERS,
  /** Enter a year's quota order and amend it. */
  "quota.amend": MINISTRY,
  /** Propose a family's transfer to another region, and accept or decline one proposed to the own region. */
  "family.transfer": DECIDERS,
  /** See and manage a pool's waitlist (names of waiting families). */
  "waitlist.manage": DECIDERS,
  /** Open the reporting pages and their exports. */
  "report.view": FIGURE_READERS,
  /** Figures of reports and quotas for the whole country, any region on request. */
  "report.allRegions": NATIONAL_READERS,
  /** Report cells below the small-cell threshold and drill-downs that list families. */
  "report.personalData": DECIDERS,
  /** See and change the programme settings (rates, MCI, time limits, required documents, security). */
  "settings.update": MINISTRY,
  /** Staff accounts: create, change role or region, deactivate. */
  "users.manage": MINISTRY,
  /** Read the audit log and export it: a coordinator the own region's entries (auditScope). */
  "audit.view": DECIDERS,
  /** The audit log of every region, entries without a region included. */
  "audit.allRegions": MINISTRY,
  /** Load an existing registry from a file. */
  "import.run": DECIDERS,
  /** The own account: sign out everywhere, the second factor (later: password). */
  "account.own": EVERYONE,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * The roles that must sign in with a second factor until an administrator changes the setting
 * `security.secondFactorRoles` (lib/domain/settings.ts): those who decide cases and administer the system.
 */
export const DEFAULT_SECOND_FACTOR_ROLES: readonly StaffRole[] = ["ADMIN", "COORDINATOR"];

/** Whether the person (or a bare role) holds the permission. */
export function can(subject: { role: StaffRole }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(subject.role);
}

/** The roles that hold a permission (e.g. to count the people who can still administer staff). */
export function rolesWith(permission: Permission): StaffRole[] {
  return [...PERMISSIONS[permission]];
}

/** The permissions a role holds, in the order of the map (for the administration pages and tests). */
export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can({ role }, permission));
}

/**
 * The roles whose people belong to one region; the others are national and have none. The database
 * holds the same rule (CHECK app_user_region_matches_role), so an account can never break it.
 */
const REGIONAL_ROLES = ["COORDINATOR", "CASEWORKER"] as const satisfies readonly StaffRole[];

/** Whether a person of the role belongs to one region (and must have one). */
export function hasRegion(role: StaffRole): boolean {
  return (REGIONAL_ROLES as readonly StaffRole[]).includes(role);
}

/**
 * Whether changing a person's role from `before` to `after` takes away the administration of staff: the
 * change that must leave another active administrator (the last one cannot be demoted).
 */
export function isDemotionFromAdministration(before: StaffRole, after: StaffRole): boolean {
  return can({ role: before }, "users.manage") && !can({ role: after }, "users.manage");
}

/** Which regions' rows a view reaches: every region, one region, or none. */
export type RegionScope = { kind: "all" } | { kind: "region"; regionId: string } | { kind: "none" };

/**
 * The regions an actor reaches for `permission`: none without it; all with `allRegions`; otherwise
 * the own region (a regional person without a region reaches nothing rather than everything).
 */
function regionScope(actor: Actor, permission: Permission, allRegions: Permission): RegionScope {
  if (!can(actor, permission)) return { kind: "none" };
  if (can(actor, allRegions)) return { kind: "all" };
  return actor.regionId ? { kind: "region", regionId: actor.regionId } : { kind: "none" };
}

/** Which families (personal data) an actor sees: ADMIN all; COORDINATOR and CASEWORKER their region; ANALYST none. */
export function familyScope(actor: Actor): RegionScope {
  return regionScope(actor, "family.view", "family.allRegions");
}

/** Whose quota and report figures an actor sees: national readers all, a coordinator the own region, others none. */
export function figuresScope(actor: Actor): RegionScope {
  return regionScope(actor, "report.view", "report.allRegions");
}

/**
 * Whose audit entries an actor reads: the administrator every entry; a coordinator those of the own
 * region (lib/db/audit/audit-scope.ts says which entries without a region count as the region's);
 * everyone else none.
 */
export function auditScope(actor: Actor): RegionScope {
  return regionScope(actor, "audit.view", "audit.allRegions");
}

/**
 * Whose counts of families per status an actor sees on the home page: like the figures, and a
 * caseworker the own region (counts carry no personal data).
 */
export function statusCountScope(actor: Actor): RegionScope {
  const figures = figuresScope(actor);
  return figures.kind === "none" ? familyScope(actor) : figures;
}

/** Whether a scope reaches rows of `regionId`. */
export function scopeIncludes(scope: RegionScope, regionId: string): boolean {
  return scope.kind === "all" || (scope.kind === "region" && scope.regionId === regionId);
}

/** Whether a family in `regionId` is visible to the actor. */
export function canSeeFamilyInRegion(actor: Actor, regionId: string): boolean {
  return scopeIncludes(familyScope(actor), regionId);
}
