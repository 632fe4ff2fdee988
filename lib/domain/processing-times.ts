/**
 * Processing times of cases (issue 6): how long the main steps take and which cases wait for a decision
 * longer than the review time limit.
 *
 * Steps: application (family.applicationDate) → decision (first APPROVED or REJECTED event) → allocation
 * (first QUOTA_ALLOCATED event) → arrival (first RESETTLED event). A step's length is counted in calendar
 * days between the Kazakhstan calendar days of its two ends (the SQL lives in
 * lib/db/reports/processing-times.ts). The review time limit is a setting in *working* days (domain.md:
 * "sources give 4 to 30 working days"; 30 by default), the value in force on the day the report
 * counts on. Working days are Monday to Friday, public holidays are not deducted (the system has no
 * holiday calendar), so a case can be flagged a few days early around holidays, never late.
 */
import type { CaseStatus } from "@/lib/domain/case-status";
import type { ExportCell } from "@/lib/domain/export-cells";
import { columnIndex, type ReportColumn, type ReportTable } from "@/lib/domain/report-table";
import { isSmallCount, suppressTable } from "@/lib/domain/small-cells";

/** The review time limit until an administrator sets one: the upper end of the published range. */
export const DEFAULT_REVIEW_TIME_LIMIT_DAYS = 30;
/** The largest limit an administrator may set (a year of working days is far beyond any legal limit). */
export const MAX_REVIEW_TIME_LIMIT_DAYS = 365;

/** The measured steps, in lifecycle order. */
export const PROCESSING_STEPS = ["decision", "allocation", "arrival"] as const;
export type ProcessingStep = (typeof PROCESSING_STEPS)[number];

/** Statuses of a case still waiting for the akimat's decision (open, not decided). */
export const AWAITING_DECISION: readonly CaseStatus[] = ["REGISTERED", "UNDER_REVIEW"];
/** Statuses whose first event marks the decision. */
export const DECISION_STATUSES: readonly CaseStatus[] = ["APPROVED", "REJECTED"];

const DAY_MS = 86_400_000;
/** A Monday (1 January 1900), from which working days are counted. */
const MONDAY_EPOCH = Date.UTC(1900, 0, 1);

/** Working days (Monday–Friday) from the epoch Monday up to, not including, `day` (a UTC-midnight day). */
function workingDaysSinceEpoch(day: Date): number {
  const days = Math.floor((day.getTime() - MONDAY_EPOCH) / DAY_MS);
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

/**
 * Working days that have passed after `from` up to and including `to` (calendar days, UTC midnight):
 * the application day itself does not count, `to` does. 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const next = (day: Date) => new Date(day.getTime() + DAY_MS);
  return Math.max(0, workingDaysSinceEpoch(next(to)) - workingDaysSinceEpoch(next(from)));
}

/**
 * The latest application day of a case that is overdue on `today` under a limit of `limitDays` working
 * days: more than the limit have passed since it (workingDaysBetween(day, today) > limitDays). Every
 * earlier day is overdue too, so the database can compare `applicationDate <= cutoff`.
 */
export function overdueCutoff(today: Date, limitDays: number): Date {
  // Count working days back from today; the day before the (limit + 1)-th is the cutoff.
  let day = today;
  let counted = 0;
  while (counted <= limitDays) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
    day = new Date(day.getTime() - DAY_MS);
  }
  return day;
}

const STEP_COLUMNS = PROCESSING_STEPS.flatMap((step): ReportColumn[] => [
  { key: `${step}Cases`, labelKey: `reportProcessing.col.${step}Cases`, kind: "count", isSmallCell: true },
  // A median or percentile of 1–4 cases tells their lengths: hidden with the count it is computed from.
  {
    key: `${step}Median`,
    labelKey: `reportProcessing.col.${step}Median`,
    kind: "decimal",
    derivedFrom: [`${step}Cases`],
  },
  { key: `${step}P90`, labelKey: `reportProcessing.col.${step}P90`, kind: "decimal", derivedFrom: [`${step}Cases`] },
]);

/**
 * Columns of the processing-times table. The keys are the column names of the SQL
 * (lib/db/reports/processing-times.ts): `regionId` (null on the totals row), `families` applied in the
 * year, per step the cases that completed it with the median and 90th percentile of its length in days,
 * the cases awaiting a decision and those of them overdue.
 */
