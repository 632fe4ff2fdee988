/** Who sees which figures of the reporting pages (issue 6): pure rules, applied by lib/db/reports. */
import { can, figuresScope, scopeIncludes, type Actor } from "./permissions";
import type { ReportFilters } from "./report-filters";

/**
 * The effective view of a report for an actor: the filters after scoping, whether the figures cover
 * the whole country, and whether small cells are suppressed (analysts: aggregates only, nobody singled out).
 */
export type ReportScope = { filters: ReportFilters; isNational: boolean; suppressSmallCells: boolean };

/**
 * The scope of a report, or null when the role may not see reports. ADMIN and ANALYST see the country
 * and may pick a region; a COORDINATOR sees the own region whatever region the URL names (a coordinator
 * without a region sees nothing: the impossible region ""); only an ANALYST's cells are suppressed.
 */
export function reportScope(actor: Actor, filters: ReportFilters): ReportScope | null {
  if (!can(actor, "report.view")) return null;
  const scope = figuresScope(actor);
  const suppressSmallCells = !can(actor, "report.personalData");
  if (scope.kind === "all") return { filters, isNational: true, suppressSmallCells };
  return {
    filters: { ...filters, regionId: scope.kind === "region" ? scope.regionId : "" },
    isNational: false,
    suppressSmallCells,
  };
}

/**
 * Whether the actor may ask for the region named in a URL: national roles any, a coordinator only the
 * own. Pages force a coordinator's region instead; exports answer 404 so that a hand-made URL for another
 * region never returns a file.
 */
export function mayRequestRegion(actor: Actor, regionId: string | null): boolean {
  return regionId === null || scopeIncludes(figuresScope(actor), regionId);
}
