import { describe, expect, it } from "vitest";
import { familyFiltersSchema } from "./family-filters";

describe("familyFiltersSchema: search and origin", () => {
  it("trims the query and drops an empty one", () => {
    expect(familyFiltersSchema.parse({ q: "  Kassymov  " }).q).toBe("Kassymov");
    expect(familyFiltersSchema.parse({ q: "   " }).q).toBeUndefined();
    expect(familyFiltersSchema.parse({}).q).toBeUndefined();
  });

  it("drops a query longer than 100 characters or repeated in the URL", () => {
    expect(familyFiltersSchema.parse({ q: "a".repeat(100) }).q).toHaveLength(100);
    expect(familyFiltersSchema.parse({ q: "a".repeat(101) }).q).toBeUndefined();
    expect(familyFiltersSchema.parse({ q: ["a", "b"] }).q).toBeUndefined();
  });

  it("accepts a country code or a region id as the origin, in any letter case", () => {
    expect(familyFiltersSchema.parse({ origin: "cn" }).origin).toBe("CN");
    expect(familyFiltersSchema.parse({ origin: "KZ-61" }).origin).toBe("KZ-61");
    expect(familyFiltersSchema.parse({ origin: "kz-61" }).origin).toBe("KZ-61");
  });

  it("drops an origin that is neither", () => {
    for (const origin of ["CHN", "C", "KZ-6", "KZ-611", "'; DROP", "12"]) {
      expect(familyFiltersSchema.parse({ origin }).origin, origin).toBeUndefined();
    }
  });

  it("keeps the other filters next to the query", () => {
    expect(familyFiltersSchema.parse({ q: "NK-2026-000001", status: "APPROVED", origin: "UZ", after: "40" })).toEqual({
      q: "NK-2026-000001",
      status: "APPROVED",
      origin: "UZ",
      after: 40,
    });
  });
});

describe("familyFiltersSchema: sort", () => {
  it("keeps a known column and direction", () => {
    expect(familyFiltersSchema.parse({ sort: "surname", dir: "desc", after: "7" })).toEqual({
      sort: "surname",
      dir: "desc",
      after: 7,
    });
  });

  it("drops an unknown column or direction instead of refusing the page", () => {
    const parsed = familyFiltersSchema.parse({ sort: "iin", dir: "sideways" });
    expect(parsed.sort).toBeUndefined();
    expect(parsed.dir).toBeUndefined();
    expect(familyFiltersSchema.parse({ sort: ["surname", "applied"] }).sort).toBeUndefined();
  });
});
