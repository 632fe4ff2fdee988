/**
 * Year-end forecast of the quota fill (issue 4): pure arithmetic over figures the database counted.
 *
 * The assumption, shown to the reader with the report: by the end of the year the region and pool gain
 * either every person of the pipeline (approved families not yet allocated, kandas with a valid status)
 * or as many persons as the pace of the last {@link PACE_WINDOW_MONTHS} full calendar months gives for the
 * months left, whichever is more; never more than the quota. A year that is over gains nothing.
 */
import { calendarDay } from "./status-validity";
import { fillPercent } from "./quota-report";
import type { ForecastBasis, OutlookCounts, TotalForecast, YearEndForecast } from "./quota-outlook";

/** Full calendar months before today over which the pace of allocations is measured. */
export const PACE_WINDOW_MONTHS = 3;

const DAY_MS = 86_400_000;

/**
 * Months left in `year` on `today` (a calendar day in Kazakhstan, UTC midnight), by days: the days from
 * today through 31 December, today included (allocations can still be made today), as twelfths of the
 * year's days. 12 on 1 January and for a future year, 0 for a past year. 30 Nov 2026: 32 × 12 / 365 ≈ 1.05.
 */
export function monthsLeftInYear(year: number, today: Date): number {
  const day = calendarDay(today);
  const todayYear = day.getUTCFullYear();
  if (year < todayYear) return 0;
  if (year > todayYear) return 12;
  const nextYear = Date.UTC(year + 1, 0, 1);
  const daysInYear = (nextYear - Date.UTC(year, 0, 1)) / DAY_MS;
  const daysLeft = (nextYear - day.getTime()) / DAY_MS;
  return (12 * daysLeft) / daysInYear;
}

/**
 * The pace window before `today`: the last `months` full calendar months, as the first day `from` and
 * the first day after it `until` (UTC midnights standing for days in Kazakhstan). 30 Nov 2026 → 1 Aug to
 * 1 Nov 2026 (August, September, October).
 */
export function paceWindow(
  today: Date,
  months: number = PACE_WINDOW_MONTHS,
): { from: Date; until: Date; months: number } {
  const day = calendarDay(today);
  const until = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  const from = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - months, 1));
  return { from, until, months };
}

/** Persons allocated per month over the pace window: the window's persons divided by its months. */
export function pacePerMonth(personsInWindow: number, months: number = PACE_WINDOW_MONTHS): number {
  return months > 0 ? personsInWindow / months : 0;
}

export type ForecastInput = {
  /** Places in the quota. */
  total: number;
  /** Persons of ACTIVE allocations now. */
  allocated: number;
  /** Persons of approved families not yet allocated for the year (kandas with a valid status). */
  pipelinePersons: number;
  /** Persons allocated per month recently (see {@link pacePerMonth}). */
  pacePerMonth: number;
  /** Months left in the year (see {@link monthsLeftInYear}). */
  monthsLeft: number;
};

// Products such as (15 / 11) × 11 land a hair below a whole number in binary floating point.
const FLOOR_TOLERANCE = 1e-9;

/**
 * The expected allocation at the end of the year under the module's assumption:
 * min(total, allocated + max(pace × monthsLeft, pipeline if months are left, else 0)), rounded down to
 * whole persons. The basis names the term that decided it ("pipeline" also wins a tie); "capped" when
 * the quota limited it; "closed-year" when no months are left; "no-activity" when both terms are 0.
 */
export function forecastYearEnd(input: ForecastInput): YearEndForecast {
  const { total, allocated, pipelinePersons, monthsLeft } = input;
  if (monthsLeft <= 0) {
    const expectedAllocated = Math.min(total, allocated);
    return { expectedAllocated, expectedFillPercent: fillPercent(expectedAllocated, total), basis: "closed-year" };
  }
  const paceGain = Math.max(0, input.pacePerMonth) * monthsLeft;
  const pipelineGain = Math.max(0, pipelinePersons);
  const uncapped = Math.floor(allocated + Math.max(paceGain, pipelineGain) + FLOOR_TOLERANCE);
  const basis: ForecastBasis =
    uncapped > total
      ? "capped"
      : paceGain === 0 && pipelineGain === 0
        ? "no-activity"
        : pipelineGain >= paceGain
          ? "pipeline"
          : "pace";
  const expectedAllocated = Math.min(total, uncapped);
  return { expectedAllocated, expectedFillPercent: fillPercent(expectedAllocated, total), basis };
}

/**
 * Sums the outlook of several rows. The forecast of a total is the sum of the rows' expected
 * allocations (each capped by its own quota), its fill computed against the sum of the quotas.
 */
export function outlookTotals(
  rows: readonly (OutlookCounts & { total: number; forecast: Pick<YearEndForecast, "expectedAllocated"> })[],
): OutlookCounts & { forecast: TotalForecast } {
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  const expectedAllocated = sum((row) => row.forecast.expectedAllocated);
  return {
    waitlistFamilies: sum((row) => row.waitlistFamilies),
    waitlistPersons: sum((row) => row.waitlistPersons),
    pipelinePersons: sum((row) => row.pipelinePersons),
    pacePerMonth: sum((row) => row.pacePerMonth),
    forecast: {
      expectedAllocated,
      expectedFillPercent: fillPercent(
        expectedAllocated,
        sum((row) => row.total),
      ),
    },
  };
}
