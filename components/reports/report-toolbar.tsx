import { getTranslations } from "next-intl/server";
import { reportFiltersQuery, type ReportFilters } from "@/lib/validation/report-filters";
import { PrintButton } from "@/components/print-button";

/** The page-wide actions of a report: every table in one XLSX (a sheet per table) and print. */
export async function ReportToolbar({ report, filters }: { report: string; filters: ReportFilters }) {
  const t = await getTranslations();
  const query = reportFiltersQuery(filters);
  query.set("table", "all");
  query.set("format", "xlsx");
  return (
    <div className="no-print flex flex-wrap items-center gap-3">
      <a
        href={`/reports/${report}/export?${query.toString()}`}
        download
        className="rounded-md px-3 py-2 text-sm text-brand-700 hover:underline"
      >
        {t("reportCommon.exportAll")}
      </a>
      <PrintButton label={t("reportCommon.print")} />
    </div>
  );
}
