import { isRegionId } from "@/lib/domain/regions";
import { REPORT_CATEGORIES, type ReportFilters } from "@/lib/domain/report-filters";
import { parseReportYear } from "./report-year";

// The shape is pure (lib/domain uses it too); offered here as well beside the parser that produces it.
export { REPORT_CATEGORIES, type ReportCategory, type ReportFilters } from "@/lib/domain/report-filters";

type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

const first = (value: string | string[] | null | undefined) => (Array.isArray(value) ? value[0] : value) ?? undefined;

/**
 * Parses the report filters from search params. They may be hand-edited: an unknown region or category
 * is dropped (every region, both categories), an unusable year becomes the current one. Whether the
 * user may see the region is decided by the data layer (lib/domain/report-scope), not here.
 */
export function parseReportFilters(params: SearchParams, now = new Date()): ReportFilters {
  const get = (key: string) => first(params instanceof URLSearchParams ? params.get(key) : params[key]);
  const region = get("region")?.trim().toUpperCase();
  const category = get("category")?.trim().toUpperCase();
  return {
    year: parseReportYear(get("year"), now),
    regionId: region && isRegionId(region) ? region : null,
    category: REPORT_CATEGORIES.find((value) => value === category) ?? null,
  };
}

/** The filters as query parameters (empty ones left out), for links and export URLs. */
export function reportFiltersQuery(filters: ReportFilters): URLSearchParams {
  const query = new URLSearchParams({ year: String(filters.year) });
  if (filters.regionId) query.set("region", filters.regionId);
  if (filters.category) query.set("category", filters.category);
  return query;
}

/** The years a report's filter offers: next year, this year and the five before, and the year shown, newest first. */
export function reportYearOptions(selected: number, now = new Date()): number[] {
  const current = now.getFullYear();
  return [...new Set([current + 1, ...Array.from({ length: 6 }, (_, index) => current - index), selected])].sort(
    (a, b) => b - a,
  );
}
