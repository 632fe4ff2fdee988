import { describe, expect, it } from "vitest";
import {
  DISTRICTS,
  REGIONS,
  districtsOf,
  findRegion,
  getRegion,
  isRegionId,
  labourSurplusRegions,
  mapToRegionOfYear,
  regionCentreName,
  regionExistedIn,
  regionForYear,
  regionName,
  regionsCoveringOldRegion,
  resettlementTargetRegions,
} from "./regions";

describe("REGIONS", () => {
  it("has 17 regions and 3 cities with ISO 3166-2:KZ ids", () => {
    expect(REGIONS.filter((r) => r.kind === "REGION")).toHaveLength(17);
    expect(REGIONS.filter((r) => r.kind === "CITY").map((r) => r.id)).toEqual(["KZ-71", "KZ-75", "KZ-79"]);
    expect(REGIONS.map((r) => r.id)).toEqual([
      "KZ-10",
      "KZ-11",
      "KZ-15",
      "KZ-19",
      "KZ-23",
      "KZ-27",
      "KZ-31",
      "KZ-33",
      "KZ-35",
      "KZ-39",
      "KZ-43",
      "KZ-47",
      "KZ-55",
      "KZ-59",
      "KZ-61",
      "KZ-62",
      "KZ-63",
      "KZ-71",
      "KZ-75",
      "KZ-79",
    ]);
  });

  it("names every region and centre in three languages, uniquely", () => {
    for (const locale of ["kk", "ru", "en"] as const) {
      const names = REGIONS.map((r) => r.name[locale]);
      expect(new Set(names).size).toBe(20);
      for (const r of REGIONS) expect(r.centre[locale].length).toBeGreaterThan(0);
    }
    expect(getRegion("KZ-55").name).toEqual({
      kk: "Павлодар облысы",
      ru: "Павлодарская область",
      en: "Pavlodar Region",
    });
    expect(getRegion("KZ-63").centre.en).toBe("Oskemen");
    expect(getRegion("KZ-62").centre.ru).toBe("Жезказган");
    expect(getRegion("KZ-19").centre.en).toBe("Konaev");
  });

  it("marks the ten regions with 2026 quotas as resettlement targets", () => {
    expect(
      resettlementTargetRegions()
        .map((r) => r.name.en)
        .sort(),
    ).toEqual(
      [
        "Abai Region",
        "Akmola Region",
        "Atyrau Region",
        "East Kazakhstan Region",
        "Karaganda Region",
        "Kostanay Region",
        "North Kazakhstan Region",
        "Pavlodar Region",
        "Ulytau Region",
        "West Kazakhstan Region",
      ].sort(),
    );
  });

  it("marks the historical labour-surplus regions (and Shymkent)", () => {
    expect(labourSurplusRegions().map((r) => r.id)).toEqual(["KZ-19", "KZ-31", "KZ-43", "KZ-47", "KZ-61", "KZ-79"]);
    expect(REGIONS.some((r) => r.isLabourSurplus && r.isResettlementTarget)).toBe(false);
  });

  it("records the 2022 splits", () => {
    const splits = REGIONS.filter((r) => r.splitFromId !== null).map((r) => [r.id, r.splitFromId, r.splitYear]);
    expect(splits).toEqual([
      ["KZ-10", "KZ-63", 2022],
      ["KZ-33", "KZ-19", 2022],
      ["KZ-62", "KZ-35", 2022],
    ]);
  });
});

describe("lookups", () => {
  it("finds by id", () => {
    expect(findRegion("KZ-11")?.name.en).toBe("Akmola Region");
    expect(findRegion("KZ-99")).toBeUndefined();
    expect(isRegionId("KZ-79")).toBe(true);
    expect(isRegionId("kz-79")).toBe(false);
    expect(() => getRegion("KZ-00")).toThrow(RangeError);
  });

  it("regionName and regionCentreName take a region or an id", () => {
    expect(regionName("KZ-59", "kk")).toBe("Солтүстік Қазақстан облысы");
    expect(regionName(getRegion("KZ-59"), "ru")).toBe("Северо-Казахстанская область");
    expect(regionName("KZ-71", "en")).toBe("Astana");
    expect(regionCentreName("KZ-27", "kk")).toBe("Орал");
    expect(regionCentreName("KZ-27", "ru")).toBe("Уральск");
  });
});

