import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { reportDb } from "@/lib/db/client";
import { quotaRegionOf } from "@/lib/db/scopes";
import { can, type Actor } from "@/lib/domain/permissions";
import {
  hiddenMonthlyCells,
  hiddenReportCells,
  withoutHidden,
  type HiddenCells,
  type MonthlyColumnKey,
} from "@/lib/domain/quota-cells";
import {
  forecastYearEnd,
  monthsLeftInYear,
  outlookTotals,
  pacePerMonth,
  paceWindow,
} from "@/lib/domain/quota-forecast";
import {
  assumptionSentence,
  monthlySeries,
  quotaFigures,
  REPORT_COLUMNS,
  REPORT_POOLS,
  reportCells,
  totalFigures,
  type MonthPoint,
  type ReportColumnKey,
  type ReportFigures,
  type ReportPool,
} from "@/lib/domain/quota-report";
import type { ReportColumn, ReportTable, Translator } from "@/lib/domain/report-table";
import { intlTag, localName, type Locale } from "@/lib/i18n/config";
import { programmeToday } from "@/lib/domain/status-validity";

export type QuotaReportRegion = { id: string; nameKk: string; nameRu: string; nameEn: string };
/**
 * A region's figures in one pool; `forecast.basis` is always set on a row. `hidden` names the cells an
 * analyst does not see (lib/domain/quota-cells); it is empty for everyone else.
 */
export type QuotaReportRow = ReportFigures & { region: QuotaReportRegion; hidden: HiddenCells<ReportColumnKey> };
export type QuotaReportPool = {
  pool: ReportPool;
  rows: QuotaReportRow[];
  totals: ReportFigures & { hidden: HiddenCells<ReportColumnKey> };
};
/** Persons allocated in a month, each pool and together, with the cells an analyst does not see. */
export type QuotaReportMonth = MonthPoint & { hidden: HiddenCells<MonthlyColumnKey> };
/** The figures the forecast assumes, shown with the report. */
export type ForecastAssumption = {
  /** The day the report was computed for (Kazakhstan calendar day, UTC midnight). */
  today: Date;
  /** Months left in the report year on `today` (fractional, by days). */
  monthsLeft: number;
  /** Full calendar months of the pace window and its first and last day. */
  windowMonths: number;
  windowFrom: Date;
  windowTo: Date;
};
export type QuotaReport = {
  year: number;
  /** "national" for administrators and analysts, the coordinator's region otherwise. */
  scope: { kind: "national" } | { kind: "region"; regionId: string };
  pools: QuotaReportPool[];
  /** Persons allocated per month of the year (ACTIVE allocations by their creation date, Kazakhstan time). */
  monthly: QuotaReportMonth[];
  /** The months' sums. */
  monthlyTotal: QuotaReportMonth;
  assumption: ForecastAssumption;
};

type CountRow = {
  regionId: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  pool: ReportPool;
  total: number;
  allocated: number;
  arrived: number;
  families: number;
  waitlistFamilies: number;
  waitlistPersons: number;
  pipelinePersons: number;
  pacePersons: number;
};
type MonthRow = { month: number; pool: ReportPool; families: number; persons: number };

/** Statuses of a family that has arrived in the target region. */
const ARRIVED = Prisma.sql`('RESETTLED', 'SUPPORTED', 'CLOSED')`;
/** A stored timestamp (UTC) as the local time in Kazakhstan. */
const almatyTime = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Almaty')`;
const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/**
 * The quota report of a year (issue 4): per region and pool the quota, persons allocated (ACTIVE
 * allocations), persons arrived, remaining places, fill and families; the waitlist (families and persons
 * still waiting), the pipeline, the recent pace and the year-end forecast (lib/domain/quota-forecast);
 * totals per pool; allocations per month. Numbers only, no personal data, so no audit entry for a view
 * (exports are audited by the caller). ADMIN and ANALYST see the whole country, a COORDINATOR the own
 * region, a CASEWORKER nothing. `today` (a Kazakhstan calendar day) fixes the pace window and the months
 * left; it defaults to the programme's today.
 *
 * Definitions (shared with the waitlist pages and the drill-down): a family *waits* when it has a
 * waitlist entry of the year, status APPROVED and no ACTIVE allocation for the year; the *pipeline* is
 * every APPROVED family of the region and category without an ACTIVE allocation for the year whose kandas
 * status is still valid on `today`; persons of a family are its members arriving (lib/domain/quota
 * placesNeeded); the *pace* is the persons of ACTIVE allocations of the region and pool created in the
 * last full calendar months before `today` (any quota year), per month.
 */
