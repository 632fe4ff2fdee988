// The case file (documents, adaptation plan, support payments, notes) on a real PostgreSQL: every
// function refuses another region's family as "not found", writes its audit entry, and keeps its rules.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAdaptationPlan } from "@/lib/db/case-file/adaptation-plan";
import { readDocumentFile, setDocumentStatus, storeDocumentFile } from "@/lib/db/case-file/documents";
import { getCaseFile } from "@/lib/db/case-file/get-case-file";
import { addNote } from "@/lib/db/case-file/notes";
import { recordPayment } from "@/lib/db/case-file/payments";
import { kazakhstanToday } from "@/lib/domain/benefits";
import { MAX_DOCUMENT_FILE_BYTES } from "@/lib/domain/documents";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, PAVLODAR, prisma } from "./fixtures";
import { NOT_FOUND } from "./refusals";

const YEAR = Number(kazakhstanToday().slice(0, 4));
const MCI = 4325;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(200)]);

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let caseworker: Actor;
let coordinator: Actor;
let akmolaCaseworker: Actor;
let analyst: Actor;
let admin: Actor;
let family: { id: number };

async function lastAudit(action: string, actorId: number) {
  return prisma.auditLog.findFirst({ where: { action, actorId }, orderBy: { id: "desc" } });
}

async function firstDocument(
  familyId: number,
  kind: "APPLICATION" | "IDENTITY_DOCUMENT" | "NATIONALITY_PROOF" = "APPLICATION",
) {
  return prisma.document.findFirstOrThrow({ where: { familyId, kind } });
}

async function expectRule(promise: Promise<unknown>, key: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ code: `casefile.rules.${key}` });
}

beforeAll(async () => {
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  akmolaCaseworker = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
  analyst = await createStaffUser(prisma, "ANALYST");
  admin = await createStaffUser(prisma, "ADMIN");
  family = await createFamily(prisma, PAVLODAR, caseworker.id);
  // The test database starts empty: the benefit rates are the catalogue's defaults (70 MCI per member,
  // 15–30 MCI of rent for 12 months, 50% of housing up to 4 560 000); the MCI of the year is set here.
  await prisma.mciRate.upsert({
    where: { year: YEAR },
    create: { year: YEAR, amountTenge: MCI },
    update: { amountTenge: MCI },
  });
});

describe("getCaseFile", () => {
  it("creates the checklist on first view, once, and audits the view", async () => {
    const first = await getCaseFile(caseworker, family.id);
    expect(first.documents.map((document) => document.kind)).toEqual([
      "APPLICATION",
      "AUTOBIOGRAPHY",
      "IDENTITY_DOCUMENT",
      "IDENTITY_TRANSLATION",
      "NATIONALITY_PROOF",
    ]);
    expect(first.documents.every((document) => document.status === "MISSING")).toBe(true);
    await getCaseFile(coordinator, family.id);
    expect(await prisma.document.count({ where: { familyId: family.id } })).toBe(5);
    expect(await lastAudit("document.checklist.create", caseworker.id)).toMatchObject({ entityId: String(family.id) });
    expect(await lastAudit("document.checklist.create", coordinator.id)).toBeNull();
    expect(await lastAudit("casefile.view", coordinator.id)).toMatchObject({
      entityId: String(family.id),
      regionId: PAVLODAR,
    });
  });

  it("adds rows for a new member and survives concurrent first views", async () => {
    const other = await createFamily(prisma, PAVLODAR, caseworker.id);
    await Promise.all([
      getCaseFile(caseworker, other.id),
      getCaseFile(coordinator, other.id),
      getCaseFile(admin, other.id),
    ]);
    expect(await prisma.document.count({ where: { familyId: other.id } })).toBe(5);
    const head = await prisma.person.findFirstOrThrow({ where: { familyId: other.id } });
    await prisma.person.create({
      data: { ...head, id: undefined, position: 2, isHead: false, relationship: "SPOUSE", iin: null, searchText: "" },
    });
    const caseFile = await getCaseFile(caseworker, other.id);
    expect(caseFile.documents).toHaveLength(7);
  });

  it("computes the entitlements from the settings and the MCI of the year", async () => {
    const caseFile = await getCaseFile(caseworker, family.id);
    expect(caseFile.benefits.entitlements).toMatchObject({
      year: YEAR,
      mciTenge: MCI,
      membersMoving: 1,
      relocationTenge: 70 * MCI,
    });
  });

  crossRegionTest(getCaseFile, "refuses another region's family and analysts, and audits the attempt", async () => {
    await expect(getCaseFile(akmolaCaseworker, family.id)).rejects.toThrow(NOT_FOUND);
    await expect(getCaseFile(analyst, family.id)).rejects.toThrow(NOT_FOUND);
    expect(await lastAudit("casefile.view.denied", akmolaCaseworker.id)).toMatchObject({ entityId: String(family.id) });
  });
});

