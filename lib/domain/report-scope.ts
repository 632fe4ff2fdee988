/** Who sees which figures of the reporting pages (issue 6): pure rules, applied by lib/db/reports. */
import type { Actor, StaffRole } from "./access";
import type { ReportFilters } from "./report-filters";

/**
 * The effective view of a report for an actor: the filters after scoping, whether the figures cover
 * the whole country, and whether small cells are suppressed (analysts: aggregates only, nobody singled out).
 */
export type ReportScope = { filters: ReportFilters; isNational: boolean; suppressSmallCells: boolean };

/** Roles that open the reporting pages: administrators, analysts and coordinators (caseworkers do not). */
export function canViewReports(role: StaffRole): boolean {
  return role === "ADMIN" || role === "ANALYST" || role === "COORDINATOR";
}

/**
 * The scope of a report, or null when the role may not see reports. ADMIN and ANALYST see the country
 * and may pick a region; a COORDINATOR sees the own region whatever region the URL names (a coordinator
 * without a region sees nothing: the impossible region ""); only an ANALYST's cells are suppressed.
 */
export function reportScope(actor: Actor, filters: ReportFilters): ReportScope | null {
  if (!canViewReports(actor.role)) return null;
  if (actor.role === "COORDINATOR") {
    return { filters: { ...filters, regionId: actor.regionId ?? "" }, isNational: false, suppressSmallCells: false };
  }
  return { filters, isNational: true, suppressSmallCells: actor.role === "ANALYST" };
}

/**
 * Whether the actor may ask for the region named in a URL: national roles any, a coordinator only the
 * own. Pages force a coordinator's region instead; exports answer 404 so that a hand-made URL for another
 * region never returns a file.
 */
export function mayRequestRegion(actor: Actor, regionId: string | null): boolean {
  return regionId === null || actor.role !== "COORDINATOR" || regionId === actor.regionId;
}
