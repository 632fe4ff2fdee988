// The search box of the family list on a real PostgreSQL (pg_trgm): case number, IIN, names in both
// scripts with typos and Russian letters for Kazakh ones; region scoping, filters and keyset pages.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { listFamilies } from "@/lib/db/families/list-families";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { generateIin } from "@/lib/domain/iin";
import { personSearchText } from "@/lib/domain/person-search";
import { transliterateKazakh } from "@/lib/domain/transliteration";
import type { FamilyFilters } from "@/lib/validation/family-filters";
import { AKMOLA, createStaffUser, PAVLODAR, prisma } from "./fixtures";

type MemberSpec = { surnameCyr: string; givenNameCyr: string; patronymicCyr?: string; sex: "M" | "F" };
type FamilySpec = {
  regionId: string;
  createdById: number;
  members: MemberSpec[];
  category?: "KANDAS" | "SETTLER";
  origin?: string;
  status?: "REGISTERED" | "UNDER_REVIEW" | "APPROVED";
  applicationYear?: number;
  applicationDate?: Date;
};

// Case numbers of a year no other test uses, with random sequences (unique per run).
const CASE_YEAR = 2097;
const usedSequences = new Set<number>();
function nextCaseNumber(): string {
  let seq: number;
  do seq = randomInt(1, 999_999);
  while (usedSequences.has(seq));
  usedSequences.add(seq);
  return formatCaseNumber(CASE_YEAR, seq);
}

/** A family whose members' Latin names and search text are made as the registration form makes them. */
async function createSearchFamily(spec: FamilySpec) {
  const category = spec.category ?? "KANDAS";
  const origin = spec.origin ?? (category === "KANDAS" ? "CN" : "KZ-61");
  return prisma.family.create({
    data: {
      caseNumber: nextCaseNumber(),
      category,
      status: spec.status ?? "REGISTERED",
      ...(category === "KANDAS" ? { originCountry: origin } : { originRegionId: origin }),
      targetRegionId: spec.regionId,
      applicationDate: spec.applicationDate ?? new Date(Date.UTC(spec.applicationYear ?? 2026, 2, 10)),
      createdById: spec.createdById,
      updatedById: spec.createdById,
      members: {
        create: spec.members.map((member, index) => {
          const birthDate = new Date(Date.UTC(1960 + randomInt(0, 40), randomInt(0, 12), randomInt(1, 29)));
          const names = {
            surnameCyr: member.surnameCyr,
            givenNameCyr: member.givenNameCyr,
            patronymicCyr: member.patronymicCyr ?? null,
            surnameLat: transliterateKazakh(member.surnameCyr),
            givenNameLat: transliterateKazakh(member.givenNameCyr),
            patronymicLat: member.patronymicCyr ? transliterateKazakh(member.patronymicCyr) : null,
          };
          return {
            ...names,
            position: index + 1,
            isHead: index === 0,
            relationship: index === 0 ? ("HEAD" as const) : ("SPOUSE" as const),
            iin: generateIin(birthDate, member.sex, randomInt(0, 10_000)),
            birthDate,
            sex: member.sex,
            citizenship: "CN",
            searchText: personSearchText(names),
          };
        }),
      },
    },
    include: { members: true },
  });
}

