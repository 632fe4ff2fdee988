import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { ensureChecklist, findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import type { Actor } from "@/lib/domain/permissions";
import {
  canAttachFile,
  canChangeDocumentStatus,
  MAX_DOCUMENT_FILE_BYTES,
  statusAfterUpload,
  statusAfterWithdrawal,
  type DocumentStatus,
} from "@/lib/domain/documents";
import { safeFileName, sniffFileType } from "@/lib/domain/file-type";

/**
 * Sets the status of one checklist item of a family in scope. Verifying (or changing a verified item)
 * is for coordinators and administrators (canChangeDocumentStatus). Audited with the old and new status.
 */
export async function setDocumentStatus(
  actor: Actor,
  input: { familyId: number; documentId: number; status: DocumentStatus },
): Promise<{ status: DocumentStatus }> {
  return db().$transaction(async (tx) => {
    // The family's row lock orders this change with a transition, which checks documents under the same lock.
    const family = await findFamilyInScope(tx, actor, input.familyId, "document.update", { forUpdate: true });
    await ensureChecklist(tx, actor, family);
    const document = await tx.document.findFirst({
      where: { id: input.documentId, familyId: family.id },
      select: { id: true, kind: true, status: true },
    });
    if (!document) throw notFoundError("document");
    if (document.status === input.status) return { status: document.status };
    if (!canChangeDocumentStatus(actor.role, document.status, input.status))
      throw new AppError("casefile.rules.verifyNotAllowed", { field: "status", status: 403 });
    await tx.document.update({ where: { id: document.id }, data: { status: input.status, updatedById: actor.id } });
    await recordAudit(
      {
        actor,
        action: "document.update",
        entity: "document",
        entityId: document.id,
        regionId: family.targetRegionId,
        changes: { status: { from: document.status, to: input.status } },
        details: { familyId: family.id, kind: document.kind },
      },
      tx,
    );
    return { status: input.status };
  });
}

/**
 * Stores an uploaded scan in the database (so a backup keeps it) on a checklist item of a family in
 * scope. The type is recognised from the content (PDF, JPEG, PNG); empty, too large or other files are
 * refused with an AppError at the file field. A missing item becomes received. With `replacesFileId` the new
 * file replaces an earlier one of the item, which is kept and marked replaced (once). Audited with size
 * and checksum.
 */
export async function storeDocumentFile(
  actor: Actor,
  input: {
    familyId: number;
    documentId: number;
    fileName: string;
    content: Uint8Array;
    /** A file of the same item this one replaces: it is kept and listed as replaced. */
    replacesFileId?: number | null;
  },
): Promise<{ id: number; fileName: string; mimeType: string; sizeBytes: number }> {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "document_file.upload");
    const document = await tx.document.findFirst({
      where: { id: input.documentId, familyId: family.id },
      select: { id: true, kind: true, status: true },
    });
    if (!document) throw notFoundError("document");
    if (!canAttachFile(actor.role, document.status))
      throw new AppError("casefile.rules.verifiedLocked", { field: "file", status: 403 });
    const sizeBytes = input.content.byteLength;
    if (sizeBytes === 0) throw new AppError("casefile.rules.fileEmpty", { field: "file" });
    if (sizeBytes > MAX_DOCUMENT_FILE_BYTES)
      throw new AppError("casefile.rules.fileTooLarge", {
        field: "file",
        values: { maxMb: MAX_DOCUMENT_FILE_BYTES / 1024 / 1024 },
        status: 413,
      });
    const type = sniffFileType(input.content);
    if (!type) throw new AppError("casefile.rules.fileType", { field: "file", status: 415 });

    const replaced = input.replacesFileId
      ? await tx.documentFile.findFirst({
          where: { id: input.replacesFileId, documentId: document.id },
          select: { id: true, replacedAt: true, withdrawnAt: true },
        })
      : null;
    if (input.replacesFileId && !replaced) throw notFoundError("document_file");
    if (replaced?.withdrawnAt)
      throw new AppError("casePage.withdrawal.alreadyWithdrawn", { field: "file", status: 409 });
    if (replaced?.replacedAt) throw new AppError("lifecycle.documents.alreadyReplaced", { field: "file", status: 409 });

    const fileName = safeFileName(input.fileName, type.extension);
    const sha256 = createHash("sha256").update(input.content).digest("hex");
    const file = await tx.documentFile.create({
      data: {
        documentId: document.id,
        fileName,
        mimeType: type.mimeType,
        sizeBytes,
        sha256,
        content: new Uint8Array(input.content),
        uploadedById: actor.id,
      },
      select: { id: true, fileName: true, mimeType: true, sizeBytes: true },
    });
    if (replaced) {
      // Only a file not replaced yet: of two concurrent replacements of the same file one wins.
      const { count } = await tx.documentFile.updateMany({
        where: { id: replaced.id, replacedAt: null },
        data: { replacedAt: new Date(), replacedById: actor.id, replacedByFileId: file.id },
      });
      if (count === 0) throw new AppError("lifecycle.documents.alreadyReplaced", { field: "file", status: 409 });
    }
    const status = statusAfterUpload(document.status);
    if (status !== document.status) {
      await tx.document.update({ where: { id: document.id }, data: { status, updatedById: actor.id } });
    }
    await recordAudit(
      {
        actor,
        action: replaced ? "document_file.replace" : "document_file.upload",
        entity: "document_file",
        entityId: file.id,
        regionId: family.targetRegionId,
        details: {
          familyId: family.id,
          documentId: document.id,
          ...(replaced && { replacesFileId: replaced.id }),
          kind: document.kind,
          mimeType: type.mimeType,
          sizeBytes,
          sha256,
        },
        ...(status !== document.status && { changes: { status: { from: document.status, to: status } } }),
      },
      tx,
    );
    return file;
  });
}

