import { describe, expect, it } from "vitest";
import {
  parseQuotaTotal,
  poolTotals,
  quotaAmendmentSchema,
  quotaOrderGrid,
  quotaOrderSchema,
  quotaYearParam,
  statedPlaces,
} from "./quota-order";

const order = {
  year: "2027",
  reference: " 123-ө ",
  orderDate: "2027-01-10",
  places: [
    { regionId: "KZ-55", pool: "KANDAS", total: "977" },
    { regionId: "KZ-55", pool: "SETTLER", total: 1655 },
  ],
};

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("quotaOrderSchema", () => {
  it("parses a form's order with numbers as numbers", () => {
    const parsed = quotaOrderSchema.parse(order);
    expect(parsed.year).toBe(2027);
    expect(parsed.reference).toBe("123-ө");
    expect(parsed.places[0]).toEqual({ regionId: "KZ-55", pool: "KANDAS", total: 977 });
  });

  it("names the offending field of each line", () => {
    const result = quotaOrderSchema.safeParse({
      ...order,
      year: 1990,
      orderDate: "2027-02-30",
      places: [
        { regionId: "KZ-55", pool: "KANDAS", total: -1 },
        { regionId: "KZ-75", pool: "KANDAS", total: 3 },
        { regionId: "KZ-55", pool: "KANDAS", total: 2.5 },
      ],
    });
    expect(paths(result)).toEqual({
      year: "quotas.validation.year",
      orderDate: "quotas.validation.orderDate",
      "places.0.total": "quotas.validation.total",
      "places.1.regionId": "quotas.validation.region",
      "places.2.total": "quotas.validation.total",
    });
  });

  it("refuses the same region and pool twice", () => {
    const result = quotaOrderSchema.safeParse({ ...order, places: [order.places[0], order.places[0]] });
    expect(paths(result)).toEqual({ "places.1.regionId": "quotas.validation.duplicate" });
  });

  it("keeps blank cells of the grid as lines without a total, so indexes still name the cells", () => {
    const parsed = quotaOrderSchema.parse({
      ...order,
      places: [
        { regionId: "KZ-10", pool: "KANDAS", total: " " },
        { regionId: "KZ-10", pool: "SETTLER", total: "" },
        { regionId: "KZ-55", pool: "KANDAS", total: " 0 " },
        { regionId: "KZ-55", pool: "SETTLER", total: "1655" },
      ],
    });
    expect(parsed.places.map((line) => line.total)).toEqual([null, null, 0, 1655]);
    expect(statedPlaces(parsed.places)).toEqual([
      { regionId: "KZ-55", pool: "KANDAS", total: 0, gridIndex: 2 },
      { regionId: "KZ-55", pool: "SETTLER", total: 1655, gridIndex: 3 },
    ]);
  });

  it("refuses letters, signs and a letter year with the messages of their fields", () => {
    const result = quotaOrderSchema.safeParse({
      ...order,
      year: "20x7",
      places: [
        { regionId: "KZ-10", pool: "KANDAS", total: "" },
        { regionId: "KZ-55", pool: "KANDAS", total: "12a" },
        { regionId: "KZ-55", pool: "SETTLER", total: "-5" },
      ],
    });
    expect(paths(result)).toEqual({
      year: "quotas.validation.year",
      "places.1.total": "quotas.validation.total",
      "places.2.total": "quotas.validation.total",
    });
  });

  it("needs at least one stated total, and reports a duplicate on its own grid cell past blank ones", () => {
    const blank = { regionId: "KZ-10", pool: "KANDAS", total: "" };
    expect(paths(quotaOrderSchema.safeParse({ ...order, places: [blank, { ...blank, pool: "SETTLER" }] }))).toEqual({
      places: "quotas.validation.noPlaces",
    });
    const duplicate = quotaOrderSchema.safeParse({ ...order, places: [order.places[0], blank, order.places[0]] });
    expect(paths(duplicate)).toEqual({ "places.2.regionId": "quotas.validation.duplicate" });
  });
});

describe("quotaAmendmentSchema", () => {
  it("needs at least one change and a reference", () => {
    const result = quotaAmendmentSchema.safeParse({ year: 2027, reference: " ", orderDate: "2027-06-01", changes: [] });
    expect(paths(result)).toEqual({ reference: "required", changes: "quotas.validation.noPlaces" });
  });

  it("refuses a blank new total instead of reading it as zero", () => {
    const result = quotaAmendmentSchema.safeParse({
      year: 2027,
      reference: "A-1",
      orderDate: "2027-06-01",
      changes: [{ regionId: "KZ-55", pool: "KANDAS", total: "" }],
    });
    expect(paths(result)).toEqual({ "changes.0.total": "quotas.validation.total" });
  });
});

describe("parseQuotaTotal", () => {
  it("reads whole numbers of persons written in digits", () => {
    expect(parseQuotaTotal("977")).toBe(977);
    expect(parseQuotaTotal(" 0 ")).toBe(0);
    expect(parseQuotaTotal(1655)).toBe(1655);
    expect(parseQuotaTotal("1000000")).toBe(1_000_000);
  });

  it("rejects blanks, signs, fractions, exponents, letters and absurd sizes", () => {
    for (const value of ["", " ", "-5", "+5", "2.5", "1e3", "12a", "abc", "1 000", "1000001", -1, 2.5, Number.NaN]) {
      expect(parseQuotaTotal(value), String(value)).toBeNull();
    }
  });
});

describe("quotaOrderGrid", () => {
  it("lists every region with both pools, prefilled from a year's quotas where one exists", () => {
    const grid = quotaOrderGrid(
      ["KZ-11", "KZ-55"],
      [
        { regionId: "KZ-55", pool: "SETTLER", total: 1655 },
        { regionId: "KZ-11", pool: "KANDAS", total: 285 },
        { regionId: "KZ-75", pool: "KANDAS", total: 9 },
      ],
    );
    expect(grid).toEqual([
      { regionId: "KZ-11", pool: "KANDAS", total: "285" },
      { regionId: "KZ-11", pool: "SETTLER", total: "" },
      { regionId: "KZ-55", pool: "KANDAS", total: "" },
      { regionId: "KZ-55", pool: "SETTLER", total: "1655" },
    ]);
    expect(quotaOrderGrid(["KZ-55"]).map((line) => line.total)).toEqual(["", ""]);
  });
});

describe("poolTotals", () => {
  it("adds the valid cells of each pool and ignores blank and invalid ones", () => {
    expect(
      poolTotals([
        { pool: "KANDAS", total: "977" },
        { pool: "KANDAS", total: "285" },
        { pool: "KANDAS", total: "x" },
        { pool: "SETTLER", total: "" },
        { pool: "SETTLER", total: "-3" },
        { pool: "SETTLER", total: 37 },
      ]),
    ).toEqual({ KANDAS: 1262, SETTLER: 37 });
  });
});

describe("quotaYearParam", () => {
  it("takes a four-digit year within the programme's range, else the fallback", () => {
    expect(quotaYearParam("2029", 2026)).toBe(2029);
    expect(quotaYearParam("1990", 2026)).toBe(2026);
    expect(quotaYearParam("2101", 2026)).toBe(2026);
    expect(quotaYearParam("20", 2026)).toBe(2026);
    expect(quotaYearParam(["2029"], 2026)).toBe(2026);
    expect(quotaYearParam(undefined, 2027)).toBe(2027);
  });
});