/** A surname nobody else has: random syllables, so that exact result sets can be asserted. */
function uniqueSurname(): string {
  const consonants = "бджзклмнпрстш";
  const vowels = "аеоұы";
  let stem = "";
  for (let index = 0; index < 4; index++)
    stem += consonants[randomInt(0, consonants.length)]! + vowels[randomInt(0, vowels.length)]!;
  return `${stem.charAt(0).toUpperCase()}${stem.slice(1)}ов`;
}

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let admin: Actor;
let pavlodar: Actor;
let akmola: Actor;
let kassymov: Awaited<ReturnType<typeof createSearchFamily>>;
let akmolaKassymov: Awaited<ReturnType<typeof createSearchFamily>>;
let settlerKassymov: Awaited<ReturnType<typeof createSearchFamily>>;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  pavlodar = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  akmola = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  kassymov = await createSearchFamily({
    regionId: PAVLODAR,
    createdById: pavlodar.id,
    applicationYear: 2025,
    members: [
      { surnameCyr: "Қасымов", givenNameCyr: "Нұрлан", patronymicCyr: "Серікұлы", sex: "M" },
      { surnameCyr: "Қасымова", givenNameCyr: "Әсем", sex: "F" },
    ],
  });
  settlerKassymov = await createSearchFamily({
    regionId: PAVLODAR,
    createdById: pavlodar.id,
    category: "SETTLER",
    origin: "KZ-61",
    status: "UNDER_REVIEW",
    members: [{ surnameCyr: "Қасымов", givenNameCyr: "Бақытжан", sex: "M" }],
  });
  akmolaKassymov = await createSearchFamily({
    regionId: AKMOLA,
    createdById: akmola.id,
    members: [{ surnameCyr: "Қасымов", givenNameCyr: "Нұрлан", patronymicCyr: "Серікұлы", sex: "M" }],
  });
});

async function search(actor: Actor, q: string, filters: Partial<FamilyFilters> = {}) {
  return listFamilies(actor, { ...filters, q });
}

async function searchIds(actor: Actor, q: string, filters: Partial<FamilyFilters> = {}) {
  return (await search(actor, q, filters)).items.map((item) => item.id);
}

/** Every id over all pages of the list, following the keyset cursor. */
async function allPageIds(actor: Actor, filters: Partial<FamilyFilters>) {
  const ids: number[] = [];
  let after: number | undefined;
  let pages = 0;
  do {
    const page = await listFamilies(actor, { ...filters, after });
    ids.push(...page.items.map((item) => item.id));
    after = page.nextCursor ?? undefined;
    pages += 1;
  } while (after && pages < 100);
  return ids;
}

async function allSearchIds(actor: Actor, q: string, filters: Partial<FamilyFilters> = {}) {
  return allPageIds(actor, { ...filters, q });
}

describe("search by case number", () => {
  it("finds the family by its full case number, in any letter case and with spaces", async () => {
    const number = kassymov.caseNumber;
    expect(await searchIds(pavlodar, number)).toEqual([kassymov.id]);
    expect(await searchIds(pavlodar, ` ${number.toLowerCase().replaceAll("-", " ")} `)).toEqual([kassymov.id]);
    const found = await search(pavlodar, number);
    expect(found.total).toEqual({ count: 1, isMore: false });
    const [item] = found.items;
    expect(item).toMatchObject({
      caseNumber: number,
      memberCount: 2,
      head: { surnameCyr: "Қасымов", givenNameLat: "Nurlan" },
    });
  });

  it("finds it by the numeric tail of the case number, of any year", async () => {
    const tail = kassymov.caseNumber.slice(-6);
    const page = await search(pavlodar, tail);
    expect(page.items.map((item) => item.id)).toContain(kassymov.id);
    for (const item of page.items) expect(item.caseNumber.endsWith(tail)).toBe(true);
    expect(await searchIds(pavlodar, String(Number(tail)))).toContain(kassymov.id);
  });
});

describe("search by IIN", () => {
  it("finds the family by the IIN of any member, and masks the IIN in the audit log", async () => {
    const spouse = kassymov.members.find((member) => !member.isHead);
    const iin = spouse?.iin ?? "";
    expect(await searchIds(pavlodar, iin)).toEqual([kassymov.id]);
    expect(await searchIds(pavlodar, `${iin.slice(0, 6)} ${iin.slice(6)}`)).toEqual([kassymov.id]);
    const entry = await prisma.auditLog.findFirst({
      where: { action: "family.list", actorId: pavlodar.id },
      orderBy: { id: "desc" },
    });
    expect(JSON.stringify(entry?.changes)).not.toContain(iin);
    expect(entry?.changes).toMatchObject({ search: "iin", shown: [kassymov.id] });
  });

  it("finds nothing for digits that are neither an IIN nor a case number", async () => {
    expect(await searchIds(admin, "12345678")).toEqual([]);
  });
});

