import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { AppError } from "@/lib/domain/app-error";
import type { ColumnMapping } from "@/lib/domain/import/columns";
import type { Actor } from "@/lib/domain/permissions";
import { UnreadableImportFile } from "@/lib/import/file-rows";
import { findImportInScope, readCheckedFamilies, Tally, type ReadingSummary } from "./read-families";

/** Families checked against the database together (one query per check per batch). */
const CHECK_BATCH_FAMILIES = 500;

/** The dry run's figures (ReadingSummary: families valid, rows rejected, problems by kind…). */
export type ImportCheckSummary = ReadingSummary;

/**
 * The dry run over the whole stored file of an import: every row read through the mapping (the saved
 * one, or the one the header row gives), grouped into families and checked as the registration form
 * checks a family, then against the database in batches (the user's scope, IINs registered already,
 * families this file brought in before). Rejected rows are kept with their original cells and problems
 * for the download; the counts go on the import, which becomes CHECKED. Nothing else is written.
 * A file that cannot be read at all marks the import FAILED with the reason.
 */
export async function checkImport(
  actor: Actor,
  importId: number,
  { onProgress }: { onProgress?: (rowsDone: number) => void } = {},
): Promise<ImportCheckSummary> {
  assertCan(actor, "import.run");
  const stored = await findImportInScope(actor, importId);
  if (stored.state !== "UPLOADED" && stored.state !== "CHECKED") {
    throw new AppError("import.errors.notCheckable", { status: 409 });
  }
  await db().$transaction([
    db().importRejectedRow.deleteMany({ where: { importId } }),
    db().registryImport.update({
      where: { id: importId },
      data: { state: "CHECKING", rowsDone: 0, phaseStartedAt: new Date(), error: null },
    }),
  ]);

  const tally = new Tally();
  let read: { mapping: ColumnMapping; rowsDone: number };
  try {
    read = await readCheckedFamilies(stored, actor, {
      batchFamilies: CHECK_BATCH_FAMILIES,
      tally,
      onBatch: async ({ outcomes, rowsDone, cellsOfRow }) => {
        const rejected = outcomes.flatMap((outcome) => (outcome.family ? [] : outcome.rows));
        if (rejected.length > 0) {
          await db().importRejectedRow.createMany({
            data: rejected.map((row) => ({
              importId,
              rowNumber: row.rowNumber,
              cells: cellsOfRow.get(row.rowNumber) ?? [],
              problems: row.problems as object[],
            })),
          });
        }
        await db().registryImport.update({ where: { id: importId }, data: { rowsDone } });
        onProgress?.(rowsDone);
      },
    });
  } catch (error) {
    const problem = error instanceof UnreadableImportFile ? error.problem : null;
    await db().registryImport.update({
      where: { id: importId },
      data: problem ? { state: "FAILED", error: problem } : { state: "UPLOADED" },
    });
    throw problem ? new AppError(`import.problem.${problem}`, { status: 422 }) : error;
  }
  const { mapping, rowsDone } = read;

  const summary = tally.summary(rowsDone);
  await db().registryImport.update({
    where: { id: importId },
    data: {
      state: "CHECKED",
      mapping,
      rowsTotal: rowsDone,
      familiesValid: summary.familiesValid,
      personsValid: summary.personsValid,
      rowsRejected: summary.rowsRejected,
      familiesSkipped: summary.familiesSkipped,
      problemCounts: summary.problemCounts,
      finishedAt: new Date(),
    },
  });
  await recordAudit({
    actor,
    action: "import.check",
    entity: "registry_import",
    entityId: importId,
    regionId: stored.regionId,
    details: { ...summary },
  });
  return summary;
}
