// Registering and editing families on real PostgreSQL: scope, IIN uniqueness, duplicate decisions,
// idempotent registration and optimistic locking.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { registerFamily, updateFamily } from "@/lib/db/families/save-family";
import { generateIin } from "@/lib/domain/iin";
import {
  familyCreateSchema,
  familyUpdateSchema,
  type FamilyFormValues,
  type MemberFormValues,
} from "@/lib/validation/family-form";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma } from "./fixtures";
import { NOT_FOUND, FORBIDDEN } from "./refusals";

let caseworker: Awaited<ReturnType<typeof createStaffUser>>;
let akmolaCaseworker: Awaited<ReturnType<typeof createStaffUser>>;
let admin: Awaited<ReturnType<typeof createStaffUser>>;

beforeAll(async () => {
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  admin = await createStaffUser(prisma, "ADMIN");
});

let serial = Math.floor(Math.random() * 5000);
function member(overrides: Partial<MemberFormValues> = {}): MemberFormValues {
  serial += 1;
  const birthDate = overrides.birthDate ?? `19${60 + (serial % 39)}-0${1 + (serial % 9)}-1${serial % 9}`;
  return {
    isHead: false,
    relationship: "CHILD",
    surnameCyr: "Серікбаев",
    givenNameCyr: `Әлібек`,
    patronymicCyr: "",
    surnameLat: "Serikbayev",
    givenNameLat: "Alibek",
    patronymicLat: "",
    birthDate,
    sex: "M",
    iin: generateIin(new Date(`${birthDate}T00:00:00Z`), "M", serial % 10_000),
    citizenship: "UZ",
    education: "",
    profession: "",
    ...overrides,
  };
}

function uniqueName(): string {
  // Cyrillic-only random surname so that trigram duplicates come only from the tests that want them.
  const letters = "абвгдежзиклмнопрстуфхцшқңөұүәі";
  return `Тест${Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join("")}`;
}

function values(members: MemberFormValues[], overrides: Partial<FamilyFormValues> = {}): FamilyFormValues {
  return {
    category: "KANDAS",
    originCountry: "CN",
    originRegionId: "",
    targetRegionId: "",
    targetDistrictId: "",
    contactPhone: "8 701 111 22 33",
    contactEmail: "",
    address: "",
    applicationDate: "2026-03-01",
    members,
    acknowledgeIinWarnings: true,
    duplicateDecisions: [],
    ...overrides,
  };
}

const createInput = (raw: FamilyFormValues, registrationKey = randomUUID()) =>
  familyCreateSchema.parse({ ...raw, registrationKey });