describe("setDocumentStatus", () => {
  it("lets a caseworker mark an item received and audits the change", async () => {
    const document = await firstDocument(family.id);
    await setDocumentStatus(caseworker, { familyId: family.id, documentId: document.id, status: "RECEIVED" });
    expect((await firstDocument(family.id)).status).toBe("RECEIVED");
    const entry = await lastAudit("document.update", caseworker.id);
    expect(entry).toMatchObject({ entity: "document", entityId: String(document.id), regionId: PAVLODAR });
    expect(entry?.changes).toMatchObject({ changes: { status: { from: "MISSING", to: "RECEIVED" } } });
  });

  it("keeps verification to coordinators and administrators", async () => {
    const document = await firstDocument(family.id);
    await expectRule(
      setDocumentStatus(caseworker, { familyId: family.id, documentId: document.id, status: "VERIFIED" }),
      "verifyNotAllowed",
    );
    await setDocumentStatus(coordinator, { familyId: family.id, documentId: document.id, status: "VERIFIED" });
    await expectRule(
      setDocumentStatus(caseworker, { familyId: family.id, documentId: document.id, status: "MISSING" }),
      "verifyNotAllowed",
    );
    expect((await firstDocument(family.id)).status).toBe("VERIFIED");
  });

  crossRegionTest(setDocumentStatus, "refuses another region's family and a document of another family", async () => {
    const document = await firstDocument(family.id, "NATIONALITY_PROOF");
    await expect(
      setDocumentStatus(akmolaCaseworker, { familyId: family.id, documentId: document.id, status: "RECEIVED" }),
    ).rejects.toThrow(NOT_FOUND);
    const akmolaFamily = await createFamily(prisma, AKMOLA, akmolaCaseworker.id);
    await getCaseFile(akmolaCaseworker, akmolaFamily.id);
    // Own family id, other family's document: still not found.
    await expect(
      setDocumentStatus(akmolaCaseworker, { familyId: akmolaFamily.id, documentId: document.id, status: "RECEIVED" }),
    ).rejects.toThrow(NOT_FOUND);
    expect((await firstDocument(family.id, "NATIONALITY_PROOF")).status).toBe("MISSING");
    expect(await lastAudit("document.update.denied", akmolaCaseworker.id)).not.toBeNull();
  });
});

