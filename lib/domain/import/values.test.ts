import { describe, expect, it } from "vitest";
import { generateIin } from "../iin";
import {
  REGION_REFORM_DATE,
  boundaryYear,
  parseCategory,
  parseCountry,
  parseDate,
  parseEducation,
  parseIin,
  parsePhone,
  parseRegionName,
  parseRelationship,
  parseSex,
  parseStatus,
  parseTargetRegion,
} from "./values";

const value = <T>(result: { ok: true; value: T | null } | { ok: false; problem: string }) =>
  result.ok ? result.value : result.problem;

describe("parseDate", () => {
  it("reads dd.mm.yyyy, d.m.yyyy and ISO dates", () => {
    expect(value(parseDate("05.03.2021"))).toBe("2021-03-05");
    expect(value(parseDate(" 5.3.2021 "))).toBe("2021-03-05");
    expect(value(parseDate("2021-03-05"))).toBe("2021-03-05");
    expect(value(parseDate("29.02.2024"))).toBe("2024-02-29");
    expect(value(parseDate(""))).toBeNull();
  });

  it("refuses dates that are not on the calendar and spellings it would have to guess", () => {
    for (const raw of ["29.02.2023", "31.04.2021", "2021-13-01", "05.03.21", "03/05/2021", "2021-3-5", "вчера"])
      expect(value(parseDate(raw)), raw).toBe("date-invalid");
  });
});

describe("parseSex", () => {
  it("reads every spelling: M/F, Kazakh Е/Ә, Russian М/Ж, short and full words", () => {
    for (const raw of ["M", "m", "М", "Е", "е", "муж", "муж.", "Мужской", "ер", "Ер", "еркек", "male", "MALE"])
      expect(value(parseSex(raw)), raw).toBe("M");
    for (const raw of ["F", "f", "Ж", "ж", "Ә", "ә", "жен", "жен.", "Женский", "әйел", "Әйел", "female"])
      expect(value(parseSex(raw)), raw).toBe("F");
  });

  it("refuses what is not a sex", () => {
    for (const raw of ["X", "Б", "мужчина?", "1"]) expect(value(parseSex(raw)), raw).toBe("sex-unknown");
  });
});

describe("words for the enums", () => {
  it("reads categories, including the old word оралман", () => {
    expect(value(parseCategory("Қандас"))).toBe("KANDAS");
    expect(value(parseCategory("кандас"))).toBe("KANDAS");
    expect(value(parseCategory("ОРАЛМАН"))).toBe("KANDAS");
    expect(value(parseCategory("Қоныс аударушы"))).toBe("SETTLER");
    expect(value(parseCategory("переселенец"))).toBe("SETTLER");
    expect(value(parseCategory("settler"))).toBe("SETTLER");
    expect(value(parseCategory("беженец"))).toBe("category-unknown");
  });

  it("reads relationships as codes and as Kazakh and Russian words", () => {
    expect(value(parseRelationship("head"))).toBe("HEAD");
    expect(value(parseRelationship("Отбасы басшысы"))).toBe("HEAD");
    expect(value(parseRelationship("Глава семьи"))).toBe("HEAD");
    expect(value(parseRelationship("жұбайы"))).toBe("SPOUSE");
    expect(value(parseRelationship("Супруг(а)"))).toBe("SPOUSE");
    expect(value(parseRelationship("дочь"))).toBe("CHILD");
    expect(value(parseRelationship("қызы"))).toBe("CHILD");
    expect(value(parseRelationship("grand_child"))).toBe("relationship-unknown");
    expect(value(parseRelationship("GRANDCHILD"))).toBe("GRANDCHILD");
    expect(value(parseRelationship("әжесі"))).toBe("GRANDPARENT");
  });

  it("reads education levels and statuses in three languages", () => {
    expect(value(parseEducation("Жоғары"))).toBe("HIGHER");
    expect(value(parseEducation("средне-специальное"))).toBe("VOCATIONAL");
    expect(value(parseEducation(""))).toBeNull();
    expect(value(parseStatus("QUOTA_ALLOCATED"))).toBe("QUOTA_ALLOCATED");
    expect(value(parseStatus("Квотаға енгізілді"))).toBe("QUOTA_ALLOCATED");
    expect(value(parseStatus("Срок статуса истек"))).toBe("EXPIRED");
    expect(value(parseStatus("under review"))).toBe("UNDER_REVIEW");
    expect(value(parseStatus("в работе"))).toBe("status-unknown");
  });
});