describe("registerFamily", () => {
  crossRegionTest(
    registerFamily,
    "registers into the caseworker's own region whatever region the client sends, with event and audit",
    async () => {
      const surname = uniqueName();
      const raw = values(
        [member({ isHead: true, relationship: "HEAD", surnameCyr: surname, surnameLat: "Testov" }), member()],
        {
          targetRegionId: AKMOLA,
        },
      );
      const result = await registerFamily(caseworker, createInput(raw));
      expect(result.caseNumber).toMatch(/^NK-\d{4}-\d{6}$/);
      const family = await prisma.family.findUniqueOrThrow({
        where: { id: result.familyId },
        include: { members: true, events: true },
      });
      expect(family.targetRegionId).toBe(PAVLODAR);
      expect(family.contactPhone).toBe("+77011112233");
      expect(family.members.map((person) => person.position)).toEqual([1, 2]);
      expect(family.members.find((person) => person.isHead)?.searchText).toContain(
        surname.toLowerCase().replace("қ", "к").slice(0, 4),
      );
      expect(family.events.map((event) => event.toStatus)).toEqual(["REGISTERED"]);
      const audit = await prisma.auditLog.findFirst({
        where: { action: "family.create", entityId: String(family.id) },
      });
      expect(audit?.actorId).toBe(caseworker.id);
      expect(JSON.stringify(audit?.changes)).not.toContain("+77011112233");
    },
  );

  it("creates one family when the same form is submitted twice at once", async () => {
    const input = createInput(values([member({ isHead: true, relationship: "HEAD", surnameCyr: uniqueName() })]));
    const [first, second] = await Promise.all([registerFamily(caseworker, input), registerFamily(caseworker, input)]);
    expect(first.familyId).toBe(second.familyId);
    expect(await prisma.family.count({ where: { registrationKey: input.registrationKey } })).toBe(1);
  });

  it("refuses an IIN that is already registered, naming the case only to those who may see it", async () => {
    const existing = await createFamily(prisma, AKMOLA, akmolaCaseworker.id);
    const head = await prisma.person.findFirstOrThrow({ where: { familyId: existing.id } });
    const raw = values([
      member({
        isHead: true,
        relationship: "HEAD",
        surnameCyr: uniqueName(),
        iin: head.iin ?? "",
        birthDate: head.birthDate.toISOString().slice(0, 10),
      }),
    ]);
    const hidden = await registerFamily(caseworker, createInput(raw)).catch((error: unknown) => error);
    expect(hidden).toMatchObject({
      code: "errors.invalidInput",
      fieldErrors: { "members.0.iin": { code: "familyForm.errors.iinTakenHidden" } },
    });
    const visible = await registerFamily(admin, createInput({ ...raw, targetRegionId: PAVLODAR })).catch(
      (error: unknown) => error,
    );
    expect(visible).toMatchObject({
      fieldErrors: {
        "members.0.iin": { code: "familyForm.errors.iinTaken", values: { caseNumber: existing.caseNumber } },
      },
    });
  });

  it("lists a similar name with the same birth date as a possible duplicate, and records the decision", async () => {
    const surname = uniqueName();
    const firstHead = member({
      isHead: true,
      relationship: "HEAD",
      surnameCyr: surname,
      givenNameCyr: "Нұрлан",
      surnameLat: "Kassymov",
      givenNameLat: "Nurlan",
      birthDate: "1977-07-07",
    });
    const first = await registerFamily(caseworker, createInput(values([firstHead])));
    const similar = member({
      isHead: true,
      relationship: "HEAD",
      surnameCyr: surname,
      givenNameCyr: "Нурлан",
      surnameLat: "Kasymov",
      givenNameLat: "Nurlan",
      birthDate: "1977-07-07",
    });

    const refused = await registerFamily(caseworker, createInput(values([similar]))).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "familyForm.errors.possibleDuplicates" });
    const candidates = (refused as { details: { duplicates: unknown[] } }).details.duplicates;
    const firstPerson = await prisma.person.findFirstOrThrow({ where: { familyId: first.familyId } });
    expect(candidates).toEqual([
      expect.objectContaining({ index: 0, personId: firstPerson.id, caseNumber: first.caseNumber }),
    ]);

    const keyForSame = randomUUID();
    await expect(
      registerFamily(
        caseworker,
        createInput(
          values([similar], { duplicateDecisions: [{ personId: firstPerson.id, decision: "SAME_PERSON" }] }),
          keyForSame,
        ),
      ),
    ).rejects.toMatchObject({ code: "familyForm.errors.samePerson", values: { caseNumber: first.caseNumber } });
    expect(await prisma.family.count({ where: { registrationKey: keyForSame } })).toBe(0);

    const saved = await registerFamily(
      caseworker,
      createInput(
        values([similar], { duplicateDecisions: [{ personId: firstPerson.id, decision: "DIFFERENT_PERSON" }] }),
      ),
    );
    const check = await prisma.duplicateCheck.findFirstOrThrow({ where: { familyId: saved.familyId } });
    expect(check).toMatchObject({
      matchedPersonId: firstPerson.id,
      matchedFamilyId: first.familyId,
      decision: "DIFFERENT_PERSON",
      actorId: caseworker.id,
    });
  });

  it("refuses a district of another region and analysts altogether", async () => {
    const akmolaDistrict = await prisma.district.create({
      data: { regionId: AKMOLA, nameKk: "Тест", nameRu: "Тест", nameEn: `Test ${randomUUID()}` },
    });
    const raw = values([member({ isHead: true, relationship: "HEAD", surnameCyr: uniqueName() })], {
      targetDistrictId: String(akmolaDistrict.id),
    });
    await expect(registerFamily(caseworker, createInput(raw))).rejects.toMatchObject({
      code: "familyForm.errors.districtOutsideRegion",
      field: "targetDistrictId",
    });
    const analyst = await createStaffUser(prisma, "ANALYST");
    await expect(
      registerFamily(analyst, createInput(values([member({ isHead: true, relationship: "HEAD" })]))),
    ).rejects.toThrow(FORBIDDEN);
  });
});

