/** Quota report arithmetic (issue 4): pure functions over the figures the database counted. */
import type { ForecastBasis, OutlookCounts, TotalForecast } from "./quota-outlook";
import type { Translator } from "./report-table";
import { intlTag, type Locale } from "./locale";

export type ReportPool = "KANDAS" | "SETTLER";
export const REPORT_POOLS: readonly ReportPool[] = ["KANDAS", "SETTLER"];

/** What the database counts per region and pool; persons are quota places. */
export type QuotaCounts = {
  /** Places in the order (persons). */
  total: number;
  /** Persons of ACTIVE allocations. */
  allocated: number;
  /** Persons of allocated families that have arrived (RESETTLED, SUPPORTED or CLOSED). */
  arrived: number;
  /** Families holding an ACTIVE allocation. */
  families: number;
};

export type QuotaFigures = QuotaCounts & {
  /** Places still free; never negative. */
  remaining: number;
  /** allocated / total in percent, one decimal; null when the quota is 0 (nothing to fill). */
  fillPercent: number | null;
};

/** Rounds half away from zero to `digits` decimals without binary surprises (1.005 → 1.01). */
export function roundTo(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * factor).toPrecision(15)))) / factor;
}

/** allocated / total in percent with one decimal; null when the quota is 0. */
export function fillPercent(allocated: number, total: number): number | null {
  if (total <= 0) return null;
  return roundTo((allocated / total) * 100, 1);
}

/** Adds the derived figures (remaining places, fill) to what the database counted for one region and pool. */
export function quotaFigures(counts: QuotaCounts): QuotaFigures {
  return {
    ...counts,
    remaining: Math.max(0, counts.total - counts.allocated),
    fillPercent: fillPercent(counts.allocated, counts.total),
  };
}

/** Sums the counts of several regions and derives the totals' remaining places and fill from the sums. */
export function totalFigures(rows: readonly QuotaCounts[]): QuotaFigures {
  const sum = rows.reduce<QuotaCounts>(
    (acc, row) => ({
      total: acc.total + row.total,
      allocated: acc.allocated + row.allocated,
      arrived: acc.arrived + row.arrived,
      families: acc.families + row.families,
    }),
    { total: 0, allocated: 0, arrived: 0, families: 0 },
  );
  // Remaining of the total is the sum of the regions' remaining places (an over-filled region does not
  // hide free places elsewhere); with the CHECK allocated <= total both ways agree.
  return {
    ...quotaFigures(sum),
    remaining: rows.reduce((acc, row) => acc + Math.max(0, row.total - row.allocated), 0),
  };
}

export type MonthCount = { month: number; pool: ReportPool; families: number; persons: number };
export type MonthPoint = { month: number; KANDAS: number; SETTLER: number; total: number };

/** Persons allocated per calendar month 1–12, each pool and together; months without allocations are 0. */
export function monthlySeries(counts: readonly MonthCount[]): MonthPoint[] {
  const points: MonthPoint[] = Array.from({ length: 12 }, (_, index) => ({
    month: index + 1,
    KANDAS: 0,
    SETTLER: 0,
    total: 0,
  }));
  for (const count of counts) {
    const point = points[count.month - 1];
    if (!point) continue;
    point[count.pool] += count.persons;
    point.total += count.persons;
  }
  return points;
}

// ——— Outlook: waitlist and year-end forecast, and the columns the page and the exports share ———

/** Figures of a report row or total: the counts, the outlook and the forecast (a total has no basis). */
export type ReportFigures = QuotaFigures & OutlookCounts & { forecast: TotalForecast & { basis?: ForecastBasis } };

export type ReportColumnKey =
  | "total"
  | "allocated"
  | "families"
  | "arrived"
  | "remaining"
  | "fill"
  | "waitlistFamilies"
  | "waitlistPersons"
  | "pipeline"
  | "pace"
  | "forecast"
  | "forecastFill"
  | "basis";

/**
 * A column of the report after the region: "count" is a whole number, "decimal" has one decimal (null
 * when there is nothing to divide), "basis" is the forecast basis (null for totals).
 */
export type ReportColumn =
  | { key: ReportColumnKey; kind: "count"; value: (figures: ReportFigures) => number }
  | { key: ReportColumnKey; kind: "decimal"; value: (figures: ReportFigures) => number | null }
  | { key: ReportColumnKey; kind: "basis"; value: (figures: ReportFigures) => ForecastBasis | null };

/** The report's columns in the order the page, the CSV and the XLSX show them; new columns go last. */
export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { key: "total", kind: "count", value: (f) => f.total },
  { key: "allocated", kind: "count", value: (f) => f.allocated },
  { key: "families", kind: "count", value: (f) => f.families },
  { key: "arrived", kind: "count", value: (f) => f.arrived },
  { key: "remaining", kind: "count", value: (f) => f.remaining },
  { key: "fill", kind: "decimal", value: (f) => f.fillPercent },
  { key: "waitlistFamilies", kind: "count", value: (f) => f.waitlistFamilies },
  { key: "waitlistPersons", kind: "count", value: (f) => f.waitlistPersons },
  { key: "pipeline", kind: "count", value: (f) => f.pipelinePersons },
  { key: "pace", kind: "decimal", value: (f) => roundTo(f.pacePerMonth, 1) },
  { key: "forecast", kind: "count", value: (f) => f.forecast.expectedAllocated },
  { key: "forecastFill", kind: "decimal", value: (f) => f.forecast.expectedFillPercent },
  { key: "basis", kind: "basis", value: (f) => f.forecast.basis ?? null },
];

/** A cell of the report after the region: a number, the forecast basis in words, or nothing. */
export type ReportCell = number | string | null;

/** The cells of one row or total after the region, numbers as numbers (the page and the exports agree). */
export function reportCells(figures: ReportFigures, t: Translator): ReportCell[] {
  return REPORT_COLUMNS.map((column) => {
    if (column.kind !== "basis") return column.value(figures);
    const basis = column.value(figures);
    return basis ? t(`reports.basis.${basis}`) : null;
  });
}

/** The figures a forecast assumes: months left in the year and the pace window (calendar days, UTC). */
export type AssumptionFigures = { monthsLeft: number; windowMonths: number; windowFrom: Date; windowTo: Date };

/** The forecast's assumption in a sentence, with the figures it used (the page and the exports show it). */
export function assumptionSentence(year: number, assumption: AssumptionFigures, t: Translator, locale: Locale): string {
  const { monthsLeft, windowMonths, windowFrom, windowTo } = assumption;
  if (monthsLeft <= 0) return t("reports.assumptionClosed", { year });
  const day = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: "medium", timeZone: "UTC" });
  return t("reports.assumption", {
    year,
    windowMonths,
    windowFrom: day.format(windowFrom),
    windowTo: day.format(windowTo),
    monthsLeft: new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 }).format(roundTo(monthsLeft, 1)),
  });
}
