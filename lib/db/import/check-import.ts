import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { automaticMapping, checkMapping, type ColumnMapping } from "@/lib/domain/import/columns";
import { IMPORT_PROBLEM_CODES, isWarning, type ImportProblemCode, type RowProblem } from "@/lib/domain/import/problems";
import { createFamilyGrouper, readRow, type FamilyOutcome } from "@/lib/domain/import/rows";
import { familyScope, type Actor } from "@/lib/domain/permissions";
import { fileRows, UnreadableImportFile } from "@/lib/import/file-rows";
import type { SheetCell } from "@/lib/import/xlsx-rows";
import { IMPORT_RULES } from "@/lib/validation/import-rules";
import { importFileContent } from "./import-file";

/** Families checked against the database together (one query per check per batch). */
const CHECK_BATCH_FAMILIES = 500;

export type ImportCheckSummary = {
  rowsTotal: number;
  familiesValid: number;
  personsValid: number;
  rowsRejected: number;
  /** Families an earlier run of the same file imported already: the commit leaves them alone. */
  familiesSkipped: number;
  /** Problem code → rows with it, warnings included, in the order of IMPORT_PROBLEM_CODES. */
  problemCounts: Partial<Record<ImportProblemCode, number>>;
};

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
  const scope = familyScope(actor);
  const stored = await db().registryImport.findFirst({
    where: { id: importId, ...(scope.kind === "region" && { regionId: scope.regionId }) },
  });
  if (!stored || scope.kind === "none") throw notFoundError("import");
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

  const districts = new Map(
    (await db().district.findMany({ select: { id: true, regionId: true, nameEn: true } })).map((district) => [
      `${district.regionId}/${district.nameEn}`,
      district.id,
    ]),
  );
  const tally = new Tally();
  const grouper = createFamilyGrouper(IMPORT_RULES, { rowsOfAFamilyAreTogether: true });
  // The original cells of the rows of families not yet complete, for the rejected rows' file.
  const cellsOfRow = new Map<number, string[]>();
  let batch: FamilyOutcome[] = [];
  let mapping: ColumnMapping | null = null;
  let rowsDone = 0;

  const flush = async () => {
    await checkAgainstDatabase(batch, { scope, sha256: stored.sha256, districts, tally });
    const rejected = batch.flatMap((outcome) =>
      outcome.family ? [] : outcome.rows.map((row) => ({ ...row, cells: cellsOfRow.get(row.rowNumber) ?? [] })),
    );
    if (rejected.length > 0) {
      await db().importRejectedRow.createMany({
        data: rejected.map((row) => ({
          importId,
          rowNumber: row.rowNumber,
          cells: row.cells,
          problems: row.problems as object[],
        })),
      });
    }
    for (const outcome of batch) for (const row of outcome.rows) cellsOfRow.delete(row.rowNumber);
    batch = [];
    await db().registryImport.update({ where: { id: importId }, data: { rowsDone } });
    onProgress?.(rowsDone);
  };

  try {
    for await (const row of fileRows(importFileContent(importId), { format: stored.format, sheet: stored.sheet })) {
      const cells = row.cells.map(cellText);
      if (mapping === null) {
        mapping = mappingFor(stored.mapping, cells);
        continue;
      }
      rowsDone += 1;
      cellsOfRow.set(row.rowNumber, cells);
      batch.push(...grouper.add(readRow(cells, mapping, row.rowNumber, IMPORT_RULES)));
      if (batch.length >= CHECK_BATCH_FAMILIES) await flush();
    }
    if (mapping === null) throw new UnreadableImportFile("no-header-row");
    batch.push(...grouper.finish());
    await flush();
  } catch (error) {
    const problem = error instanceof UnreadableImportFile ? error.problem : null;
    await db().registryImport.update({
      where: { id: importId },
      data: problem ? { state: "FAILED", error: problem } : { state: "UPLOADED" },
    });
    throw problem ? new AppError(`import.problem.${problem}`, { status: 422 }) : error;
  }

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

/** An XLSX error cell reads as its error text (`#DIV/0!`): it fails whatever the column expects. */
const cellText = (cell: SheetCell): string => (typeof cell === "string" ? cell : cell.error);

