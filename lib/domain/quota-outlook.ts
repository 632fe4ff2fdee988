/**
 * The shapes of the quota report's outlook (issue 4): what the forecast answers and what the report counts
 * for it. Shapes only (no arithmetic), so that lib/domain/quota-forecast, which computes them, and
 * lib/domain/quota-report, whose columns show them, both build on them without importing each other.
 */

/**
 * Which term decided the forecast: the pipeline, the pace, the quota (the cap), a year that is over, or
 * nothing at all (no approved family waiting and no allocation in the pace window).
 */
export type ForecastBasis = "pipeline" | "pace" | "capped" | "closed-year" | "no-activity";
export const FORECAST_BASES: readonly ForecastBasis[] = ["pipeline", "pace", "capped", "closed-year", "no-activity"];

export type YearEndForecast = {
  /** Persons expected to hold places at the end of the year (whole persons). */
  expectedAllocated: number;
  /** expectedAllocated / total in percent, one decimal; null for a quota of 0. */
  expectedFillPercent: number | null;
  basis: ForecastBasis;
};

/** What the report counts per region and pool for the outlook: waiting families and the forecast's inputs. */
export type OutlookCounts = {
  /** Families on the year's waitlist still waiting (APPROVED, no ACTIVE allocation for the year). */
  waitlistFamilies: number;
  /** Their persons (members arriving). */
  waitlistPersons: number;
  pipelinePersons: number;
  pacePerMonth: number;
};

export type TotalForecast = Omit<YearEndForecast, "basis">;
