import { describe, expect, it } from "vitest";
import { personSearchText } from "@/lib/domain/person-search";
import { buildFamily, type PersonDraft } from "./family";
import { draftSearchText } from "./prisma-data";
import { mulberry32 } from "./random";

describe("draftSearchText", () => {
  it("equals personSearchText for every drafted person", () => {
    const rng = mulberry32(11);
    let persons = 0;
    for (let i = 0; i < 500; i++) {
      for (const member of buildFamily(rng).members) {
        expect(draftSearchText(member)).toBe(personSearchText(member));
        persons++;
      }
    }
    expect(persons).toBeGreaterThan(1000);
  });

  it("equals personSearchText for names with spaces, blanks, capitals and a Latin i among Cyrillic", () => {
    const base = buildFamily(mulberry32(12)).members[0]!;
    const odd: PersonDraft[] = [
      { ...base, surnameCyr: "  Нұр Сұлтан ", givenNameCyr: "ӘСЕЛ", patronymicCyr: null, patronymicLat: null },
      { ...base, surnameCyr: "Қасымов", givenNameCyr: "Айгерiм", patronymicCyr: "   ", patronymicLat: "" },
      { ...base, surnameLat: "Kassymov", givenNameLat: "Yerlan Ibrahim", patronymicLat: "IBRAHIMULY" },
    ];
    for (const person of odd) expect(draftSearchText(person)).toBe(personSearchText(person));
  });
});
