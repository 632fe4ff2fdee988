/**
 * Small cells of the quota figures (issue 15): which cells of the quota report, the Quotas page and the
 * report's monthly table an analyst must not see, by the rule of lib/domain/small-cells (counts of 1–4
 * hidden, a second cell hidden wherever a shown sum would give a hidden one back).
 *
 * Every page and export that shows the same figures asks these functions, and each one decides over the
 * regions in the order of their ids whatever order the page lists them in: a tie between two equally
 * small cells is then broken the same way everywhere, so that two pages never hide different cells of the
 * same column (one of them would give the other's hidden cell back).
 */
import type { ExportCell } from "./export-cells";
import type { QuotaPool } from "./quota";
import { REPORT_COLUMNS, type ReportColumnKey, type ReportFigures } from "./quota-report";
import type { ReportColumn } from "./report-table";
import { suppressSmallCells } from "./small-cells";

/** The columns of a monthly table (persons allocated per month, each pool and together). */
export type MonthlyColumnKey = "KANDAS" | "SETTLER" | "total";

/** Keys of hidden cells of one row. */
export type HiddenCells<Key extends string> = ReadonlySet<Key>;

/** The persons allocated in the pace window: the pace reveals them, so they are a small cell of their own. */
const PACE_PERSONS = "pacePersons" as const;

type Rule = Pick<ReportColumn, "isSmallCell" | "derivedFrom">;

/**
 * Counts of persons or families are small cells; the figures computed from them are hidden with them:
 * remaining places and fill are the quota minus the persons allocated, the pace is the persons allocated
 * in its window a month, and the forecast adds the pipeline or the pace to the persons allocated. The
 * quota itself is the ministry's order (public), and the forecast's basis names no count.
 */
const REPORT_RULES: Record<ReportColumnKey, Rule> = {
  total: {},
  allocated: { isSmallCell: true },
  families: { isSmallCell: true },
  arrived: { isSmallCell: true },
  remaining: { derivedFrom: ["allocated"] },
  fill: { derivedFrom: ["allocated"] },
  waitlistFamilies: { isSmallCell: true },
  waitlistPersons: { isSmallCell: true },
  pipeline: { isSmallCell: true },
  pace: { derivedFrom: [PACE_PERSONS] },
  forecast: { derivedFrom: ["allocated", "pipeline", PACE_PERSONS] },
  forecastFill: { derivedFrom: ["allocated", "pipeline", PACE_PERSONS] },
  basis: {},
};

const REPORT_SUPPRESSION: Pick<ReportColumn, "key" | "isSmallCell" | "derivedFrom">[] = [
  ...REPORT_COLUMNS.map((column) => ({ key: column.key, ...REPORT_RULES[column.key] })),
  { key: PACE_PERSONS, isSmallCell: true },
];

/** The numbers of the suppression columns of one row (the basis is words, not a number). */
function reportValues(figures: ReportFigures, windowMonths: number): ExportCell[] {
  return [
    ...REPORT_COLUMNS.map((column) => (column.kind === "basis" ? null : column.value(figures))),
    Math.round(figures.pacePerMonth * windowMonths),
  ];
}

/** The keys of a suppressed row's hidden cells (null where the row had a number). */
function hiddenKeys<Key extends string>(
  before: readonly ExportCell[],
  after: readonly ExportCell[],
  keys: readonly string[],
): Set<Key> {
  const hidden = new Set<Key>();
  after.forEach((cell, index) => {
    if (cell === null && before[index] !== null) hidden.add(keys[index] as Key);
  });
  return hidden;
}

/**
 * Rows suppressed in the order of their ids (region ids, months), the result given back in the order of `rows`, with
 * the totals row (sums of the unsuppressed rows) suppressed on its own.
 */
