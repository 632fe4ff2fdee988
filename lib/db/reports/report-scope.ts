import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError } from "@/lib/db/errors";
import type { Actor } from "@/lib/domain/access";
import { reportScope, type ReportScope } from "@/lib/domain/report-scope";
import type { ReportFilters } from "@/lib/validation/report-filters";

/**
 * The scope of a reporting page for the actor (lib/domain/report-scope): a coordinator's region forced,
 * ForbiddenError for a caseworker. Every lib/db report function starts with it.
 */
export function requireReportScope(actor: Actor, filters: ReportFilters): ReportScope {
  const scope = reportScope(actor, filters);
  if (!scope) throw new ForbiddenError("reports");
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
