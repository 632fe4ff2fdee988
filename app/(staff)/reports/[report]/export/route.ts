import ExcelJS from "exceljs";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError, NotFoundError } from "@/lib/db/errors";
import { safeCell, toCsv, type ExportCell } from "@/lib/domain/export-cells";
import { columnDecimals, labelledTotal, localiseTable, tableHeader, tableTitle, type ReportTable, type Translator } from "@/lib/domain/report-table";
import { canViewReports, mayRequestRegion } from "@/lib/domain/report-scope";
import { intlTag, toLocale, type Locale } from "@/lib/i18n/config";
import { reportTablesLoader } from "@/lib/reports/registry";
import { parseReportFilters } from "@/lib/validation/report-filters";

const NO_STORE = { "Cache-Control": "no-store" };
const DECIMAL_KINDS = new Set(["decimal", "percent"]);

/**
 * Any report's tables as a download (issue 6): `/reports/<report>/export?table=<id>|all&format=csv|xlsx`
 * with the page's filters (`year`, `region`, `category`). The tables come from the report's lib/db
 * function through lib/reports/registry, so scoping and small-cell suppression are the page's. 401
 * without a session; 404 for an unknown report or table, a role without reports (caseworker), or a
 * coordinator naming another region; 400 for another format. Audited as `report.export`.
 *
 * CSV: UTF-8 with BOM and `;` (lib/domain/export-cells), decimals with the interface language's separator;
 * `table=all` writes each table under its title with an empty row between. XLSX: numbers as numbers, a
 * sheet per table with the title in the first row (sheet names are cut to Excel's 31 characters) and the
 * header in the second. A table with suppressed cells ends with a note row after an empty one.
 * The static /reports/quotas/export route keeps serving the quota report.
 */
export async function GET(request: Request, context: { params: Promise<{ report: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Unauthorized", { status: 401, headers: NO_STORE });
  const { report } = await context.params;
  const loader = reportTablesLoader(report);
  const notFound = () => new Response("Not found", { status: 404, headers: NO_STORE });
  if (!loader || !canViewReports(user.role)) return notFound();
  const params = new URL(request.url).searchParams;
  const format = params.get("format");
  if (format !== "csv" && format !== "xlsx") {
    return new Response("Bad request: format must be csv or xlsx", { status: 400, headers: NO_STORE });
  }
  const filters = parseReportFilters(params);
  if (!mayRequestRegion(user, filters.regionId)) return notFound();
  const tableId = params.get("table") ?? "all";

  const locale = toLocale(await getLocale());
  const t = (await getTranslations()) as Translator;
  let tables: ReportTable[];
  try {
    tables = await loader(user, filters, t, locale);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) return notFound();
    throw error;
  }
  if (tableId !== "all") tables = tables.filter((table) => table.id === tableId);
  if (tables.length === 0) return notFound();
  const sheets = tables.map((table) => exportSheet(localiseTable(table, t, locale), t));

  const regionId = user.role === "COORDINATOR" ? user.regionId : filters.regionId;
  await recordAudit({
    actor: user,
    action: "report.export",
    entity: "report",
    entityId: `${report}-${filters.year}`,
    regionId,
    details: { report, table: tableId, format, year: filters.year, region: regionId, category: filters.category },
  });

  const filename = [report, filters.year, regionId, tableId === "all" ? null : tableId].filter(Boolean).join("-") + `.${format}`;
  const headers = { ...NO_STORE, "Content-Disposition": `attachment; filename="${filename}"`, "X-Content-Type-Options": "nosniff" };
  if (format === "csv") {
    return new Response(toCsv(csvRows(sheets, locale, tableId === "all")), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  const body = await workbook(sheets).xlsx.writeBuffer();
  return new Response(new Uint8Array(body as ArrayBuffer), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}

/** One table ready for a file: title, header, rows with the total last, the note about suppressed cells. */
/** `decimalColumns`: index of each column with a fractional part → its digits after the decimal point. */
type Sheet = { title: string; header: string[]; rows: ExportCell[][]; decimalColumns: Map<number, number>; totalRow: boolean; note: string | null };

function exportSheet(table: ReportTable, t: Translator): Sheet {
  const total = labelledTotal(table, t);
  return {
    title: tableTitle(table, t),
    header: tableHeader(table, t),
    rows: total ? [...table.rows, total] : table.rows,
    decimalColumns: new Map(table.columns.flatMap((column, index) => (DECIMAL_KINDS.has(column.kind) ? [[index, columnDecimals(column)]] : []))),
    totalRow: total !== null,
    note: table.suppressedCells ? t("reportCommon.suppressionNoteExport") : null,
  };
}

function csvRows(sheets: Sheet[], locale: Locale, withTitles: boolean): ExportCell[][] {
  const decimal = (digits: number) =>
    new Intl.NumberFormat(intlTag(locale), { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits });
  return sheets.flatMap((sheet, index) => {
    const formats = new Map([...sheet.decimalColumns].map(([column, digits]) => [column, decimal(digits)]));
    const rows = sheet.rows.map((row) => row.map((cell, column) => (typeof cell === "number" ? (formats.get(column)?.format(cell) ?? cell) : cell)));
    return [
      ...(index > 0 ? [[]] : []),
      ...(withTitles ? [[sheet.title]] : []),
      sheet.header,
      ...rows,
      ...(sheet.note ? [[], [sheet.note]] : []),
    ];
  });
}

/** Excel forbids : \ / ? * [ ] in sheet names, allows 31 characters and wants them unique. */
function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, index) => {
    let name = title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
    if (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${index + 1})`;
    used.add(name.toLowerCase());
    return name;
  });
}

function workbook(sheets: Sheet[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "Nurly Kosh";
  book.created = new Date();
  const names = sheetNames(sheets.map((sheet) => sheet.title));
  sheets.forEach((sheet, index) => {
    const worksheet = book.addWorksheet(names[index]!);
    worksheet.addRow([safeCell(sheet.title)]).font = { bold: true, size: 12 };
    worksheet.addRow(sheet.header.map(safeCell)).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(safeCell));
    if (sheet.totalRow) worksheet.lastRow!.font = { bold: true };
    worksheet.getColumn(1).width = 36;
    for (let column = 2; column <= sheet.header.length; column++) worksheet.getColumn(column).width = 16;
    for (const [column, digits] of sheet.decimalColumns) worksheet.getColumn(column + 1).numFmt = `0.${"0".repeat(digits)}`;
    worksheet.views = [{ state: "frozen", ySplit: 2 }];
    if (sheet.note) {
      worksheet.addRow([]);
      worksheet.addRow([safeCell(sheet.note)]);
    }
  });
  return book;
}
