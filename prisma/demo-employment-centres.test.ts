import { describe, expect, it } from "vitest";
import { REGION_IDS } from "@/lib/domain/regions";
import { DEMO_EMPLOYMENT_CENTRES } from "./demo-employment-centres";

describe("DEMO_EMPLOYMENT_CENTRES", () => {
  it("has a centre for every region and city, and for nothing else", () => {
    expect(Object.keys(DEMO_EMPLOYMENT_CENTRES).sort()).toEqual([...REGION_IDS].sort());
  });

  it.each(Object.entries(DEMO_EMPLOYMENT_CENTRES))(
    "%s has an address in three languages, a phone and hours",
    (_, c) => {
      expect(c.address.kk).toMatch(/ қ\., /);
      expect(c.address.ru).toMatch(/^г\. /);
      expect(c.address.en).toMatch(/\d/);
      expect(c.phone).toMatch(/^\+7 \d{3,5} [\d-]+$/);
      expect(c.hours).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
      expect(c.lunchBreak).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
      expect(c.phone.length).toBeLessThanOrEqual(32);
    },
  );
});