function suppressInOrder<Key extends string>(
  rows: readonly { id: string; values: ExportCell[] }[],
  total: ExportCell[],
  columns: Pick<ReportColumn, "key" | "isSmallCell" | "derivedFrom" | "isRowTotal">[],
): { rows: HiddenCells<Key>[]; total: HiddenCells<Key> } {
  const keys = columns.map((column) => column.key);
  const order = rows.map((_, index) => index).sort((a, b) => compareIds(rows[a]!.id, rows[b]!.id));
  const sorted = order.map((index) => rows[index]!.values);
  const suppressed = suppressSmallCells(sorted, columns, total);
  const hidden: HiddenCells<Key>[] = new Array(rows.length);
  order.forEach((index, position) => {
    hidden[index] = hiddenKeys<Key>(sorted[position]!, suppressed[position]!, keys);
  });
  const totalHidden = hiddenKeys<Key>(total, suppressSmallCells([total], columns)[0] ?? [], keys);
  return { rows: hidden, total: totalHidden };
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The hidden cells of one pool of the quota report (rows: one per region; total: the pool's totals row),
 * as the report's column keys. `windowMonths` is the pace window the pace was computed over.
 */
export function hiddenReportCells(
  rows: readonly (ReportFigures & { regionId: string })[],
  total: ReportFigures,
  windowMonths: number,
): { rows: HiddenCells<ReportColumnKey>[]; total: HiddenCells<ReportColumnKey> } {
  const hidden = suppressInOrder<ReportColumnKey | typeof PACE_PERSONS>(
    rows.map((row) => ({ id: row.regionId, values: reportValues(row, windowMonths) })),
    reportValues(total, windowMonths),
    REPORT_SUPPRESSION,
  );
  // The persons of the pace window are no column of the report: the pace stands for them.
  const shownKeys = (cells: HiddenCells<ReportColumnKey | typeof PACE_PERSONS>) =>
    new Set([...cells].filter((key): key is ReportColumnKey => key !== PACE_PERSONS));
  return { rows: hidden.rows.map(shownKeys), total: shownKeys(hidden.total) };
}

/** One quota of the Quotas page: places of the order, persons allocated, places remaining. */
export type QuotaPlacesRow = { regionId: string; pool: QuotaPool; total: number; allocated: number; remaining: number };
export type PlacesColumnKey = "total" | "allocated" | "remaining";

const PLACES_SUPPRESSION: Pick<ReportColumn, "key" | "isSmallCell" | "derivedFrom">[] = [
  { key: "total" },
  { key: "allocated", isSmallCell: true },
  { key: "remaining", derivedFrom: ["allocated"] },
];

const placesValues = (row: Pick<QuotaPlacesRow, "total" | "allocated" | "remaining">): ExportCell[] => [
  row.total,
  row.allocated,
  row.remaining,
];

/**
 * The hidden cells of the Quotas page: each pool's rows decided as the quota report decides them (the
 * same regions, the same persons allocated, the pool's total beside them), and the totals row of both
 * pools together. That sum hides its persons allocated when they are small or when a pool's sum is
 * hidden (the other pool's shown sum would give it back).
 */
export function hiddenPlacesCells(rows: readonly QuotaPlacesRow[]): {
  rows: HiddenCells<PlacesColumnKey>[];
  total: HiddenCells<PlacesColumnKey>;
} {
  const hidden: HiddenCells<PlacesColumnKey>[] = rows.map(() => new Set());
  let isPoolSumHidden = false;
  for (const pool of new Set(rows.map((row) => row.pool))) {
    const indexes = rows.flatMap((row, index) => (row.pool === pool ? [index] : []));
    const poolRows = indexes.map((index) => rows[index]!);
    const result = suppressInOrder<PlacesColumnKey>(
      poolRows.map((row) => ({ id: row.regionId, values: placesValues(row) })),
      placesValues(sumPlaces(poolRows)),
      PLACES_SUPPRESSION,
    );
    indexes.forEach((index, position) => {
      hidden[index] = result.rows[position]!;
    });
    if (result.total.has("allocated")) isPoolSumHidden = true;
  }
  const total = suppressInOrder<PlacesColumnKey>([], placesValues(sumPlaces(rows)), PLACES_SUPPRESSION).total;
  return { rows: hidden, total: isPoolSumHidden ? new Set(["allocated", "remaining"]) : total };
}

/** The totals of quotas: places, persons allocated and places remaining summed. */
export function sumPlaces(
  rows: readonly Pick<QuotaPlacesRow, "total" | "allocated" | "remaining">[],
): Pick<QuotaPlacesRow, "total" | "allocated" | "remaining"> {
  return rows.reduce(
    (sum, row) => ({
      total: sum.total + row.total,
      allocated: sum.allocated + row.allocated,
      remaining: sum.remaining + row.remaining,
    }),
    { total: 0, allocated: 0, remaining: 0 },
  );
}

export type MonthlyRow = { month: number } & Record<MonthlyColumnKey, number>;

const MONTHLY_SUPPRESSION: Pick<ReportColumn, "key" | "isSmallCell" | "isRowTotal">[] = [
  { key: "KANDAS", isSmallCell: true },
  { key: "SETTLER", isSmallCell: true },
  { key: "total", isSmallCell: true, isRowTotal: true },
];

/**
 * The hidden cells of the monthly table (persons allocated per month and pool, the months' total beside
 * them and the year's totals row under them): a month's pool hides its partner in the row, a pool's
 * month another month of the pool.
 */
export function hiddenMonthlyCells(
  months: readonly MonthlyRow[],
  total: Record<MonthlyColumnKey, number>,
): { rows: HiddenCells<MonthlyColumnKey>[]; total: HiddenCells<MonthlyColumnKey> } {
  const values = (row: Record<MonthlyColumnKey, number>): ExportCell[] => [row.KANDAS, row.SETTLER, row.total];
  return suppressInOrder<MonthlyColumnKey>(
    months.map((month) => ({ id: String(month.month).padStart(2, "0"), values: values(month) })),
    values(total),
    MONTHLY_SUPPRESSION,
  );
}

/** A row's cells with its hidden ones as null; `keys` are the keys of the cells in their order. */
export function withoutHidden<Cell, Key extends string>(
  cells: readonly Cell[],
  keys: readonly Key[],
  hidden: HiddenCells<Key>,
): (Cell | null)[] {
  return cells.map((cell, index) => (hidden.has(keys[index] as Key) ? null : cell));
}
