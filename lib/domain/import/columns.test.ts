import { describe, expect, it } from "vitest";
import {
  CANONICAL_COLUMNS,
  REQUIRED_COLUMNS,
  applySavedMapping,
  automaticMapping,
  checkMapping,
  columnForHeader,
  saveMapping,
} from "./columns";

describe("columnForHeader", () => {
  it("knows the canonical names in any case, with spaces, hyphens or underscores", () => {
    for (const column of CANONICAL_COLUMNS) expect(columnForHeader(column)).toBe(column);
    expect(columnForHeader("Family Key")).toBe("family_key");
    expect(columnForHeader("  BIRTH-DATE ")).toBe("birth_date");
    expect(columnForHeader("status valid until")).toBe("status_valid_until");
  });

  it("knows the Kazakh and Russian header words", () => {
    expect(columnForHeader("Фамилия")).toBe("surname");
    expect(columnForHeader("Тегі")).toBe("surname");
    expect(columnForHeader("ИИН")).toBe("iin");
    expect(columnForHeader("ЖСН")).toBe("iin");
    expect(columnForHeader("Дата рождения")).toBe("birth_date");
    expect(columnForHeader("Туған күні")).toBe("birth_date");
    expect(columnForHeader("ТУҒАН КҮНІ")).toBe("birth_date");
    expect(columnForHeader("Әкесінің аты")).toBe("patronymic");
    expect(columnForHeader("Район")).toBe("target_district");
    expect(columnForHeader("Примечание")).toBeUndefined();
  });
});

describe("automaticMapping and checkMapping", () => {
  const header = [
    "№ семьи",
    "Родство",
    "Фамилия",
    "Имя",
    "Дата рождения",
    "Пол",
    "ИИН",
    "Гражданство",
    "Категория",
    "Регион",
    "Дата заявления",
    "Фамилия",
  ];

  it("maps a Russian header, the first of two equal headers winning", () => {
    const mapping = automaticMapping(header);
    expect(mapping).toEqual({
      family_key: 0,
      relationship: 1,
      surname: 2,
      given_name: 3,
      birth_date: 4,
      sex: 5,
      iin: 6,
      citizenship: 7,
      category: 8,
      target_region: 9,
      application_date: 10,
    });
    expect(checkMapping(mapping, header.length)).toEqual({ ok: true, mapping });
  });

  it("refuses a missing required column, a file column used twice, an unknown name and a column past the end", () => {
    const check = checkMapping(
      { ...automaticMapping(header), given_name: 2, nickname: 3, address: 40, sex: undefined },
      header.length,
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toEqual([
      { code: "mapping-file-column-used-twice", column: "given_name", fileColumn: 2 },
      { code: "mapping-unknown-column", column: "nickname" },
      { code: "mapping-file-column-missing", column: "address", fileColumn: "40" },
      { code: "mapping-required-column-missing", column: "sex" },
    ]);
  });

  it("says which required columns are not mapped", () => {
    const check = checkMapping({ surname: 0 }, 3);
    expect(!check.ok && check.problems.map((problem) => problem.column)).toEqual(
      REQUIRED_COLUMNS.filter((column) => column !== "surname"),
    );
  });
});

describe("saved mappings", () => {
  it("survive JSON and fit a later file whose columns are in another order", () => {
    const first = [
      "Отбасы",
      "Туыстығы",
      "Тегі",
      "Аты",
      "Туған күні",
      "Жынысы",
      "Азаматтығы",
      "Санаты",
      "Облыс",
      "Өтініш күні",
      "Ескерту",
    ];
    const mapping = { ...automaticMapping(first), address: 10 };
    const saved = JSON.parse(JSON.stringify(saveMapping(mapping, first))) as Record<string, unknown>;
    expect(saved.address).toBe("Ескерту");
    const later = ["Ескерту", ...first.slice(0, 10)];
    const check = applySavedMapping(saved, later);
    expect(check.ok && check.mapping.address).toBe(0);
    expect(check.ok && check.mapping.surname).toBe(3);
  });

  it("say which header a later file lacks", () => {
    const check = applySavedMapping({ surname: "Тегі", family_key: "Отбасы" }, ["Отбасы", "Аты"]);
    expect(!check.ok && check.problems[0]).toEqual({
      code: "mapping-file-column-missing",
      column: "surname",
      fileColumn: "Тегі",
    });
  });
});
