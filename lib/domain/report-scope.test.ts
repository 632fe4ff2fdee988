import { describe, expect, it } from "vitest";
import { mayRequestRegion, reportScope } from "./report-scope";

const filters = { year: 2061, regionId: "KZ-19", category: "KANDAS" as const };

describe("reportScope", () => {
  it("gives administrators the country as filtered, unsuppressed", () => {
    expect(reportScope({ id: 1, role: "ADMIN", regionId: null }, filters)).toEqual({
      filters,
      isNational: true,
      suppressSmallCells: false,
    });
  });

  it("gives analysts the country with small cells suppressed", () => {
    expect(reportScope({ id: 2, role: "ANALYST", regionId: null }, filters)).toEqual({
      filters,
      isNational: true,
      suppressSmallCells: true,
    });
  });

  it("forces a coordinator's own region whatever the URL asks for", () => {
    const scope = reportScope({ id: 3, role: "COORDINATOR", regionId: "KZ-15" }, filters);
    expect(scope).toEqual({ filters: { ...filters, regionId: "KZ-15" }, isNational: false, suppressSmallCells: false });
    expect(
      reportScope({ id: 3, role: "COORDINATOR", regionId: "KZ-15" }, { ...filters, regionId: null })?.filters.regionId,
    ).toBe("KZ-15");
  });

  it("gives a coordinator without a region an impossible region rather than the country", () => {
    expect(
      reportScope({ id: 4, role: "COORDINATOR", regionId: null }, { ...filters, regionId: null })?.filters.regionId,
    ).toBe("");
  });

  it("refuses caseworkers", () => {
    expect(reportScope({ id: 5, role: "CASEWORKER", regionId: "KZ-15" }, filters)).toBeNull();
  });
});

describe("mayRequestRegion", () => {
  it("lets national roles ask for any region and a coordinator only for the own", () => {
    expect(mayRequestRegion({ id: 1, role: "ANALYST", regionId: null }, "KZ-19")).toBe(true);
    expect(mayRequestRegion({ id: 3, role: "COORDINATOR", regionId: "KZ-15" }, "KZ-15")).toBe(true);
    expect(mayRequestRegion({ id: 3, role: "COORDINATOR", regionId: "KZ-15" }, null)).toBe(true);
    expect(mayRequestRegion({ id: 3, role: "COORDINATOR", regionId: "KZ-15" }, "KZ-19")).toBe(false);
  });
});
