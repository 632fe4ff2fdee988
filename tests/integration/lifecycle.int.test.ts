// The rest of the lifecycle on a real PostgreSQL (issue 15): kandas status extensions up to the
// setting's limit, EXPIRED only after the validity, the expiry of lapsed statuses, payment reversal
// (entitlements and the support report count a reversed payment as not paid) and document replacement.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { storeDocumentFile } from "@/lib/db/case-file/documents";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { recordPayment, reversePayment } from "@/lib/db/case-file/payments";
import { expireLapsedStatuses, extendStatus, listStatusExtensions } from "@/lib/db/families/status-extension";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { supportPaidReport } from "@/lib/db/reports/support-paid";
import { programmeToday } from "@/lib/domain/status-validity";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma } from "./fixtures";
import { FORBIDDEN, NOT_FOUND } from "./refusals";

const TODAY = programmeToday();
const YEAR = TODAY.getUTCFullYear();
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(TODAY.getTime() + days * DAY_MS);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const PNG = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(64)]);
// A region no other integration test keeps families in, for the support report's sums and the expiry run.
const NORTH_KAZAKHSTAN = "KZ-59";
const REPORT_REGION = "KZ-79";

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let admin: Actor;
let analyst: Actor;
let caseworker: Actor;
let coordinator: Actor;
let akmolaCoordinator: Actor;
let northCoordinator: Actor;

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  northCoordinator = await createStaffUser(prisma, "COORDINATOR", REPORT_REGION);
  await prisma.mciRate.upsert({ where: { year: YEAR }, create: { year: YEAR, amountTenge: 4325 }, update: {} });
});

/** A kandas family in APPROVED (version 2) whose status is valid until `validUntil`. */
async function approvedFamily(regionId: string, validUntil: Date) {
  const family = await createFamily(prisma, regionId, caseworker.id, "UNDER_REVIEW");
  return prisma.family.update({
    where: { id: family.id },
    data: {
      status: "APPROVED",
      decisionNumber: "T-1",
      decisionDate: inDays(-30),
      statusValidUntil: validUntil,
      version: 2,
    },
  });
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as { code: string; status: number; field?: string; message: string },
  );
}

const extension = (familyId: number, version: number, validUntil: Date, decisionNumber = "ҰК-15") => ({
  familyId,
  version,
  decisionNumber,
  decisionDate: isoDay(TODAY),
  validUntil: isoDay(validUntil),
});

describe("extendStatus", () => {
  it("moves the last valid day under a decision without changing the status, audited", async () => {
    const family = await approvedFamily(PAVLODAR, inDays(20));
    const result = await extendStatus(coordinator, extension(family.id, 2, inDays(200)));
    const after = await prisma.family.findUniqueOrThrow({ where: { id: family.id } });
    expect(after).toMatchObject({ status: "APPROVED", version: 3, statusValidUntil: inDays(200) });
    expect(result).toMatchObject({ validUntil: inDays(200), version: 3 });
    const stored = await prisma.statusExtension.findFirstOrThrow({ where: { familyId: family.id } });
    expect(stored).toMatchObject({ previousValidUntil: inDays(20), validUntil: inDays(200), decisionNumber: "ҰК-15" });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "family.extend_status", entityId: String(family.id) },
    });
    expect(audit.actorId).toBe(coordinator.id);
    expect(audit.changes).toMatchObject({ extension: 1, decisionNumber: "ҰК-15" });
  });

  it("refuses an extension beyond the limit of the setting, and follows a changed setting", async () => {
    const family = await approvedFamily(PAVLODAR, inDays(20));
    await extendStatus(coordinator, extension(family.id, 2, inDays(100)));
    await extendStatus(coordinator, extension(family.id, 3, inDays(200)));
    const third = await refusal(extendStatus(coordinator, extension(family.id, 4, inDays(300))));
    expect(third).toMatchObject({ code: "lifecycle.extension.errors.limitReached", status: 409, values: { max: 2 } });
    expect(await prisma.statusExtension.count({ where: { familyId: family.id } })).toBe(2);
    expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).statusValidUntil).toEqual(inDays(200));

    const raised = await prisma.settingVersion.create({
      data: { key: "status.maxExtensions", value: 3, effectiveFrom: TODAY, changedById: admin.id },
    });
    try {
      await extendStatus(coordinator, extension(family.id, 4, inDays(300)));
      expect((await listStatusExtensions(coordinator, family.id)).extensions).toHaveLength(3);
    } finally {
      await prisma.settingVersion.delete({ where: { id: raised.id } });
    }
  });

  it("refuses a validity not later than the current one, a future decision and a caseworker", async () => {
    const family = await approvedFamily(PAVLODAR, inDays(20));
    expect(await refusal(extendStatus(coordinator, extension(family.id, 2, inDays(20))))).toMatchObject({
      code: "lifecycle.extension.errors.notLater",
      field: "validUntil",
    });
    const future = { ...extension(family.id, 2, inDays(200)), decisionDate: isoDay(inDays(1)) };
    expect(await refusal(extendStatus(coordinator, future))).toMatchObject({
      code: "lifecycle.extension.errors.decisionDateFuture",
    });
    expect((await refusal(extendStatus(caseworker, extension(family.id, 2, inDays(200))))).message).toMatch(FORBIDDEN);
    expect(await prisma.statusExtension.count({ where: { familyId: family.id } })).toBe(0);
  });

  crossRegionTest(extendStatus, "another region's family is not found and unchanged", async () => {
    const family = await approvedFamily(PAVLODAR, inDays(20));
    expect((await refusal(extendStatus(akmolaCoordinator, extension(family.id, 2, inDays(200))))).message).toMatch(
      NOT_FOUND,
    );
    expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).statusValidUntil).toEqual(inDays(20));
    await expect(
      prisma.auditLog.count({ where: { action: "family.extend_status.denied", actorId: akmolaCoordinator.id } }),
    ).resolves.toBe(1);
  });

  crossRegionTest(listStatusExtensions, "another region's family is not found; an analyst is refused", async () => {
    const family = await approvedFamily(PAVLODAR, inDays(20));
    expect((await listStatusExtensions(caseworker, family.id)).maxExtensions).toBe(2);
    expect((await refusal(listStatusExtensions(akmolaCoordinator, family.id))).message).toMatch(NOT_FOUND);
    expect((await refusal(listStatusExtensions(analyst, family.id))).message).toMatch(FORBIDDEN);
  });
});

