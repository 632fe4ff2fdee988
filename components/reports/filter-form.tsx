import { getLocale, getTranslations } from "next-intl/server";
import { REGIONS } from "@/lib/domain/regions";
import { intlTag, toLocale } from "@/lib/i18n/config";
import { REPORT_CATEGORIES, reportYearOptions, type ReportFilters } from "@/lib/validation/report-filters";
import { Button } from "@/components/ui/button";

const FIELD = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5";

/**
 * The filters of a report page as a plain GET form, so that the URL carries them and a link shows the
 * same view (no JavaScript needed). It shows the values in force; the region is offered only to national
 * roles (`canPickRegion`), a coordinator's report is always the own region.
 */
export async function ReportFilterForm({
  report,
  filters,
  canPickRegion,
  children,
}: {
  report: string;
  filters: ReportFilters;
  canPickRegion: boolean;
  /** Further filters of one report (e.g. a pool), rendered before the button. */
  children?: React.ReactNode;
}) {
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const collator = new Intl.Collator(intlTag(locale));
  const regions = [...REGIONS].sort((a, b) => collator.compare(a.name[locale], b.name[locale]));
  return (
    <form
      method="get"
      action={`/reports/${report}`}
      aria-label={t("reportCommon.filters.label")}
      className="no-print flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm"
    >
      <label className="text-sm">
        <span className="block font-medium">{t("reportCommon.filters.year")}</span>
        <select name="year" defaultValue={filters.year} className={FIELD}>
          {reportYearOptions(filters.year).map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      {canPickRegion && (
        <label className="text-sm">
          <span className="block font-medium">{t("reportCommon.filters.region")}</span>
          <select name="region" defaultValue={filters.regionId ?? ""} className={FIELD}>
            <option value="">{t("reportCommon.filters.allRegions")}</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name[locale]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="text-sm">
        <span className="block font-medium">{t("reportCommon.filters.category")}</span>
        <select name="category" defaultValue={filters.category ?? ""} className={FIELD}>
          <option value="">{t("reportCommon.filters.allCategories")}</option>
          {REPORT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </select>
      </label>
      {children}
      <Button type="submit" variant="secondary">
        {t("reportCommon.filters.show")}
      </Button>
    </form>
  );
}
