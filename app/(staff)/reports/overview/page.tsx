import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/page-data";
import { reportFreshness } from "@/lib/db/reports/freshness";
import { overviewReport } from "@/lib/db/reports/overview";
import { toLocale } from "@/lib/i18n/config";
import { parseReportFilters } from "@/lib/validation/report-filters";
import { ReportHeader } from "@/components/reports/report-header";
import { ReportSection, type ChartSpec } from "@/components/reports/report-table";

export async function generateMetadata() {
  const t = await getTranslations("reportOverview");
  return { title: t("title") };
}

/** The chart drawn beside each table of the overview (same figures as the table). */
const CHARTS: Record<string, ChartSpec> = {
  status: { type: "bar", label: "status", values: ["families", "persons"] },
  funnel: { type: "bar", label: "stage", values: ["families", "persons"], isHorizontal: true },
  monthly: { type: "line", label: "month", values: ["applications", "arrivals"] },
  "origin-countries": { type: "bar", label: "country", values: ["families", "persons"], isHorizontal: true },
  "origin-regions": { type: "bar", label: "originRegion", values: ["families", "persons"], isHorizontal: true },
  "target-regions": { type: "bar", label: "region", values: ["families", "persons"], isHorizontal: true },
  "target-districts": { type: "bar", label: "district", values: ["families", "persons"], isHorizontal: true },
  "age-sex": { type: "stackedBar", label: "ageGroup", values: ["male", "female"] },
  "family-size": { type: "bar", label: "familySize", values: ["families"] },
  education: { type: "bar", label: "education", values: ["persons"], isHorizontal: true },
  professions: { type: "bar", label: "profession", values: ["persons"], isHorizontal: true },
  employment: { type: "bar", label: "region", values: ["arrivedFamilies", "withJob"], isHorizontal: true },
};

/** Notes shown under the heading of some tables. */
const NOTES: Record<string, string> = {
  funnel: "reportOverview.funnelNote",
  education: "reportOverview.workingAgeNote",
  professions: "reportOverview.workingAgeNote",
  employment: "reportOverview.employmentNote",
};

export default async function OverviewReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("report.view");
  const freshness = await reportFreshness();
  const locale = toLocale(await getLocale());
  const report = await orNotFound(overviewReport(user, parseReportFilters(await searchParams), { locale }));
  const t = await getTranslations();
  const { filters, isNational, suppressSmallCells } = report.scope;

  return (
    <section>
      <ReportHeader
        report="overview"
        heading={t("reportOverview.heading", { year: filters.year })}
        filters={filters}
        isNational={isNational}
        freshness={freshness}
        isSuppressed={suppressSmallCells}
      >
        <p className="mt-3 text-sm text-slate-600">{t("reportOverview.note")}</p>
      </ReportHeader>
      {report.tables.map((table) => (
        <ReportSection
          key={table.id}
          table={table}
          report="overview"
          filters={filters}
          chart={CHARTS[table.id]}
          note={NOTES[table.id] && t(NOTES[table.id]!)}
        />
      ))}
    </section>
  );
}
