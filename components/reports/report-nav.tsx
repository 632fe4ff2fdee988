import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { reportFiltersQuery, type ReportFilters } from "@/lib/validation/report-filters";

export const REPORT_PAGES = ["overview", "processing", "support", "expiry", "quotas"] as const;
export type ReportPage = (typeof REPORT_PAGES)[number];

/**
 * The sub-navigation of the reporting pages, rendered at the top of each. With `filters` the links keep
 * the year (and region and category) so that moving between reports shows the same slice; the quota
 * report reads only the year.
 */
export async function ReportNav({ current, filters }: { current: ReportPage; filters?: ReportFilters }) {
  const t = await getTranslations();
  const href = (page: ReportPage) => {
    if (!filters) return `/reports/${page}`;
    const query = page === "quotas" ? new URLSearchParams({ year: String(filters.year) }) : reportFiltersQuery(filters);
    return `/reports/${page}?${query.toString()}`;
  };
  return (
    <nav
      aria-label={t("reportCommon.nav.label")}
      className="no-print mb-4 flex flex-wrap gap-1 border-b border-slate-200 pb-2"
    >
      {REPORT_PAGES.map((page) => (
        <Link
          key={page}
          href={href(page)}
          aria-current={page === current ? "page" : undefined}
          className="rounded px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
        >
          {t(`reportCommon.nav.${page}`)}
        </Link>
      ))}
    </nav>
  );
}
