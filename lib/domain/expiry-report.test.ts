import { describe, expect, it } from "vitest";
import { EXPIRY_BANDS, EXPIRY_HORIZON_DAYS, expiryBandOfDays, expiryColumns } from "./expiry-report";

describe("expiry bands", () => {
  it("puts the edges 30/31, 60/61 and 90/91 days in the right band", () => {
    expect([30, 31, 60, 61, 90, 91].map(expiryBandOfDays)).toEqual([
      "days0to30",
      "days31to60",
      "days31to60",
      "days61to90",
      "days61to90",
      null,
    ]);
  });

  it("counts the last valid day (today) as within 30 days and yesterday as expired", () => {
    expect(expiryBandOfDays(0)).toBe("days0to30");
    expect(expiryBandOfDays(-1)).toBe("expired");
    expect(expiryBandOfDays(-400)).toBe("expired");
  });

  it("leaves no gap and no overlap between the bands, up to the horizon", () => {
    for (let days = -5; days <= EXPIRY_HORIZON_DAYS; days++) {
      expect(EXPIRY_BANDS.filter((band) => (band.from === null || days >= band.from) && days <= band.to)).toHaveLength(
        1,
      );
    }
    expect(EXPIRY_BANDS.at(-1)!.to).toBe(EXPIRY_HORIZON_DAYS);
  });

  it("hides the persons of a band together with its families", () => {
    const columns = expiryColumns();
    expect(columns.map((column) => column.key)).toEqual([
      "region",
      "expiredFamilies",
      "expiredPersons",
      "days0to30Families",
      "days0to30Persons",
      "days31to60Families",
      "days31to60Persons",
      "days61to90Families",
      "days61to90Persons",
    ]);
    expect(columns.find((column) => column.key === "days31to60Persons")).toMatchObject({
      isSmallCell: true,
      derivedFrom: ["days31to60Families"],
    });
  });
});
