import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDb } from "@/lib/db/client";
import { reportScopeSql, requireReportScope } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import { EXPIRY_BANDS, EXPIRY_HORIZON_DAYS, expiryColumns, type ExpiryCountKey } from "@/lib/domain/expiry-report";
import { findRegion } from "@/lib/domain/regions";
import { suppressTable } from "@/lib/domain/small-cells";
import type { ReportTable } from "@/lib/domain/report-table";
import { programmeToday } from "@/lib/domain/status-validity";
import type { ReportFilters } from "@/lib/validation/report-filters";

export type StatusExpiryReport = {
  /** The filters after scoping (a coordinator's region forced); the year does not apply. */
  filters: ReportFilters;
  isNational: boolean;
  /** Small cells are suppressed (ANALYST). */
  isSuppressed: boolean;
  /** The day the windows start from (Kazakhstan calendar day, UTC midnight). */
  today: Date;
  /**
   * One table, `by-region`: regions with a status counted (and the chosen or the coordinator's region
   * even without), by id, with the total of the scope.
   */
  tables: ReportTable[];
};

type CountRow = { regionId: string | null } & Record<ExpiryCountKey, number>;

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/**
 * Kandas statuses ending soon (issue 6), per target region, counted in PostgreSQL on `today` (the
 * programme's today by default): families, and their members, whose status ends within 0–30, 31–60 and
 * 61–90 days (lib/domain/expiry-report EXPIRY_BANDS), and those whose status has already ended but that
 * are not yet marked EXPIRED. The statuses are those of the expiring list (listExpiringStatuses): kandas
 * families APPROVED or QUOTA_ALLOCATED with a `statusValidUntil`. ADMIN and ANALYST see the whole country
 * (or the chosen region), a COORDINATOR the own region whatever the filter, a CASEWORKER nothing
 * (forbiddenError); an ANALYST's counts of 1–4 come back suppressed. The year of the filters does not
 * apply (the windows run from today); a category filter of settlers finds nothing, since only kandas
 * hold a status. Numbers only, so a view is not audited.
 */
export async function statusExpiryReport(
  actor: Actor,
  filters: ReportFilters,
  options: { today?: Date } = {},
): Promise<StatusExpiryReport> {
  const scope = requireReportScope(actor, filters);
  const today = options.today ?? programmeToday();

  const daysLeft = Prisma.sql`(f."statusValidUntil" - ${isoDay(today)}::date)`;
  const counts = EXPIRY_BANDS.map(({ key, from, to }) => {
    const condition =
      from === null ? Prisma.sql`${daysLeft} <= ${to}` : Prisma.sql`${daysLeft} BETWEEN ${from} AND ${to}`;
    return Prisma.sql`
      COUNT(*) FILTER (WHERE ${condition})::int AS ${Prisma.raw(`"${key}Families"`)},
      COALESCE(SUM(m."persons") FILTER (WHERE ${condition}), 0)::int AS ${Prisma.raw(`"${key}Persons"`)}`;
  });
  const rows = await reportDb().$queryRaw<CountRow[]>(Prisma.sql`
    SELECT f."targetRegionId" AS "regionId", ${Prisma.join(counts)}
      FROM "family" f
     CROSS JOIN LATERAL (SELECT COUNT(*) AS "persons" FROM "person" p WHERE p."familyId" = f."id") m
     WHERE f."category" = 'KANDAS' AND f."status" IN ('APPROVED', 'QUOTA_ALLOCATED')
       AND f."statusValidUntil" IS NOT NULL AND ${daysLeft} <= ${EXPIRY_HORIZON_DAYS}
       ${reportScopeSql(scope, { region: Prisma.sql`f."targetRegionId"`, category: Prisma.sql`f."category"` })}
     GROUP BY GROUPING SETS ((f."targetRegionId"), ())`);

  const columns = expiryColumns();
  const cells = (regionId: string | null) => {
    const row = rows.find((item) => item.regionId === regionId);
    return columns.slice(1).map((column) => row?.[column.key as ExpiryCountKey] ?? 0);
  };
  const { regionId } = scope.filters;
  const regionIds = [
    ...new Set([...rows.flatMap((row) => (row.regionId ? [row.regionId] : [])), ...(regionId ? [regionId] : [])]),
  ]
    .filter((id) => findRegion(id))
    .sort();
  const table: ReportTable = {
    id: "by-region",
    titleKey: "reportExpiry.table.byRegion",
    columns,
    rows: regionIds.map((id) => [id, ...cells(id)]),
    total: [null, ...cells(null)],
  };
  return {
    filters: scope.filters,
    isNational: scope.isNational,
    isSuppressed: scope.suppressSmallCells,
    today,
    tables: [scope.suppressSmallCells ? suppressTable(table) : table],
  };
}
