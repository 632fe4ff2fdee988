import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDb } from "@/lib/db/client";
import { reportScopeSql, requireReportScope } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import type { ExportCell } from "@/lib/domain/export-cells";
import { findRegion } from "@/lib/domain/regions";
import { suppressTable } from "@/lib/domain/small-cells";
import type { ReportTable } from "@/lib/domain/report-table";
import {
  MCI_DECIMALS,
  SUPPORT_FIGURES,
  SUPPORT_REPORT_KINDS,
  supportColumns,
  type SupportFigure,
} from "@/lib/domain/support-report";
import type { Locale } from "@/lib/i18n/config";
import type { ReportFilters } from "@/lib/validation/report-filters";

export type SupportPaidReport = {
  /** The filters after scoping (a coordinator's region forced). */
  filters: ReportFilters;
  isNational: boolean;
  /** Small cells are suppressed (ANALYST). */
  isSuppressed: boolean;
  /** The MCI of the year in tenge; null when it is not set (amounts in MCI are then empty). */
  mciTenge: number | null;
  /**
   * `by-month` (every month of the year for the scope), `by-region` (each region's year), then
   * `region-<id>` per region (its months; its total is its row of `by-region`). Regions are those paid in
   * the year, and the chosen (or the coordinator's) region even without payments, by id.
   */
  tables: ReportTable[];
};

type CellRow = { regionId: string | null; month: number | null } & Record<SupportFigure, number | null>;

const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);
/** `amount` in MCI of the year, in SQL: the sum of a cell divided by the MCI, rounded (lib/domain/support-report tengeToMci). */
const inMci = (amount: Prisma.Sql) =>
  Prisma.sql`ROUND((${amount})::numeric / mci."amountTenge", ${MCI_DECIMALS}::int)::float8`;

/**
 * Support paid in a year (issue 6): relocation subsidies and rent compensation (SUPPORT_REPORT_KINDS)
 * paid in `filters.year` (by `paidOn`) to families of the scope, per target region and month, in tenge
 * and in MCI of the year (joined from `mci_rate`), with the families paid (each family once per cell,
 * also over the months of a year) and their members (the household as recorded). Every figure is an
 * aggregate of PostgreSQL. ADMIN and ANALYST see the whole country (or the chosen region), a COORDINATOR
 * the own region whatever the filter, a CASEWORKER nothing (forbiddenError); an ANALYST's small cells
 * come back suppressed. Numbers only, so a view is not audited (exports are, by the export route).
 * `locale` names the regions in the titles of the per-region tables.
 */