describe("storeDocumentFile and readDocumentFile", () => {
  it("stores a PNG in the database and reads it back byte-identical, with a safe name; both audited", async () => {
    const document = await firstDocument(family.id, "IDENTITY_DOCUMENT");
    const stored = await storeDocumentFile(caseworker, {
      familyId: family.id,
      documentId: document.id,
      fileName: "../паспорт скан.txt",
      content: PNG,
    });
    expect(stored).toMatchObject({ fileName: "паспорт скан.png", mimeType: "image/png", sizeBytes: PNG.byteLength });
    expect((await firstDocument(family.id, "IDENTITY_DOCUMENT")).status).toBe("RECEIVED");
    expect(await lastAudit("document_file.upload", caseworker.id)).toMatchObject({
      entityId: String(stored.id),
      regionId: PAVLODAR,
    });

    const file = await readDocumentFile(coordinator, { familyId: family.id, fileId: stored.id });
    expect(Buffer.from(file.content).equals(Buffer.from(PNG))).toBe(true);
    expect(file.mimeType).toBe("image/png");
    expect(await lastAudit("document_file.download", coordinator.id)).toMatchObject({ entityId: String(stored.id) });

    const caseFile = await getCaseFile(caseworker, family.id);
    const listed = caseFile.documents.find((item) => item.id === document.id)?.files[0];
    expect(listed).toMatchObject({ id: stored.id, fileName: "паспорт скан.png" });
    expect(listed).not.toHaveProperty("content");
  });

  it("refuses a text file named .pdf, an empty file and a file above the limit", async () => {
    const document = await firstDocument(family.id, "IDENTITY_DOCUMENT");
    const input = { familyId: family.id, documentId: document.id };
    await expectRule(
      storeDocumentFile(caseworker, {
        ...input,
        fileName: "scan.pdf",
        content: new TextEncoder().encode("not a pdf at all"),
      }),
      "fileType",
    );
    await expectRule(
      storeDocumentFile(caseworker, { ...input, fileName: "scan.pdf", content: new Uint8Array() }),
      "fileEmpty",
    );
    const large = new Uint8Array(MAX_DOCUMENT_FILE_BYTES + 1);
    large.set(PNG.subarray(0, 8));
    await expectRule(storeDocumentFile(caseworker, { ...input, fileName: "big.png", content: large }), "fileTooLarge");
    expect(await prisma.documentFile.count({ where: { documentId: document.id } })).toBe(1);
  });

  it("keeps a caseworker's files off a verified item", async () => {
    const document = await firstDocument(family.id);
    expect(document.status).toBe("VERIFIED");
    await expectRule(
      storeDocumentFile(caseworker, { familyId: family.id, documentId: document.id, fileName: "a.png", content: PNG }),
      "verifiedLocked",
    );
    await storeDocumentFile(coordinator, {
      familyId: family.id,
      documentId: document.id,
      fileName: "a.png",
      content: PNG,
    });
  });

  crossRegionTest(
    storeDocumentFile,
    "answers another region's user and an analyst with not found, stores nothing, and audits the attempt",
    async () => {
      const document = await firstDocument(family.id, "IDENTITY_DOCUMENT");
      const files = await prisma.documentFile.count({ where: { documentId: document.id } });
      await expect(
        storeDocumentFile(akmolaCaseworker, {
          familyId: family.id,
          documentId: document.id,
          fileName: "a.png",
          content: PNG,
        }),
      ).rejects.toThrow(NOT_FOUND);
      await expect(
        storeDocumentFile(analyst, { familyId: family.id, documentId: document.id, fileName: "a.png", content: PNG }),
      ).rejects.toThrow(NOT_FOUND);
      expect(await prisma.documentFile.count({ where: { documentId: document.id } })).toBe(files);
      expect(await lastAudit("document_file.upload.denied", akmolaCaseworker.id)).toMatchObject({
        entityId: String(family.id),
      });
    },
  );

  crossRegionTest(
    readDocumentFile,
    "answers another region's user and an analyst with not found, and audits the attempt",
    async () => {
      const document = await firstDocument(family.id, "IDENTITY_DOCUMENT");
      const file = await prisma.documentFile.findFirstOrThrow({ where: { documentId: document.id } });
      await expect(readDocumentFile(akmolaCaseworker, { familyId: family.id, fileId: file.id })).rejects.toThrow(
        NOT_FOUND,
      );
      await expect(readDocumentFile(analyst, { familyId: family.id, fileId: file.id })).rejects.toThrow(NOT_FOUND);
      expect(await lastAudit("document_file.download.denied", akmolaCaseworker.id)).toMatchObject({
        entityId: String(family.id),
      });
      // A file id of another family under an own family's URL is not found either.
      const own = await createFamily(prisma, PAVLODAR, caseworker.id);
      await expect(readDocumentFile(caseworker, { familyId: own.id, fileId: file.id })).rejects.toThrow(NOT_FOUND);
      expect(await lastAudit("document_file.download.denied", caseworker.id)).toMatchObject({
        entityId: String(file.id),
      });
    },
  );
});

