// The case page's lifecycle steps (issue 15): citizenship or a residence permit closes a kandas case,
// a document file can be withdrawn (kept, no longer counted for the checklist gate), and the inclusion
// step shows the places left in the family's pool.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { storeDocumentFile, withdrawDocumentFile } from "@/lib/db/case-file/documents";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { missingDocumentsBeforeSteps } from "@/lib/db/families/checklist-gate";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { quotaRoomForFamily } from "@/lib/db/quotas/quota-room";
import { crossRegionTest } from "./cross-region";
import {
  AKMOLA,
  createFamily,
  createStaffUser,
  insertQuotaOrder,
  PAVLODAR,
  prisma,
  verifyChecklist,
  type StaffActor,
} from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

// The quota year this file owns (tests/integration/fixtures.ts lists every file's years).
const YEAR = 2089;
const IN_YEAR = { now: new Date(Date.UTC(YEAR, 5, 1, 6)) };
const PNG = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(64)]);

let admin: StaffActor;
let caseworker: StaffActor;
let coordinator: StaffActor;
let akmolaCoordinator: StaffActor;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
});

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as { code: string; status: number; fieldErrors?: Record<string, unknown> },
  );
}

/** A family that has arrived (RESETTLED, version 5), of the given category. */
async function arrivedFamily(category: "KANDAS" | "SETTLER" = "KANDAS") {
  const family = await createFamily(prisma, PAVLODAR, caseworker.id);
  await verifyChecklist(prisma, family.id, coordinator.id);
  return prisma.family.update({
    where: { id: family.id },
    data: {
      category,
      status: "RESETTLED",
      arrivalDate: new Date(Date.UTC(2026, 0, 20)),
      version: 5,
      ...(category === "SETTLER" && { originCountry: null, originRegionId: AKMOLA }),
    },
  });
}

const citizenship = {
  to: "CLOSED" as const,
  settlementDocument: "CITIZENSHIP" as const,
  settlementNumber: " 048123456 ",
  settlementDate: "2026-11-30",
};

describe("citizenship or residence permit", () => {
  it("closes a kandas case after arrival, with the document in the event and the audit entry", async () => {
    const family = await arrivedFamily();
    const result = await transitionFamily(coordinator, { familyId: family.id, version: 5, ...citizenship });
    expect(result).toMatchObject({ from: "RESETTLED", to: "CLOSED", version: 6 });
    const event = await prisma.caseEvent.findUniqueOrThrow({ where: { id: result.eventId } });
    expect(event).toMatchObject({
      fromStatus: "RESETTLED",
      toStatus: "CLOSED",
      data: { settlementDocument: "CITIZENSHIP", settlementNumber: "048123456", settlementDate: "2026-11-30" },
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "family.transition", entityId: String(family.id) },
      orderBy: { id: "desc" },
    });
    expect(audit.changes).toMatchObject({
      eventId: event.id,
      settlement: { document: "CITIZENSHIP", number: "048123456", date: "2026-11-30" },
    });

    // A closed case takes no further step.
    const after = transitionFamily(admin, { familyId: family.id, version: 6, to: "SUPPORTED" });
    expect(await refusal(after)).toMatchObject({ code: "workflow.errors.notPossible", status: 409 });
  });

  it("refuses to close without the document's number, and keeps the case as it was", async () => {
    const family = await arrivedFamily();
    const attempt = transitionFamily(coordinator, {
      familyId: family.id,
      version: 5,
      ...citizenship,
      settlementDocument: "RESIDENCE_PERMIT",
      settlementNumber: "  ",
    });
    expect(await refusal(attempt)).toMatchObject({
      code: "workflow.errors.missingData",
      fieldErrors: { settlementNumber: expect.anything() as unknown },
    });
    expect(await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).toMatchObject({
      status: "RESETTLED",
      version: 5,
    });
  });

  it("is a coordinator's step, and settlers close only after support, without a document", async () => {
    const kandas = await arrivedFamily();
    const byCaseworker = transitionFamily(caseworker, { familyId: kandas.id, version: 5, ...citizenship });
    expect(await refusal(byCaseworker)).toMatchObject({ code: "workflow.errors.notAllowed", status: 403 });

    const settler = await arrivedFamily("SETTLER");
    const early = transitionFamily(coordinator, { familyId: settler.id, version: 5, ...citizenship });
    expect(await refusal(early)).toMatchObject({ code: "workflow.errors.notPossible" });
    await transitionFamily(caseworker, { familyId: settler.id, version: 5, to: "SUPPORTED" });
    const closed = await transitionFamily(coordinator, { familyId: settler.id, version: 6, to: "CLOSED" });
    expect((await prisma.caseEvent.findUniqueOrThrow({ where: { id: closed.eventId } })).data).toBeNull();
  });
});

/** A registered Pavlodar family with one file on its application, which is then received. */
async function familyWithApplicationFile() {
  const family = await createFamily(prisma, PAVLODAR, caseworker.id);
  await getCaseFile(caseworker, family.id);
  const document = await prisma.document.findFirstOrThrow({ where: { familyId: family.id, kind: "APPLICATION" } });
  const file = await storeDocumentFile(caseworker, {
    familyId: family.id,
    documentId: document.id,
    fileName: "application.png",
    content: PNG(),
  });
  return { family, document, file };
}

