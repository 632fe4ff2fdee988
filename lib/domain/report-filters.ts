/** What a report can be narrowed to (issue 6); lib/validation/report-filters parses it from the URL. */

/** The categories (and quota pools) a report can be limited to. */
export const REPORT_CATEGORIES = ["KANDAS", "SETTLER"] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/**
 * The filters every report page reads from its URL (`?year=2026&region=KZ-55&category=KANDAS`), so that a
 * link shows the same view. `regionId` null is every region in the user's scope, `category` null both.
 */
export type ReportFilters = { year: number; regionId: string | null; category: ReportCategory | null };
