import { describe, expect, it } from "vitest";
import { ORIGIN_COUNTRIES, countryName, isOriginCountry } from "./countries";

describe("ORIGIN_COUNTRIES", () => {
  it("contains the countries from domain.md with unique codes", () => {
    const codes = ORIGIN_COUNTRIES.map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ["UZ", "CN", "MN", "RU", "TM", "KG", "TJ", "IR", "TR", "AF"]) expect(codes).toContain(code);
  });

  it("weighs them in the published proportions", () => {
    const total = ORIGIN_COUNTRIES.reduce((s, x) => s + x.demoWeight, 0);
    expect(total).toBe(1000);
    const share = (code: string) => (ORIGIN_COUNTRIES.find((x) => x.code === code)?.demoWeight ?? 0) / total;
    expect(share("UZ")).toBeGreaterThanOrEqual(0.45);
    expect(share("UZ")).toBeLessThanOrEqual(0.54);
    expect(share("CN")).toBeGreaterThanOrEqual(0.2);
    expect(share("MN")).toBeCloseTo(0.11, 2);
    expect(share("RU")).toBeCloseTo(0.08, 2);
    expect(share("TM")).toBeCloseTo(0.05, 1);
    expect(share("KG")).toBeLessThan(0.02);
  });
});

describe("countryName", () => {
  it("names origin countries in three languages", () => {
    expect(countryName("CN", "kk")).toBe("Қытай");
    expect(countryName("CN", "ru")).toBe("Китай");
    expect(countryName("MN", "en")).toBe("Mongolia");
    expect(countryName("uz", "ru")).toBe("Узбекистан");
  });

  it("names Kazakhstan and stateless", () => {
    expect(countryName("KZ", "kk")).toBe("Қазақстан");
    expect(countryName("XX", "en")).toBe("Stateless");
  });

  it("returns an unknown code unchanged", () => {
    expect(countryName("FR", "en")).toBe("FR");
    expect(isOriginCountry("FR")).toBe(false);
    expect(isOriginCountry("TM")).toBe(true);
  });
});
