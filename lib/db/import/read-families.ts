import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { automaticMapping, checkMapping, type ColumnMapping } from "@/lib/domain/import/columns";
import { IMPORT_PROBLEM_CODES, isWarning, type ImportProblemCode, type RowProblem } from "@/lib/domain/import/problems";
import { createFamilyGrouper, readRow, type FamilyOutcome } from "@/lib/domain/import/rows";
import { familyScope, type Actor } from "@/lib/domain/permissions";
import { fileRows, UnreadableImportFile } from "@/lib/import/file-rows";
import type { SheetCell } from "@/lib/import/xlsx-rows";
import { IMPORT_RULES } from "@/lib/validation/import-rules";
import { importFileContent } from "./import-file";

/** An import of the actor's scope (a coordinator's region, every one for an administrator), or 404. */
export async function findImportInScope(actor: Actor, importId: number) {
  const scope = familyScope(actor);
  if (scope.kind === "none") throw notFoundError("import");
  const stored = await db().registryImport.findFirst({
    where: { id: importId, ...(scope.kind === "region" && { regionId: scope.regionId }) },
  });
  if (!stored) throw notFoundError("import");
  return stored;
}

export type StoredImport = Awaited<ReturnType<typeof findImportInScope>>;

/** A batch of families of the file, checked against the database, and where the reading stands. */
export type FamilyBatch = {
  outcomes: FamilyOutcome[];
  /** Rows of the file read so far (the header not counted). */
  rowsDone: number;
  /** The district ids of the valid families' districts (region/English name → id). */
  districts: ReadonlyMap<string, number>;
  /** The cells of each row of the batch as the file has them, by row number. */
  cellsOfRow: ReadonlyMap<number, string[]>;
};

/** The key a district is looked up by in FamilyBatch.districts. */
export const districtKey = (district: { regionId: string; name: { en: string } }) =>
  `${district.regionId}/${district.name.en}`;

/**
 * Reads an import's stored file and hands its families to `onBatch`, `batchFamilies` at a time: every
 * row read through the mapping (the import's own, or the one the header row gives; one that does not
 * fit is a 422), grouped into families under the registration form's rules, then checked against the
 * database (checkAgainstDatabase). Answers the mapping used and the number of rows. A file that cannot
 * be read throws UnreadableImportFile.
 */
export async function readCheckedFamilies(
  stored: StoredImport,
  actor: Actor,
  {
    batchFamilies,
    tally,
    onBatch,
  }: { batchFamilies: number; tally: Tally; onBatch: (batch: FamilyBatch) => Promise<void> },
): Promise<{ mapping: ColumnMapping; rowsDone: number }> {
  const districts = new Map(
    (await db().district.findMany({ select: { id: true, regionId: true, nameEn: true } })).map((district) => [
      districtKey({ regionId: district.regionId, name: { en: district.nameEn } }),
      district.id,
    ]),
  );
  const grouper = createFamilyGrouper(IMPORT_RULES, { rowsOfAFamilyAreTogether: true });
  // The cells of the rows of families not yet handed over.
  const cellsOfRow = new Map<number, string[]>();
  let outcomes: FamilyOutcome[] = [];
  let mapping: ColumnMapping | null = null;
  let rowsDone = 0;

  const flush = async () => {
    await checkAgainstDatabase(outcomes, { scope: familyScope(actor), sha256: stored.sha256, districts, tally });
    await onBatch({ outcomes, rowsDone, districts, cellsOfRow });
    for (const outcome of outcomes) for (const row of outcome.rows) cellsOfRow.delete(row.rowNumber);
    outcomes = [];
  };

  for await (const row of fileRows(importFileContent(stored.id), { format: stored.format, sheet: stored.sheet })) {
    const cells = row.cells.map(cellText);
    if (mapping === null) {
      mapping = mappingFor(stored.mapping, cells);
      continue;
    }
    rowsDone += 1;
    cellsOfRow.set(row.rowNumber, cells);
    outcomes.push(...grouper.add(readRow(cells, mapping, row.rowNumber, IMPORT_RULES)));
    if (outcomes.length >= batchFamilies) await flush();
  }
  if (mapping === null) throw new UnreadableImportFile("no-header-row");
  outcomes.push(...grouper.finish());
  await flush();
  return { mapping, rowsDone };
}

export type ReadingSummary = {
  rowsTotal: number;
  familiesValid: number;
  personsValid: number;
  rowsRejected: number;
  /** Families an earlier run of the same file imported already: the commit leaves them alone. */
  familiesSkipped: number;
  /** Problem code → rows with it, warnings included, in the order of IMPORT_PROBLEM_CODES. */
  problemCounts: Partial<Record<ImportProblemCode, number>>;
};

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
      if (family.targetDistrict && !context.districts.has(districtKey(family.targetDistrict))) {
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

/** The counts of a reading, kept as families are decided (counts only: memory does not grow with the file). */
export class Tally {
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

  summary(rowsTotal: number): ReadingSummary {
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
