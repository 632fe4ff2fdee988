import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan, familyScopeWhere, requireReportScope } from "@/lib/db/scopes";
import { settingInForce } from "@/lib/db/settings/settings";
import { can, type Actor } from "@/lib/domain/permissions";
import type { CaseStatus } from "@/lib/domain/case-status";
import {
  AWAITING_DECISION,
  DECISION_STATUSES,
  overdueCutoff,
  processingTable,
  workingDaysBetween,
  overdueTable,
  type OverdueCaseCells,
} from "@/lib/domain/processing-times";
import type { ReportTable } from "@/lib/domain/report-table";
import { daysUntil, programmeToday } from "@/lib/domain/status-validity";
import type { ReportFilters } from "@/lib/validation/report-filters";

export type ProcessingTimes = {
  /** The filters after scoping (a coordinator's region forced). */
  filters: ReportFilters;
  isNational: boolean;
  /** Small cells are suppressed (ANALYST). */
  isSuppressed: boolean;
  /** The Kazakhstan calendar day the overdue figures are counted on (UTC midnight). */
  today: Date;
  /** The review time limit in working days in force on `today`. */
  limitDays: number;
  /** Cases awaiting a decision that applied on or before this day are overdue. */
  cutoff: Date;
  /**
   * One row per region with a case applied in the year (by region code) and the totals row: the columns
   * of lib/domain/processing-times PROCESSING_COLUMNS; an analyst's small cells are null.
   */
  table: ReportTable;
};

type FigureRow = Record<string, number | string | null> & { regionId: string | null };

const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const statusList = (statuses: readonly CaseStatus[]) =>
  Prisma.join(statuses.map((status) => Prisma.sql`${status}::"CaseStatus"`));
/** The Kazakhstan calendar day of a stored timestamp (UTC, without time zone). */
const almatyDay = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Almaty')::date`;
/** Median and 90th percentile of a day count, rounded to a tenth (percentile_cont of whole days is exact to a tenth). */
const percentiles = (column: string) => Prisma.sql`
  ROUND((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${Prisma.raw(`"${column}Days"`)}))::numeric, 1)::float8 AS ${Prisma.raw(`"${column}Median"`)},
  ROUND((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${Prisma.raw(`"${column}Days"`)}))::numeric, 1)::float8 AS ${Prisma.raw(`"${column}P90"`)},
  COUNT(${Prisma.raw(`"${column}Days"`)})::int AS ${Prisma.raw(`"${column}Cases"`)}`;

/**
 * Processing times of the cases applied in `filters.year` (issue 6), per target region and in total,
 * computed in PostgreSQL: per step the number of cases that completed it and the median and 90th
 * percentile (percentile_cont) of its length in days. Step ends are the first time the case reached the
 * status (case_event): decision = APPROVED or REJECTED, allocation = QUOTA_ALLOCATED, arrival = RESETTLED;
 * the application end is family.applicationDate; days between Kazakhstan calendar days. Also the cases
 * awaiting a decision and those of them overdue on `today` under the review time limit in force on
 * `today` (a setting, in working days; lib/domain/processing-times). Aggregates only, so no audit entry for a view.
 * ADMIN and ANALYST see the country, a COORDINATOR the own region, a CASEWORKER nothing (forbiddenError);
 * an ANALYST's small cells come back suppressed (null).
 */
export async function processingTimes(
  actor: Actor,
  filters: ReportFilters,
  options: { today?: Date } = {},
): Promise<ProcessingTimes> {
  const scope = requireReportScope(actor, filters);
  const { year, regionId, category } = scope.filters;
  const today = options.today ?? programmeToday();
  const limitDays = await settingInForce("review.timeLimitWorkingDays", today);
  const cutoff = overdueCutoff(today, limitDays);

  const rows = await reportDb().$queryRaw<FigureRow[]>(Prisma.sql`
    WITH "reached" AS (
      SELECT f."targetRegionId" AS "regionId", f."status", f."applicationDate",
             MIN(e."at") FILTER (WHERE e."toStatus" IN (${statusList(DECISION_STATUSES)})) AS "decidedAt",
             MIN(e."at") FILTER (WHERE e."toStatus" = 'QUOTA_ALLOCATED') AS "allocatedAt",
             MIN(e."at") FILTER (WHERE e."toStatus" = 'RESETTLED') AS "arrivedAt"
        FROM "family" f
        LEFT JOIN "case_event" e ON e."familyId" = f."id"
       WHERE f."applicationDate" >= make_date(${year}::int, 1, 1) AND f."applicationDate" < make_date(${year}::int + 1, 1, 1)
             ${regionId === null ? Prisma.empty : Prisma.sql`AND f."targetRegionId" = ${regionId}`}
             ${category === null ? Prisma.empty : Prisma.sql`AND f."category" = ${category}::"Category"`}
       GROUP BY f."id"
    ), "steps" AS (
      SELECT "regionId", "status", "applicationDate",
             ${almatyDay(Prisma.sql`"decidedAt"`)} - "applicationDate" AS "decisionDays",
             ${almatyDay(Prisma.sql`"allocatedAt"`)} - ${almatyDay(Prisma.sql`"decidedAt"`)} AS "allocationDays",
             ${almatyDay(Prisma.sql`"arrivedAt"`)} - ${almatyDay(Prisma.sql`"allocatedAt"`)} AS "arrivalDays"
        FROM "reached"
    )
    SELECT "regionId",
           COUNT(*)::int AS "families",
           COUNT(*) FILTER (WHERE "status" IN (${statusList(AWAITING_DECISION)}))::int AS "awaitingDecision",
           COUNT(*) FILTER (WHERE "status" IN (${statusList(AWAITING_DECISION)})
                              AND "applicationDate" <= ${isoDay(cutoff)}::date)::int AS "overdue",
           ${percentiles("decision")},
           ${percentiles("allocation")},
           ${percentiles("arrival")}
      FROM "steps"
     GROUP BY GROUPING SETS (("regionId"), ())
     ORDER BY "regionId" NULLS LAST`);

  return {
    filters: scope.filters,
    isNational: scope.isNational,
    isSuppressed: scope.suppressSmallCells,
    today,
    limitDays,
    cutoff,
    table: processingTable(rows, year, scope.suppressSmallCells),
  };
}