describe("search by name", () => {
  it("finds the family by a member's name in Cyrillic, Kazakh letters included", async () => {
    expect(await searchIds(pavlodar, "Қасымов Нұрлан")).toContain(kassymov.id);
    expect(await searchIds(pavlodar, "Әсем")).toContain(kassymov.id);
  });

  it("says which member a name found when it is not the head, and nothing when the head matched", async () => {
    const bySpouse = (await search(pavlodar, "Асем Касымова")).items.find((item) => item.id === kassymov.id);
    expect(bySpouse?.matchedMember).toMatchObject({ surnameCyr: "Қасымова", givenNameCyr: "Әсем" });
    const byHead = (await search(pavlodar, "Қасымов Нұрлан")).items.find((item) => item.id === kassymov.id);
    expect(byHead?.matchedMember).toBeNull();
  });

  it("finds it by a Kazakh name typed with Russian letters", async () => {
    expect(await searchIds(pavlodar, "Касымов Нурлан")).toContain(kassymov.id);
    expect(await searchIds(pavlodar, "Асем Касымова")).toContain(kassymov.id);
  });

  it("finds it by the Latin name, also spelled differently or with a typo", async () => {
    for (const query of [
      "Kassymov",
      "Kasymov",
      "Kasimov",
      "kassymov nurlan",
      "Kassymow Nurlan",
      "Kasymov Nurlna",
      "Qasymov",
    ]) {
      expect(await searchIds(pavlodar, query), query).toContain(kassymov.id);
    }
  });

  it("finds it by a Cyrillic name with a typo", async () => {
    expect(await searchIds(pavlodar, "Касымв Нурлан")).toContain(kassymov.id);
  });

  it("requires every word of the query to match the same person", async () => {
    const stranger = uniqueSurname();
    expect(await searchIds(pavlodar, `Kassymov ${transliterateKazakh(stranger)}`)).not.toContain(kassymov.id);
    // Nurlan is the head, Asem the spouse: two people, so the family does not match "Nurlan Asem".
    expect(await searchIds(pavlodar, "Нурлан Асем")).not.toContain(kassymov.id);
    expect(await searchIds(pavlodar, "Kassymov Bakytzhan")).toEqual(expect.arrayContaining([settlerKassymov.id]));
    expect(await searchIds(pavlodar, "Kassymov Bakytzhan")).not.toContain(kassymov.id);
  });

  it("does not find unrelated names", async () => {
    expect(await searchIds(pavlodar, uniqueSurname())).toEqual([]);
  });
});

describe("region scoping of the search", () => {
  it("never returns another region's family to a regional user, even for an exact case number or IIN", async () => {
    const head = akmolaKassymov.members[0];
    expect(await searchIds(pavlodar, akmolaKassymov.caseNumber)).toEqual([]);
    expect(await searchIds(pavlodar, head?.iin ?? "")).toEqual([]);
    const byName = await allSearchIds(pavlodar, "Қасымов Нұрлан Серікұлы");
    expect(byName).toContain(kassymov.id);
    expect(byName).not.toContain(akmolaKassymov.id);
    const regions = await prisma.family.findMany({
      where: { id: { in: byName } },
      select: { targetRegionId: true },
      distinct: ["targetRegionId"],
    });
    expect(regions.map((row) => row.targetRegionId)).toEqual([PAVLODAR]);
  });

  it("ignores a region filter pointing outside the user's region", async () => {
    expect(await searchIds(pavlodar, akmolaKassymov.caseNumber, { region: AKMOLA })).toEqual([]);
  });

  it("lets the Akmola caseworker and the administrator find the Akmola family", async () => {
    expect(await searchIds(akmola, akmolaKassymov.caseNumber)).toEqual([akmolaKassymov.id]);
    expect(await searchIds(akmola, "Касымов Нурлан")).not.toContain(kassymov.id);
    expect(await allSearchIds(admin, "Касымов Нурлан Серикулы")).toEqual(
      expect.arrayContaining([kassymov.id, akmolaKassymov.id]),
    );
  });
});