describe("updateFamily", () => {
  async function registered() {
    const raw = values([
      member({ isHead: true, relationship: "HEAD", surnameCyr: uniqueName() }),
      member({ surnameCyr: uniqueName() }),
      member({ surnameCyr: uniqueName() }),
    ]);
    const { familyId } = await registerFamily(caseworker, createInput(raw));
    const family = await prisma.family.findUniqueOrThrow({
      where: { id: familyId },
      include: { members: { orderBy: { position: "asc" } } },
    });
    const formMembers = family.members.map((person, index) => ({ ...raw.members[index]!, personId: person.id }));
    return { family, formMembers };
  }

  it("reorders, removes, adds members and moves the head in one save, bumping the version", async () => {
    const { family, formMembers } = await registered();
    const [head, , third] = formMembers as [MemberFormValues, MemberFormValues, MemberFormValues];
    const newMember = member({ surnameCyr: uniqueName() });
    const edited = values(
      [{ ...third, isHead: true, relationship: "HEAD" }, { ...head, isHead: false, relationship: "SPOUSE" }, newMember],
      { contactPhone: "+7 702 000 00 00" },
    );
    await updateFamily(
      caseworker,
      familyUpdateSchema.parse({ ...edited, familyId: family.id, version: family.version }),
    );
    const after = await prisma.family.findUniqueOrThrow({
      where: { id: family.id },
      include: { members: { orderBy: { position: "asc" } } },
    });
    expect(after.version).toBe(family.version + 1);
    expect(after.contactPhone).toBe("+77020000000");
    expect(after.members.map((person) => [person.id, person.isHead])).toEqual([
      [third.personId, true],
      [head.personId, false],
      [expect.any(Number), false],
    ]);
  });

  it("refuses a stale version, naming who saved last and when, and changes nothing", async () => {
    const { family, formMembers } = await registered();
    const coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    await updateFamily(
      coordinator,
      familyUpdateSchema.parse({
        ...values(formMembers, { address: "Павлодар, Естай 1" }),
        familyId: family.id,
        version: family.version,
      }),
    );
    const stale = await updateFamily(
      caseworker,
      familyUpdateSchema.parse({
        ...values(formMembers, { address: "Другой" }),
        familyId: family.id,
        version: family.version,
      }),
    ).catch((error: unknown) => error);
    expect(stale).toMatchObject({
      code: "familyForm.errors.versionConflict",
      values: { who: "Test COORDINATOR", when: { dateTime: expect.any(Date) } },
    });
    expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).address).toBe("Павлодар, Естай 1");
  });

  crossRegionTest(updateFamily, "treats another region's family as not found", async () => {
    const { family, formMembers } = await registered();
    await expect(
      updateFamily(
        akmolaCaseworker,
        familyUpdateSchema.parse({ ...values(formMembers), familyId: family.id, version: family.version }),
      ),
    ).rejects.toThrow(NOT_FOUND);
  });
});

describe("the shared schema", () => {
  it("drops fields the form does not have, such as status or version on registration", () => {
    const parsed = familyCreateSchema.parse({
      ...values([member({ isHead: true, relationship: "HEAD" })]),
      registrationKey: randomUUID(),
      status: "CLOSED",
      version: 99,
      regionId: AKMOLA,
    });
    expect(parsed).not.toHaveProperty("status");
    expect(parsed).not.toHaveProperty("version");
    expect(parsed).not.toHaveProperty("regionId");
  });
});
