import { describe, expect, it } from "vitest";
import { quotaAmendmentSchema, quotaOrderSchema } from "./quota-order";

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
});

describe("quotaAmendmentSchema", () => {
  it("needs at least one change and a reference", () => {
    const result = quotaAmendmentSchema.safeParse({ year: 2027, reference: " ", orderDate: "2027-06-01", changes: [] });
    expect(paths(result)).toEqual({ reference: "required", changes: "quotas.validation.noPlaces" });
  });
});
