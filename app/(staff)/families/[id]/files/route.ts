import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { storeDocumentFile } from "@/lib/db/case-file/documents";
import { CaseFileRuleError } from "@/lib/db/case-file/errors";
import { NotFoundError } from "@/lib/db/errors";
import { MAX_DOCUMENT_FILE_BYTES } from "@/lib/domain/documents";
import { readBodyAtMost } from "@/lib/request-body";
import { documentUploadSchema } from "@/lib/validation/case-file";
import { ruleMessage } from "../case-file-messages";

// Uploads go through this route handler rather than a server action: the size limit is checked
// before the body is read, and every refusal is a 4xx with a translated message (docs/decisions/007-case-file-documents-and-payments.md).
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_BODY_BYTES = MAX_DOCUMENT_FILE_BYTES + MULTIPART_OVERHEAD;
const CASE_ROLES = new Set(["ADMIN", "COORDINATOR", "CASEWORKER"]);

const json = (status: number, body: object) =>
  Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

/** A request from another site (Origin differs from the host) is refused; cookies alone do not authorize. */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Upload of one scan to a checklist item: multipart fields `documentId` and `file`. Answers JSON. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations();
  const tooLarge = () => json(413, { ok: false, message: t("casefile.rules.fileTooLarge", { maxMb: MAX_DOCUMENT_FILE_BYTES / 1024 / 1024 }) });
  const notFound = () => json(404, { ok: false, message: t("errors.notFound") });
  if (!isSameOrigin(request)) return json(403, { ok: false, message: t("errors.notFound") });

  const user = await requireUser();
  if (!CASE_ROLES.has(user.role)) return notFound();

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_BODY_BYTES) return tooLarge();
  const body = await readBodyAtMost(request.body, MAX_BODY_BYTES);
  if (!body) return tooLarge();

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return json(400, { ok: false, message: t("casefile.rules.uploadFailed") });
  }
  const fields = documentUploadSchema.safeParse({ familyId: (await params).id, documentId: form.get("documentId") });
  if (!fields.success) return notFound();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return json(400, { ok: false, message: t(file instanceof File ? "casefile.rules.fileEmpty" : "casefile.documents.chooseFile") });
  }
  if (file.size > MAX_DOCUMENT_FILE_BYTES) return tooLarge();

  try {
    const stored = await storeDocumentFile(user, {
      familyId: fields.data.familyId,
      documentId: fields.data.documentId,
      fileName: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
    });
    revalidatePath(`/families/${fields.data.familyId}`);
    return json(201, { ok: true, file: stored });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    if (error instanceof CaseFileRuleError) {
      const status = error.key === "fileTooLarge" ? 413 : error.key === "fileType" ? 415 : error.key === "verifiedLocked" ? 403 : 400;
      return json(status, { ok: false, message: await ruleMessage(error) });
    }
    throw error;
  }
}
