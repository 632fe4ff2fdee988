import { describe, expect, it } from "vitest";
import {
  hiddenMonthlyCells,
  hiddenPlacesCells,
  hiddenReportCells,
  sumPlaces,
  withoutHidden,
  type QuotaPlacesRow,
} from "./quota-cells";
import { quotaFigures, totalFigures, type ReportFigures } from "./quota-report";

/** A report row: quota, persons allocated and families; the outlook as given (no waitlist, no pace by default). */
function figures(
  regionId: string,
  counts: { total: number; allocated: number; families?: number; arrived?: number },
  outlook: Partial<
    Pick<ReportFigures, "waitlistFamilies" | "waitlistPersons" | "pipelinePersons" | "pacePerMonth">
  > = {},
): ReportFigures & { regionId: string } {
  const base = quotaFigures({ families: 0, arrived: 0, ...counts });
  return {
    regionId,
    ...base,
    waitlistFamilies: 0,
    waitlistPersons: 0,
    pipelinePersons: 0,
    pacePerMonth: 0,
    ...outlook,
    forecast: { expectedAllocated: counts.allocated, expectedFillPercent: base.fillPercent, basis: "no-activity" },
  };
}

function total(rows: readonly ReportFigures[]): ReportFigures {
  const sums = totalFigures(rows);
  return {
    ...sums,
    waitlistFamilies: 0,
    waitlistPersons: 0,
    pipelinePersons: 0,
    pacePerMonth: rows.reduce((sum, row) => sum + row.pacePerMonth, 0),
    forecast: { expectedAllocated: sums.allocated, expectedFillPercent: sums.fillPercent },
  };
}

const keys = (set: ReadonlySet<string>) => [...set].sort();

describe("hiddenReportCells", () => {
  it("hides a region's 1 family of 1 person, the figures computed from it, and a second region so that the total does not give it back", () => {
    const rows = [
      figures("KZ-10", { total: 50, allocated: 1, families: 1 }),
      figures("KZ-11", { total: 80, allocated: 12, families: 6 }),
      figures("KZ-55", { total: 90, allocated: 30, families: 9 }),
    ];
    const hidden = hiddenReportCells(rows, total(rows), 3);
    expect(keys(hidden.rows[0]!)).toEqual(["allocated", "families", "fill", "forecast", "forecastFill", "remaining"]);
    // The smallest other allocation and family count of the column go with it; the largest stays.
    expect(keys(hidden.rows[1]!)).toEqual(["allocated", "families", "fill", "forecast", "forecastFill", "remaining"]);
    expect(keys(hidden.rows[2]!)).toEqual([]);
    expect(keys(hidden.total)).toEqual([]);
  });

  it("decides in the order of the region ids, whatever order the rows come in", () => {
    const rows = [
      figures("KZ-55", { total: 90, allocated: 7 }),
      figures("KZ-10", { total: 50, allocated: 2 }),
      figures("KZ-11", { total: 80, allocated: 7 }),
    ];
    const hidden = hiddenReportCells(rows, total(rows), 3);
    // Of the two equally small cells, the one of the first region id is hidden (KZ-11, not KZ-55).
    expect(hidden.rows.map((row) => row.has("allocated"))).toEqual([false, true, true]);
    const reversed = hiddenReportCells([...rows].reverse(), total(rows), 3);
    expect(reversed.rows.map((row) => row.has("allocated"))).toEqual([true, true, false]);
  });

  it("hides a pace that gives back 1–4 persons allocated in its window, and the forecast built on it", () => {
    const rows = [
      figures("KZ-10", { total: 50, allocated: 20 }, { pacePerMonth: 1 }),
      figures("KZ-11", { total: 80, allocated: 30 }, { pacePerMonth: 3 }),
      figures("KZ-55", { total: 90, allocated: 40 }, { pacePerMonth: 10 }),
    ];
    const hidden = hiddenReportCells(rows, total(rows), 3);
    // 1 a month over 3 months is 3 persons: hidden; 3 a month is 9 persons, hidden so that the total's pace does not give the first back.
    expect(keys(hidden.rows[0]!)).toEqual(["forecast", "forecastFill", "pace"]);
    expect(keys(hidden.rows[1]!)).toEqual(["forecast", "forecastFill", "pace"]);
    expect(keys(hidden.rows[2]!)).toEqual([]);
  });

  it("hides a small total with what is computed from it, and nothing where every count is 0 or 5 and more", () => {
    const rows = [figures("KZ-10", { total: 50, allocated: 0 }), figures("KZ-11", { total: 80, allocated: 3 })];
    const hidden = hiddenReportCells(rows, total(rows), 3);
    expect(hidden.rows[0]!.has("allocated")).toBe(false);
    expect(hidden.total.has("allocated")).toBe(true);
    expect(hidden.total.has("remaining")).toBe(true);
    const large = [figures("KZ-10", { total: 50, allocated: 0 }), figures("KZ-11", { total: 80, allocated: 5 })];
    const none = hiddenReportCells(large, total(large), 3);
    expect([...none.rows.map(keys), keys(none.total)]).toEqual([[], [], []]);
  });
});

