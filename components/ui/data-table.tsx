import Link from "next/link";
import type { Key, ReactNode } from "react";

/** A column the table can be sorted by: its header is a link to the page in the other order. */
export type ColumnSort = {
  href: string;
  /** The column's current order (aria-sort of its header), when the table is sorted by it. */
  state?: "ascending" | "descending";
  /** What following the link does, for screen readers (already translated): "sort descending". */
  actionLabel: string;
};

/** One column: its header and how a row fills its cell. */
export type DataColumn<Row> = {
  /** Already translated. */
  header: string;
  cell: (row: Row) => ReactNode;
  /** Figures: header and cells right-aligned, digits of equal width. */
  isNumeric?: boolean;
  /** The cell names its row (th scope="row"): screen readers announce it with every other cell of the row. */
  isRowHeader?: boolean;
  /** For screen readers only (e.g. above a column of buttons that name themselves). */
  isHeaderHidden?: boolean;
  /** Extra classes of the column's cells, e.g. font-mono. */
  className?: string;
  sort?: ColumnSort;
};

/** A table is named by its caption (read by screen readers only unless visible) or by a heading's id. */
type Name =
  | { caption: string; isCaptionVisible?: boolean; labelledBy?: never }
  | { labelledBy: string; caption?: never; isCaptionVisible?: never };

type DataTableProps<Row> = Name & {
  /** `false` leaves a column out (e.g. one that only some roles see). */
  columns: (DataColumn<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** Said when there are no rows: in a row of the table, or with `emptyAs="notice"` instead of the table. Omitted where a table cannot be empty. */
  empty?: ReactNode;
  emptyAs?: "row" | "notice";
  /** Cells of a totals row (tfoot), one per column. */
  footer?: ReactNode[];
  rowClassName?: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  /** "card" stands alone on a page; "plain" sits inside a section that is a card already. */
  variant?: "card" | "plain";
  /** Placement (margins, width) of the table or of its notice. */
  className?: string;
  testId?: string;
  /**
   * A wide table (many figure columns) that scrolls sideways even on a desktop: its frame is a region named
   * like the table that takes the keyboard focus, so that it can be scrolled with the arrow keys.
   */
  isKeyboardScrollable?: boolean;
};

const CELL = "px-3 py-2 print:px-1 print:py-0.5";
const FRAME = { card: "rounded-lg bg-white shadow-sm print:shadow-none", plain: "" };
const NOTICE = { card: "rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm", plain: "text-sm text-slate-500" };

function cellClass<Row>(column: DataColumn<Row> | undefined): string {
  return [
    CELL,
    column?.isRowHeader ? "text-left" : column?.isNumeric ? "text-right tabular-nums" : "",
    column?.className ?? "",
  ].join(" ");
}

/** One row's cells; the row header's is a th (of normal weight in the body, bold like its row in the footer). */
function Cells<Row>({
  columns,
  content,
  isFooter,
}: {
  columns: DataColumn<Row>[];
  content: (column: DataColumn<Row>, index: number) => ReactNode;
  isFooter?: boolean;
}) {
  return columns.map((column, index) =>
    column.isRowHeader ? (
      <th key={index} scope="row" className={`${cellClass(column)} ${isFooter ? "" : "font-normal"}`}>
        {content(column, index)}
      </th>
    ) : (
      <td key={index} className={cellClass(column)}>
        {content(column, index)}
      </td>
    ),
  );
}

const SORT_MARK = { ascending: "▲", descending: "▼" };

/** Named "<header>, <what the link does>": the visible words first, for voice control too. */
function SortLink({ header, sort }: { header: string; sort: ColumnSort }) {
  return (
    <Link
      href={sort.href}
      aria-label={`${header}, ${sort.actionLabel}`}
      className="inline-flex items-center gap-1 text-brand-900 underline-offset-2 hover:underline"
    >
      {header}
      <span aria-hidden="true" className={sort.state ? "" : "text-slate-400"}>
        {sort.state ? SORT_MARK[sort.state] : "↕"}
      </span>
    </Link>
  );
}

/**
 * The app's data table: an overflow wrapper so that wide tables scroll on a phone, a caption (or the id
 * of the heading that names the table), column headers with scope, one row per item, the empty state,
 * and compact print. Usable from server and client components alike (no hooks, no server APIs).
 */
export function DataTable<Row>({
  columns: maybeColumns,
  rows,
  rowKey,
  caption,
  isCaptionVisible,
  labelledBy,
  empty,
  emptyAs = "row",
  footer,
  rowClassName,
  rowTestId,
  variant = "card",
  className = "",
  testId,
  isKeyboardScrollable = false,
}: DataTableProps<Row>) {
  const columns = maybeColumns.filter((column) => column !== false);
  if (rows.length === 0 && emptyAs === "notice") return <p className={`${NOTICE[variant]} ${className}`}>{empty}</p>;
  return (
    <div
      className={`overflow-x-auto ${FRAME[variant]} ${className}`}
      {...(isKeyboardScrollable && {
        role: "region",
        "aria-label": caption,
        "aria-labelledby": labelledBy,
        tabIndex: 0,
      })}
    >
      <table
        className="w-full border-collapse text-sm print:text-[9px]"
        aria-labelledby={labelledBy}
        data-testid={testId}
      >
        {caption !== undefined && (
          <caption
            className={isCaptionVisible ? `py-2 text-left font-medium ${variant === "card" ? "px-3" : ""}` : "sr-only"}
          >
            {caption}
          </caption>
        )}
        <thead className="bg-slate-100 text-left align-bottom">
          <tr>
            {columns.map((column, index) => (
              <th
                key={index}
                scope="col"
                aria-sort={column.sort?.state}
                className={`${CELL} ${column.isNumeric && !column.isRowHeader ? "text-right" : ""}`}
              >
                {column.isHeaderHidden ? (
                  <span className="sr-only">{column.header}</span>
                ) : column.sort ? (
                  <SortLink header={column.header} sort={column.sort} />
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty !== undefined ? (
            <tr className="border-t border-slate-200">
              <td colSpan={columns.length} className={`${CELL} text-slate-600`}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr
                key={rowKey(row, index)}
                className={`border-t border-slate-200 ${rowClassName?.(row) ?? ""}`}
                data-testid={rowTestId?.(row)}
              >
                <Cells columns={columns} content={(column) => column.cell(row)} />
              </tr>
            ))
          )}
        </tbody>
        {footer && (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <Cells columns={columns} content={(_, index) => footer[index]} isFooter />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