export async function quotaReport(actor: Actor, year: number, options: { today?: Date } = {}): Promise<QuotaReport> {
  const regionId = quotaRegionOf(actor, "report.view");
  const national = regionId === undefined;
  // A coordinator without a region sees nothing rather than everything.
  const regionIs = (column: Prisma.Sql) => (national ? Prisma.empty : Prisma.sql`AND ${column} = ${regionId ?? ""}`);
  const regionFilter = regionIs(Prisma.sql`q."regionId"`);
  const today = options.today ?? programmeToday();
  const window = paceWindow(today);

  const [counts, months] = await Promise.all([
    reportDb().$queryRaw<CountRow[]>(Prisma.sql`
      WITH "candidate" AS (
        -- Approved families without an ACTIVE allocation for the year, with the persons they need.
        SELECT f."targetRegionId" AS "regionId", f."category"::text AS "pool",
               CASE WHEN p."membersArriving" BETWEEN 1 AND m."count" THEN p."membersArriving" ELSE m."count" END AS "persons",
               EXISTS (SELECT 1 FROM "waitlist_entry" w WHERE w."familyId" = f."id" AND w."year" = ${year}) AS "isWaiting",
               (f."category" = 'SETTLER' OR f."statusValidUntil" >= ${isoDay(today)}::date) AS "isPipeline"
          FROM "family" f
         CROSS JOIN LATERAL (SELECT COUNT(*)::int AS "count" FROM "person" WHERE "familyId" = f."id") m
          LEFT JOIN "adaptation_plan" p ON p."familyId" = f."id"
         WHERE f."status" = 'APPROVED' ${regionIs(Prisma.sql`f."targetRegionId"`)}
           AND NOT EXISTS (SELECT 1 FROM "allocation" a
                            WHERE a."familyId" = f."id" AND a."year" = ${year} AND a."status" = 'ACTIVE')
      ), "outlook" AS (
        SELECT "regionId", "pool",
               COUNT(*) FILTER (WHERE "isWaiting")::int AS "waitlistFamilies",
               COALESCE(SUM("persons") FILTER (WHERE "isWaiting"), 0)::int AS "waitlistPersons",
               COALESCE(SUM("persons") FILTER (WHERE "isPipeline"), 0)::int AS "pipelinePersons"
          FROM "candidate"
         GROUP BY "regionId", "pool"
      ), "pace" AS (
        SELECT q."regionId", q."pool"::text AS "pool", SUM(a."persons")::int AS "persons"
          FROM "allocation" a
          JOIN "quota" q ON q."id" = a."quotaId"
         WHERE a."status" = 'ACTIVE' ${regionFilter}
           AND ${almatyTime(Prisma.sql`a."createdAt"`)} >= ${isoDay(window.from)}::date
           AND ${almatyTime(Prisma.sql`a."createdAt"`)} < ${isoDay(window.until)}::date
         GROUP BY q."regionId", q."pool"
      )
      SELECT q."regionId", r."nameKk", r."nameRu", r."nameEn", q."pool"::text AS "pool", q."total",
             COALESCE(SUM(a."persons"), 0)::int AS "allocated",
             COALESCE(SUM(a."persons") FILTER (WHERE f."status"::text IN ${ARRIVED}), 0)::int AS "arrived",
             COUNT(a."id")::int AS "families",
             COALESCE(o."waitlistFamilies", 0) AS "waitlistFamilies",
             COALESCE(o."waitlistPersons", 0) AS "waitlistPersons",
             COALESCE(o."pipelinePersons", 0) AS "pipelinePersons",
             COALESCE(pc."persons", 0) AS "pacePersons"
        FROM "quota" q
        JOIN "region" r ON r."id" = q."regionId"
        LEFT JOIN "allocation" a ON a."quotaId" = q."id" AND a."status" = 'ACTIVE'
        LEFT JOIN "family" f ON f."id" = a."familyId"
        LEFT JOIN "outlook" o ON o."regionId" = q."regionId" AND o."pool" = q."pool"::text
        LEFT JOIN "pace" pc ON pc."regionId" = q."regionId" AND pc."pool" = q."pool"::text
       WHERE q."year" = ${year} ${regionFilter}
       GROUP BY q."id", q."regionId", r."nameKk", r."nameRu", r."nameEn", q."pool", q."total",
                o."waitlistFamilies", o."waitlistPersons", o."pipelinePersons", pc."persons"
       ORDER BY q."regionId", q."pool"`),
    reportDb().$queryRaw<MonthRow[]>(Prisma.sql`
      SELECT EXTRACT(MONTH FROM ${almatyTime(Prisma.sql`a."createdAt"`)})::int AS "month",
             q."pool"::text AS "pool", COUNT(*)::int AS "families", SUM(a."persons")::int AS "persons"
        FROM "allocation" a
        JOIN "quota" q ON q."id" = a."quotaId"
       WHERE q."year" = ${year} AND a."status" = 'ACTIVE' ${regionFilter}
         AND EXTRACT(YEAR FROM ${almatyTime(Prisma.sql`a."createdAt"`)}) = ${year}
       GROUP BY 1, 2`),
  ]);

  const monthsLeft = monthsLeftInYear(year, today);
  // Analysts see figures without personal data: counts of 1–4 and what gives them back are hidden.
  const isSuppressed = !can(actor, "report.personalData");
  const pools: QuotaReportPool[] = REPORT_POOLS.map((pool) => {
    const figures = counts
      .filter((row) => row.pool === pool)
      .map(({ regionId, nameKk, nameRu, nameEn, total, allocated, arrived, families, pacePersons, ...outlook }) => {
        const pace = pacePerMonth(pacePersons, window.months);
        return {
          region: { id: regionId, nameKk, nameRu, nameEn },
          ...quotaFigures({ total, allocated, arrived, families }),
          waitlistFamilies: outlook.waitlistFamilies,
          waitlistPersons: outlook.waitlistPersons,
          pipelinePersons: outlook.pipelinePersons,
          pacePerMonth: pace,
          forecast: forecastYearEnd({
            total,
            allocated,
            pipelinePersons: outlook.pipelinePersons,
            pacePerMonth: pace,
            monthsLeft,
          }),
        };
      });
    const totals = { ...totalFigures(figures), ...outlookTotals(figures) };
    const hidden = isSuppressed
      ? hiddenReportCells(
          figures.map((row) => ({ ...row, regionId: row.region.id })),
          totals,
          window.months,
        )
      : null;
    return {
      pool,
      rows: figures.map((row, index) => ({ ...row, hidden: hidden?.rows[index] ?? new Set() })),
      totals: { ...totals, hidden: hidden?.total ?? new Set() },
    };
  });
  const series = monthlySeries(months);
  const sum = (key: MonthlyColumnKey) => series.reduce((acc, point) => acc + point[key], 0);
  const monthlySum = { month: 0, KANDAS: sum("KANDAS"), SETTLER: sum("SETTLER"), total: sum("total") };
  const monthlyHidden = isSuppressed ? hiddenMonthlyCells(series, monthlySum) : null;
  return {
    year,
    scope: national ? { kind: "national" } : { kind: "region", regionId: regionId ?? "" },
    pools,
    monthly: series.map((point, index) => ({ ...point, hidden: monthlyHidden?.rows[index] ?? new Set() })),
    monthlyTotal: { ...monthlySum, hidden: monthlyHidden?.total ?? new Set() },
    assumption: {
      today,
      monthsLeft,
      windowMonths: window.months,
      windowFrom: window.from,
      windowTo: new Date(window.until.getTime() - 86_400_000),
    },
  };
}