describe("APPROVED → EXPIRED", () => {
  it("is refused while the status is valid and allowed the day after its last valid day", async () => {
    const family = await approvedFamily(PAVLODAR, inDays(10));
    const early = await refusal(transitionFamily(coordinator, { familyId: family.id, version: 2, to: "EXPIRED" }));
    expect(early).toMatchObject({ code: "lifecycle.errors.stillValid", status: 409 });
    const onLastDay = transitionFamily(
      coordinator,
      { familyId: family.id, version: 2, to: "EXPIRED" },
      { now: new Date(inDays(10).getTime() + 12 * 3_600_000) },
    );
    expect(await refusal(onLastDay)).toMatchObject({ code: "lifecycle.errors.stillValid" });
    expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).status).toBe("APPROVED");

    const later = { now: new Date(inDays(11).getTime() + 12 * 3_600_000) };
    await transitionFamily(coordinator, { familyId: family.id, version: 2, to: "EXPIRED" }, later);
    expect((await prisma.family.findUniqueOrThrow({ where: { id: family.id } })).status).toBe("EXPIRED");
  });
});

describe("expireLapsedStatuses", () => {
  // A region no other test keeps families in, so the run touches only this test's families.
  it("expires the lapsed statuses of the scope once, leaving valid ones and other regions, audited", async () => {
    const lapsed = await approvedFamily(REPORT_REGION, inDays(-1));
    const valid = await approvedFamily(REPORT_REGION, inDays(0));
    const pavlodar = await approvedFamily(PAVLODAR, inDays(-1));

    expect(await expireLapsedStatuses(northCoordinator)).toEqual([lapsed.id]);
    const status = async (id: number) => (await prisma.family.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(lapsed.id)).toBe("EXPIRED");
    expect(await status(valid.id)).toBe("APPROVED");
    expect(await status(pavlodar.id)).toBe("APPROVED");
    const event = await prisma.caseEvent.findFirstOrThrow({ where: { familyId: lapsed.id, toStatus: "EXPIRED" } });
    expect(event).toMatchObject({ fromStatus: "APPROVED", actorId: northCoordinator.id });
    const run = await prisma.auditLog.findFirstOrThrow({
      where: { action: "family.expire_lapsed", actorId: northCoordinator.id },
      orderBy: { id: "desc" },
    });
    expect(run).toMatchObject({
      regionId: REPORT_REGION,
      changes: expect.objectContaining({ expired: [lapsed.id] }) as unknown,
    });

    // Idempotent: a second run the same day changes nothing more.
    expect(await expireLapsedStatuses(northCoordinator)).toEqual([]);
    expect(await prisma.caseEvent.count({ where: { familyId: lapsed.id, toStatus: "EXPIRED" } })).toBe(1);
  });

  crossRegionTest(
    expireLapsedStatuses,
    "a coordinator expires the own region only; a caseworker is refused",
    async () => {
      const pavlodar = await approvedFamily(PAVLODAR, inDays(-3));
      expect(await expireLapsedStatuses(northCoordinator)).not.toContain(pavlodar.id);
      expect((await prisma.family.findUniqueOrThrow({ where: { id: pavlodar.id } })).status).toBe("APPROVED");
      expect((await refusal(expireLapsedStatuses(caseworker))).message).toMatch(FORBIDDEN);
    },
  );
});