describe("regions", () => {
  it("reads ISO codes, full and short names in kk/ru/en, abbreviations and Latin look-alikes", () => {
    const cases: [string, string][] = [
      ["KZ-55", "KZ-55"],
      ["kz55", "KZ-55"],
      ["КZ-55", "KZ-55"],
      ["Павлодар облысы", "KZ-55"],
      ["Павлодарская обл.", "KZ-55"],
      ["Pavlodar Region", "KZ-55"],
      ["ВКО", "KZ-63"],
      ["Шығыс Қазақстан облысы", "KZ-63"],
      ["Восточно-Казахстанская область", "KZ-63"],
      ["Алматы", "KZ-75"],
      ["Алматы облысы", "KZ-19"],
      ["Алматинская область", "KZ-19"],
      ["г. Астана", "KZ-71"],
      ["Нур-Султан", "KZ-71"],
      ["Область Жетысу", "KZ-33"],
      // A Latin "o" and "a" typed in a Cyrillic word.
      ["Пaвлoдарская область", "KZ-55"],
    ];
    for (const [raw, id] of cases) expect(value(parseRegionName(raw)), raw).toBe(id);
    expect(value(parseRegionName("KZ-99"))).toBe("region-unknown");
    expect(value(parseRegionName("Сибирь"))).toBe("region-unknown");
  });

  it("treats applications up to 7 June 2022 as made before the reform", () => {
    expect(REGION_REFORM_DATE).toBe("2022-06-08");
    expect(boundaryYear("2019-11-30")).toBe(2019);
    expect(boundaryYear("2022-06-07")).toBe(2021);
    expect(boundaryYear("2022-06-08")).toBe(2022);
  });

  it("places an application made before 2022 in East Kazakhstan by its district: Ayagoz is Abai Region today", () => {
    const before = "2021-04-12";
    expect(
      value(
        parseTargetRegion("Восточно-Казахстанская область", { applicationDate: before, district: "Аягозский район" }),
      ),
    ).toEqual({
      regionId: "KZ-10",
      district: expect.objectContaining({
        regionId: "KZ-10",
        name: expect.objectContaining({ en: "Ayagoz District" }),
      }),
    });
    expect(value(parseTargetRegion("ВКО", { applicationDate: before, district: "Зайсан" }))).toMatchObject({
      regionId: "KZ-63",
    });
    expect(
      value(parseTargetRegion("Карагандинская область", { applicationDate: before, district: "Жаңаарқа ауданы" })),
    ).toMatchObject({
      regionId: "KZ-62",
    });
    expect(value(parseTargetRegion("ВКО", { applicationDate: before, district: "" }))).toBe("region-needs-district");
    expect(value(parseTargetRegion("ВКО", { applicationDate: before, district: "Бурабай" }))).toBe("district-unknown");
  });

  it("after the reform takes the region as named: Ayagoz is no longer in East Kazakhstan", () => {
    const after = "2023-02-01";
    expect(value(parseTargetRegion("ВКО", { applicationDate: after, district: "" }))).toEqual({
      regionId: "KZ-63",
      district: null,
    });
    expect(value(parseTargetRegion("ВКО", { applicationDate: after, district: "Аягоз" }))).toBe("district-unknown");
    expect(value(parseTargetRegion("Абай облысы", { applicationDate: "2020-01-10", district: "" }))).toEqual({
      regionId: "KZ-10",
      district: null,
    });
    expect(
      value(parseTargetRegion("Pavlodar Region", { applicationDate: after, district: "Ekibastuz City" })),
    ).toMatchObject({
      regionId: "KZ-55",
      district: { name: { ru: "город Экибастуз" } },
    });
  });
});

describe("countries, phones and IINs", () => {
  it("reads countries by code or name, statelessness included", () => {
    expect(value(parseCountry("cn"))).toBe("CN");
    expect(value(parseCountry("Қытай"))).toBe("CN");
    expect(value(parseCountry("Китай"))).toBe("CN");
    expect(value(parseCountry("КНР"))).toBe("CN");
    expect(value(parseCountry("Mongolia"))).toBe("MN");
    expect(value(parseCountry("Өзбекстан"))).toBe("UZ");
    expect(value(parseCountry("Казахстан"))).toBe("KZ");
    expect(value(parseCountry("Лицо без гражданства"))).toBe("XX");
    expect(value(parseCountry("Атлантида"))).toBe("country-unknown");
  });

  it("normalises Kazakhstan phones and refuses others", () => {
    expect(value(parsePhone("8 (701) 234-56-78"))).toBe("+77012345678");
    expect(value(parsePhone("+998 90 123 45 67"))).toBe("phone-invalid");
    expect(value(parsePhone(""))).toBeNull();
  });

  it("checks the IIN's check digit and puts back a leading zero a spreadsheet dropped", () => {
    const iin = generateIin(new Date(Date.UTC(1988, 0, 15)), "M", 1234);
    expect(value(parseIin(` ${iin.slice(0, 6)} ${iin.slice(6)} `))).toBe(iin);
    const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
    expect(value(parseIin(wrong))).toBe("iin-checksum");
    expect(value(parseIin("1.23457E+11"))).toBe("iin-length");
    expect(value(parseIin("88011530012a"))).toBe("iin-digits");
    const bornIn2005 = generateIin(new Date(Date.UTC(2005, 6, 1)), "F", 42);
    expect(bornIn2005.startsWith("0")).toBe(true);
    expect(parseIin(bornIn2005.slice(1))).toEqual({
      ok: true,
      value: bornIn2005,
      warnings: ["iin-leading-zero-restored"],
    });
  });
});
