import { getLocale, getTranslations } from "next-intl/server";
import { regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";
import type { FiguresFreshness as Freshness } from "@/lib/domain/figures-freshness";
import type { ReportFilters } from "@/lib/validation/report-filters";
import { FiguresFreshness } from "./figures-freshness";
import { ReportFilterForm } from "./filter-form";
import { ReportNav, type ReportPage } from "./report-nav";
import { ReportToolbar } from "./report-toolbar";

/**
 * The top of a reporting page: the report sub-navigation, the heading with the scope the figures cover
 * (the country, a chosen region, or "your region" for a coordinator; the category), the filters and the
 * page-wide export and print, how current the figures are, then the page's notes (`children`) and, for
 * analysts, the note on suppressed small cells (`suppressionNote` adds a report's own sentence to it).
 */
export async function ReportHeader({
  report,
  heading,
  filters,
  isNational,
  isSuppressed,
  freshness,
  detail,
  suppressionNote,
  children,
}: {
  report: Exclude<ReportPage, "quotas">;
  heading: string;
  filters: ReportFilters;
  isNational: boolean;
  isSuppressed: boolean;
  /** How current the figures are (lib/db/reports/freshness.ts), asked before the figures were read. */
  freshness: Freshness;
  /** Said after the scope, e.g. the day the figures are counted on. */
  detail?: string;
  suppressionNote?: string;
  children?: React.ReactNode;
}) {
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const region = filters.regionId ? regionName(filters.regionId, locale) : "—";
  const scope = isNational
    ? filters.regionId
      ? region
      : t("reportCommon.scopeNational")
    : `${t("reportCommon.scopeRegion")}: ${region}`;
  return (
    <>
      <ReportNav current={report} filters={filters} />
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold">{heading}</h1>
        <p className="text-slate-600" data-testid="report-scope">
          {[scope, filters.category && t(`category.${filters.category}`), detail].filter(Boolean).join(" · ")}
        </p>
      </div>
      <div className="mt-4 flex flex-wrap items-end justify-between gap-3">
        <ReportFilterForm report={report} filters={filters} canPickRegion={isNational} />
        <ReportToolbar report={report} filters={filters} />
      </div>
      <FiguresFreshness freshness={freshness} />
      {children}
      {isSuppressed && (
        <p
          className="mt-2 rounded-md border-l-4 border-brand-700 bg-white px-3 py-2 text-sm shadow-sm"
          data-testid="suppression-note"
        >
          {t("reportCommon.suppressionNote")}
          {suppressionNote && ` ${suppressionNote}`}
        </p>
      )}
    </>
  );
}
