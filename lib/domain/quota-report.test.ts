import { describe, expect, it } from "vitest";
import { fillPercent, monthlySeries, quotaFigures, REPORT_COLUMNS, roundTo, totalFigures } from "./quota-report";

describe("quota report arithmetic", () => {
  it("rounds to one decimal, half away from zero", () => {
    expect(roundTo(33.333)).toBe(33.3);
    expect(roundTo(66.666)).toBe(66.7);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(12.25)).toBe(12.3);
  });

  it("computes fill % as allocated of total, null for a zero quota", () => {
    expect(fillPercent(1, 3)).toBe(33.3);
    expect(fillPercent(50, 50)).toBe(100);
    expect(fillPercent(0, 40)).toBe(0);
    expect(fillPercent(0, 0)).toBeNull();
  });

  it("derives remaining places, never negative", () => {
    expect(quotaFigures({ total: 100, allocated: 37, arrived: 12, families: 9 })).toEqual({
      total: 100,
      allocated: 37,
      arrived: 12,
      families: 9,
      remaining: 63,
      fillPercent: 37,
    });
    expect(quotaFigures({ total: 10, allocated: 12, arrived: 0, families: 3 }).remaining).toBe(0);
  });

  it("sums regions into totals and recomputes the fill from the sums", () => {
    const totals = totalFigures([
      { total: 100, allocated: 50, arrived: 10, families: 12 },
      { total: 200, allocated: 20, arrived: 5, families: 4 },
      { total: 0, allocated: 0, arrived: 0, families: 0 },
    ]);
    expect(totals).toEqual({ total: 300, allocated: 70, arrived: 15, families: 16, remaining: 230, fillPercent: 23.3 });
    expect(totalFigures([])).toEqual({
      total: 0,
      allocated: 0,
      arrived: 0,
      families: 0,
      remaining: 0,
      fillPercent: null,
    });
  });

  it("spreads allocations over twelve months per pool", () => {
    const series = monthlySeries([
      { month: 1, pool: "KANDAS", families: 2, persons: 7 },
      { month: 1, pool: "SETTLER", families: 1, persons: 3 },
      { month: 12, pool: "SETTLER", families: 1, persons: 4 },
      { month: 13, pool: "SETTLER", families: 1, persons: 99 },
    ]);
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({ month: 1, KANDAS: 7, SETTLER: 3, total: 10 });
    expect(series[5]).toEqual({ month: 6, KANDAS: 0, SETTLER: 0, total: 0 });
    expect(series[11]).toEqual({ month: 12, KANDAS: 0, SETTLER: 4, total: 4 });
  });

  it("lists the columns in the page's order, the existing ones first, with each figure of a row", () => {
    const row = {
      ...quotaFigures({ total: 200, allocated: 60, arrived: 30, families: 2 }),
      waitlistFamilies: 1,
      waitlistPersons: 2,
      pipelinePersons: 3,
      pacePerMonth: 20 / 3,
      forecast: { expectedAllocated: 81, expectedFillPercent: 40.5, basis: "pace" as const },
    };
    expect(REPORT_COLUMNS.map((column) => [column.key, column.value(row)])).toEqual([
      ["total", 200],
      ["allocated", 60],
      ["families", 2],
      ["arrived", 30],
      ["remaining", 140],
      ["fill", 30],
      ["waitlistFamilies", 1],
      ["waitlistPersons", 2],
      ["pipeline", 3],
      ["pace", 6.7],
      ["forecast", 81],
      ["forecastFill", 40.5],
      ["basis", "pace"],
    ]);
    const { basis: _basis, ...totalForecast } = row.forecast;
    expect(REPORT_COLUMNS.at(-1)!.value({ ...row, forecast: totalForecast })).toBeNull();
  });
});
