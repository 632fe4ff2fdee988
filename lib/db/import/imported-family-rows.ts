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

export const IMPORT_COPY_COLUMNS = {
  family: [
    "id",
    "caseNumber",
    "category",
    "status",
    "originCountry",
    "originRegionId",
    "targetRegionId",
    "targetDistrictId",
    "contactPhone",
    "contactEmail",
    "address",
    "applicationDate",
    "decisionNumber",
    "decisionDate",
    "statusValidUntil",
    "arrivalDate",
    "createdById",
    "updatedById",
    "createdAt",
    "updatedAt",
  ],
  // The person row is the data generator's, column for column.
  person: COLUMNS.person,
  case_event: ["familyId", "fromStatus", "toStatus", "actorId", "at", "data"],
  document: ["familyId", "personId", "kind", "status", "updatedAt"],
  audit_log: ["at", "actorId", "actorRole", "action", "entity", "entityId", "regionId", "changes"],
  import_family: ["sha256", "familyKey", "importId", "familyId"],
} as const;

export type ImportCopyTable = keyof typeof IMPORT_COPY_COLUMNS;
export type ImportCopyLines = Record<ImportCopyTable, string[]>;

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
    copyLine([
      familyId,
      ctx.caseNumber,
      family.category,
      family.status,
      family.originCountry,
      family.originRegionId,
      family.targetRegionId,
      ctx.districtId,
      family.contactPhone,
      family.contactEmail,
      family.address,
      day(family.applicationDate),
      family.decisionNumber,
      day(family.decisionDate),
      day(family.statusValidUntil),
      day(family.arrivalDate),
      ctx.actor.id,
      ctx.actor.id,
      at,
      at,
    ]),
  );
  family.members.forEach((member, index) => {
    out.person.push(
      copyLine([
        ctx.personIds[index],
        familyId,
        index + 1,
        member.isHead,
        member.relationship,
        member.surnameCyr,
        member.givenNameCyr,
        member.patronymicCyr,
        member.surnameLat,
        member.givenNameLat,
        member.patronymicLat,
        member.iin,
        day(member.birthDate),
        member.sex,
        member.citizenship,
        member.education,
        member.profession,
        personSearchText(member),
        at,
        at,
      ]),
    );
  });
  for (const item of documentChecklist(
    family.category,
    ctx.personIds.map((id) => ({ id })),
  )) {
    out.document.push(copyLine([familyId, item.personId, item.kind, "MISSING", at]));
  }
  out.case_event.push(
    copyLine([
      familyId,
      null,
      family.status,
      ctx.actor.id,
      at,
      { importId: ctx.importId, rowNumber: family.members[0]!.rowNumber },
    ]),
  );
  out.audit_log.push(
    copyLine([
      at,
      ctx.actor.id,
      ctx.actor.role,
      "family.import",
      "family",
      String(familyId),
      family.targetRegionId,
      { caseNumber: ctx.caseNumber, members: family.members.length, importId: ctx.importId },
    ]),
  );
  out.import_family.push(copyLine([ctx.sha256, family.familyKey, ctx.importId, familyId]));
}
