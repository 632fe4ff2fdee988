// The checklist as a gate on a real PostgreSQL: a step while required documents are missing is refused
// and changes nothing; a coordinator's override with a reason goes through, audited and kept with the
// case event; a caseworker cannot override; the requirement is the setting in force, per category and step.
import { beforeAll, describe, expect, it } from "vitest";
import { setDocumentStatus } from "@/lib/db/case-file/documents";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { missingDocumentsBeforeSteps } from "@/lib/db/families/checklist-gate";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { SETTINGS, type RequiredDocuments } from "@/lib/domain/settings";
import { programmeToday } from "@/lib/domain/status-validity";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma, verifyChecklist } from "./fixtures";
import { NOT_FOUND } from "./refusals";

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let admin: Actor;
let caseworker: Actor;
let coordinator: Actor;
let akmolaCoordinator: Actor;

const TODAY = programmeToday();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const approve = (familyId: number, overrideReason?: string) => ({
  familyId,
  version: 1,
  to: "APPROVED" as const,
  decisionNumber: "55-КС/1",
  decisionDate: isoDay(TODAY),
  overrideReason,
});

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
});

async function snapshot(familyId: number) {
  const [family, events, audits] = await Promise.all([
    prisma.family.findUniqueOrThrow({ where: { id: familyId }, select: { status: true, version: true } }),
    prisma.caseEvent.count({ where: { familyId } }),
    prisma.auditLog.count({
      where: { entity: "family", entityId: String(familyId), action: { startsWith: "family.transition" } },
    }),
  ]);
  return { ...family, events, audits };
}

