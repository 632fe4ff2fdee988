import { describe, expect, it } from "vitest";
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES, patronymicFrom, surnameForSex } from "./names";
import { transliterateKazakh } from "./transliteration";

describe("name lists", () => {
  it("are unique, Cyrillic and include Kazakh letters", () => {
    for (const list of [MALE_GIVEN_NAMES, FEMALE_GIVEN_NAMES, SURNAMES]) {
      expect(new Set(list).size).toBe(list.length);
      for (const name of list) expect(name).toMatch(/^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$/);
      expect(list.some((x) => /[әғқңөұүһі]/i.test(x))).toBe(true);
    }
  });

  it("do not share a given name between the sexes", () => {
    expect(MALE_GIVEN_NAMES.filter((x) => FEMALE_GIVEN_NAMES.includes(x))).toEqual([]);
  });

  it("transliterate to ASCII Latin", () => {
    for (const name of [...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES, ...SURNAMES]) {
      expect(transliterateKazakh(name)).toMatch(/^[A-Z][a-z]+$/);
    }
  });
});

describe("surnameForSex", () => {
  it("adds -а for women to -ов/-ев/-ин surnames", () => {
    expect(surnameForSex("Қасымов", "F")).toBe("Қасымова");
    expect(surnameForSex("Қуанышев", "F")).toBe("Қуанышева");
    expect(surnameForSex("Ғабдуллин", "F")).toBe("Ғабдуллина");
    expect(surnameForSex("Қасымов", "M")).toBe("Қасымов");
  });

  it("keeps other surnames", () => {
    expect(surnameForSex("Серікұлы", "F")).toBe("Серікұлы");
  });
});

describe("patronymicFrom", () => {
  it("builds Kazakh-style patronymics", () => {
    expect(patronymicFrom("Нұрлан", "M", "kazakh")).toBe("Нұрланұлы");
    expect(patronymicFrom("Нұрлан", "F", "kazakh")).toBe("Нұрланқызы");
  });

  it("builds Russian-style patronymics", () => {
    expect(patronymicFrom("Серік", "M", "russian")).toBe("Серікович");
    expect(patronymicFrom("Серік", "F", "russian")).toBe("Серіковна");
    expect(patronymicFrom("Абылай", "M", "russian")).toBe("Абылаевич");
    expect(patronymicFrom("Абылай", "F", "russian")).toBe("Абылаевна");
  });
});
