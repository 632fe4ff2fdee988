import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { databasePool } from "@/lib/db/database-pool";
import { assertCan } from "@/lib/db/scopes";
import { AppError } from "@/lib/domain/app-error";
import { CASE_NUMBER_MAX_SEQ, formatCaseNumber } from "@/lib/domain/case-number";
import type { ImportFamily } from "@/lib/domain/import/rows";
import type { Actor } from "@/lib/domain/permissions";
import {
  appendImportedFamily,
  emptyImportCopyLines,
  IMPORT_COPY_COLUMNS,
  type ImportCopyTable,
} from "./imported-family-rows";
import { districtKey, findImportInScope, readCheckedFamilies, Tally } from "./read-families";

/** Families written in one transaction: a crash loses at most this batch, which the next run writes again. */
export const COMMIT_BATCH_FAMILIES = 200;

export type ImportCommitSummary = {
  familiesImported: number;
  personsImported: number;
  /** Families this file brought in before (an earlier run, or the part of this one before a crash). */
  familiesSkipped: number;
  /** Rows of families that are refused now (the dry run's, and any the database refuses since). */
  rowsRejected: number;
};

/**
 * Writes an import's valid families (docs/decisions/027): the stored file is read again and every family
 * checked again (the database may have changed since the dry run), then written in batches of
 * `batchFamilies`, each in one transaction with its import_family rows and the import's counters. A
 * family this file already brought in is skipped, so a run that stopped halfway — a crash, a restart —
 * resumes by running again, and running a finished import again adds nothing. When the file is done the
 * import is COMMITTED and its stored file deleted. `onBatch` hears of each batch written.
 */
export async function commitImport(
  actor: Actor,
  importId: number,
  {
    onBatch,
    batchFamilies = COMMIT_BATCH_FAMILIES,
  }: { onBatch?: (progress: { rowsDone: number; familiesImported: number }) => void; batchFamilies?: number } = {},
): Promise<ImportCommitSummary> {
  assertCan(actor, "import.run");
  const stored = await findImportInScope(actor, importId);
  if (stored.state !== "CHECKED" && stored.state !== "COMMITTING") {
    throw new AppError("import.errors.notCommittable", { status: 409 });
  }
  await db().registryImport.update({
    where: { id: importId },
    data: { state: "COMMITTING", phaseStartedAt: new Date() },
  });
  // The pool lib/db/client registered with its Prisma client (used just above): COPY needs a connection of it.
  const pool = databasePool();
  if (!pool) throw new Error("the database pool is not registered");

  const tally = new Tally();
  let familiesImported = 0;
  let personsImported = 0;
  const { rowsDone } = await readCheckedFamilies(stored, actor, {
    batchFamilies,
    tally,
    onBatch: async ({ outcomes, rowsDone, districts }) => {
      const families = outcomes.flatMap((outcome) => (outcome.family ? [outcome.family] : []));
      const written = await writeFamilies(pool, families, {
        actor,
        importId,
        sha256: stored.sha256,
        rowsDone,
        districtOf: (family) =>
          family.targetDistrict ? (districts.get(districtKey(family.targetDistrict)) ?? null) : null,
      });
      familiesImported += written.families;
      personsImported += written.persons;
      onBatch?.({ rowsDone, familiesImported });
    },
  });

  const reading = tally.summary(rowsDone);
  const summary: ImportCommitSummary = {
    familiesImported,
    personsImported,
    // Skipped by the database check (imported before this run) or inside a batch (by a run beside this one).
    familiesSkipped: reading.familiesSkipped + (reading.familiesValid - familiesImported),
    rowsRejected: reading.rowsRejected,
  };
  const finished = await db().registryImport.update({
    where: { id: importId },
    data: { state: "COMMITTED", finishedAt: new Date(), familiesSkipped: summary.familiesSkipped },
    select: { regionId: true, familiesImported: true, personsImported: true },
  });
  await db().importFileChunk.deleteMany({ where: { importId } });
  await recordAudit({
    actor,
    action: "import.commit",
    entity: "registry_import",
    entityId: importId,
    regionId: finished.regionId,
    details: { ...summary, totalImported: finished.familiesImported, totalPersons: finished.personsImported },
  });
  return summary;
}

