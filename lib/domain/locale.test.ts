import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, intlTag, localName, LOCALES, toLocale } from "./locale";

describe("toLocale", () => {
  it("keeps a supported locale", () => {
    for (const locale of LOCALES) expect(toLocale(locale)).toBe(locale);
  });

  it("falls back to Kazakh for anything else", () => {
    expect(DEFAULT_LOCALE).toBe("kk");
    for (const value of ["de", "RU", " ru", "", null, undefined]) expect(toLocale(value)).toBe("kk");
  });
});

describe("intlTag", () => {
  it("formats Kazakh and Russian as used in Kazakhstan, English as British", () => {
    expect(intlTag("kk")).toBe("kk-KZ");
    expect(intlTag("ru")).toBe("ru-KZ");
    expect(intlTag("en")).toBe("en-GB");
  });
});

describe("localName", () => {
  it("picks the name in the interface language", () => {
    const region = { nameKk: "Павлодар облысы", nameRu: "Павлодарская область", nameEn: "Pavlodar Region" };
    expect(localName(region, "kk")).toBe("Павлодар облысы");
    expect(localName(region, "ru")).toBe("Павлодарская область");
    expect(localName(region, "en")).toBe("Pavlodar Region");
  });
});
