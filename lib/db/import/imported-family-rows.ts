/**
 * The rows an imported family adds, as PostgreSQL COPY text lines per table (docs/decisions/027): the
 * family with its reserved id and case number, its members with their search text, the document
 * checklist (every item missing: the old registry's papers are not in the system yet), one case event
 * that records the status from the file as imported, the audit entry, and the import_family row that
 * makes a second run of the same file skip it. The family's and the members' ids are reserved by the
 * commit (the checklist names members by id); the other rows take theirs from the column defaults.
 * Pure: the commit (commit-import.ts) reserves the ids and sends the lines.
 */
import { documentChecklist } from "@/lib/domain/documents";
import type { ImportFamily } from "@/lib/domain/import/rows";
import type { Actor } from "@/lib/domain/permissions";
import { personSearchText } from "@/lib/domain/person-search";
import { COLUMNS, copyLine } from "@/prisma/factories/bulk";

/** The generator's family columns but two left to their defaults: version 1, and no assignee (the coordinator assigns). */
const FAMILY_COLUMNS = COLUMNS.family.filter(
  (column): column is Exclude<(typeof COLUMNS.family)[number], "version" | "assignedToId"> =>
    column !== "version" && column !== "assignedToId",
);

export const IMPORT_COPY_COLUMNS = {
  family: FAMILY_COLUMNS,
  // The person row is the data generator's, column for column.
  person: COLUMNS.person,
  case_event: ["familyId", "fromStatus", "toStatus", "actorId", "at", "data"],
  document: ["familyId", "personId", "kind", "status", "updatedAt"],
  audit_log: ["at", "actorId", "actorRole", "action", "entity", "entityId", "regionId", "changes"],
  import_family: ["sha256", "familyKey", "importId", "familyId"],
} as const;

export type ImportCopyTable = keyof typeof IMPORT_COPY_COLUMNS;
export type ImportCopyLines = Record<ImportCopyTable, string[]>;

/** One table's COPY line from its values by column name (every column of the table named once). */
function lineOf<T extends ImportCopyTable>(
  table: T,
  values: Record<(typeof IMPORT_COPY_COLUMNS)[T][number], unknown>,
): string {
  const columns: readonly (typeof IMPORT_COPY_COLUMNS)[T][number][] = IMPORT_COPY_COLUMNS[table];
  return copyLine(columns.map((column) => values[column]));
}

export function emptyImportCopyLines(): ImportCopyLines {
  return { family: [], person: [], case_event: [], document: [], audit_log: [], import_family: [] };
}

const day = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Appends the COPY lines of one imported family to `out`; `personIds` are the members' reserved ids, in order. */
export function appendImportedFamily(
  out: ImportCopyLines,
  family: ImportFamily,
  ctx: {
    familyId: number;
    personIds: readonly number[];
    caseNumber: string;
    districtId: number | null;
    actor: Actor;
    importId: number;
    sha256: string;
    at: Date;
  },
): void {
  const { familyId, at } = ctx;
  out.family.push(
    lineOf("family", {
      id: familyId,
      caseNumber: ctx.caseNumber,
      category: family.category,
      status: family.status,
      originCountry: family.originCountry,
      originRegionId: family.originRegionId,
      targetRegionId: family.targetRegionId,
      targetDistrictId: ctx.districtId,
      contactPhone: family.contactPhone,
      contactEmail: family.contactEmail,
      address: family.address,
      applicationDate: day(family.applicationDate),
      decisionNumber: family.decisionNumber,
      decisionDate: day(family.decisionDate),
      statusValidUntil: day(family.statusValidUntil),
      arrivalDate: day(family.arrivalDate),
      createdById: ctx.actor.id,
      updatedById: ctx.actor.id,
      createdAt: at,
      updatedAt: at,
    }),
  );
  family.members.forEach((member, index) => {
    out.person.push(
      lineOf("person", {
        id: ctx.personIds[index],
        familyId,
        position: index + 1,
        isHead: member.isHead,
        relationship: member.relationship,
        surnameCyr: member.surnameCyr,
        givenNameCyr: member.givenNameCyr,
        patronymicCyr: member.patronymicCyr,
        surnameLat: member.surnameLat,
        givenNameLat: member.givenNameLat,
        patronymicLat: member.patronymicLat,
        iin: member.iin,
        birthDate: day(member.birthDate),
        sex: member.sex,
        citizenship: member.citizenship,
        education: member.education,
        profession: member.profession,
        searchText: personSearchText(member),
        createdAt: at,
        updatedAt: at,
      }),
    );
  });
  for (const item of documentChecklist(
    family.category,
    ctx.personIds.map((id) => ({ id })),
  )) {
    out.document.push(
      lineOf("document", { familyId, personId: item.personId, kind: item.kind, status: "MISSING", updatedAt: at }),
    );
  }
  out.case_event.push(
    lineOf("case_event", {
      familyId,
      fromStatus: null,
      toStatus: family.status,
      actorId: ctx.actor.id,
      at,
      data: { importId: ctx.importId, rowNumber: family.members[0]!.rowNumber },
    }),
  );
  out.audit_log.push(
    lineOf("audit_log", {
      at,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      action: "family.import",
      entity: "family",
      entityId: String(familyId),
      regionId: family.targetRegionId,
      changes: { caseNumber: ctx.caseNumber, members: family.members.length, importId: ctx.importId },
    }),
  );
  out.import_family.push(
    lineOf("import_family", { sha256: ctx.sha256, familyKey: family.familyKey, importId: ctx.importId, familyId }),
  );
}