/**
 * One batch in one transaction: under a lock on the file's hash (two imports of the same file write one
 * after the other), the families whose key the file has not brought in yet get their ids and case numbers
 * reserved and are COPYed with their members, checklist, event, audit entry and import_family row; the
 * import's counters move in the same transaction.
 */
async function writeFamilies(
  pool: pg.Pool,
  families: ImportFamily[],
  ctx: {
    actor: Actor;
    importId: number;
    sha256: string;
    rowsDone: number;
    districtOf: (family: ImportFamily) => number | null;
  },
): Promise<{ families: number; persons: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`import:${ctx.sha256}`]);
    const { rows: done } = await client.query<{ familyKey: string }>(
      `SELECT "familyKey" FROM import_family WHERE sha256 = $1 AND "familyKey" = ANY($2::text[])`,
      [ctx.sha256, families.map((family) => family.familyKey)],
    );
    const doneKeys = new Set(done.map((row) => row.familyKey));
    const fresh = families.filter((family) => !doneKeys.has(family.familyKey));
    const persons = fresh.reduce((sum, family) => sum + family.members.length, 0);
    if (fresh.length > 0) {
      const familyIds = await reserveIds(client, "family", fresh.length);
      const personIds = await reserveIds(client, "person", persons);
      const caseNumbers = await reserveCaseNumbers(
        client,
        fresh.map((family) => Number(family.applicationDate.slice(0, 4))),
      );
      const lines = emptyImportCopyLines();
      const at = new Date();
      let nextPerson = 0;
      fresh.forEach((family, index) => {
        appendImportedFamily(lines, family, {
          familyId: familyIds[index]!,
          personIds: personIds.slice(nextPerson, (nextPerson += family.members.length)),
          caseNumber: caseNumbers[index]!,
          districtId: ctx.districtOf(family),
          actor: ctx.actor,
          importId: ctx.importId,
          sha256: ctx.sha256,
          at,
        });
      });
      for (const table of Object.keys(IMPORT_COPY_COLUMNS) as ImportCopyTable[]) {
        await copyInto(client, table, lines[table]);
      }
    }
    await client.query(
      `UPDATE registry_import SET "familiesImported" = "familiesImported" + $2, "personsImported" = "personsImported" + $3,
              "rowsDone" = $4 WHERE id = $1`,
      [ctx.importId, fresh.length, persons, ctx.rowsDone],
    );
    await client.query("COMMIT");
    return { families: fresh.length, persons };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** `count` ids of the table's sequence, in order, for rows the batch writes with explicit ids. */
async function reserveIds(client: pg.PoolClient, table: "family" | "person", count: number): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2)`,
    [table, count],
  );
  return rows.map((row) => row.id);
}

/**
 * A case number for each family, by its year of application (decision 027), each year's block taken
 * from case_number_counter at once, as registration takes one number.
 */
async function reserveCaseNumbers(client: pg.PoolClient, years: number[]): Promise<string[]> {
  const perYear = new Map<number, number>();
  for (const year of years) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, count] of perYear) {
    const { rows } = await client.query<{ last: number }>(
      `INSERT INTO case_number_counter (year, last) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last = case_number_counter.last + EXCLUDED.last RETURNING last`,
      [year, count],
    );
    const last = rows[0]!.last;
    if (last > CASE_NUMBER_MAX_SEQ)
      throw new AppError("import.errors.caseNumbersExhausted", { status: 409, values: { year } });
    next.set(year, last - count + 1);
  }
  return years.map((year) => {
    const seq = next.get(year)!;
    next.set(year, seq + 1);
    return formatCaseNumber(year, seq);
  });
}

async function copyInto(client: pg.PoolClient, table: ImportCopyTable, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  const columns = IMPORT_COPY_COLUMNS[table].map((column) => `"${column}"`).join(", ");
  await pipeline(Readable.from([lines.join("")]), client.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`)));
}
