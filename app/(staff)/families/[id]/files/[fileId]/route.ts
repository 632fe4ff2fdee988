import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { readDocumentFile } from "@/lib/db/case-file/documents";
import { NotFoundError } from "@/lib/db/errors";
import { attachmentDisposition } from "@/lib/domain/file-type";

const idsSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  fileId: z.coerce.number().int().positive().max(2_147_483_647),
});

/**
 * Download of a stored scan by a user who may see the case; anything else is a plain 404 (audited in
 * lib/db). Always an attachment with the type recognised at upload, never sniffed or cached.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const user = await requireUser();
  const notFound = async () =>
    new Response((await getTranslations("errors"))("notFound"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
    });
  const ids = idsSchema.safeParse(await params);
  if (!ids.success) return notFound();
  try {
    const file = await readDocumentFile(user, { familyId: ids.data.id, fileId: ids.data.fileId });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return notFound();
    throw error;
  }
}
