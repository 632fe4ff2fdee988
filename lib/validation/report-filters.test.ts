import { describe, expect, it } from "vitest";
import { parseReportFilters, reportFiltersQuery, reportYearOptions } from "./report-filters";

const NOW = new Date("2026-06-15T12:00:00Z");

describe("parseReportFilters", () => {
  it("reads year, region and category from search params of either shape", () => {
    const expected = { year: 2061, regionId: "KZ-15", category: "SETTLER" };
    expect(parseReportFilters({ year: "2061", region: "KZ-15", category: "SETTLER" }, NOW)).toEqual(expected);
    expect(parseReportFilters(new URLSearchParams("year=2061&region=KZ-15&category=SETTLER"), NOW)).toEqual(expected);
  });

  it("takes the first of repeated params and tolerates case and spaces", () => {
    expect(parseReportFilters({ year: ["2060", "2061"], region: " kz-19 ", category: "kandas" }, NOW)).toEqual({
      year: 2060,
      regionId: "KZ-19",
      category: "KANDAS",
    });
  });

  it("drops what it cannot use: the current year, every region, both categories", () => {
    expect(parseReportFilters({ year: "20x1", region: "KZ-99", category: "REFUGEE" }, NOW)).toEqual({
      year: 2026,
      regionId: null,
      category: null,
    });
    expect(parseReportFilters({}, NOW)).toEqual({ year: 2026, regionId: null, category: null });
    expect(parseReportFilters({ region: "'; DROP TABLE family; --" }, NOW).regionId).toBeNull();
  });
});

describe("reportFiltersQuery", () => {
  it("writes the filters back as the query the parser reads, leaving out empty ones", () => {
    const filters = { year: 2062, regionId: "KZ-15", category: "KANDAS" as const };
    expect(reportFiltersQuery(filters).toString()).toBe("year=2062&region=KZ-15&category=KANDAS");
    expect(parseReportFilters(reportFiltersQuery(filters), NOW)).toEqual(filters);
    expect(reportFiltersQuery({ year: 2062, regionId: null, category: null }).toString()).toBe("year=2062");
  });
});

describe("reportYearOptions", () => {
  it("offers next year, this year and five before, plus a year outside that range when it is shown", () => {
    expect(reportYearOptions(2026, NOW)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(reportYearOptions(2061, NOW)).toEqual([2061, 2027, 2026, 2025, 2024, 2023, 2022, 2021]);
  });
});
