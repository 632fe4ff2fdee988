// The printable case summary and decision letter on a real PostgreSQL: only the family's own region (or
// the administrator) gets them, another region and analysts get "not found", every view and refusal is
// audited, and the letter exists only once the akimat has decided.
import { beforeAll, describe, expect, it } from "vitest";
import { getCaseSummary } from "@/lib/db/families/get-case-summary";
import { getDecisionLetter } from "@/lib/db/families/get-decision-letter";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, type StaffActor } from "./fixtures";
import { NOT_FOUND } from "./refusals";

let caseworker: StaffActor;
let akmolaCoordinator: StaffActor;
let analyst: StaffActor;
let admin: StaffActor;

beforeAll(async () => {
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  analyst = await createStaffUser(prisma, "ANALYST");
  admin = await createStaffUser(prisma, "ADMIN");
});

async function auditEntries(action: string, actorId: number, familyId: number) {
  return prisma.auditLog.findMany({ where: { action, actorId, entityId: String(familyId) } });
}

async function approvedFamily() {
  const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
  return prisma.family.update({
    where: { id: family.id },
    data: {
      status: "APPROVED",
      decisionNumber: "№ 55-117",
      decisionDate: new Date(Date.UTC(2026, 1, 2)),
      address: "г. Павлодар, ул. Лермонтова, 12",
      assignedToId: caseworker.id,
      events: { create: { fromStatus: "UNDER_REVIEW", toStatus: "APPROVED", actorId: caseworker.id } },
    },
  });
}

describe("getCaseSummary", () => {
  it("gives the members, the documents handed in, the history and the employment centre, and audits the view", async () => {
    const family = await approvedFamily();
    const head = await prisma.person.findFirstOrThrow({ where: { familyId: family.id, isHead: true } });
    await prisma.document.createMany({
      data: [
        { familyId: family.id, kind: "IDENTITY_DOCUMENT", personId: head.id, status: "VERIFIED" },
        { familyId: family.id, kind: "AUTOBIOGRAPHY", status: "MISSING" },
      ],
    });

    const summary = await getCaseSummary(caseworker, family.id);
    expect(summary).toMatchObject({
      familyId: family.id,
      caseNumber: family.caseNumber,
      status: "APPROVED",
      decisionNumber: "№ 55-117",
      caseworkerName: "Test CASEWORKER",
      members: [{ name: "Тестов Нұрлан", relationship: "HEAD", iin: head.iin, birthDate: head.birthDate }],
      documents: [{ kind: "IDENTITY_DOCUMENT", status: "VERIFIED", personName: "Тестов Нұрлан" }],
      events: [{ toStatus: "REGISTERED" }, { toStatus: "APPROVED" }],
      allocations: [],
    });
    expect(summary.region).toMatchObject({ id: PAVLODAR, officePhone: "+7 7182 32-54-71" });

    const entries = await auditEntries("family.summary.view", caseworker.id, family.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity: "family", regionId: PAVLODAR });
  });

  crossRegionTest(
    getCaseSummary,
    "answers the Akmola coordinator for a Pavlodar family like an unknown id, and audits the attempt",
    async () => {
      const family = await createFamily(prisma, PAVLODAR, caseworker.id);
      await expect(getCaseSummary(akmolaCoordinator, family.id)).rejects.toThrow(NOT_FOUND);
      await expect(getCaseSummary(akmolaCoordinator, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
      expect(await auditEntries("family.summary.view", akmolaCoordinator.id, family.id)).toEqual([]);
      expect(await auditEntries("family.summary.view.denied", akmolaCoordinator.id, family.id)).toHaveLength(1);
    },
  );

  it("keeps the summary from analysts and opens it for the administrator", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    await expect(getCaseSummary(analyst, family.id)).rejects.toThrow(NOT_FOUND);
    expect((await getCaseSummary(admin, family.id)).caseNumber).toBe(family.caseNumber);
  });
});

describe("getDecisionLetter", () => {
  it("states an approval with its number and date, the family, category and region, and audits the view", async () => {
    const family = await approvedFamily();
    const letter = await getDecisionLetter(caseworker, family.id);
    expect(letter).toMatchObject({
      familyId: family.id,
      caseNumber: family.caseNumber,
      category: "KANDAS",
      decision: { kind: "approval", number: "№ 55-117", date: new Date(Date.UTC(2026, 1, 2)) },
      headName: "Тестов Нұрлан",
      address: "г. Павлодар, ул. Лермонтова, 12",
      persons: 1,
    });
    expect(letter.region).toMatchObject({ id: PAVLODAR, nameRu: "Павлодарская область" });
    expect(await auditEntries("family.decision-letter.view", caseworker.id, family.id)).toHaveLength(1);
  });

  it("states a refusal on the day of the step, with its reason", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await prisma.family.update({
      where: { id: family.id },
      data: {
        status: "REJECTED",
        events: {
          create: {
            fromStatus: "UNDER_REVIEW",
            toStatus: "REJECTED",
            actorId: caseworker.id,
            at: new Date("2026-03-03T06:00:00Z"),
            reason: "Национальность не подтверждена",
          },
        },
      },
    });
    expect((await getDecisionLetter(caseworker, family.id)).decision).toEqual({
      kind: "refusal",
      number: null,
      date: new Date(Date.UTC(2026, 2, 3)),
      reason: "Национальность не подтверждена",
    });
  });

  it("has no letter before the decision, and audits nothing then", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await expect(getDecisionLetter(caseworker, family.id)).rejects.toThrow(NOT_FOUND);
    expect(await auditEntries("family.decision-letter.view", caseworker.id, family.id)).toEqual([]);
  });

  crossRegionTest(
    getDecisionLetter,
    "answers the Akmola coordinator for a decided Pavlodar family like an unknown id, and audits the attempt",
    async () => {
      const family = await approvedFamily();
      await expect(getDecisionLetter(akmolaCoordinator, family.id)).rejects.toThrow(NOT_FOUND);
      await expect(getDecisionLetter(akmolaCoordinator, 2_000_000_000)).rejects.toThrow(NOT_FOUND);
      expect(await auditEntries("family.decision-letter.view", akmolaCoordinator.id, family.id)).toEqual([]);
      expect(await auditEntries("family.decision-letter.view.denied", akmolaCoordinator.id, family.id)).toHaveLength(1);
      await expect(getDecisionLetter(analyst, family.id)).rejects.toThrow(NOT_FOUND);
      expect((await getDecisionLetter(admin, family.id)).caseNumber).toBe(family.caseNumber);
    },
  );
});
