import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ExportCell } from "@/lib/domain/export-cells";
import { chartPoints, columnDecimals, isNumericColumn, labelledTotal, localiseTable, tableHeader, tableTitle, type ReportColumn, type ReportTable } from "@/lib/domain/report-table";
import { toLocale } from "@/lib/i18n/config";
import { reportFiltersQuery, type ReportFilters } from "@/lib/validation/report-filters";
import { ReportChart, type ChartType } from "./charts";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Which columns of a table a chart draws: the row label and one series per value column. */
export type ChartSpec = { type: ChartType; label: string; values: string[]; isHorizontal?: boolean };

const CELL = "px-3 py-1.5 print:px-1 print:py-0.5";

function shownCell(cell: ExportCell, column: ReportColumn | undefined, format: Formatter, suppressed: string): string {
  if (cell === null) return column?.isSmallCell ? suppressed : "—";
  if (typeof cell === "string") return cell;
  const digits = columnDecimals(column);
  return format.number(cell, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * A localised report table (lib/domain/report-table localiseTable): caption, column headers with scope,
 * the first column as row headers, numbers right-aligned and formatted in the interface language,
 * suppressed counts as "<5" and other empty cells as "—", the totals row in the footer.
 */
export async function ReportTableView({ table, caption }: { table: ReportTable; caption: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const suppressed = t("reportCommon.suppressed");
  const header = tableHeader(table, t);
  const total = labelledTotal(table, t);
  const align = (column: ReportColumn | undefined) => (column && isNumericColumn(column) ? "text-right tabular-nums" : "text-left");
  const cells = (row: ExportCell[]) =>
    row.map((cell, index) => {
      const column = table.columns[index];
      const text = shownCell(cell, column, format, suppressed);
      return index === 0 ? (
        <th key={column?.key ?? index} scope="row" className={`${CELL} text-left font-normal`}>
          {text}
        </th>
      ) : (
        <td key={column?.key ?? index} className={`${CELL} ${align(column)}`}>
          {text}
        </td>
      );
    });
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm print:shadow-none">
      <table className="w-full border-collapse text-sm print:text-[9px]" data-testid={`report-table-${table.id}`}>
        <caption className="px-3 py-2 text-left font-medium">{caption}</caption>
        <thead className="bg-slate-100 align-bottom">
          <tr>
            {header.map((label, index) => (
              <th key={table.columns[index]?.key ?? index} scope="col" className={`${CELL} ${align(table.columns[index])}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr className="border-t">
              <td colSpan={table.columns.length} className={`${CELL} text-slate-600`}>
                {t("reportCommon.empty")}
              </td>
            </tr>
          ) : (
            table.rows.map((row, index) => (
              <tr key={index} className="border-t">
                {cells(row)}
              </tr>
            ))
          )}
        </tbody>
        {total && (
          <tfoot>
            <tr className="border-t-2 font-semibold">{cells(total)}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Links to download one table of a report as CSV and XLSX with the filters of the page. */
export async function TableExportLinks({ report, table, filters, title }: { report: string; table: string; filters: ReportFilters; title: string }) {
  const t = await getTranslations();
  const href = (format: "csv" | "xlsx") => {
    const query = reportFiltersQuery(filters);
    query.set("table", table);
    query.set("format", format);
    return `/reports/${report}/export?${query.toString()}`;
  };
  return (
    <p className="no-print mt-2 flex flex-wrap items-center gap-3 text-sm">
      <span className="text-slate-600">{t("reportCommon.exportTable", { table: title })}</span>
      <a href={href("csv")} download className="text-brand-700 hover:underline" aria-label={`${title} — CSV`}>
        {t("reportCommon.exportCsv")}
      </a>
      <a href={href("xlsx")} download className="text-brand-700 hover:underline" aria-label={`${title} — XLSX`}>
        {t("reportCommon.exportXlsx")}
      </a>
    </p>
  );
}

/**
 * One block of a report page: a heading, the chart (if any) and the table with the same figures, and the
 * table's CSV/XLSX links. `table` comes straight from lib/db (codes, suppression applied); it is localised here.
 */
export async function ReportSection({
  table: raw,
  report,
  filters,
  chart,
  note,
}: {
  table: ReportTable;
  report: string;
  filters: ReportFilters;
  chart?: ChartSpec;
  /** A sentence under the heading: what the figures count. */
  note?: string;
}) {
  const t = await getTranslations();
  const table = localiseTable(raw, t, toLocale(await getLocale()));
  const title = tableTitle(table, t);
  const headingId = `report-${table.id}`;
  const labelOf = new Map(table.columns.map((column) => [column.key, t(column.labelKey)]));
  return (
    <section aria-labelledby={headingId} className="mt-8 break-inside-avoid">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {note && <p className="mt-1 text-sm text-slate-600">{note}</p>}
      <div className={`mt-3 grid items-start gap-4 ${chart ? "lg:grid-cols-2" : ""}`}>
        {chart && table.rows.length > 0 && (
          <figure className="rounded-lg bg-white p-4 shadow-sm print:shadow-none">
            <ReportChart
              type={chart.type}
              data={chartPoints(table, chart.label, chart.values)}
              series={chart.values.map((key) => ({ key, label: labelOf.get(key) ?? key }))}
              ariaLabel={t("reportCommon.chartLabel", { table: title })}
              isHorizontal={chart.isHorizontal}
            />
          </figure>
        )}
        <div>
          <ReportTableView table={table} caption={title} />
          <TableExportLinks report={report} table={table.id} filters={filters} title={title} />
        </div>
      </div>
    </section>
  );
}
