/**
 * The tables of the reporting pages (issue 6): one shape for the page, the chart beside it and the CSV
 * and XLSX exports, so that all of them show the same figures. Pure; lib/db/reports builds the tables
 * from PostgreSQL aggregates, components/reports renders them and the export route writes them.
 */
import type { ExportCell } from "./export-cells";
import { intlTag, type Locale } from "./locale";
import { findRegion } from "./regions";

export type ReportColumnKind = "text" | "count" | "decimal" | "money" | "percent";

/**
 * How the text cells of a column become words in the interface language: a message under `prefix`
 * (`${prefix}.${value}`), a region id, an ISO 3166-1 country code, a month number 1–12, or text as it is
 * ("text"). A null cell of such a column is "not recorded" (reportCommon.notRecorded).
 */
export type CellLabels =
  { kind: "message"; prefix: string } | { kind: "region" } | { kind: "country" } | { kind: "month" } | { kind: "text" };

export type ReportColumn = {
  key: string;
  labelKey: string;
  kind: ReportColumnKind;
  labels?: CellLabels;
  /** Counts of persons or families: suppressed below the threshold in analyst views (lib/domain/small-cells). */
  isSmallCell?: boolean;
  /** This column is the sum of the row's other small-cell columns (used by secondary suppression). */
  isRowTotal?: boolean;
  /** Suppressed together with a hidden cell of these columns in the same row (a share computed from them). */
  derivedFrom?: readonly string[];
  /** Digits after the decimal point of a "decimal" or "percent" column (default 1; amounts in MCI use 2). */
  decimals?: number;
};

/** Digits after the decimal point a column is shown and exported with (0 for whole-number kinds). */
export function columnDecimals(column: ReportColumn | undefined): number {
  return column?.kind === "decimal" || column?.kind === "percent" ? (column.decimals ?? 1) : 0;
}

export type ReportTable = {
  id: string;
  titleKey: string;
  titleValues?: Record<string, string | number>;
  columns: ReportColumn[];
  rows: ExportCell[][];
  /** The totals row; its first (text) cell is null and shown as "Total". */
  total?: ExportCell[];
  /** How many cells were suppressed (set by lib/domain/small-cells suppressTable). */
  suppressedCells?: number;
  /** A sentence in the interface language that belongs under the table (e.g. a forecast's assumption); exports write it after the rows. */
  footnote?: string;
};

/** A message function as next-intl's `t` (the catalogue is merged from every messages file). */
export type Translator = (key: string, values?: Record<string, string | number>) => string;

const NUMERIC_KINDS: ReadonlySet<ReportColumnKind> = new Set(["count", "decimal", "money", "percent"]);

/** Whether a column holds numbers (right-aligned, formatted in the locale, numbers in XLSX). */
export function isNumericColumn(column: Pick<ReportColumn, "kind">): boolean {
  return NUMERIC_KINDS.has(column.kind);
}

/** The position of a column by key; throws for an unknown key (a programming error). */
export function columnIndex(table: Pick<ReportTable, "columns">, key: string): number {
  const index = table.columns.findIndex((column) => column.key === key);
  if (index < 0) throw new RangeError(`No column ${key}`);
  return index;
}

/**
 * The totals row of rows: counts and money summed, other columns empty. Call it on unsuppressed rows,
 * so that totals stay exact whatever is suppressed afterwards.
 */
export function sumRows(rows: readonly ExportCell[][], columns: readonly ReportColumn[]): ExportCell[] {
  return columns.map((column, index) =>
    column.kind === "count" || column.kind === "money"
      ? rows.reduce<number>((sum, row) => sum + (typeof row[index] === "number" ? (row[index] as number) : 0), 0)
      : null,
  );
}

/** A value's share of a whole in percent with one decimal; null when the whole is 0. */
export function percentOf(value: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((value / whole) * 1000) / 10;
}

function cellLabel(
  labels: CellLabels,
  value: ExportCell,
  t: Translator,
  locale: Locale,
  countries: Intl.DisplayNames,
): ExportCell {
  if (value === null || value === "") return t("reportCommon.notRecorded");
  switch (labels.kind) {
    case "message":
      return t(`${labels.prefix}.${value}`);
    case "region": {
      const region = findRegion(String(value));
      return region ? region.name[locale] : String(value);
    }
    case "country":
      return countries.of(String(value)) ?? String(value);
    case "text":
      return value;
    case "month":
      return new Intl.DateTimeFormat(intlTag(locale), { month: "long", timeZone: "UTC" }).format(
        new Date(Date.UTC(2000, Number(value) - 1, 1)),
      );
  }
}

/** The table with coded text cells (statuses, regions, countries, months…) turned into words. */
export function localiseTable(table: ReportTable, t: Translator, locale: Locale): ReportTable {
  const countries = new Intl.DisplayNames([intlTag(locale)], { type: "region", fallback: "code" });
  const localise = (row: ExportCell[]) =>
    row.map((cell, index) => {
      const labels = table.columns[index]?.labels;
      return labels ? cellLabel(labels, cell, t, locale, countries) : cell;
    });
  return { ...table, rows: table.rows.map(localise) };
}

/** The table's title in the interface language. */
export function tableTitle(table: ReportTable, t: Translator): string {
  return t(table.titleKey, table.titleValues);
}

/** The column headers in the interface language (the page, CSV and XLSX use the same words). */
export function tableHeader(table: ReportTable, t: Translator): string[] {
  return table.columns.map((column) => t(column.labelKey));
}

/** The totals row with its label ("Total"), or null when the table has none. */
export function labelledTotal(table: ReportTable, t: Translator): ExportCell[] | null {
  if (!table.total) return null;
  return table.total.map((cell, index) => (index === 0 && cell === null ? t("reportCommon.total") : cell));
}

export type ChartPoint = Record<string, string | number | null>;

/**
 * Chart data from a localised table: one point per row with the label of `labelKey` under "label" and
 * the values of `valueKeys` under their keys. Suppressed cells stay null (the chart leaves a gap), so a
 * chart never shows what the table hides.
 */
export function chartPoints(table: ReportTable, labelKey: string, valueKeys: readonly string[]): ChartPoint[] {
  const labelIndex = columnIndex(table, labelKey);
  const valueIndexes = valueKeys.map((key) => [key, columnIndex(table, key)] as const);
  return table.rows.map((row) => ({
    label: row[labelIndex] ?? "",
    ...Object.fromEntries(valueIndexes.map(([key, index]) => [key, row[index] ?? null])),
  }));
}
