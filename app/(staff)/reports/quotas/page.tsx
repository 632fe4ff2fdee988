import Link from "next/link";
import { can } from "@/lib/domain/permissions";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { reportFreshness } from "@/lib/db/reports/freshness";
import {
  quotaReport,
  sortedRows,
  type QuotaReportMonth,
  type QuotaReportPool,
  type QuotaReportRow,
} from "@/lib/db/reports/quota-report";
import { withoutHidden, type MonthlyColumnKey } from "@/lib/domain/quota-cells";
import { assumptionSentence, REPORT_COLUMNS, reportCells, type ReportCell } from "@/lib/domain/quota-report";
import { localName, toLocale } from "@/lib/i18n/config";
import { parseReportYear } from "@/lib/validation/report-year";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterSelect, yearOptions } from "@/components/ui/filter-select";
import { FiguresFreshness } from "@/components/reports/figures-freshness";
import { AllocationsLineChart, PrintButton, QuotaBarChart } from "./_components/quota-charts";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

export default async function QuotaReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("report.view");
  const year = parseReportYear((await searchParams).year);
  const freshness = await reportFreshness();
  const report = await orNotFound(quotaReport(user, year));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const currentYear = new Date().getFullYear();
  const years = [
    ...new Set([currentYear + 1, ...Array.from({ length: 5 }, (_, index) => currentYear - index), year]),
  ].sort((a, b) => b - a);
  const national = report.scope.kind === "national";
  const hasRows = report.pools.some((pool) => pool.rows.length > 0);
  const canDrillDown = can(user, "report.personalData");
  const number = (value: number) => format.number(value);
  const suppressedLabel = t("reportCommon.suppressed");
  const columnKeys = REPORT_COLUMNS.map((column) => column.key);
  const shown = (value: ReportCell, index: number, isHidden: boolean) => {
    if (isHidden) return suppressedLabel;
    if (value === null) return "—";
    if (typeof value === "string") return value;
    return REPORT_COLUMNS[index]?.kind === "decimal"
      ? format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : number(value);
  };
  const cells = (figures: Pick<QuotaReportRow, "hidden"> & Parameters<typeof reportCells>[0]) =>
    reportCells(figures, t).map((value, index) => shown(value, index, figures.hidden.has(columnKeys[index]!)));
  const monthKeys: MonthlyColumnKey[] = ["KANDAS", "SETTLER", "total"];
  const monthFigures = (point: QuotaReportMonth) =>
    withoutHidden([point.KANDAS, point.SETTLER, point.total], monthKeys, point.hidden);
  const monthCell = (value: number | null) => (value === null ? suppressedLabel : number(value));
  const isSuppressed =
    report.pools.some((pool) => [...pool.rows, pool.totals].some((row) => row.hidden.size > 0)) ||
    [...report.monthly, report.monthlyTotal].some((point) => point.hidden.size > 0);
  const monthName = (month: number) =>
    format.dateTime(new Date(Date.UTC(year, month - 1, 1)), { month: "short", timeZone: "UTC" });
  const monthlyCaption = t("reports.monthly.caption", { year });

  const poolSection = (pool: QuotaReportPool) => {
    const poolName = t(`category.${pool.pool}`);
    const caption = t("reports.poolCaption", { pool: poolName, year });
    const rows = sortedRows(pool, locale);
    return (
      <section key={pool.pool} aria-labelledby={`pool-${pool.pool}`} className="mt-8 break-inside-avoid">
        <h2 id={`pool-${pool.pool}`} className="text-xl font-semibold">
          {poolName}
        </h2>
        <figure className="mt-3 rounded-lg bg-white p-4 shadow-sm">
          <QuotaBarChart
            data={rows.map((row) => ({
              region: localName(row.region, locale),
              total: row.total,
              allocated: row.hidden.has("allocated") ? null : row.allocated,
              arrived: row.hidden.has("arrived") ? null : row.arrived,
            }))}
            ariaLabel={t("reportCommon.chartLabel", { table: caption })}
            suppressedLabel={suppressedLabel}
            labels={{
              total: t("reports.col.total"),
              allocated: t("reports.col.allocated"),
              arrived: t("reports.col.arrived"),
            }}
          />
          <figcaption className="mt-2 text-xs text-slate-600">
            {t("reports.chartCaption", { pool: poolName, table: caption })}
          </figcaption>
        </figure>
        <DataTable
          className="mt-3"
          caption={caption}
          isCaptionVisible
          testId={`quota-table-${pool.pool}`}
          isKeyboardScrollable
          rows={rows.map((row) => ({ region: row.region, cells: cells(row) }))}
          rowKey={(row) => row.region.id}
          footer={[national ? t("reports.nationalTotal") : t("reports.regionTotal"), ...cells(pool.totals)]}
          columns={[
            {
              header: t("reports.col.region"),
              isRowHeader: true,
              cell: ({ region }) =>
                canDrillDown ? (
                  <Link
                    href={`/reports/quotas/${region.id}?year=${year}`}
                    className="text-brand-700 hover:underline print:text-inherit"
                  >
                    {localName(region, locale)}
                  </Link>
                ) : (
                  localName(region, locale)
                ),
            },
            ...REPORT_COLUMNS.map((column, index) => ({
              header: t(`reports.col.${column.key}`),
              isNumeric: column.kind !== "basis",
              // Spread in, the column is not typed by the table: the row's type is named here.
              cell: (row: { cells: string[] }) => row.cells[index],
            })),
          ]}
        />
      </section>
    );
  };

  return (
    <section>
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{t("reports.heading", { year })}</h1>
        <p className="text-slate-600">{national ? t("reports.scopeNational") : t("reports.scopeRegion")}</p>
      </div>
      <div className="no-print mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <form method="get" action="/reports/quotas" className="flex items-end gap-3">
          <FilterSelect label={t("reports.year")} name="year" defaultValue={year} options={yearOptions(years)} />
          <Button type="submit" variant="secondary">
            {t("reports.show")}
          </Button>
        </form>
        <div className="ml-auto flex flex-wrap gap-3">
          <a
            href={`/reports/quotas/export?year=${year}&format=csv`}
            className="rounded-md px-3 py-2 text-sm text-brand-700 hover:underline"
            download
          >
            {t("reports.exportCsv")}
          </a>
          <a
            href={`/reports/quotas/export?year=${year}&format=xlsx`}
            className="rounded-md px-3 py-2 text-sm text-brand-700 hover:underline"
            download
          >
            {t("reports.exportXlsx")}
          </a>
          <PrintButton label={t("reports.print")} />
        </div>
      </div>
      <FiguresFreshness freshness={freshness} />
      <p className="mt-3 text-sm text-slate-600">{t("reports.note")}</p>
      <p className="mt-1 text-sm text-slate-600">{t("reports.noteWaitlist")}</p>
      <p
        className="mt-2 rounded-md border-l-4 border-brand-700 bg-white px-3 py-2 text-sm shadow-sm"
        data-testid="forecast-assumption"
      >
        {assumptionSentence(year, report.assumption, t, locale)}
      </p>
      {canDrillDown && <p className="no-print mt-1 text-sm text-slate-600">{t("reports.drilldownHint")}</p>}
      {isSuppressed && (
        <p className="mt-2 text-sm text-slate-600" data-testid="suppression-note">
          {t("reportCommon.suppressionNote")}
        </p>
      )}

      {!hasRows ? (
        <p className="mt-6 rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("reports.empty", { year })}</p>
      ) : (
        <>
          {report.pools.map(poolSection)}
          <section aria-labelledby="monthly" className="mt-8 break-inside-avoid">
            <h2 id="monthly" className="text-xl font-semibold">
              {t("reports.monthly.title")}
            </h2>
            <div className="mt-3 grid gap-4 lg:grid-cols-2">
              <figure className="rounded-lg bg-white p-4 shadow-sm">
                <AllocationsLineChart
                  data={report.monthly.map((point) => {
                    const [KANDAS = null, SETTLER = null] = monthFigures(point);
                    return { month: monthName(point.month), KANDAS, SETTLER };
                  })}
                  ariaLabel={t("reportCommon.chartLabel", { table: monthlyCaption })}
                  suppressedLabel={suppressedLabel}
                  labels={{ KANDAS: t("category.KANDAS"), SETTLER: t("category.SETTLER") }}
                />
                <figcaption className="mt-2 text-xs text-slate-600">
                  {t("reports.monthly.chartCaption", { table: monthlyCaption })}
                </figcaption>
              </figure>
              <DataTable
                caption={monthlyCaption}
                isCaptionVisible
                rows={report.monthly}
                rowKey={(point) => point.month}
                footer={[t("reportCommon.total"), ...monthFigures(report.monthlyTotal).map(monthCell)]}
                columns={[
                  { header: t("reports.monthly.month"), isRowHeader: true, cell: (point) => monthName(point.month) },
                  ...monthKeys.map((key, index) => ({
                    header: key === "total" ? t("reports.monthly.total") : t(`category.${key}`),
                    isNumeric: true,
                    // Spread in, the column is not typed by the table: the row's type is named here.
                    cell: (point: QuotaReportMonth) => monthCell(monthFigures(point)[index] ?? null),
                  })),
                ]}
              />
            </div>
          </section>
        </>
      )}
    </section>
  );
}