describe("mapToRegionOfYear", () => {
  it("maps the 2022 regions to their parents before 2022", () => {
    expect(mapToRegionOfYear("KZ-10", 2021)).toBe("KZ-63");
    expect(mapToRegionOfYear("KZ-33", 2016)).toBe("KZ-19");
    expect(mapToRegionOfYear("KZ-62", 2021)).toBe("KZ-35");
    expect(regionForYear("KZ-62", 2021)).toBe("KZ-35");
  });

  it("keeps them from the split year on", () => {
    expect(mapToRegionOfYear("KZ-10", 2022)).toBe("KZ-10");
    expect(mapToRegionOfYear("KZ-33", 2026)).toBe("KZ-33");
  });

  it("keeps every other region in every year", () => {
    for (const r of REGIONS.filter((x) => x.splitFromId === null)) {
      expect(mapToRegionOfYear(r.id, 2000)).toBe(r.id);
      expect(mapToRegionOfYear(r.id, 2026)).toBe(r.id);
    }
  });

  it("throws for an unknown id", () => {
    expect(() => mapToRegionOfYear("KZ-00", 2020)).toThrow(RangeError);
  });
});

describe("regionsCoveringOldRegion", () => {
  it("lists the current regions that made up an old one", () => {
    expect(regionsCoveringOldRegion("KZ-63", 2021).sort()).toEqual(["KZ-10", "KZ-63"]);
    expect(regionsCoveringOldRegion("KZ-19", 2016).sort()).toEqual(["KZ-19", "KZ-33"]);
    expect(regionsCoveringOldRegion("KZ-35", 2021).sort()).toEqual(["KZ-35", "KZ-62"]);
    expect(regionsCoveringOldRegion("KZ-63", 2022)).toEqual(["KZ-63"]);
    expect(regionsCoveringOldRegion("KZ-55", 2010)).toEqual(["KZ-55"]);
  });

  it("gives nothing for a region that did not exist yet", () => {
    expect(regionsCoveringOldRegion("KZ-10", 2021)).toEqual([]);
    expect(regionExistedIn("KZ-10", 2021)).toBe(false);
    expect(regionExistedIn("KZ-10", 2022)).toBe(true);
  });

  it("is the inverse of mapToRegionOfYear", () => {
    for (const year of [2016, 2021, 2022, 2026]) {
      for (const r of REGIONS) {
        expect(regionsCoveringOldRegion(mapToRegionOfYear(r.id, year), year)).toContain(r.id);
      }
    }
  });
});

describe("DISTRICTS", () => {
  it("gives every resettlement-target region at least 5 districts, none elsewhere", () => {
    for (const r of REGIONS) {
      const count = districtsOf(r.id).length;
      if (r.isResettlementTarget) expect(count, r.id).toBeGreaterThanOrEqual(5);
      else expect(count, r.id).toBe(0);
    }
  });

  it("has unique English names within a region (the database key) and names in three languages", () => {
    const keys = DISTRICTS.map((x) => `${x.regionId}|${x.name.en}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const x of DISTRICTS) {
      expect(x.name.kk).toMatch(/ауданы|қаласы/);
      expect(x.name.ru).toMatch(/район|город/);
      expect(x.name.en).toMatch(/ (District|City)$/);
    }
  });

  it("contains known real districts", () => {
    expect(districtsOf("KZ-55").map((x) => x.name.ru)).toContain("Иртышский район");
    expect(districtsOf("KZ-11").map((x) => x.name.kk)).toContain("Бурабай ауданы");
    expect(districtsOf("KZ-10").map((x) => x.name.en)).toContain("Urzhar District");
  });
});
