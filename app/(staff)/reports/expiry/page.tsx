import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { reportFreshness } from "@/lib/db/reports/freshness";
import { statusExpiryReport } from "@/lib/db/reports/status-expiry";
import { can } from "@/lib/domain/permissions";
import { EXPIRY_BANDS } from "@/lib/domain/expiry-report";
import { regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";
import { parseReportFilters } from "@/lib/validation/report-filters";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportSection, type ChartSpec } from "@/components/reports/report-table";

export async function generateMetadata() {
  const t = await getTranslations("reportExpiry");
  return { title: t("title") };
}

/** Families per band and region, stacked (the table beside it has the same figures, with persons). */
const CHART: ChartSpec = {
  type: "stackedBar",
  label: "region",
  values: EXPIRY_BANDS.map((band) => `${band.key}Families`),
  isHorizontal: true,
};

export default async function StatusExpiryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("report.view");
  const freshness = await reportFreshness();
  const report = await orNotFound(statusExpiryReport(user, parseReportFilters(await searchParams)));
  const t = await getTranslations();
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const { filters } = report;
  // The cases themselves are personal data: administrators and coordinators open them, analysts do not.
  const regionIds = can(user, "family.view")
    ? report.tables.flatMap((table) => table.rows.map((row) => String(row[0])))
    : [];

  return (
    <section>
      <ReportHeader
        report="expiry"
        heading={t("reportExpiry.heading")}
        filters={filters}
        isNational={report.isNational}
        freshness={freshness}
        isSuppressed={report.isSuppressed}
        detail={t("reportExpiry.countedOn", {
          date: format.dateTime(report.today, { dateStyle: "long", timeZone: "UTC" }),
        })}
      >
        <p className="mt-3 text-sm text-slate-600">{t("reportExpiry.note")}</p>
      </ReportHeader>
      {report.tables.map((table) => (
        <ReportSection key={table.id} table={table} report="expiry" filters={filters} chart={CHART} />
      ))}
      {regionIds.length > 0 && (
        <section aria-labelledby="expiry-cases" className="no-print mt-8">
          <h2 id="expiry-cases" className="text-lg font-semibold">
            {t("reportExpiry.cases.heading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("reportExpiry.cases.intro")}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {regionIds.map((regionId) => (
              <li key={regionId}>
                <Link href={`/families/expiring?region=${regionId}`} className="text-brand-700 hover:underline">
                  {t("reportExpiry.cases.link", { region: regionName(regionId, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