describe("reversePayment", () => {
  it("keeps the payment, counts it as not paid afterwards and reverses it only once", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    const payment = await recordPayment(caseworker, {
      familyId: family.id,
      kind: "RELOCATION_SUBSIDY",
      amountTenge: 100_000,
      paidOn: isoDay(TODAY),
      months: null,
      note: null,
    });
    expect((await getCaseFile(caseworker, family.id)).benefits.paidByKind.RELOCATION_SUBSIDY).toBe(100_000);

    await reversePayment(caseworker, { familyId: family.id, paymentId: payment.id, reason: "Қате сома" });
    const caseFile = await getCaseFile(caseworker, family.id);
    expect(caseFile.benefits.paidByKind.RELOCATION_SUBSIDY).toBe(0);
    expect(caseFile.payments).toHaveLength(1);
    expect(caseFile.payments[0]).toMatchObject({ id: payment.id, reversal: { reason: "Қате сома" } });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "payment.reverse", entityId: String(payment.id) },
    });
    expect(audit.changes).toMatchObject({ amountTenge: 100_000, reason: "Қате сома" });

    const again = await refusal(
      reversePayment(coordinator, { familyId: family.id, paymentId: payment.id, reason: "x" }),
    );
    expect(again).toMatchObject({ code: "lifecycle.reversal.errors.alreadyReversed", status: 409 });
    expect(await prisma.paymentReversal.count({ where: { paymentId: payment.id } })).toBe(1);
  });

  it("lets the support report count a reversed payment as not paid", async () => {
    const family = await createFamily(prisma, REPORT_REGION, admin.id);
    const paidOn = new Date(`${YEAR}-01-05T00:00:00Z`);
    const [kept, reversed] = await Promise.all(
      [300_000, 200_000].map((amountTenge) =>
        prisma.payment.create({
          data: { familyId: family.id, kind: "RELOCATION_SUBSIDY", amountTenge, paidOn, recordedById: admin.id },
        }),
      ),
    );
    const relocation = async () => {
      const report = await supportPaidReport(admin, { year: YEAR, regionId: REPORT_REGION, category: null });
      const months = report.tables.find((table) => table.id === "months") ?? report.tables[0]!;
      return months.total?.[1];
    };
    expect(await relocation()).toBe(kept!.amountTenge + reversed!.amountTenge);
    await reversePayment(admin, { familyId: family.id, paymentId: reversed!.id, reason: "Duplicate entry" });
    expect(await relocation()).toBe(kept!.amountTenge);
  });

  crossRegionTest(reversePayment, "another region's payment is not found and stays counted", async () => {
    const family = await createFamily(prisma, PAVLODAR, caseworker.id);
    const payment = await prisma.payment.create({
      data: {
        familyId: family.id,
        kind: "RELOCATION_SUBSIDY",
        amountTenge: 5_000,
        paidOn: TODAY,
        recordedById: caseworker.id,
      },
    });
    const input = { familyId: family.id, paymentId: payment.id, reason: "x" };
    expect((await refusal(reversePayment(akmolaCoordinator, input))).message).toMatch(NOT_FOUND);
    const otherFamily = await createFamily(prisma, PAVLODAR, caseworker.id);
    expect((await refusal(reversePayment(coordinator, { ...input, familyId: otherFamily.id }))).message).toMatch(
      NOT_FOUND,
    );
    expect(await prisma.paymentReversal.count({ where: { paymentId: payment.id } })).toBe(0);
  });
});

describe("document replacement", () => {
  it("keeps the earlier file, marks it replaced by the new one, once", async () => {
    const family = await createFamily(prisma, NORTH_KAZAKHSTAN, caseworker.id);
    await getCaseFile(admin, family.id);
    const document = await prisma.document.findFirstOrThrow({ where: { familyId: family.id, kind: "APPLICATION" } });
    const first = await storeDocumentFile(admin, {
      familyId: family.id,
      documentId: document.id,
      fileName: "application.png",
      content: PNG(),
    });
    const second = await storeDocumentFile(admin, {
      familyId: family.id,
      documentId: document.id,
      fileName: "application-signed.png",
      content: PNG(),
      replacesFileId: first.id,
    });
    const files = (await getCaseFile(admin, family.id)).documents.find((item) => item.id === document.id)!.files;
    expect(files.map((file) => [file.fileName, file.replacedAt !== null])).toEqual([
      ["application-signed.png", false],
      ["application.png", true],
    ]);
    expect(await prisma.documentFile.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      replacedByFileId: second.id,
      replacedById: admin.id,
    });
    expect(
      await prisma.auditLog.findFirstOrThrow({
        where: { action: "document_file.replace", entityId: String(second.id) },
      }),
    ).toMatchObject({ changes: expect.objectContaining({ replacesFileId: first.id }) as unknown });

    const again = storeDocumentFile(admin, {
      familyId: family.id,
      documentId: document.id,
      fileName: "third.png",
      content: PNG(),
      replacesFileId: first.id,
    });
    expect(await refusal(again)).toMatchObject({ code: "lifecycle.documents.alreadyReplaced", status: 409 });
    expect(await prisma.documentFile.count({ where: { documentId: document.id } })).toBe(2);
  });
});
