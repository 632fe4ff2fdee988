import ExcelJS from "exceljs";
import { getLocale, getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError } from "@/lib/db/errors";
import { quotaReport, type QuotaReport } from "@/lib/db/reports/quota-report";
import { safeCell, toCsv, type ExportCell } from "@/lib/domain/export-cells";
import type { QuotaFigures } from "@/lib/domain/quota-report";
import { intlTag, localName, toLocale, type Locale } from "@/lib/i18n/config";
import { parseReportYear } from "@/lib/validation/report-year";

/**
 * The quota report as a download: `?year=2026&format=csv|xlsx`. Same scoping as the page (the same
 * lib/db function with the signed-in user); a caseworker gets 404 like the page, no session 401.
 * CSV is UTF-8 with a BOM and `;` between fields, which Excel in Kazakh and Russian locales opens as
 * columns (their list separator is `;`, the decimal separator `,`); the fill % is written with the
 * interface language's decimal separator for the same reason. The XLSX stores numbers as numbers.
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
    const rows: ExportCell[][] = [
      [t("reports.sheet.pool"), ...table.header],
      ...table.pools.flatMap((pool) =>
        pool.rows.map((row) => [pool.name, ...row.slice(0, -1), row.at(-1) == null ? null : decimal.format(row.at(-1) as number)]),
      ),
    ];
    return new Response(toCsv(rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  }
  const body = await workbook(report, table, t).xlsx.writeBuffer();
  return new Response(new Uint8Array(body as ArrayBuffer), {
    headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  });
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Row = [string, number, number, number, number, number, number | null];
type ReportTable = { header: string[]; pools: { pool: string; name: string; rows: Row[] }[] };

function figuresRow(label: string, figures: QuotaFigures): Row {
  return [label, figures.total, figures.allocated, figures.families, figures.arrived, figures.remaining, figures.fillPercent];
}

/** The rows of the page's tables: regions by local name, then the total row. */
function reportTable(report: QuotaReport, locale: Locale, t: Translate): ReportTable {
  const collator = new Intl.Collator(intlTag(locale));
  const totalLabel = report.scope.kind === "national" ? t("reports.nationalTotal") : t("reports.regionTotal");
  return {
    header: ["region", "total", "allocated", "families", "arrived", "remaining", "fill"].map((column) => t(`reports.col.${column}`)),
    pools: report.pools.map((pool) => ({
      pool: pool.pool,
      name: t(`category.${pool.pool}`),
      rows: [
        ...pool.rows
          .map((row) => figuresRow(localName(row.region, locale), row))
          .sort((a, b) => collator.compare(a[0], b[0])),
        figuresRow(totalLabel, pool.totals),
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

function workbook(report: QuotaReport, table: ReportTable, t: Translate): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "Nurly Kosh";
  book.created = new Date();
  for (const pool of table.pools) {
    const sheet = book.addWorksheet(sheetName(pool.name));
    addRows(sheet, table.header, pool.rows);
    sheet.getColumn(table.header.length).numFmt = "0.0";
    sheet.lastRow!.font = { bold: true };
  }
  const totals = book.addWorksheet(sheetName(t("reports.sheet.totals")));
  addRows(
    totals,
    [t("reports.sheet.pool"), ...table.header.slice(1)],
    table.pools.map((pool) => [pool.name, ...pool.rows.at(-1)!.slice(1)]),
  );
  totals.getColumn(table.header.length).numFmt = "0.0";
  const monthly = book.addWorksheet(sheetName(t("reports.sheet.monthly")));
  addRows(
    monthly,
    [t("reports.monthly.month"), t("category.KANDAS"), t("category.SETTLER"), t("reports.monthly.total")],
    report.monthly.map((point) => [point.month, point.KANDAS, point.SETTLER, point.total]),
  );
  return book;
}
