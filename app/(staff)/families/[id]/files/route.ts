import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineRoute } from "@/lib/actions/route";
import { storeDocumentFile } from "@/lib/db/case-file/documents";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { MAX_DOCUMENT_FILE_BYTES } from "@/lib/domain/documents";
import { readBodyAtMost } from "@/lib/request-body";
import { documentFileNameSchema, documentUploadSchema } from "@/lib/validation/case-file";

// Uploads go through this route handler rather than a server action: the size limit is checked
// before the body is read, and every refusal is a 4xx with a translated message (docs/decisions/007-case-file-documents-and-payments.md).
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_BODY_BYTES = MAX_DOCUMENT_FILE_BYTES + MULTIPART_OVERHEAD;

const tooLarge = () =>
  new AppError("casefile.rules.fileTooLarge", {
    field: "file",
    values: { maxMb: MAX_DOCUMENT_FILE_BYTES / 1024 / 1024 },
    status: 413,
  });

/**
 * Upload of one scan to a checklist item: multipart fields `documentId` and `file`, and `replacesFileId`
 * when it replaces an earlier file of the item. Answers JSON.
 */
export const POST = defineRoute({
  permission: "family.edit",
  params: z.object({ id: z.string().max(12) }),
  async handler({ request, user, params }) {
    const declaredLength = Number(request.headers.get("content-length") ?? "0");
    if (declaredLength > MAX_BODY_BYTES) throw tooLarge();
    const body = await readBodyAtMost(request.body, MAX_BODY_BYTES);
    if (!body) throw tooLarge();

    let form: FormData;
    try {
      form = await new Response(body, {
        headers: { "content-type": request.headers.get("content-type") ?? "" },
      }).formData();
    } catch {
      throw new AppError("casefile.rules.uploadFailed", { field: "file" });
    }
    const fields = documentUploadSchema.safeParse({
      familyId: params.id,
      documentId: form.get("documentId"),
      replacesFileId: form.get("replacesFileId") || null,
    });
    if (!fields.success) throw notFoundError("document");
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("casefile.documents.chooseFile", { field: "file" });
    // The name is stored (shaped by safeFileName): text PostgreSQL cannot store is refused like in any form.
    const fileName = documentFileNameSchema.safeParse(file.name);
    if (!fileName.success) throw new AppError("validation.unstorableText", { field: "file" });

    const stored = await storeDocumentFile(user, {
      familyId: fields.data.familyId,
      documentId: fields.data.documentId,
      fileName: fileName.data,
      content: new Uint8Array(await file.arrayBuffer()),
      replacesFileId: fields.data.replacesFileId,
    });
    revalidatePath(`/families/${fields.data.familyId}`);
    return Response.json({ ok: true, file: stored }, { status: 201 });
  },
});