describe("search with filters and pages", () => {
  it("combines the query with category, origin, status and year", async () => {
    const q = "Kassymov";
    expect(await searchIds(pavlodar, q, { category: "SETTLER" })).toContain(settlerKassymov.id);
    expect(await searchIds(pavlodar, q, { category: "SETTLER" })).not.toContain(kassymov.id);
    expect(await searchIds(pavlodar, q, { origin: "CN" })).toContain(kassymov.id);
    expect(await searchIds(pavlodar, q, { origin: "CN" })).not.toContain(settlerKassymov.id);
    expect(await searchIds(pavlodar, q, { origin: "KZ-61" })).toContain(settlerKassymov.id);
    expect(await searchIds(pavlodar, q, { origin: "KZ-61" })).not.toContain(kassymov.id);
    expect(await searchIds(pavlodar, q, { origin: "UZ" })).not.toContain(kassymov.id);
    expect(await searchIds(pavlodar, q, { status: "UNDER_REVIEW" })).toContain(settlerKassymov.id);
    expect(await searchIds(pavlodar, q, { status: "UNDER_REVIEW" })).not.toContain(kassymov.id);
    expect(await searchIds(pavlodar, q, { year: 2025 })).toContain(kassymov.id);
    expect(await searchIds(pavlodar, q, { year: 2025 })).not.toContain(settlerKassymov.id);
  });

  it("filters by origin without a query: kandas by country, settlers by region", async () => {
    const byCountry = await listFamilies(pavlodar, { origin: "CN", category: "KANDAS" });
    expect(byCountry.items.length).toBeGreaterThan(0);
    const rows = await prisma.family.findMany({
      where: { id: { in: byCountry.items.map((item) => item.id) } },
      select: { originCountry: true },
    });
    expect(new Set(rows.map((row) => row.originCountry))).toEqual(new Set(["CN"]));
    const settlers = await listFamilies(pavlodar, { origin: "KZ-61" });
    expect(settlers.items.map((item) => item.id)).toContain(settlerKassymov.id);
    expect(new Set(settlers.items.map((item) => item.category))).toEqual(new Set(["SETTLER"]));
  });

  it("pages through many matches newest first without repeats or gaps, in the user's region only", async () => {
    const surname = uniqueSurname();
    const created: number[] = [];
    for (let index = 0; index < 30; index++) {
      const family = await createSearchFamily({
        regionId: PAVLODAR,
        createdById: pavlodar.id,
        members: [{ surnameCyr: surname, givenNameCyr: "Арман", sex: "M" }],
      });
      created.push(family.id);
    }
    const other = await createSearchFamily({
      regionId: AKMOLA,
      createdById: akmola.id,
      members: [{ surnameCyr: surname, givenNameCyr: "Арман", sex: "M" }],
    });

    const first = await search(pavlodar, surname);
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    // The count is of every page's families, the same on a later page, and the scope's only.
    expect(first.total).toEqual({ count: 30, isMore: false });
    expect((await listFamilies(pavlodar, { q: surname, after: first.nextCursor! })).total).toEqual({
      count: 30,
      isMore: false,
    });
    expect((await search(admin, surname)).total).toEqual({ count: 31, isMore: false });

    const ids = await allSearchIds(pavlodar, transliterateKazakh(surname));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...created].sort((a, b) => b - a));
    expect(ids).not.toContain(other.id);
    expect(await allSearchIds(admin, surname)).toEqual([other.id, ...created].sort((a, b) => b - a));
  });
});

