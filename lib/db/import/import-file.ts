import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { AppError } from "@/lib/domain/app-error";
import { familyScope, type Actor } from "@/lib/domain/permissions";
import { formatOf } from "@/lib/import/file-rows";

/** The largest file an import takes (issue 16): a registry of a million persons is about 150 MB of CSV. */
export const IMPORT_FILE_MAX_BYTES = 200 * 1024 * 1024;
/** The file is kept in pieces of this size (docs/decisions/027). */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

export type StoredImportFile = { id: number; sha256: string; sizeBytes: number; format: "CSV" | "XLSX" };

/**
 * Stores an uploaded file as a new import of the actor (COORDINATOR: into the own region; ADMIN: any),
 * in 1 MiB chunks while it streams in, hashing it on the way. A file over IMPORT_FILE_MAX_BYTES (413) or
 * an empty one (422) is refused and leaves nothing behind. The upload is audited.
 */
export async function storeImportFile(
  actor: Actor,
  { fileName, content }: { fileName: string; content: AsyncIterable<Uint8Array> },
): Promise<StoredImportFile> {
  assertCan(actor, "import.run");
  const scope = familyScope(actor);
  const created = await db().registryImport.create({
    data: {
      fileName: fileName.slice(0, 255),
      // Known once the whole file is in.
      sha256: "",
      sizeBytes: 0,
      format: "CSV",
      regionId: scope.kind === "region" ? scope.regionId : null,
      createdById: actor.id,
    },
    select: { id: true },
  });
  try {
    const hash = createHash("sha256");
    let sizeBytes = 0;
    let seq = 0;
    let firstBytes: Uint8Array | null = null;
    for await (const chunk of rechunk(content, IMPORT_CHUNK_BYTES)) {
      sizeBytes += chunk.length;
      if (sizeBytes > IMPORT_FILE_MAX_BYTES) {
        throw new AppError("import.upload.tooLarge", {
          status: 413,
          values: { megabytes: IMPORT_FILE_MAX_BYTES >> 20 },
        });
      }
      firstBytes ??= chunk;
      hash.update(chunk);
      await db().importFileChunk.create({ data: { importId: created.id, seq, bytes: Buffer.from(chunk) } });
      seq += 1;
    }
    if (!firstBytes) throw new AppError("import.problem.empty-file", { status: 422 });
    const stored = await db().registryImport.update({
      where: { id: created.id },
      data: { sha256: hash.digest("hex"), sizeBytes, format: formatOf(firstBytes) },
      select: { id: true, sha256: true, sizeBytes: true, format: true, regionId: true },
    });
    await recordAudit({
      actor,
      action: "import.upload",
      entity: "registry_import",
      entityId: stored.id,
      regionId: stored.regionId,
      details: { fileName, sizeBytes, sha256: stored.sha256, format: stored.format },
    });
    return { id: stored.id, sha256: stored.sha256, sizeBytes: stored.sizeBytes, format: stored.format };
  } catch (error) {
    await db().registryImport.delete({ where: { id: created.id } });
    throw error;
  }
}

/** The stored file's bytes, chunk by chunk in order, one chunk in memory at a time. */
export async function* importFileContent(importId: number): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq += 1) {
    const chunk = await db().importFileChunk.findUnique({
      where: { importId_seq: { importId, seq } },
      select: { bytes: true },
    });
    if (!chunk) return;
    yield chunk.bytes;
  }
}

/** The pieces of `content` regrouped into pieces of `size` bytes (the last one shorter). */
async function* rechunk(content: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  for await (const piece of content) {
    pending.push(piece);
    pendingLength += piece.length;
    while (pendingLength >= size) {
      const joined = Buffer.concat(pending, pendingLength);
      yield joined.subarray(0, size);
      pending = [joined.subarray(size)];
      pendingLength -= size;
    }
  }
  if (pendingLength > 0) yield Buffer.concat(pending, pendingLength);
}