export const PROCESSING_COLUMNS: readonly ReportColumn[] = [
  { key: "regionId", labelKey: "reportProcessing.col.region", kind: "text", labels: { kind: "region" } },
  { key: "families", labelKey: "reportProcessing.col.families", kind: "count", isSmallCell: true },
  ...STEP_COLUMNS,
  { key: "awaitingDecision", labelKey: "reportProcessing.col.awaitingDecision", kind: "count", isSmallCell: true },
  { key: "overdue", labelKey: "reportProcessing.col.overdue", kind: "count", isSmallCell: true },
];

/** Id of the processing-times table (export `?table=`). */
export const PROCESSING_TABLE_ID = "processing";

/**
 * The processing-times table from the aggregate rows (one per region, by region code, and the totals row
 * with `regionId` null). With `isSuppressed` (an analyst) small counts are hidden with secondary
 * suppression (lib/domain/small-cells), and so are the medians and percentiles of hidden counts, on the
 * totals row too.
 */
export function processingTable(
  rows: readonly Record<string, ExportCell>[],
  year: number,
  isSuppressed: boolean,
): ReportTable {
  const cells = (row: Record<string, ExportCell>) => PROCESSING_COLUMNS.map((column) => row[column.key] ?? null);
  const totalRow = rows.find((row) => row.regionId === null);
  const table: ReportTable = {
    id: PROCESSING_TABLE_ID,
    titleKey: "reportProcessing.table.title",
    titleValues: { year },
    columns: [...PROCESSING_COLUMNS],
    rows: rows.filter((row) => row.regionId !== null).map(cells),
    total: totalRow ? cells(totalRow) : PROCESSING_COLUMNS.map((column) => (column.kind === "count" ? 0 : null)),
  };
  if (!isSuppressed) return table;
  const suppressed = suppressTable(table);
  // suppressTable hides the small counts of the totals row; the statistics of those few cases go with them.
  const totalCount = (key: string) => table.total?.[columnIndex(table, key)] ?? null;
  const total = suppressed.total?.map((cell, index) =>
    (table.columns[index]?.derivedFrom ?? []).some((source) => isSmallCount(totalCount(source))) ? null : cell,
  );
  const newlyHidden = (total ?? []).filter((cell, index) => cell === null && suppressed.total?.[index] !== null).length;
  return { ...suppressed, ...(total && { total }), suppressedCells: (suppressed.suppressedCells ?? 0) + newlyHidden };
}

/** Id of the overdue-cases table (export `?table=`). */
export const OVERDUE_TABLE_ID = "overdue";

/** Columns of the overdue-cases table (personal data: never built for an analyst). */
export const OVERDUE_COLUMNS: readonly ReportColumn[] = [
  { key: "caseNumber", labelKey: "reportProcessing.overdue.col.caseNumber", kind: "text" },
  { key: "head", labelKey: "reportProcessing.overdue.col.head", kind: "text" },
  { key: "regionId", labelKey: "reportProcessing.col.region", kind: "text", labels: { kind: "region" } },
  {
    key: "status",
    labelKey: "reportProcessing.overdue.col.status",
    kind: "text",
    labels: { kind: "message", prefix: "status" },
  },
  { key: "applicationDate", labelKey: "reportProcessing.overdue.col.applicationDate", kind: "text" },
  { key: "daysWaiting", labelKey: "reportProcessing.overdue.col.daysWaiting", kind: "count" },
  { key: "workingDaysWaiting", labelKey: "reportProcessing.overdue.col.workingDaysWaiting", kind: "count" },
];

export type OverdueCaseCells = {
  caseNumber: string;
  /** The head of family's name in Cyrillic and Latin letters; null without a head. */
  head: { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;
  regionId: string;
  status: CaseStatus;
  applicationDate: Date;
  daysWaiting: number;
  workingDaysWaiting: number;
};

/** The overdue cases as a table for the exports (dates as ISO days, the head's name in both scripts). */
export function overdueTable(cases: readonly OverdueCaseCells[], year: number): ReportTable {
  const name = (head: OverdueCaseCells["head"]) =>
    head ? `${head.surnameCyr} ${head.givenNameCyr} (${head.surnameLat} ${head.givenNameLat})` : null;
  const cells = (item: OverdueCaseCells): Record<string, ExportCell> => ({
    ...item,
    head: name(item.head),
    applicationDate: item.applicationDate.toISOString().slice(0, 10),
  });
  return {
    id: OVERDUE_TABLE_ID,
    titleKey: "reportProcessing.overdue.title",
    titleValues: { year },
    columns: [...OVERDUE_COLUMNS],
    rows: cases.map(cells).map((row) => OVERDUE_COLUMNS.map((column) => row[column.key] ?? null)),
  };
}
