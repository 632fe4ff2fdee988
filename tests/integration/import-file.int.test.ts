// An uploaded registry file kept in PostgreSQL (docs/decisions/027): stored in 1 MiB chunks while it
// streams in, hashed, read back byte for byte; too large, empty or by the wrong role, nothing stays.
import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IMPORT_CHUNK_BYTES, importFileContent, storeImportFile } from "@/lib/db/import/import-file";
import { AppError } from "@/lib/domain/app-error";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, PAVLODAR, prisma } from "./fixtures";

/** `bytes` as an upload delivers it: in uneven pieces. */
async function* uploaded(bytes: Uint8Array, pieceSize = 64 * 1024 + 7): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += pieceSize) yield bytes.subarray(start, start + pieceSize);
}

async function readBack(importId: number): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of importFileContent(importId)) pieces.push(piece);
  return Buffer.concat(pieces);
}

describe("storeImportFile", () => {
  it("keeps a coordinator's file in 1 MiB chunks with its hash, in the own region, and reads it back unchanged", async () => {
    const coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    const bytes = randomBytes(2 * IMPORT_CHUNK_BYTES + 12_345);
    const stored = await storeImportFile(coordinator, { fileName: "registry.csv", content: uploaded(bytes) });

    expect(stored).toMatchObject({
      sha256: createHash("sha256").update(bytes).digest("hex"),
      sizeBytes: bytes.length,
      format: "CSV",
    });
    const chunks = await prisma.importFileChunk.findMany({ where: { importId: stored.id }, orderBy: { seq: "asc" } });
    expect(chunks.map((chunk) => chunk.bytes.length)).toEqual([IMPORT_CHUNK_BYTES, IMPORT_CHUNK_BYTES, 12_345]);
    expect((await readBack(stored.id)).equals(bytes)).toBe(true);
    expect(await prisma.registryImport.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({
      fileName: "registry.csv",
      regionId: PAVLODAR,
      state: "UPLOADED",
      createdById: coordinator.id,
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "import.upload", entityId: String(stored.id), regionId: PAVLODAR },
      }),
    ).toBe(1);
  });

  it("recognises an XLSX file by its bytes, whatever its name, and lets an administrator import into any region", async () => {
    const admin = await createStaffUser(prisma, "ADMIN");
    const zipStart = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    const stored = await storeImportFile(admin, { fileName: "registry.csv", content: uploaded(zipStart) });
    expect(stored.format).toBe("XLSX");
    expect((await prisma.registryImport.findUniqueOrThrow({ where: { id: stored.id } })).regionId).toBeNull();
  });

  it("refuses an empty file and leaves no import behind", async () => {
    const coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    await expect(
      storeImportFile(coordinator, { fileName: "empty.csv", content: uploaded(new Uint8Array()) }),
    ).rejects.toMatchObject({ code: "import.problem.empty-file", status: 422 });
    expect(await prisma.registryImport.count({ where: { createdById: coordinator.id } })).toBe(0);
  });

  crossRegionTest(
    storeImportFile,
    "keeps a coordinator's import in the own region and refuses a caseworker",
    async () => {
      const coordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
      const stored = await storeImportFile(coordinator, { fileName: "x.csv", content: uploaded(Buffer.from("a;b\n")) });
      expect((await prisma.registryImport.findUniqueOrThrow({ where: { id: stored.id } })).regionId).toBe(AKMOLA);

      const caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
      const refused = storeImportFile(caseworker, { fileName: "x.csv", content: uploaded(Buffer.from("a;b\n")) });
      await expect(refused).rejects.toBeInstanceOf(AppError);
      expect(await prisma.registryImport.count({ where: { createdById: caseworker.id } })).toBe(0);
    },
  );
});
