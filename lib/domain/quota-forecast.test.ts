import { describe, expect, it } from "vitest";
import { forecastYearEnd, monthsLeftInYear, outlookTotals, pacePerMonth, paceWindow } from "./quota-forecast";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("monthsLeftInYear", () => {
  it("counts the days from today through 31 December as twelfths of the year", () => {
    // 30 Nov 2026: 1 day of November + 31 of December = 32 days of 365.
    expect(monthsLeftInYear(2026, day("2026-11-30"))).toBeCloseTo((32 * 12) / 365, 12);
    expect(monthsLeftInYear(2026, day("2026-01-01"))).toBe(12);
    expect(monthsLeftInYear(2026, day("2026-12-31"))).toBeCloseTo(12 / 365, 12);
    // A leap year has 366 days: 1 July 2028 leaves 184 of them.
    expect(monthsLeftInYear(2028, day("2028-07-01"))).toBeCloseTo((184 * 12) / 366, 12);
  });

  it("ignores the time of day", () => {
    expect(monthsLeftInYear(2026, new Date("2026-11-30T23:59:00Z"))).toBeCloseTo((32 * 12) / 365, 12);
  });

  it("is 0 for a past year and 12 for a future year", () => {
    expect(monthsLeftInYear(2025, day("2026-01-01"))).toBe(0);
    expect(monthsLeftInYear(2027, day("2026-12-31"))).toBe(12);
  });
});

describe("paceWindow and pacePerMonth", () => {
  it("takes the last three full calendar months before today", () => {
    expect(paceWindow(day("2026-11-30"))).toEqual({ from: day("2026-08-01"), until: day("2026-11-01"), months: 3 });
    expect(paceWindow(day("2027-02-01"))).toEqual({ from: day("2026-11-01"), until: day("2027-02-01"), months: 3 });
  });

  it("divides the window's persons by its months", () => {
    expect(pacePerMonth(9)).toBe(3);
    expect(pacePerMonth(10)).toBeCloseTo(3.3333, 4);
    expect(pacePerMonth(10, 0)).toBe(0);
  });
});

describe("forecastYearEnd", () => {
  const monthsLeft = (32 * 12) / 365; // 1.0520…

  it("adds the pipeline when it is more than the pace would bring", () => {
    // pace 3 × 1.052 = 3.16 < pipeline 11 → 18 + 11 = 29 of 100.
    const input = { total: 100, allocated: 18, pipelinePersons: 11, pacePerMonth: 3, monthsLeft };
    expect(forecastYearEnd(input)).toEqual({ expectedAllocated: 29, expectedFillPercent: 29, basis: "pipeline" });
  });

  it("lets the pipeline win a tie", () => {
    const input = { total: 100, allocated: 10, pipelinePersons: 6, pacePerMonth: 2, monthsLeft: 3 };
    expect(forecastYearEnd(input)).toEqual({ expectedAllocated: 16, expectedFillPercent: 16, basis: "pipeline" });
  });

  it("continues the pace when it brings more, rounded down to whole persons", () => {
    // pace 20 × 1.052 = 21.04 > pipeline 2 → floor(60 + 21.04) = 81 of 200 = 40.5 %.
    const input = { total: 200, allocated: 60, pipelinePersons: 2, pacePerMonth: 20, monthsLeft };
    expect(forecastYearEnd(input)).toEqual({ expectedAllocated: 81, expectedFillPercent: 40.5, basis: "pace" });
  });

  it("does not lose a person to floating point", () => {
    // (15 / 11) × 11 is 15 exactly; the binary product is 14.999999999999998.
    expect((15 / 11) * 11).toBeLessThan(15);
    expect(
      forecastYearEnd({ total: 100, allocated: 0, pipelinePersons: 0, pacePerMonth: 15 / 11, monthsLeft: 11 })
        .expectedAllocated,
    ).toBe(15);
  });

  it("never goes above the quota", () => {
    // pace 3 × 12 = 36 > pipeline 11 → 0 + 36 > 20 → 20.
    const input = { total: 20, allocated: 0, pipelinePersons: 11, pacePerMonth: 3, monthsLeft: 12 };
    expect(forecastYearEnd(input)).toEqual({ expectedAllocated: 20, expectedFillPercent: 100, basis: "capped" });
    // Exactly reaching the quota is not capped.
    expect(
      forecastYearEnd({ total: 20, allocated: 9, pipelinePersons: 11, pacePerMonth: 0, monthsLeft: 12 }).basis,
    ).toBe("pipeline");
    const idle = { total: 20, allocated: 9, pipelinePersons: 0, pacePerMonth: 0, monthsLeft: 6 };
    expect(forecastYearEnd(idle)).toEqual({ expectedAllocated: 9, expectedFillPercent: 45, basis: "no-activity" });
  });

  it("adds nothing in a year that is over, whatever the pipeline and pace", () => {
    const input = { total: 50, allocated: 10, pipelinePersons: 11, pacePerMonth: 3, monthsLeft: 0 };
    expect(forecastYearEnd(input)).toEqual({ expectedAllocated: 10, expectedFillPercent: 20, basis: "closed-year" });
  });

  it("gives no fill for a quota of 0", () => {
    const input = { total: 0, allocated: 0, pipelinePersons: 4, pacePerMonth: 0, monthsLeft: 6 };
    expect(forecastYearEnd(input)).toEqual({ expectedAllocated: 0, expectedFillPercent: null, basis: "capped" });
  });
});

describe("outlookTotals", () => {
  it("sums the rows and takes the forecast of the total as the sum of the rows' forecasts", () => {
    const totals = outlookTotals([
      {
        total: 100,
        waitlistFamilies: 4,
        waitlistPersons: 10,
        pipelinePersons: 11,
        pacePerMonth: 3,
        forecast: { expectedAllocated: 29 },
      },
      {
        total: 200,
        waitlistFamilies: 0,
        waitlistPersons: 0,
        pipelinePersons: 2,
        pacePerMonth: 20,
        forecast: { expectedAllocated: 81 },
      },
    ]);
    // 110 of 300 = 36.7 %.
    expect(totals).toEqual({
      waitlistFamilies: 4,
      waitlistPersons: 10,
      pipelinePersons: 13,
      pacePerMonth: 23,
      forecast: { expectedAllocated: 110, expectedFillPercent: 36.7 },
    });
    expect(outlookTotals([])).toEqual({
      waitlistFamilies: 0,
      waitlistPersons: 0,
      pipelinePersons: 0,
      pacePerMonth: 0,
      forecast: { expectedAllocated: 0, expectedFillPercent: null },
    });
  });
});