describe("sorted pages", () => {
  // A year of application no other test uses keeps the rest of the database out of these lists
  // (tests/integration/fixtures.ts lists the years each file owns).
  const YEAR = 2074;
  const inYear = (month: number, day: number) => new Date(Date.UTC(YEAR, month, day));
  // Kazakh alphabetical order (ICU "kk"): Ә after А, Ғ after Г, Қ after К, Ұ after У, І after Ы.
  const KAZAKH_ORDER = [
    "Ахметов",
    "Әлиев",
    "Бекова",
    "Гусев",
    "Ғани",
    "Кенжебаев",
    "Қасымов",
    "Ұлан",
    "Ыбырай",
    "Ілияс",
    "Яковлев",
  ];
  const TIE = "Сапаров";
  let byName: { id: number; surname: string; caseNumber: string; applicationDate: Date }[];
  let ties: number[];
  let akmolaFamily: { id: number };

  beforeAll(async () => {
    byName = [];
    // Created out of order, so that neither the id nor the date gives the alphabetical order.
    for (const [index, surname] of [...KAZAKH_ORDER].reverse().entries()) {
      const family = await createSearchFamily({
        regionId: PAVLODAR,
        createdById: pavlodar.id,
        applicationDate: inYear((index * 5) % 12, 1 + index),
        members: [{ surnameCyr: surname, givenNameCyr: "Арман", sex: "M" }],
      });
      byName.push({ id: family.id, surname, caseNumber: family.caseNumber, applicationDate: family.applicationDate });
    }
    // Thirty heads with the same names, on two days: ties that cross a page boundary.
    ties = [];
    for (let index = 0; index < 30; index++) {
      const family = await createSearchFamily({
        regionId: PAVLODAR,
        createdById: pavlodar.id,
        applicationDate: inYear(6, index % 2 === 0 ? 1 : 2),
        members: [{ surnameCyr: TIE, givenNameCyr: "Ерлан", sex: "M" }],
      });
      ties.push(family.id);
      byName.push({
        id: family.id,
        surname: TIE,
        caseNumber: family.caseNumber,
        applicationDate: family.applicationDate,
      });
    }
    akmolaFamily = await createSearchFamily({
      regionId: AKMOLA,
      createdById: akmola.id,
      applicationDate: inYear(0, 1),
      members: [{ surnameCyr: "Абаев", givenNameCyr: "Арман", sex: "M" }],
    });
  });

  it("sorts by the head's surname in Kazakh alphabetical order, both ways, over pages without repeats or gaps", async () => {
    const alphabetical = [...KAZAKH_ORDER.slice(0, 7), TIE, ...KAZAKH_ORDER.slice(7)];
    const expected = [...byName]
      .sort((a, b) => alphabetical.indexOf(a.surname) - alphabetical.indexOf(b.surname) || a.id - b.id)
      .map((family) => family.id);
    expect(await allPageIds(pavlodar, { year: YEAR, sort: "surname" })).toEqual(expected);
    expect(await allPageIds(pavlodar, { year: YEAR, sort: "surname", dir: "desc" })).toEqual([...expected].reverse());
    // The administrator's list has the Akmola family too, in its place (Абаев first).
    expect((await allPageIds(admin, { year: YEAR, sort: "surname" }))[0]).toBe(akmolaFamily.id);
  });

  it("sorts by application date with the id breaking ties, and by case number", async () => {
    const byDate = [...byName].sort((a, b) => a.applicationDate.getTime() - b.applicationDate.getTime() || a.id - b.id);
    expect(await allPageIds(pavlodar, { year: YEAR, sort: "applied" })).toEqual(byDate.map((family) => family.id));
    expect(await allPageIds(pavlodar, { year: YEAR, sort: "applied", dir: "desc" })).toEqual(
      byDate.map((family) => family.id).reverse(),
    );
    const byCaseNumber = [...byName].sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : 1));
    expect(await allPageIds(pavlodar, { year: YEAR, sort: "caseNumber" })).toEqual(
      byCaseNumber.map((family) => family.id),
    );
  });

  it("pages a name search in the chosen order, and counts the same", async () => {
    const first = await listFamilies(pavlodar, { q: TIE, year: YEAR, sort: "surname", dir: "desc" });
    expect(first.items).toHaveLength(25);
    expect(first.total).toEqual({ count: 30, isMore: false });
    expect(await allPageIds(pavlodar, { q: TIE, year: YEAR, sort: "surname", dir: "desc" })).toEqual(
      [...ties].sort((a, b) => b - a),
    );
  });

  it("ends the list at a cursor family outside the user's region instead of placing it", async () => {
    for (const sort of ["surname", "applied", "caseNumber"] as const) {
      const page = await listFamilies(pavlodar, { year: YEAR, sort, after: akmolaFamily.id });
      expect(page.items, sort).toEqual([]);
      expect(page.nextCursor, sort).toBeNull();
    }
  });
});