/**
 * Withdraws one file of a family in scope with a reason: the file is kept and listed as withdrawn, and
 * no longer backs its checklist item, which becomes missing when no other file in force is left
 * (statusAfterWithdrawal), so the checklist gate stops counting it. Under the family's row lock, like a
 * change of a document's status. A verified item's file only by who may verify (canAttachFile); a file
 * already withdrawn or replaced is refused (409). Audited with the reason and the status change.
 */
export async function withdrawDocumentFile(
  actor: Actor,
  input: { familyId: number; fileId: number; reason: string },
): Promise<{ id: number; status: DocumentStatus }> {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "document_file.withdraw", { forUpdate: true });
    const file = await tx.documentFile.findFirst({
      where: { id: input.fileId, document: { familyId: family.id } },
      select: {
        id: true,
        replacedAt: true,
        withdrawnAt: true,
        document: { select: { id: true, kind: true, status: true } },
      },
    });
    if (!file) throw notFoundError("document_file");
    const { document } = file;
    if (!canAttachFile(actor.role, document.status))
      throw new AppError("casefile.rules.verifiedLocked", { field: "reason", status: 403 });
    if (file.withdrawnAt) throw new AppError("casePage.withdrawal.alreadyWithdrawn", { field: "reason", status: 409 });
    if (file.replacedAt) throw new AppError("casePage.withdrawal.replacedFile", { field: "reason", status: 409 });

    // Only a file still in force: of two concurrent withdrawals of the same file one wins.
    const { count } = await tx.documentFile.updateMany({
      where: { id: file.id, withdrawnAt: null, replacedAt: null },
      data: { withdrawnAt: new Date(), withdrawnById: actor.id, withdrawalReason: input.reason },
    });
    if (count === 0) throw new AppError("casePage.withdrawal.alreadyWithdrawn", { field: "reason", status: 409 });
    const filesLeft = await tx.documentFile.count({
      where: { documentId: document.id, withdrawnAt: null, replacedAt: null },
    });
    const status = statusAfterWithdrawal(document.status, filesLeft);
    if (status !== document.status) {
      await tx.document.update({ where: { id: document.id }, data: { status, updatedById: actor.id } });
    }
    await recordAudit(
      {
        actor,
        action: "document_file.withdraw",
        entity: "document_file",
        entityId: file.id,
        regionId: family.targetRegionId,
        details: { familyId: family.id, documentId: document.id, kind: document.kind, reason: input.reason },
        ...(status !== document.status && { changes: { status: { from: document.status, to: status } } }),
      },
      tx,
    );
    return { id: file.id, status };
  });
}

/**
 * One stored file of a family in scope, with its content, for download. A file of another family or
 * region, or an unknown id, raises notFoundError (audited as a denied download); a download is audited.
 */
export async function readDocumentFile(actor: Actor, input: { familyId: number; fileId: number }) {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "document_file.download");
    const file = await tx.documentFile.findFirst({
      where: { id: input.fileId, document: { familyId: family.id } },
      select: {
        id: true,
        fileName: true,
        mimeType: true,
        sizeBytes: true,
        sha256: true,
        content: true,
        documentId: true,
      },
    });
    if (!file) {
      await recordAudit(
        {
          actor,
          action: "document_file.download.denied",
          entity: "document_file",
          entityId: input.fileId,
          regionId: family.targetRegionId,
        },
        db(),
      );
      throw notFoundError("document_file");
    }
    await recordAudit(
      {
        actor,
        action: "document_file.download",
        entity: "document_file",
        entityId: file.id,
        regionId: family.targetRegionId,
        details: { familyId: family.id, documentId: file.documentId },
      },
      tx,
    );
    return file;
  });
}