describe("hiddenPlacesCells", () => {
  const place = (regionId: string, pool: QuotaPlacesRow["pool"], totalPlaces: number, allocated: number) => ({
    regionId,
    pool,
    total: totalPlaces,
    allocated,
    remaining: totalPlaces - allocated,
  });

  it("hides allocated and remaining as the quota report hides them, pool by pool", () => {
    const rows = [
      place("KZ-10", "KANDAS", 50, 1),
      place("KZ-10", "SETTLER", 40, 1),
      place("KZ-11", "KANDAS", 80, 12),
      place("KZ-11", "SETTLER", 60, 30),
      place("KZ-55", "KANDAS", 90, 30),
    ];
    const hidden = hiddenPlacesCells(rows);
    expect(hidden.rows.map(keys)).toEqual([
      ["allocated", "remaining"],
      ["allocated", "remaining"],
      ["allocated", "remaining"],
      ["allocated", "remaining"],
      [],
    ]);
    // The same decision as the report's Kandas table.
    const kandas = [
      figures("KZ-10", { total: 50, allocated: 1 }),
      figures("KZ-11", { total: 80, allocated: 12 }),
      figures("KZ-55", { total: 90, allocated: 30 }),
    ];
    const report = hiddenReportCells(kandas, total(kandas), 3);
    expect(report.rows.map((row) => row.has("allocated"))).toEqual([true, true, false]);
    expect(keys(hidden.total)).toEqual([]);
  });

  it("hides the sum of both pools when one pool's sum is small (the other pool's sum would give it back)", () => {
    const rows = [place("KZ-10", "KANDAS", 50, 3), place("KZ-10", "SETTLER", 40, 20)];
    const hidden = hiddenPlacesCells(rows);
    expect(keys(hidden.total)).toEqual(["allocated", "remaining"]);
    expect(sumPlaces(rows)).toEqual({ total: 90, allocated: 23, remaining: 67 });
  });
});

describe("hiddenMonthlyCells", () => {
  it("hides a small month of a pool, its partner in the row and another month of the pool", () => {
    const months = [
      { month: 1, KANDAS: 2, SETTLER: 10, total: 12 },
      { month: 2, KANDAS: 8, SETTLER: 9, total: 17 },
      { month: 3, KANDAS: 20, SETTLER: 30, total: 50 },
    ];
    const hidden = hiddenMonthlyCells(months, { KANDAS: 30, SETTLER: 49, total: 79 });
    expect(keys(hidden.rows[0]!)).toEqual(["KANDAS", "SETTLER"]);
    expect(keys(hidden.rows[1]!)).toEqual(["KANDAS", "SETTLER"]);
    expect(keys(hidden.rows[2]!)).toEqual([]);
  });
});

describe("withoutHidden", () => {
  it("turns the hidden keys' cells into null", () => {
    expect(withoutHidden([1, 2, 3], ["a", "b", "c"], new Set(["b"]))).toEqual([1, null, 3]);
  });
});