/** The pool's rows sorted by the region's name in the interface language (the page and the exports agree). */
export function sortedRows(pool: QuotaReportPool, locale: Locale): QuotaReportRow[] {
  const collator = new Intl.Collator(intlTag(locale));
  return [...pool.rows].sort((a, b) => collator.compare(localName(a.region, locale), localName(b.region, locale)));
}

/** The report's figure columns after the first one, as report tables describe them. */
const FIGURE_COLUMNS: ReportColumn[] = REPORT_COLUMNS.map((column) => ({
  key: column.key,
  labelKey: `reports.col.${column.key}`,
  kind: column.kind === "basis" ? "text" : column.kind,
}));

/**
 * The quota report of a year as report tables, for the generic export: a table per pool (regions by
 * name, the total last), the pools' totals and the allocations per month. The pool and totals tables
 * carry the forecast's assumption as their footnote. Scoped like quotaReport.
 */
export async function quotaReportTables(
  actor: Actor,
  year: number,
  t: Translator,
  locale: Locale,
): Promise<ReportTable[]> {
  const report = await quotaReport(actor, year);
  const footnote = assumptionSentence(report.year, report.assumption, t, locale);
  const totalLabel = report.scope.kind === "national" ? t("reports.nationalTotal") : t("reports.regionTotal");
  const keys = REPORT_COLUMNS.map((column) => column.key);
  const cells = (figures: ReportFigures & { hidden: HiddenCells<ReportColumnKey> }) =>
    withoutHidden(reportCells(figures, t), keys, figures.hidden);
  const hiddenCount = (rows: readonly { hidden: ReadonlySet<string> }[]) =>
    rows.reduce((sum, row) => sum + row.hidden.size, 0);
  // The note about hidden cells follows the table whenever one of its cells is hidden.
  const suppressed = (count: number) => (count > 0 ? { suppressedCells: count } : {});
  const pools: ReportTable[] = report.pools.map((pool) => ({
    id: pool.pool.toLowerCase(),
    titleKey: `category.${pool.pool}`,
    columns: [
      { key: "region", labelKey: "reports.col.region", kind: "text", labels: { kind: "region" } },
      ...FIGURE_COLUMNS,
    ],
    rows: sortedRows(pool, locale).map((row) => [row.region.id, ...cells(row)]),
    total: [totalLabel, ...cells(pool.totals)],
    footnote,
    ...suppressed(hiddenCount([...pool.rows, pool.totals])),
  }));
  const totals: ReportTable = {
    id: "totals",
    titleKey: "reports.sheet.totals",
    columns: [
      { key: "pool", labelKey: "reports.sheet.pool", kind: "text", labels: { kind: "message", prefix: "category" } },
      ...FIGURE_COLUMNS,
    ],
    rows: report.pools.map((pool) => [pool.pool, ...cells(pool.totals)]),
    footnote,
    ...suppressed(hiddenCount(report.pools.map((pool) => pool.totals))),
  };
  const monthKeys: MonthlyColumnKey[] = ["KANDAS", "SETTLER", "total"];
  const monthCells = (point: QuotaReportMonth) =>
    withoutHidden([point.KANDAS, point.SETTLER, point.total], monthKeys, point.hidden);
  const monthly: ReportTable = {
    id: "monthly",
    titleKey: "reports.sheet.monthly",
    columns: [
      { key: "month", labelKey: "reports.monthly.month", kind: "text", labels: { kind: "month" } },
      { key: "KANDAS", labelKey: "category.KANDAS", kind: "count" },
      { key: "SETTLER", labelKey: "category.SETTLER", kind: "count" },
      { key: "total", labelKey: "reports.monthly.total", kind: "count" },
    ],
    rows: report.monthly.map((point) => [point.month, ...monthCells(point)]),
    total: [null, ...monthCells(report.monthlyTotal)],
    ...suppressed(hiddenCount([...report.monthly, report.monthlyTotal])),
  };
  return [...pools, totals, monthly];
}
