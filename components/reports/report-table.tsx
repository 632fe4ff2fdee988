import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ExportCell } from "@/lib/domain/export-cells";
import {
  chartPoints,
  columnDecimals,
  isNumericColumn,
  labelledTotal,
  localiseTable,
  tableHeader,
  tableTitle,
  type ReportColumn,
  type ReportTable,
} from "@/lib/domain/report-table";
import { toLocale } from "@/lib/i18n/config";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { reportFiltersQuery, type ReportFilters } from "@/lib/validation/report-filters";
import { ReportChart, type ChartType } from "./charts";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Which columns of a table a chart draws: the row label and one series per value column. */
export type ChartSpec = { type: ChartType; label: string; values: string[]; isHorizontal?: boolean };

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
  const columns: DataColumn<ExportCell[]>[] = table.columns.map((column, index) => ({
    header: header[index] ?? "",
    isRowHeader: index === 0,
    isNumeric: isNumericColumn(column),
    cell: (row) => shownCell(row[index] ?? null, column, format, suppressed),
  }));
  return (
    <DataTable
      caption={caption}
      isCaptionVisible
      testId={`report-table-${table.id}`}
      isKeyboardScrollable
      columns={columns}
      rows={table.rows}
      rowKey={(_, index) => index}
      empty={t("reportCommon.empty")}
      footer={total ? columns.map((column) => column.cell(total)) : undefined}
    />
  );
}

/** Links to download one table of a report as CSV and XLSX with the filters of the page. */
export async function TableExportLinks({
  report,
  table,
  filters,
  title,
}: {
  report: string;
  table: string;
  filters: ReportFilters;
  title: string;
}) {
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
      {(["csv", "xlsx"] as const).map((format) => {
        const label = t(format === "csv" ? "reportCommon.exportCsv" : "reportCommon.exportXlsx");
        // The name starts with the visible text (WCAG 2.5.3) and names the table, as several tables share a page.
        return (
          <a
            key={format}
            href={href(format)}
            download
            className="text-brand-700 hover:underline"
            aria-label={t("reportCommon.exportLinkName", { format: label, table: title })}
          >
            {label}
          </a>
        );
      })}
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
  const columnOf = new Map(table.columns.map((column) => [column.key, column]));
  const labelOf = new Map(table.columns.map((column) => [column.key, t(column.labelKey)]));
  // A chart's empty value is a suppressed cell ("<5") in a column of counts or of figures computed from them.
  const isSuppressible = (key: string) =>
    Boolean(table.suppressedCells && (columnOf.get(key)?.isSmallCell || columnOf.get(key)?.derivedFrom));
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
              series={chart.values.map((key) => ({
                key,
                label: labelOf.get(key) ?? key,
                isSuppressible: isSuppressible(key),
              }))}
              ariaLabel={t("reportCommon.chartLabel", { table: title })}
              isHorizontal={chart.isHorizontal}
              suppressedLabel={t("reportCommon.suppressed")}
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
