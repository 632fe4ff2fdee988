import ExcelJS from "exceljs";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError } from "@/lib/db/errors";
import { quotaReport, type QuotaReport } from "@/lib/db/reports/quota-report";
import { safeCell, toCsv, type ExportCell } from "@/lib/domain/export-cells";
import { REPORT_COLUMNS, type ReportFigures } from "@/lib/domain/quota-report";
import { intlTag, localName, toLocale, type Locale } from "@/lib/i18n/config";
import { parseReportYear } from "@/lib/validation/report-year";
import { assumptionSentence, reportCells, reportHeader, sortedRows, totalLabel, type Translate } from "../_lib/report-table";

/**
 * The quota report as a download: `?year=2026&format=csv|xlsx`. Same scoping as the page (the same
 * lib/db function with the signed-in user); a caseworker gets 404 like the page, no session 401.
 * CSV is UTF-8 with a BOM and `;` between fields, which Excel in Kazakh and Russian locales opens as
 * columns (their list separator is `;`, the decimal separator `,`); decimals (fill %, pace, forecast
 * fill %) are written with the interface language's decimal separator for the same reason. The XLSX
 * stores numbers as numbers, a sheet per pool plus totals and months. Both end with the forecast's
 * assumption in a sentence, after an empty row.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: { "Cache-Control": "no-store" } });
  const params = new URL(request.url).searchParams;
  const format = params.get("format") === "csv" ? "csv" : params.get("format") === "xlsx" ? "xlsx" : null;
  if (!format) return new Response("Bad request: format must be csv or xlsx", { status: 400, headers: { "Cache-Control": "no-store" } });
  const year = parseReportYear(params.get("year") ?? undefined);

  let report: QuotaReport;
  try {
    report = await quotaReport(user, year);
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
    throw error;
  }
  const locale = toLocale(await getLocale());
  const t = await getTranslations();
  const table = reportTable(report, locale, t);
  const assumption = assumptionSentence(report, t, await getFormatter());

  await recordAudit({
    actor: user,
    action: "report.quota.export",
    entity: "report",
    entityId: `quota-${year}`,
    regionId: report.scope.kind === "region" ? report.scope.regionId : null,
    details: { year, format },
  });

  const filename = `quota-report-${year}.${format}`;
  const headers = {
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "csv") {
    const decimal = new Intl.NumberFormat(intlTag(locale), { useGrouping: false, minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const localDecimals = (cells: ExportCell[]) =>
      cells.map((cell, index) => (DECIMAL_COLUMNS.has(index) && typeof cell === "number" ? decimal.format(cell) : cell));
    const rows: ExportCell[][] = [
      [t("reports.sheet.pool"), ...table.header],
      ...table.pools.flatMap((pool) => pool.rows.map((row) => [pool.name, ...localDecimals(row)])),
      [],
      [assumption],
    ];
    return new Response(toCsv(rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  const body = await workbook(report, table, t, assumption).xlsx.writeBuffer();
  return new Response(new Uint8Array(body as ArrayBuffer), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}

type Row = ExportCell[];
type ReportTable = { header: string[]; pools: { pool: string; name: string; rows: Row[] }[] };

/** Positions in a row (the region first) of the columns with one decimal. */
const DECIMAL_COLUMNS = new Set(REPORT_COLUMNS.flatMap((column, index) => (column.kind === "decimal" ? [index + 1] : [])));

function figuresRow(label: string, figures: ReportFigures, t: Translate): Row {
  return [label, ...reportCells(figures, t)];
}

/** The rows of the page's tables: regions by local name, then the total row. */
function reportTable(report: QuotaReport, locale: Locale, t: Translate): ReportTable {
  return {
    header: reportHeader(t),
    pools: report.pools.map((pool) => ({
      pool: pool.pool,
      name: t(`category.${pool.pool}`),
      rows: [
        ...sortedRows(pool, locale).map((row) => figuresRow(localName(row.region, locale), row, t)),
        figuresRow(totalLabel(report, t), pool.totals, t),
      ],
    })),
  };
}

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
}

function addRows(sheet: ExcelJS.Worksheet, header: string[], rows: ExportCell[][]): void {
  sheet.addRow(header.map(safeCell)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.getColumn(1).width = 32;
  for (let column = 2; column <= header.length; column++) sheet.getColumn(column).width = 16;
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** One decimal shown for the decimal columns; then the assumption below the table, after an empty row. */
function finishReportSheet(sheet: ExcelJS.Worksheet, assumption: string): void {
  for (const index of DECIMAL_COLUMNS) sheet.getColumn(index + 1).numFmt = "0.0";
  sheet.addRow([]);
  sheet.addRow([safeCell(assumption)]);
}

function workbook(report: QuotaReport, table: ReportTable, t: Translate, assumption: string): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "Nurly Kosh";
  book.created = new Date();
  for (const pool of table.pools) {
    const sheet = book.addWorksheet(sheetName(pool.name));
    addRows(sheet, table.header, pool.rows);
    sheet.lastRow!.font = { bold: true };
    finishReportSheet(sheet, assumption);
  }
  const totals = book.addWorksheet(sheetName(t("reports.sheet.totals")));
  addRows(
    totals,
    [t("reports.sheet.pool"), ...table.header.slice(1)],
    table.pools.map((pool) => [pool.name, ...pool.rows.at(-1)!.slice(1)]),
  );
  finishReportSheet(totals, assumption);
  const monthly = book.addWorksheet(sheetName(t("reports.sheet.monthly")));
  addRows(
    monthly,
    [t("reports.monthly.month"), t("category.KANDAS"), t("category.SETTLER"), t("reports.monthly.total")],
    report.monthly.map((point) => [point.month, point.KANDAS, point.SETTLER, point.total]),
  );
  return book;
}
