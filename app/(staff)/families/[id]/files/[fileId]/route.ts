import { z } from "zod";
import { defineRoute } from "@/lib/actions/route";
import { readDocumentFile } from "@/lib/db/case-file/documents";
import { attachmentDisposition } from "@/lib/domain/file-type";

const id = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * Download of a stored scan by a user who may see the case; anything else is a plain 404 (audited in
 * lib/db). Always an attachment with the type recognised at upload, never sniffed, cached or run.
 */
export const GET = defineRoute({
  permission: "family.view",
  params: z.object({ id, fileId: id }),
  async handler({ user, params }) {
    const file = await readDocumentFile(user, { familyId: params.id, fileId: params.fileId });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.content.byteLength),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  },
});