describe("saveAdaptationPlan", () => {
  const plan = {
    plannedArrival: "2026-06-01",
    transport: "Train",
    membersArriving: 1,
    housing: "Rented flat",
    job: "Welder",
    training: null,
  };

  it("creates and updates the plan, audits each change, and refuses a stale save", async () => {
    const created = await saveAdaptationPlan(caseworker, { familyId: family.id, ...plan, loadedAt: null });
    expect(await lastAudit("adaptation_plan.create", caseworker.id)).toMatchObject({ entityId: String(family.id) });
    const updated = await saveAdaptationPlan(coordinator, {
      familyId: family.id,
      ...plan,
      job: "Electrician",
      loadedAt: created.updatedAt.toISOString(),
    });
    const entry = await lastAudit("adaptation_plan.update", coordinator.id);
    expect(entry?.changes).toEqual({ changes: { job: { from: "Welder", to: "Electrician" } } });
    // The caseworker still holds the first version: refused, nothing overwritten.
    await expectRule(
      saveAdaptationPlan(caseworker, {
        familyId: family.id,
        ...plan,
        training: "Language course",
        loadedAt: created.updatedAt.toISOString(),
      }),
      "planChanged",
    );
    await expectRule(saveAdaptationPlan(caseworker, { familyId: family.id, ...plan, loadedAt: null }), "planChanged");
    expect((await prisma.adaptationPlan.findUniqueOrThrow({ where: { familyId: family.id } })).job).toBe("Electrician");
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it("refuses more members arriving than the family has", async () => {
    const current = await prisma.adaptationPlan.findUniqueOrThrow({ where: { familyId: family.id } });
    await expectRule(
      saveAdaptationPlan(caseworker, {
        familyId: family.id,
        ...plan,
        membersArriving: 2,
        loadedAt: current.updatedAt.toISOString(),
      }),
      "membersAboveFamily",
    );
  });

  crossRegionTest(saveAdaptationPlan, "refuses another region's family", async () => {
    await expect(
      saveAdaptationPlan(akmolaCaseworker, { familyId: family.id, ...plan, loadedAt: null }),
    ).rejects.toThrow(NOT_FOUND);
    expect(await lastAudit("adaptation_plan.update.denied", akmolaCaseworker.id)).not.toBeNull();
  });
});

describe("recordPayment", () => {
  const today = kazakhstanToday();
  const payment = (overrides: object = {}) => ({
    familyId: family.id,
    kind: "RELOCATION_SUBSIDY" as const,
    amountTenge: 100_000,
    paidOn: today,
    months: null,
    note: null,
    ...overrides,
  });

  it("records a payment within the entitlement and audits it", async () => {
    const paymentFamily = await createFamily(prisma, PAVLODAR, caseworker.id);
    const { id } = await recordPayment(caseworker, { ...payment(), familyId: paymentFamily.id, amountTenge: 70 * MCI });
    expect(await prisma.payment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      amountTenge: 70 * MCI,
      recordedById: caseworker.id,
    });
    expect(await lastAudit("payment.create", caseworker.id)).toMatchObject({
      entity: "payment",
      entityId: String(id),
      regionId: PAVLODAR,
    });
    // The whole subsidy is paid: one more tenge needs an explanation.
    await expectRule(
      recordPayment(caseworker, { ...payment(), familyId: paymentFamily.id, amountTenge: 1 }),
      "aboveRelocation",
    );
    await recordPayment(caseworker, {
      ...payment(),
      familyId: paymentFamily.id,
      amountTenge: 1,
      note: "Rounding difference, order 77",
    });
  });

  it("validates months, dates and amounts", async () => {
    await expectRule(recordPayment(caseworker, payment({ kind: "RENT_COMPENSATION", months: null })), "monthsRequired");
    await expectRule(recordPayment(caseworker, payment({ kind: "RENT_COMPENSATION", months: 13 })), "monthsRange");
    await expectRule(recordPayment(caseworker, payment({ months: 2 })), "monthsOnlyForRent");
    await expectRule(recordPayment(caseworker, payment({ paidOn: "2999-01-01" })), "dateInFuture");
    await expectRule(recordPayment(caseworker, payment({ amountTenge: 0 })), "amountPositive");
    await expectRule(
      recordPayment(caseworker, payment({ kind: "RENT_COMPENSATION", months: 1, amountTenge: 30 * MCI + 1 })),
      "aboveRent",
    );
    await recordPayment(caseworker, payment({ kind: "RENT_COMPENSATION", months: 1, amountTenge: 30 * MCI }));
  });

  it("needs an explanation when the MCI of the year is missing", async () => {
    const later = await createFamily(prisma, PAVLODAR, caseworker.id);
    await prisma.family.update({ where: { id: later.id }, data: { arrivalDate: new Date(Date.UTC(1999, 0, 1)) } });
    const caseFile = await getCaseFile(caseworker, later.id);
    expect(caseFile.benefits).toMatchObject({ year: 1999, entitlements: null, missing: "mci" });
    await expectRule(recordPayment(caseworker, { ...payment(), familyId: later.id }), "noEntitlementNeedsNote");
  });

  crossRegionTest(recordPayment, "refuses another region's family", async () => {
    await expect(recordPayment(akmolaCaseworker, payment())).rejects.toThrow(NOT_FOUND);
    expect(await lastAudit("payment.create.denied", akmolaCaseworker.id)).not.toBeNull();
  });
});

describe("addNote", () => {
  it("adds notes, shown newest first with their author, and audits without the text", async () => {
    await addNote(caseworker, { familyId: family.id, body: "First call made" });
    const { id } = await addNote(coordinator, { familyId: family.id, body: "<script>alert(1)</script>" });
    const caseFile = await getCaseFile(caseworker, family.id);
    expect(caseFile.notes[0]).toMatchObject({ id, body: "<script>alert(1)</script>", author: "Test COORDINATOR" });
    expect(caseFile.notes[1]?.body).toBe("First call made");
    const entry = await lastAudit("note.create", coordinator.id);
    expect(entry).toMatchObject({ entity: "note", entityId: String(id) });
    expect(JSON.stringify(entry?.changes)).not.toContain("script");
  });

  crossRegionTest(addNote, "refuses another region's family", async () => {
    await expect(addNote(akmolaCaseworker, { familyId: family.id, body: "x" })).rejects.toThrow(NOT_FOUND);
    expect(await lastAudit("note.create.denied", akmolaCaseworker.id)).not.toBeNull();
  });
});