describe("withdrawDocumentFile", () => {
  it("keeps the file, lists it as withdrawn with the reason, and the item no longer counts", async () => {
    const { family, document, file } = await familyWithApplicationFile();
    const before = await missingDocumentsBeforeSteps(caseworker, family.id, ["UNDER_REVIEW"]);
    expect(before.UNDER_REVIEW?.map((item) => item.kind)).not.toContain("APPLICATION");

    const result = await withdrawDocumentFile(caseworker, {
      familyId: family.id,
      fileId: file.id,
      reason: "Подана не та анкета",
    });
    expect(result).toEqual({ id: file.id, status: "MISSING" });
    const stored = await prisma.documentFile.findUniqueOrThrow({ where: { id: file.id } });
    expect(stored).toMatchObject({ withdrawnById: caseworker.id, withdrawalReason: "Подана не та анкета" });
    expect(stored.withdrawnAt).toBeInstanceOf(Date);
    const listed = (await getCaseFile(caseworker, family.id)).documents.find((item) => item.id === document.id)!;
    expect(listed.status).toBe("MISSING");
    expect(listed.files).toEqual([
      expect.objectContaining({ id: file.id, withdrawalReason: "Подана не та анкета", withdrawnBy: "Test CASEWORKER" }),
    ]);
    const after = await missingDocumentsBeforeSteps(caseworker, family.id, ["UNDER_REVIEW"]);
    expect(after.UNDER_REVIEW?.map((item) => item.kind)).toContain("APPLICATION");

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "document_file.withdraw", entityId: String(file.id) },
    });
    expect(audit).toMatchObject({ actorId: caseworker.id, regionId: PAVLODAR });
    expect(audit.changes).toMatchObject({
      reason: "Подана не та анкета",
      changes: { status: { from: "RECEIVED", to: "MISSING" } },
    });

    const again = withdrawDocumentFile(caseworker, { familyId: family.id, fileId: file.id, reason: "ещё раз" });
    expect(await refusal(again)).toMatchObject({ code: "casePage.withdrawal.alreadyWithdrawn", status: 409 });
    const replace = storeDocumentFile(caseworker, {
      familyId: family.id,
      documentId: document.id,
      fileName: "application-2.png",
      content: PNG(),
      replacesFileId: file.id,
    });
    expect(await refusal(replace)).toMatchObject({ code: "casePage.withdrawal.alreadyWithdrawn", status: 409 });
  });

  it("keeps the item's status while another file backs it; a replaced file cannot be withdrawn", async () => {
    const { family, document, file } = await familyWithApplicationFile();
    const newer = await storeDocumentFile(caseworker, {
      familyId: family.id,
      documentId: document.id,
      fileName: "application-signed.png",
      content: PNG(),
      replacesFileId: file.id,
    });
    const replaced = withdrawDocumentFile(caseworker, { familyId: family.id, fileId: file.id, reason: "старый" });
    expect(await refusal(replaced)).toMatchObject({ code: "casePage.withdrawal.replacedFile", status: 409 });
    const extra = await storeDocumentFile(caseworker, {
      familyId: family.id,
      documentId: document.id,
      fileName: "application-page-2.png",
      content: PNG(),
    });
    expect(await withdrawDocumentFile(caseworker, { familyId: family.id, fileId: extra.id, reason: "дубль" })).toEqual({
      id: extra.id,
      status: "RECEIVED",
    });
    expect(newer.id).toBeGreaterThan(file.id);
  });

  it("leaves a verified item's file to who may verify", async () => {
    const { family, document, file } = await familyWithApplicationFile();
    await prisma.document.update({ where: { id: document.id }, data: { status: "VERIFIED" } });
    const byCaseworker = withdrawDocumentFile(caseworker, { familyId: family.id, fileId: file.id, reason: "нет" });
    expect(await refusal(byCaseworker)).toMatchObject({ code: "casefile.rules.verifiedLocked", status: 403 });
    await expect(
      withdrawDocumentFile(coordinator, { familyId: family.id, fileId: file.id, reason: "Истёк срок документа" }),
    ).resolves.toEqual({ id: file.id, status: "MISSING" });
  });

  crossRegionTest(withdrawDocumentFile, "another region's file is not found and stays in force", async () => {
    const { family, file } = await familyWithApplicationFile();
    await expect(
      withdrawDocumentFile(akmolaCoordinator, { familyId: family.id, fileId: file.id, reason: "чужой" }),
    ).rejects.toThrow(NOT_FOUND);
    const other = await createFamily(prisma, PAVLODAR, caseworker.id);
    await expect(
      withdrawDocumentFile(coordinator, { familyId: other.id, fileId: file.id, reason: "не та семья" }),
    ).rejects.toThrow(NOT_FOUND);
    expect(await prisma.documentFile.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({
      withdrawnAt: null,
    });
    expect(
      await prisma.auditLog.count({ where: { action: "document_file.withdraw.denied", entityId: String(family.id) } }),
    ).toBe(1);
  });
});

describe("quotaRoomForFamily", () => {
  it("gives the places left in the family's pool and what the family needs", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    expect(await quotaRoomForFamily(coordinator, family.id, IN_YEAR)).toEqual({
      year: YEAR,
      pool: "KANDAS",
      total: 0,
      allocated: 0,
      remaining: 0,
      needed: 1,
      exists: false,
    });
    const order = await insertQuotaOrder(prisma, YEAR, admin.id);
    await prisma.quota.create({
      data: { year: YEAR, regionId: PAVLODAR, pool: "KANDAS", total: 40, allocated: 37, orderId: order.id },
    });
    expect(await quotaRoomForFamily(admin, family.id, IN_YEAR)).toMatchObject({
      total: 40,
      allocated: 37,
      remaining: 3,
      needed: 1,
      exists: true,
    });
  });

  crossRegionTest(quotaRoomForFamily, "another region's family is not found; a caseworker is refused", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    await expect(quotaRoomForFamily(akmolaCoordinator, family.id, IN_YEAR)).rejects.toThrow(NOT_FOUND);
    await expect(quotaRoomForFamily(caseworker, family.id, IN_YEAR)).rejects.toThrow(FORBIDDEN);
  });
});
