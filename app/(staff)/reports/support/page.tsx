import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { reportFreshness } from "@/lib/db/reports/freshness";
import { supportPaidReport } from "@/lib/db/reports/support-paid";
import type { ReportTable } from "@/lib/domain/report-table";
import { toLocale } from "@/lib/i18n/config";
import { parseReportFilters } from "@/lib/validation/report-filters";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportSection, type ChartSpec } from "@/components/reports/report-table";

export async function generateMetadata() {
  const t = await getTranslations("reportSupport");
  return { title: t("title") };
}

/** Tenge paid per month, the two kinds stacked (the table beside it has the same figures). */
const MONTH_CHART: ChartSpec = { type: "stackedBar", label: "month", values: ["relocationTenge", "rentTenge"] };

export default async function SupportPaidPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("report.view");
  const freshness = await reportFreshness();
  const report = await orNotFound(
    supportPaidReport(user, parseReportFilters(await searchParams), { locale: toLocale(await getLocale()) }),
  );
  const t = await getTranslations();
  const format = await getFormatter();
  const { filters, mciTenge } = report;
  const [byMonth, byRegion, ...regionTables] = report.tables;
  const section = (table: ReportTable, chart?: ChartSpec) => (
    <ReportSection key={table.id} table={table} report="support" filters={filters} chart={chart} />
  );

  return (
    <section>
      <ReportHeader
        report="support"
        heading={t("reportSupport.heading", { year: filters.year })}
        filters={filters}
        isNational={report.isNational}
        freshness={freshness}
        isSuppressed={report.isSuppressed}
        suppressionNote={t("reportSupport.suppressionNote")}
      >
        <p className="mt-3 text-sm text-slate-600">{t("reportSupport.note")}</p>
        <p className="mt-1 text-sm text-slate-600" data-testid="mci-note">
          {mciTenge === null
            ? t("reportSupport.mciMissing", { year: filters.year })
            : t("reportSupport.mciNote", { year: filters.year, mci: format.number(mciTenge) })}
        </p>
      </ReportHeader>
      {byMonth && section(byMonth, MONTH_CHART)}
      {byRegion && section(byRegion)}
      {regionTables.length > 0 && (
        <>
          <h2 className="mt-10 border-t border-slate-200 pt-4 text-xl font-semibold">
            {t("reportSupport.regionsHeading")}
          </h2>
          {regionTables.map((table) => section(table))}
        </>
      )}
    </section>
  );
}
