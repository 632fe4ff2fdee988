import { describe, expect, it } from "vitest";
import { parseWaitlistQuery, waitlistAllocateSchema, waitlistRemoveSchema } from "./waitlist";

const defaults = { year: 2026, regionId: "KZ-55" };

describe("parseWaitlistQuery", () => {
  it("reads year, region and pool from the URL", () => {
    expect(parseWaitlistQuery({ year: "2025", region: "KZ-11", pool: "SETTLER" }, defaults)).toEqual({
      year: 2025,
      regionId: "KZ-11",
      pool: "SETTLER",
    });
  });

  it("falls back to the defaults for missing or invalid values", () => {
    expect(parseWaitlistQuery({}, defaults)).toEqual({ year: 2026, regionId: "KZ-55", pool: "KANDAS" });
    expect(parseWaitlistQuery({ year: "1990", region: "XX-99", pool: "OTHER" }, defaults)).toEqual({
      year: 2026,
      regionId: "KZ-55",
      pool: "KANDAS",
    });
    expect(parseWaitlistQuery({ year: "20260", region: "" }, defaults).year).toBe(2026);
    expect(parseWaitlistQuery({ year: ["2024", "2025"] }, defaults).year).toBe(2026);
  });

  it("keeps a coordinator in the own region whatever the URL says", () => {
    expect(parseWaitlistQuery({ region: "KZ-11" }, { ...defaults, fixedRegionId: "KZ-55" }).regionId).toBe("KZ-55");
  });
});

describe("waitlist action schemas", () => {
  it("accept ids, a quota year and a version only", () => {
    expect(waitlistRemoveSchema.safeParse({ familyId: 3, year: 2026 }).success).toBe(true);
    expect(waitlistRemoveSchema.safeParse({ familyId: 3, year: 1900 }).success).toBe(false);
    expect(waitlistAllocateSchema.safeParse({ familyId: 3, version: 2 }).success).toBe(true);
    expect(waitlistAllocateSchema.safeParse({ familyId: 3, version: 2, to: "CLOSED" }).success).toBe(false);
    expect(waitlistAllocateSchema.safeParse({ familyId: -1, version: 2 }).success).toBe(false);
  });
});
