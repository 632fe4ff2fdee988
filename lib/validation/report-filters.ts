import { isRegionId } from "@/lib/domain/regions";
import { parseReportYear } from "./report-year";

/** The categories (and quota pools) a report can be limited to. */
export const REPORT_CATEGORIES = ["KANDAS", "SETTLER"] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * The filters every report page reads from its URL (`?year=2026&region=KZ-55&category=KANDAS`), so that a
 * link shows the same view. `regionId` null is every region in the user's scope, `category` null both.
 */
export type ReportFilters = { year: number; regionId: string | null; category: ReportCategory | null };

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
  return [...new Set([current + 1, ...Array.from({ length: 6 }, (_, index) => current - index), selected])].sort((a, b) => b - a);
}