export async function supportPaidReport(
  actor: Actor,
  filters: ReportFilters,
  options: { locale?: Locale } = {},
): Promise<SupportPaidReport> {
  const scope = requireReportScope(actor, filters);
  const { year, regionId } = scope.filters;

  const [rows, mci] = await Promise.all([
    reportDb().$queryRaw<CellRow[]>(Prisma.sql`
      WITH "paid" AS (
        -- One row per family and month: what it was paid of each kind.
        SELECT p."familyId", f."targetRegionId" AS "regionId", EXTRACT(MONTH FROM p."paidOn")::int AS "month",
               COALESCE(SUM(p."amountTenge") FILTER (WHERE p."kind" = ${SUPPORT_REPORT_KINDS[0]}::"PaymentKind"), 0) AS "relocation",
               COALESCE(SUM(p."amountTenge") FILTER (WHERE p."kind" = ${SUPPORT_REPORT_KINDS[1]}::"PaymentKind"), 0) AS "rent"
          FROM "payment" p
          JOIN "family" f ON f."id" = p."familyId"
         WHERE p."paidOn" >= make_date(${year}::int, 1, 1) AND p."paidOn" < make_date(${year}::int + 1, 1, 1)
           -- A reversed payment stays on record but was not paid (paymentsInForce).
           AND NOT EXISTS (SELECT 1 FROM "payment_reversal" r WHERE r."paymentId" = p."id")
           AND p."kind"::text IN (${Prisma.join([...SUPPORT_REPORT_KINDS])})
           ${reportScopeSql(scope, { region: Prisma.sql`f."targetRegionId"`, category: Prisma.sql`f."category"` })}
         GROUP BY p."familyId", f."targetRegionId", 3
      ), "sized" AS (
        SELECT "paid".*, (SELECT COUNT(*) FROM "person" m WHERE m."familyId" = "paid"."familyId") AS "persons"
          FROM "paid"
      ), "cells" AS (
        -- A family has one region, so its rows are distinct per month, in the region and in the country …
        SELECT "regionId", "month", SUM("relocation") AS "relocation", SUM("rent") AS "rent",
               COUNT(*) AS "families", SUM("persons") AS "persons"
          FROM "sized"
         GROUP BY GROUPING SETS (("regionId", "month"), ("month"))
        UNION ALL
        -- … but over the months of a year it counts once.
        SELECT "regionId", NULL, SUM("relocation"), SUM("rent"), COUNT(*), SUM("persons")
          FROM (SELECT "familyId", "regionId", SUM("relocation") AS "relocation", SUM("rent") AS "rent", MAX("persons") AS "persons"
                  FROM "sized" GROUP BY "familyId", "regionId") AS "family_year"
         GROUP BY GROUPING SETS (("regionId"), ())
      )
      -- The empty grouping set gives a row even when nothing was paid: its sums are then NULL.
      SELECT c."regionId", c."month",
             c."relocation"::float8 AS "relocationTenge", ${inMci(Prisma.sql`c."relocation"`)} AS "relocationMci",
             c."rent"::float8 AS "rentTenge", ${inMci(Prisma.sql`c."rent"`)} AS "rentMci",
             (c."relocation" + c."rent")::float8 AS "totalTenge", ${inMci(Prisma.sql`c."relocation" + c."rent"`)} AS "totalMci",
             c."families"::int AS "families", c."persons"::int AS "persons"
        FROM (SELECT "regionId", "month", COALESCE("relocation", 0) AS "relocation", COALESCE("rent", 0) AS "rent",
                     "families", COALESCE("persons", 0) AS "persons"
                FROM "cells") c
        LEFT JOIN "mci_rate" mci ON mci."year" = ${year}::int`),
    reportDb().mciRate.findUnique({ where: { year }, select: { amountTenge: true } }),
  ]);

  const mciTenge = mci?.amountTenge ?? null;
  const figures = (region: string | null, month: number | null): ExportCell[] => {
    const row = rows.find((item) => item.regionId === region && item.month === month);
    // Nothing paid: zero, in MCI too when the MCI is known.
    return SUPPORT_FIGURES.map((key) => (row ? row[key] : key.endsWith("Mci") && mciTenge === null ? null : 0));
  };
  const monthRows = (region: string | null) => MONTHS.map((month) => [month, ...figures(region, month)]);
  const regionIds = [
    ...new Set([...rows.flatMap((row) => (row.regionId ? [row.regionId] : [])), ...(regionId ? [regionId] : [])]),
  ]
    .filter((id) => findRegion(id))
    .sort();
  const locale = options.locale ?? "kk";

  const byMonth: ReportTable = {
    id: "by-month",
    titleKey: "reportSupport.table.byMonth",
    titleValues: { year },
    columns: supportColumns("month"),
    rows: monthRows(null),
    total: [null, ...figures(null, null)],
  };
  const byRegion: ReportTable = {
    id: "by-region",
    titleKey: "reportSupport.table.byRegion",
    titleValues: { year },
    columns: supportColumns("region"),
    rows: regionIds.map((id) => [id, ...figures(id, null)]),
    total: [null, ...figures(null, null)],
  };
  const regionTables: ReportTable[] = regionIds.map((id) => ({
    id: `region-${id}`,
    titleKey: "reportSupport.table.region",
    titleValues: { year, region: findRegion(id)!.name[locale] },
    columns: supportColumns("month"),
    rows: monthRows(id),
    total: [null, ...figures(id, null)],
  }));
  if (!scope.suppressSmallCells) {
    return {
      filters: scope.filters,
      isNational: scope.isNational,
      isSuppressed: false,
      mciTenge,
      tables: [byMonth, byRegion, ...regionTables],
    };
  }

  const shownByRegion = suppressTable(byRegion);
  // A region's total is its row of the by-region table, so both show the same cells.
  const shownRegionTables = regionTables.map((table, index) => {
    const shown = suppressTable(table);
    const total = [null, ...shownByRegion.rows[index]!.slice(1)];
    const hiddenMore = total.filter((cell, column) => cell === null && shown.total![column] !== null).length;
    return { ...shown, total, suppressedCells: (shown.suppressedCells ?? 0) + hiddenMore };
  });
  return {
    filters: scope.filters,
    isNational: scope.isNational,
    isSuppressed: true,
    mciTenge,
    tables: [suppressTable(byMonth), shownByRegion, ...shownRegionTables],
  };
}
