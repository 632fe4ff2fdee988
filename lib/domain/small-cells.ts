/**
 * Small-cell suppression for analyst views and exports (issue 6): a count of persons or families from 1 to
 * 4 could single somebody out, so it is shown as "<5" (null in the table, empty in an export). Zero is
 * shown: it names nobody.
 *
 * Secondary suppression: when a row or a column has a shown sum (the totals row, or a row-total column)
 * and exactly one of its cells is suppressed, that cell could be computed back from the sum; the smallest
 * other cell of that group (preferring non-zero ones) is suppressed too, repeated until no group has a
 * single suppressed cell. Limitation: a group with only one cell (its sum equals the cell) cannot be
 * protected this way, and the sums themselves are exact (computed before suppression) unless they are
 * small themselves.
 */
import type { ExportCell } from "./export-cells";
import type { ReportColumn, ReportTable } from "./report-table";

/** Counts below this are suppressed. */
export const SMALL_CELL_THRESHOLD = 5;

type SuppressionColumn = Pick<ReportColumn, "key" | "isSmallCell" | "isRowTotal" | "derivedFrom">;

/** Whether a value is a small count (1 to 4). */
export function isSmallCount(value: ExportCell): boolean {
  return typeof value === "number" && value > 0 && value < SMALL_CELL_THRESHOLD;
}

type Cell = { row: number; column: number };

/** The cells to hide: small counts, then secondary cells so that no hidden one follows from a sum. */
function suppressedCells(
  rows: readonly (readonly ExportCell[])[],
  columns: readonly SuppressionColumn[],
  total: readonly ExportCell[] | undefined,
): Set<string> {
  const id = (cell: Cell) => `${cell.row}:${cell.column}`;
  const hidden = new Set<string>();
  const small = columns.flatMap((column, index) => (column.isSmallCell ? [index] : []));
  for (const [row, cells] of rows.entries()) {
    for (const column of small) if (isSmallCount(cells[column] ?? null)) hidden.add(id({ row, column }));
  }

  // Groups whose sum is shown: each small-cell column under a totals row, each row beside a row total
  // (as long as that row total is not hidden itself).
  type Group = { cells: Cell[]; sum: Cell | null };
  const groups: Group[] = [];
  if (total) {
    for (const column of small) {
      const sum = total[column];
      if (typeof sum === "number" && !isSmallCount(sum))
        groups.push({ cells: rows.map((_, row) => ({ row, column })), sum: null });
    }
  }
  const rowTotal = columns.findIndex((column) => column.isRowTotal);
  if (rowTotal >= 0) {
    const parts = small.filter((column) => column !== rowTotal);
    for (const row of rows.keys())
      groups.push({ cells: parts.map((column) => ({ row, column })), sum: { row, column: rowTotal } });
  }

  const value = (cell: Cell) => {
    const raw = rows[cell.row]?.[cell.column];
    return typeof raw === "number" ? raw : 0;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (group.sum && hidden.has(id(group.sum))) continue;
      const shown = group.cells.filter((cell) => !hidden.has(id(cell)));
      if (group.cells.length - shown.length !== 1 || shown.length === 0) continue;
      const candidates = shown.some((cell) => value(cell) > 0) ? shown.filter((cell) => value(cell) > 0) : shown;
      const smallest = candidates.reduce((best, cell) => (value(cell) < value(best) ? cell : best));
      hidden.add(id(smallest));
      changed = true;
    }
  }
  return hidden;
}

/**
 * The rows with small counts (and the secondary cells protecting them) replaced by null, and the cells
 * derived from a hidden one (`derivedFrom`) hidden too. Pass the totals row when the table shows one.
 */
export function suppressSmallCells(
  rows: readonly (readonly ExportCell[])[],
  columns: readonly SuppressionColumn[],
  total?: readonly ExportCell[],
): ExportCell[][] {
  const hidden = suppressedCells(rows, columns, total);
  const keyIndex = new Map(columns.map((column, index) => [column.key, index]));
  const sources = columns.map((column) => (column.derivedFrom ?? []).flatMap((key) => keyIndex.get(key) ?? []));
  return rows.map((cells, row) =>
    cells.map((cell, column) => {
      const isHidden =
        hidden.has(`${row}:${column}`) || (sources[column] ?? []).some((source) => hidden.has(`${row}:${source}`));
      return isHidden ? null : cell;
    }),
  );
}

/**
 * A totals row with its own small counts hidden (a sum of 1–4 persons singles them out as well), and the
 * shares computed from a hidden sum.
 */
function suppressTotal(total: readonly ExportCell[], columns: readonly SuppressionColumn[]): ExportCell[] {
  return suppressSmallCells([total], columns)[0] ?? [];
}

/** The table as an analyst sees it: small cells suppressed, with the number of hidden cells for the note. */
export function suppressTable(table: ReportTable): ReportTable {
  const rows = suppressSmallCells(table.rows, table.columns, table.total);
  const total = table.total && suppressTotal(table.total, table.columns);
  const count = (cells: readonly ExportCell[][]) => cells.flat().filter((cell) => cell === null).length;
  const before = count(table.rows) + (table.total ? count([table.total]) : 0);
  const after = count(rows) + (total ? count([total]) : 0);
  return { ...table, rows, ...(total && { total }), suppressedCells: after - before };
}