describe("the checklist gate in transitionFamily", () => {
  it("refuses an approval with the list of missing documents and changes nothing", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    const before = await snapshot(family.id);
    const error = await transitionFamily(coordinator, approve(family.id)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "checklistGate.errors.missing",
      status: 409,
      values: {
        documents: {
          documents: [
            { kind: "APPLICATION", needs: "verified" },
            { kind: "AUTOBIOGRAPHY", needs: "verified" },
            { kind: "IDENTITY_DOCUMENT", needs: "verified" },
            { kind: "IDENTITY_TRANSLATION", needs: "verified" },
          ],
        },
      },
    });
    expect(await snapshot(family.id)).toEqual(before);
  });

  it("lets a coordinator override with a reason: audited, and kept with the event with what was missing", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await getCaseFile(caseworker, family.id);
    const application = await prisma.document.findFirstOrThrow({ where: { familyId: family.id, kind: "APPLICATION" } });
    await setDocumentStatus(coordinator, { familyId: family.id, documentId: application.id, status: "VERIFIED" });

    const result = await transitionFamily(coordinator, approve(family.id, "  Акимат шешімі шұғыл  "));
    expect(result).toMatchObject({ to: "APPROVED", version: 2 });
    const event = await prisma.caseEvent.findUniqueOrThrow({ where: { id: result.eventId } });
    const head = await prisma.person.findFirstOrThrow({ where: { familyId: family.id } });
    const missing = [
      { kind: "AUTOBIOGRAPHY", personId: null, needs: "verified" },
      { kind: "IDENTITY_DOCUMENT", personId: head.id, needs: "verified" },
      { kind: "IDENTITY_TRANSLATION", personId: head.id, needs: "verified" },
    ];
    expect(event.data).toMatchObject({ checklistOverride: { reason: "Акимат шешімі шұғыл", missing } });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "family.transition.override", entityId: String(family.id) },
    });
    expect(audit).toMatchObject({ actorId: coordinator.id, regionId: PAVLODAR });
    expect(audit.changes).toMatchObject({
      eventId: event.id,
      to: "APPROVED",
      reason: "Акимат шешімі шұғыл",
      missing,
    });
  });

  it("refuses a caseworker's override and changes nothing", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    const before = await snapshot(family.id);
    const input = { familyId: family.id, version: 1, to: "UNDER_REVIEW" as const };
    await expect(transitionFamily(caseworker, input)).rejects.toMatchObject({ code: "checklistGate.errors.missing" });
    await expect(transitionFamily(caseworker, { ...input, overrideReason: "Шұғыл" })).rejects.toMatchObject({
      code: "checklistGate.errors.overrideNotAllowed",
      status: 403,
    });
    expect(await snapshot(family.id)).toEqual(before);
    expect(
      await prisma.auditLog.count({ where: { action: "family.transition.override", entityId: String(family.id) } }),
    ).toBe(0);
  });

  it("records no override when nothing is missing, even if a reason is sent", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await verifyChecklist(prisma, family.id, coordinator.id);
    const result = await transitionFamily(coordinator, approve(family.id, "Не нужно"));
    const event = await prisma.caseEvent.findUniqueOrThrow({ where: { id: result.eventId } });
    expect(event.data).not.toHaveProperty("checklistOverride");
    expect(
      await prisma.auditLog.count({ where: { action: "family.transition.override", entityId: String(family.id) } }),
    ).toBe(0);
  });

  it("follows the setting in force today, per category and step, and ignores a version from tomorrow", async () => {
    const none = { received: [], verified: [] };
    const required: RequiredDocuments = {
      KANDAS: {
        UNDER_REVIEW: { received: ["NATIONALITY_PROOF"], verified: [] },
        APPROVED: none,
        QUOTA_ALLOCATED: none,
        RESETTLED: none,
      },
      SETTLER: { UNDER_REVIEW: none, APPROVED: none, QUOTA_ALLOCATED: none, RESETTLED: none },
    };
    const tomorrow = new Date(TODAY.getTime() + 86_400_000);
    const versions = await prisma.settingVersion.createManyAndReturn({
      data: [
        { key: "documents.requiredBeforeStep", value: required, effectiveFrom: TODAY },
        {
          key: "documents.requiredBeforeStep",
          value: SETTINGS["documents.requiredBeforeStep"].default,
          effectiveFrom: tomorrow,
        },
      ],
      select: { id: true },
    });
    try {
      const kandas = await createFamily(prisma, PAVLODAR, caseworker.id);
      const settler = await createFamily(prisma, PAVLODAR, caseworker.id);
      await prisma.family.update({
        where: { id: settler.id },
        data: { category: "SETTLER", originCountry: null, originRegionId: "KZ-61" },
      });
      expect(await missingDocumentsBeforeSteps(caseworker, kandas.id, ["UNDER_REVIEW", "WITHDRAWN"])).toEqual({
        UNDER_REVIEW: [{ kind: "NATIONALITY_PROOF", personId: null, needs: "received" }],
        WITHDRAWN: [],
      });
      await expect(
        transitionFamily(caseworker, { familyId: kandas.id, version: 1, to: "UNDER_REVIEW" }),
      ).rejects.toMatchObject({
        values: { documents: { documents: [{ kind: "NATIONALITY_PROOF", needs: "received" }] } },
      });
      // The settler's category requires nothing before review today.
      await expect(
        transitionFamily(caseworker, { familyId: settler.id, version: 1, to: "UNDER_REVIEW" }),
      ).resolves.toMatchObject({ to: "UNDER_REVIEW" });
    } finally {
      await prisma.settingVersion.deleteMany({ where: { id: { in: versions.map((version) => version.id) } } });
    }
  });
});

describe("missingDocumentsBeforeSteps", () => {
  crossRegionTest(missingDocumentsBeforeSteps, "answers another region's family with not found", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id, "UNDER_REVIEW");
    await expect(missingDocumentsBeforeSteps(akmolaCoordinator, family.id, ["APPROVED"])).rejects.toThrow(NOT_FOUND);
    const own = await missingDocumentsBeforeSteps(coordinator, family.id, ["APPROVED"]);
    expect(own.APPROVED).toHaveLength(4);
    await expect(missingDocumentsBeforeSteps(admin, family.id, ["APPROVED"])).resolves.toEqual(own);
  });
});