/** An overdue case: days waiting in calendar days and in working days (the latter compared with the limit). */
export type OverdueCase = OverdueCaseCells & { familyId: number };

export type OverdueCases = {
  today: Date;
  /** The review time limit in working days in force on `today`. */
  limitDays: number;
  cutoff: Date;
  /** Oldest application first; at most OVERDUE_LIST_LIMIT. */
  cases: OverdueCase[];
  /** More overdue cases exist than listed (the aggregate table has the count). */
  isTruncated: boolean;
};

/** The most overdue cases a page lists at once. */
export const OVERDUE_LIST_LIMIT = 500;

/**
 * The cases applied in `filters.year` that await a decision longer than the review time limit on
 * `today`, oldest application first (then case number): personal data, so ADMIN (any region) and
 * COORDINATOR (own region, whatever the filter says) only; ANALYST and CASEWORKER → forbiddenError.
 * Every view is audited as `report.processing.overdue.view` with the families listed.
 */
export async function listOverdueCases(
  actor: Actor,
  filters: ReportFilters,
  options: { today?: Date } = {},
): Promise<OverdueCases> {
  const scope = requireReportScope(actor, filters);
  assertCan(actor, "report.personalData");
  const { year, regionId, category } = scope.filters;
  const today = options.today ?? programmeToday();
  const limitDays = await settingInForce("review.timeLimitWorkingDays", today);
  const cutoff = overdueCutoff(today, limitDays);
  const yearEnd = new Date(Date.UTC(year, 11, 31));

  const families = await reportDb().family.findMany({
    where: {
      AND: [
        familyScopeWhere(actor),
        {
          status: { in: [...AWAITING_DECISION] },
          applicationDate: { gte: new Date(Date.UTC(year, 0, 1)), lte: cutoff < yearEnd ? cutoff : yearEnd },
          ...(regionId !== null && { targetRegionId: regionId }),
          ...(category !== null && { category }),
        },
      ],
    },
    orderBy: [{ applicationDate: "asc" }, { caseNumber: "asc" }],
    take: OVERDUE_LIST_LIMIT + 1,
    select: {
      id: true,
      caseNumber: true,
      targetRegionId: true,
      status: true,
      applicationDate: true,
      members: {
        where: { isHead: true },
        select: { surnameCyr: true, givenNameCyr: true, surnameLat: true, givenNameLat: true },
      },
    },
  });
  const cases = families.slice(0, OVERDUE_LIST_LIMIT).map((family) => ({
    familyId: family.id,
    caseNumber: family.caseNumber,
    regionId: family.targetRegionId,
    status: family.status,
    applicationDate: family.applicationDate,
    head: family.members[0] ?? null,
    daysWaiting: -daysUntil(family.applicationDate, today),
    workingDaysWaiting: workingDaysBetween(family.applicationDate, today),
  }));

  await recordAudit({
    actor,
    action: "report.processing.overdue.view",
    entity: "report",
    entityId: "processing",
    regionId,
    details: {
      year,
      category,
      limitDays,
      today: isoDay(today),
      families: cases.map((item) => item.familyId),
    },
  });
  return { today, limitDays, cutoff, cases, isTruncated: families.length > OVERDUE_LIST_LIMIT };
}

/**
 * The tables of the processing-times page for the exports (lib/db/reports/export-report): the aggregate table
 * and, for those who may see the cases (ADMIN, COORDINATOR), the overdue cases (an audited view).
 */
export async function processingReportTables(
  actor: Actor,
  filters: ReportFilters,
  options: { today?: Date } = {},
): Promise<ReportTable[]> {
  const report = await processingTimes(actor, filters, options);
  if (!can(actor, "report.personalData")) return [report.table];
  const overdue = await listOverdueCases(actor, filters, options);
  return [report.table, overdueTable(overdue.cases, report.filters.year)];
}
