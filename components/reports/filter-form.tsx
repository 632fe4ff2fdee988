import { getLocale, getTranslations } from "next-intl/server";
import { REGIONS } from "@/lib/domain/regions";
import { intlTag, toLocale } from "@/lib/i18n/config";
import { REPORT_CATEGORIES, reportYearOptions, type ReportFilters } from "@/lib/validation/report-filters";
import { Button } from "@/components/ui/button";
import { FilterSelect, yearOptions } from "@/components/ui/filter-select";

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
      <FilterSelect
        label={t("reportCommon.filters.year")}
        name="year"
        defaultValue={filters.year}
        options={yearOptions(reportYearOptions(filters.year))}
      />
      {canPickRegion && (
        <FilterSelect
          label={t("reportCommon.filters.region")}
          name="region"
          defaultValue={filters.regionId}
          anyLabel={t("reportCommon.filters.allRegions")}
          options={regions.map((region) => ({ value: region.id, label: region.name[locale] }))}
        />
      )}
      <FilterSelect
        label={t("reportCommon.filters.category")}
        name="category"
        defaultValue={filters.category}
        anyLabel={t("reportCommon.filters.allCategories")}
        options={REPORT_CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }))}
      />
      {children}
      <Button type="submit" variant="secondary">
        {t("reportCommon.filters.show")}
      </Button>
    </form>
  );
}
