import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { forbiddenError } from "@/lib/domain/app-error";
import {
  can,
  familyScope,
  figuresScope,
  type Actor,
  type Permission,
  type RegionScope,
} from "@/lib/domain/permissions";
import { reportScope, type ReportScope } from "@/lib/domain/report-scope";
import type { ReportFilters } from "@/lib/validation/report-filters";

/**
 * The region scopes of the data layer in one place: which families, quota figures and report figures
 * a query may reach for the actor (rules in lib/domain/permissions.ts). Every lib/db function starts
 * from one of these, so a caller that forgets a check still cannot reach another region's rows.
 */

/** Refuses an operation the actor's role may not do at all (answered as "not found"). */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbiddenError(permission);
}

/** The `where` fragment that limits families to the actor's scope. Every family query in lib/db goes through it. */
export function familyScopeWhere(actor: Actor): Prisma.FamilyWhereInput {
  return regionWhere(familyScope(actor));
}

/** A scope as a family `where` fragment on the target region. */
function regionWhere(scope: RegionScope): Prisma.FamilyWhereInput {
  switch (scope.kind) {
    case "all":
      return {};
    case "region":
      return { targetRegionId: scope.regionId };
    case "none":
      // An impossible condition: the actor reaches no family.
      return { id: -1 };
  }
}

/**
 * The region whose quota figures the actor sees: undefined for the whole country, a region code for a
 * coordinator, null when the actor reaches none (a coordinator without a region). Without the
 * permission → forbiddenError.
 */
export function quotaRegionOf(actor: Actor, permission: Permission = "quota.view"): string | undefined | null {
  assertCan(actor, permission);
  const scope = figuresScope(actor);
  return scope.kind === "all" ? undefined : scope.kind === "region" ? scope.regionId : null;
}

/**
 * The scope of a reporting page for the actor (lib/domain/report-scope): a coordinator's region forced,
 * forbiddenError for a caseworker. Every lib/db report function starts with it.
 */
export function requireReportScope(actor: Actor, filters: ReportFilters): ReportScope {
  const scope = reportScope(actor, filters);
  if (!scope) throw forbiddenError("reports");
  return scope;
}

/**
 * `AND region = … AND category = …` for the scoped filters, on the given columns (e.g. f."targetRegionId"
 * and f."category"); empty when the filter is unset. The year is each report's own (applicationDate,
 * paidOn…), so it is not part of this fragment.
 */
export function reportScopeSql(scope: ReportScope, columns: { region: Prisma.Sql; category?: Prisma.Sql }): Prisma.Sql {
  const { regionId, category } = scope.filters;
  const parts: Prisma.Sql[] = [];
  if (regionId !== null) parts.push(Prisma.sql`AND ${columns.region} = ${regionId}`);
  if (category !== null && columns.category) parts.push(Prisma.sql`AND ${columns.category}::text = ${category}`);
  return parts.length > 0 ? Prisma.join(parts, " ") : Prisma.empty;
}

/** Families per status: where a count of families may look (lib/domain/permissions statusCountScope). */
export function statusCountWhere(scope: RegionScope): Prisma.FamilyWhereInput {
  return regionWhere(scope);
}
