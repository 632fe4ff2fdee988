// The application receipt's data on a real PostgreSQL: only the family's own region (or the administrator)
// gets it, another region and analysts get "not found", it carries no more than the receipt prints, and
// every view and every refusal is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { getReceipt } from "@/lib/db/families/get-receipt";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";
import { NOT_FOUND } from "./refusals";

let pavlodarCaseworker: StaffActor;
let akmolaCoordinator: StaffActor;
let analyst: StaffActor;
let admin: StaffActor;
let family: Awaited<ReturnType<typeof createFamily>>;

beforeAll(async () => {
  pavlodarCaseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  analyst = await createStaffUser(prisma, "ANALYST");
  admin = await createStaffUser(prisma, "ADMIN");
  family = await createFamily(prisma, PAVLODAR, pavlodarCaseworker.id);
  // The head gets a patronymic, and a spouse listed before the head must not be taken for the head.
  await prisma.person.updateMany({
    where: { familyId: family.id, isHead: true },
    data: { patronymicCyr: "Серікұлы", patronymicLat: "Serikuly" },
  });
  await prisma.person.create({
    data: {
      familyId: family.id,
      position: 0,
      relationship: "SPOUSE",
      surnameCyr: "Тестова",
      givenNameCyr: "Әйгерім",
      surnameLat: "Testova",
      givenNameLat: "Aigerim",
      birthDate: new Date(Date.UTC(1990, 4, 2)),
      sex: "F",
      citizenship: "UZ",
    },
  });
  // Handed in: the application and the spouse's identity document (verified); the autobiography is not.
  const spouse = await prisma.person.findFirstOrThrow({ where: { familyId: family.id, position: 0 } });
  await prisma.document.createMany({
    data: [
      { familyId: family.id, kind: "IDENTITY_DOCUMENT", personId: spouse.id, status: "VERIFIED" },
      { familyId: family.id, kind: "AUTOBIOGRAPHY", status: "MISSING" },
      { familyId: family.id, kind: "APPLICATION", status: "RECEIVED" },
    ],
  });
});

async function auditEntries(action: string, actorId: number) {
  return prisma.auditLog.findMany({ where: { action, actorId, entityId: String(family.id) } });
}

describe("getReceipt", () => {
  it("gives the caseworker of the family's region exactly what the receipt prints, and audits the view", async () => {
    const { region, ...receipt } = await getReceipt(pavlodarCaseworker, family.id);
    expect(receipt).toEqual({
      familyId: family.id,
      caseNumber: family.caseNumber,
      category: "KANDAS",
      applicationDate: new Date(Date.UTC(2026, 0, 15)),
      headName: { cyr: "Тестов Нұрлан Серікұлы", lat: "Testov Nurlan Serikuly" },
      documents: [
        { kind: "APPLICATION", personName: null },
        { kind: "IDENTITY_DOCUMENT", personName: "Тестова Әйгерім" },
      ],
      caseworkerName: "Test CASEWORKER",
    });
    // The region's names, centre and employment centre in the three languages, and nothing else of it.
    expect(Object.keys(region).sort()).toEqual([
      "centreEn",
      "centreKk",
      "centreRu",
      "id",
      "nameEn",
      "nameKk",
      "nameRu",
      "officeAddressEn",
      "officeAddressKk",
      "officeAddressRu",
      "officeBreak",
      "officeHours",
      "officePhone",
    ]);
    expect(region.officeAddressRu).toBe("г. Павлодар, ул. Академика Сатпаева, 136");
    expect([region.id, region.nameKk, region.nameRu, region.centreKk, region.centreRu]).toEqual([
      PAVLODAR,
      "Павлодар облысы",
      "Павлодарская область",
      "Павлодар",
      "Павлодар",
    ]);

    const entries = await auditEntries("family.receipt.view", pavlodarCaseworker.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: "family", regionId: PAVLODAR, actorRole: "CASEWORKER" });
  });

  crossRegionTest(
    getReceipt,
    "answers the Akmola coordinator for a Pavlodar family exactly like an unknown id, and audits the attempt",
    async () => {
      await expect(getReceipt(akmolaCoordinator, family.id)).rejects.toThrow(NOT_FOUND);
      await expect(getReceipt(akmolaCoordinator, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
      expect(await auditEntries("family.receipt.view", akmolaCoordinator.id)).toEqual([]);
      const denied = await auditEntries("family.receipt.view.denied", akmolaCoordinator.id);
      expect(denied).toHaveLength(1);
      expect(denied[0]?.regionId).toBeNull();
    },
  );

  it("keeps the receipt from analysts and opens it for the administrator", async () => {
    await expect(getReceipt(analyst, family.id)).rejects.toThrow(NOT_FOUND);
    expect(await auditEntries("family.receipt.view.denied", analyst.id)).toHaveLength(1);
    expect((await getReceipt(admin, family.id)).caseNumber).toBe(family.caseNumber);
    expect(await auditEntries("family.receipt.view", admin.id)).toHaveLength(1);
  });

  it("follows the family when it moves to another region", async () => {
    const moved = await createFamily(prisma, PAVLODAR, pavlodarCaseworker.id);
    await prisma.family.update({ where: { id: moved.id }, data: { targetRegionId: AKMOLA } });
    await expect(getReceipt(pavlodarCaseworker, moved.id)).rejects.toThrow(NOT_FOUND);
    expect((await getReceipt(akmolaCoordinator, moved.id)).region.id).toBe(AKMOLA);
  });
});