/** The import's chosen mapping, or the one the header row names; a mapping that does not fit is a 422. */
function mappingFor(chosen: unknown, header: string[]): ColumnMapping {
  const check = checkMapping(
    chosen && typeof chosen === "object" ? (chosen as Record<string, unknown>) : automaticMapping(header),
    header.length,
  );
  if (!check.ok) {
    throw new AppError("import.errors.mapping", { status: 422, details: { problems: check.problems } });
  }
  return check.mapping;
}

/**
 * Adds what only the database knows to a batch of families read from the file: a family outside the
 * coordinator's region, a district the database does not have, a member whose IIN is registered
 * already. A family this file imported before is counted as skipped. Rejections reject the family.
 */
async function checkAgainstDatabase(
  batch: FamilyOutcome[],
  context: {
    scope: ReturnType<typeof familyScope>;
    sha256: string;
    districts: Map<string, number>;
    tally: Tally;
  },
): Promise<void> {
  const families = batch.flatMap((outcome) => (outcome.family ? [outcome.family] : []));
  const iins = families.flatMap((family) => family.members.flatMap((member) => (member.iin ? [member.iin] : [])));
  const [registered, imported] = await Promise.all([
    db().person.findMany({ where: { iin: { in: iins } }, select: { iin: true } }),
    db().importFamily.findMany({
      where: { sha256: context.sha256, familyKey: { in: families.map((family) => family.familyKey) } },
      select: { familyKey: true },
    }),
  ]);
  const registeredIins = new Set(registered.map((person) => person.iin));
  const importedKeys = new Set(imported.map((row) => row.familyKey));

  for (const outcome of batch) {
    const family = outcome.family;
    if (family && importedKeys.has(family.familyKey)) {
      context.tally.skip();
      continue;
    }
    if (family) {
      const problemsOf = new Map<number, RowProblem[]>();
      const add = (rowNumber: number, problem: RowProblem) =>
        problemsOf.set(rowNumber, [...(problemsOf.get(rowNumber) ?? []), problem]);
      const head = family.members[0]!;
      if (context.scope.kind === "region" && family.targetRegionId !== context.scope.regionId) {
        add(head.rowNumber, { code: "outside-scope", column: "target_region", value: family.targetRegionId });
      }
      if (
        family.targetDistrict &&
        !context.districts.has(`${family.targetDistrict.regionId}/${family.targetDistrict.name.en}`)
      ) {
        add(head.rowNumber, {
          code: "district-unknown",
          column: "target_district",
          value: family.targetDistrict.name.en,
        });
      }
      for (const member of family.members) {
        if (member.iin && registeredIins.has(member.iin)) {
          add(member.rowNumber, { code: "iin-registered", column: "iin", value: member.iin });
        }
      }
      if (problemsOf.size > 0) {
        outcome.family = null;
        for (const row of outcome.rows) {
          const added = problemsOf.get(row.rowNumber) ?? [];
          row.problems = [...row.problems, ...added];
          if (!row.problems.some((problem) => !isWarning(problem.code)))
            row.problems.push({ code: "family-rejected-by-other-rows" });
        }
      }
    }
    context.tally.add(outcome);
  }
}

/** The dry run's counts, kept as families are decided (counts only: memory does not grow with the file). */
class Tally {
  private families = 0;
  private persons = 0;
  private rejectedRows = 0;
  private skipped = 0;
  private readonly problemCounts = new Map<ImportProblemCode, number>();

  add(outcome: FamilyOutcome): void {
    for (const row of outcome.rows) {
      for (const { code } of row.problems) this.problemCounts.set(code, (this.problemCounts.get(code) ?? 0) + 1);
    }
    if (outcome.family) {
      this.families += 1;
      this.persons += outcome.family.members.length;
    } else {
      this.rejectedRows += outcome.rows.length;
    }
  }

  skip(): void {
    this.skipped += 1;
  }

  summary(rowsTotal: number): ImportCheckSummary {
    return {
      rowsTotal,
      familiesValid: this.families,
      personsValid: this.persons,
      rowsRejected: this.rejectedRows,
      familiesSkipped: this.skipped,
      problemCounts: Object.fromEntries(
        IMPORT_PROBLEM_CODES.flatMap((code) => {
          const count = this.problemCounts.get(code);
          return count === undefined ? [] : [[code, count]];
        }),
      ),
    };
  }
}
