import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, INVALID_INPUT, notFoundError, type FieldMessage } from "@/lib/domain/app-error";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { adjustAllocationToArrivingMembers } from "@/lib/db/quotas/allocate";
import { can, canSeeFamilyInRegion, type Actor } from "@/lib/domain/permissions";
import { diffFields } from "@/lib/domain/audit-mask";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { personSearchText } from "@/lib/domain/person-search";
import type { FamilyCreateInput, FamilyFieldsInput, FamilyUpdateInput } from "@/lib/validation/family-form";

type Tx = Prisma.TransactionClient;
type Member = FamilyFieldsInput["members"][number];

export type DuplicateCandidate = {
  /** Index of the member on the form who resembles this person. */
  index: number;
  personId: number;
  similarity: number;
  birthDate: string;
  /** Name and case number only when the user may see that case. */
  name: string | null;
  caseNumber: string | null;
  familyId: number | null;
};

/** A field refers to something that does not exist or is not allowed (region, district, origin). */
function badReference(field: string, code: string): AppError {
  return new AppError(code, { field });
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function personRow(member: Member, position: number) {
  return {
    position,
    isHead: member.isHead,
    relationship: member.relationship,
    surnameCyr: member.surnameCyr,
    givenNameCyr: member.givenNameCyr,
    patronymicCyr: member.patronymicCyr,
    surnameLat: member.surnameLat,
    givenNameLat: member.givenNameLat,
    patronymicLat: member.patronymicLat,
    iin: member.iin,
    birthDate: toDate(member.birthDate),
    sex: member.sex,
    citizenship: member.citizenship,
    education: member.education,
    profession: member.profession,
    searchText: personSearchText(member),
  };
}

/** Where the family goes: regional staff always register into their own region, whatever was sent. */
async function resolveTarget(tx: Tx, actor: Actor, input: FamilyFieldsInput) {
  const regionId = can(actor, "family.allRegions") ? input.targetRegionId : actor.regionId;
  if (!regionId) throw badReference("targetRegionId", "validation.required");
  const region = await tx.region.findUnique({ where: { id: regionId }, select: { id: true } });
  if (!region) throw badReference("targetRegionId", "validation.invalid");
  if (input.targetDistrictId !== null) {
    const district = await tx.district.findFirst({
      where: { id: input.targetDistrictId, regionId },
      select: { id: true },
    });
    if (!district) throw badReference("targetDistrictId", "familyForm.errors.districtOutsideRegion");
  }
  if (input.category === "SETTLER") {
    const origin = await tx.region.findUnique({ where: { id: input.originRegionId }, select: { id: true } });
    if (!origin) throw badReference("originRegionId", "familyForm.errors.originRegion");
    if (origin.id === regionId) throw badReference("originRegionId", "familyForm.errors.originIsTarget");
  }
  return { regionId, districtId: input.targetDistrictId };
}

function familyColumns(input: FamilyFieldsInput, target: { regionId: string; districtId: number | null }) {
  return {
    category: input.category,
    originCountry: input.category === "KANDAS" ? input.originCountry : null,
    originRegionId: input.category === "SETTLER" ? input.originRegionId : null,
    targetRegionId: target.regionId,
    targetDistrictId: target.districtId,
    contactPhone: input.contactPhone,
    contactEmail: input.contactEmail,
    address: input.address,
    applicationDate: toDate(input.applicationDate),
  };
}

/** An IIN may belong to one person only: the message names the case only when the user may see it. */
async function assertIinsFree(tx: Tx, actor: Actor, members: Member[], ownFamilyId: number | null) {
  const iins = members.map((member) => member.iin).filter((iin): iin is string => iin !== null);
  if (iins.length === 0) return;
  const holders = await tx.person.findMany({
    where: { iin: { in: iins }, ...(ownFamilyId ? { familyId: { not: ownFamilyId } } : {}) },
    select: { iin: true, family: { select: { caseNumber: true, targetRegionId: true } } },
  });
  if (holders.length === 0) return;
  const fieldErrors: Record<string, FieldMessage> = {};
  for (const holder of holders) {
    const index = members.findIndex((member) => member.iin === holder.iin);
    fieldErrors[`members.${index}.iin`] = canSeeFamilyInRegion(actor, holder.family.targetRegionId)
      ? { code: "familyForm.errors.iinTaken", values: { caseNumber: holder.family.caseNumber } }
      : { code: "familyForm.errors.iinTakenHidden" };
  }
  throw new AppError(INVALID_INPUT, { fieldErrors, status: 409 });
}

type SimilarRow = {
  id: number;
  familyId: number;
  caseNumber: string;
  targetRegionId: string;
  surnameCyr: string;
  givenNameCyr: string;
  surnameLat: string;
  givenNameLat: string;
  similarity: number;
};

/**
 * People in any case with the same birth date and a similar name (pg_trgm over both scripts, folded).
 * The birth date narrows the search to a handful of rows through its index.
 */
async function findSimilarPeople(
  tx: Tx,
  actor: Actor,
  members: Member[],
  ownFamilyId: number | null,
): Promise<DuplicateCandidate[]> {
  const candidates: DuplicateCandidate[] = [];
  for (const [index, member] of members.entries()) {
    const rows = await tx.$queryRaw<SimilarRow[]>(Prisma.sql`
      SELECT p.id, p."familyId", f."caseNumber", f."targetRegionId", p."surnameCyr", p."givenNameCyr",
             p."surnameLat", p."givenNameLat", similarity(p."searchText", ${personSearchText(member)})::float8 AS similarity
      FROM person p JOIN family f ON f.id = p."familyId"
      WHERE p."birthDate" = ${toDate(member.birthDate)}::date
        AND p."searchText" % ${personSearchText(member)}
        AND p."familyId" <> ${ownFamilyId ?? -1}
        AND (p.iin IS NULL OR ${member.iin}::text IS NULL OR p.iin <> ${member.iin}::text)
      ORDER BY similarity DESC
      LIMIT 5`);
    for (const row of rows) {
      const isVisible = canSeeFamilyInRegion(actor, row.targetRegionId);
      candidates.push({
        index,
        personId: row.id,
        similarity: Math.round(row.similarity * 100) / 100,
        birthDate: member.birthDate,
        name: isVisible ? `${row.surnameCyr} ${row.givenNameCyr} (${row.surnameLat} ${row.givenNameLat})` : null,
        caseNumber: isVisible ? row.caseNumber : null,
        familyId: isVisible ? row.familyId : null,
      });
    }
  }
  return candidates;
}

/**
 * Applies the user's decisions on possible duplicates: any undecided candidate stops the save and is
 * returned for a decision; "same person" stops it for good (audited); the rest are recorded later.
 */
async function settleDuplicates(tx: Tx, actor: Actor, input: FamilyFieldsInput, ownFamilyId: number | null) {
  const candidates = await findSimilarPeople(tx, actor, input.members, ownFamilyId);
  const decisions = new Map(input.duplicateDecisions.map((decision) => [decision.personId, decision.decision]));
  const same = candidates.find((candidate) => decisions.get(candidate.personId) === "SAME_PERSON");
  if (same) {
    await recordAudit(
      {
        actor,
        action: "family.duplicate.same-person",
        entity: "person",
        entityId: same.personId,
        details: { similarity: same.similarity },
      },
      tx,
    );
    throw same.caseNumber
      ? new AppError("familyForm.errors.samePerson", { values: { caseNumber: same.caseNumber }, status: 409 })
      : new AppError("familyForm.errors.samePersonHidden", { status: 409 });
  }
  const undecided = candidates.filter((candidate) => !decisions.has(candidate.personId));
  if (undecided.length > 0) {
    throw new AppError("familyForm.errors.possibleDuplicates", { details: { duplicates: undecided }, status: 409 });
  }
  return candidates;
}

/** Records the candidates the user said are other people, each with the family the person belongs to. */
async function recordDuplicateDecisions(tx: Tx, actor: Actor, familyId: number, candidates: DuplicateCandidate[]) {
  if (candidates.length === 0) return;
  const matchedFamilies = await familiesOfPersons(
    tx,
    candidates.map((candidate) => candidate.personId),
  );
  await tx.duplicateCheck.createMany({
    data: candidates.map((candidate) => ({
      familyId,
      matchedPersonId: candidate.personId,
      matchedFamilyId: matchedFamilies.get(candidate.personId) ?? 0,
      similarity: candidate.similarity,
      decision: "DIFFERENT_PERSON" as const,
      actorId: actor.id,
    })),
  });
  await recordAudit(
    {
      actor,
      action: "family.duplicate.dismissed",
      entity: "family",
      entityId: familyId,
      details: { personIds: candidates.map((c) => c.personId) },
    },
    tx,
  );
}

async function familiesOfPersons(tx: Tx, personIds: number[]): Promise<Map<number, number>> {
  const rows = await tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true, familyId: true } });
  return new Map(rows.map((row) => [row.id, row.familyId]));
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes(column)
  );
}

async function nextCaseNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>(Prisma.sql`
    INSERT INTO case_number_counter (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = case_number_counter.last + 1
    RETURNING last`);
  if (!row) throw new Error("case number counter returned nothing");
  return formatCaseNumber(year, row.last);
}

export type SaveResult = { familyId: number; caseNumber: string; isNew: boolean };

/**
 * Registers a family with its household in the actor's region (ADMIN: any region), in one transaction
 * with its first status event and audit entry. A repeated submit of the same form (same
 * registrationKey) returns the family created the first time instead of creating another.
 */
export async function registerFamily(actor: Actor, input: FamilyCreateInput): Promise<SaveResult> {
  assertCan(actor, "family.edit");
  const existing = await findByRegistrationKey(actor, input.registrationKey);
  if (existing) return existing;
  try {
    return await db().$transaction(async (tx) => {
      // Submits of the same form take turns; the later one finds the family the first one created.
      await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtext(${input.registrationKey}))`);
      const earlier = await findByRegistrationKey(actor, input.registrationKey, tx);
      if (earlier) return earlier;
      const target = await resolveTarget(tx, actor, input);
      await assertIinsFree(tx, actor, input.members, null);
      const dismissed = await settleDuplicates(tx, actor, input, null);
      const caseNumber = await nextCaseNumber(tx, new Date().getUTCFullYear());
      const family = await tx.family.create({
        data: {
          ...familyColumns(input, target),
          caseNumber,
          registrationKey: input.registrationKey,
          createdById: actor.id,
          assignedToId: actor.id,
          updatedById: actor.id,
          members: { create: input.members.map((member, index) => personRow(member, index + 1)) },
          events: { create: { toStatus: "REGISTERED", actorId: actor.id } },
        },
        select: { id: true, caseNumber: true },
      });
      await recordDuplicateDecisions(tx, actor, family.id, dismissed);
      await recordAudit(
        {
          actor,
          action: "family.create",
          entity: "family",
          entityId: family.id,
          regionId: target.regionId,
          details: { caseNumber, members: input.members.length },
          changes: diffFields({}, { ...familyColumns(input, target) } as Record<string, unknown>),
        },
        tx,
      );
      return { familyId: family.id, caseNumber: family.caseNumber, isNew: true };
    });
  } catch (error) {
    // Another family took one of the IINs between the check and the insert: explain which.
    if (isUniqueViolation(error, "iin"))
      await db().$transaction((tx) => assertIinsFree(tx, actor, input.members, null));
    throw error;
  }
}

async function findByRegistrationKey(
  actor: Actor,
  registrationKey: string,
  client: Tx = db(),
): Promise<SaveResult | null> {
  const family = await client.family.findFirst({
    where: { AND: [{ registrationKey }, familyScopeWhere(actor)] },
    select: { id: true, caseNumber: true },
  });
  return family ? { familyId: family.id, caseNumber: family.caseNumber, isNew: false } : null;
}

/**
 * Saves an edited family and household. The save is refused with an AppError (naming who
 * saved last, and when) if the family changed since the editor loaded `version`. A household of
 * another size adjusts the family's ACTIVE quota allocation in the same transaction.
 */
export async function updateFamily(actor: Actor, input: FamilyUpdateInput): Promise<SaveResult> {
  assertCan(actor, "family.edit");
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.family.findFirst({
        where: { AND: [{ id: input.familyId }, familyScopeWhere(actor)] },
        include: { members: true },
      });
      if (!before) throw notFoundError("family");
      const target = await resolveTarget(tx, actor, {
        ...input,
        targetRegionId: can(actor, "family.allRegions") ? input.targetRegionId : before.targetRegionId,
      });
      const columns = familyColumns(input, target);
      const locked = await tx.family.updateMany({
        where: { id: before.id, version: input.version },
        data: { ...columns, version: { increment: 1 }, updatedById: actor.id },
      });
      if (locked.count === 0) throw await versionConflict(tx, before.id);

      await assertIinsFree(tx, actor, input.members, before.id);
      const dismissed = await settleDuplicates(tx, actor, input, before.id);
      const memberChanges = await replaceMembers(
        tx,
        before.id,
        before.members.map((member) => member.id),
        input.members,
      );
      // A household of another size needs another number of quota places (too few places left: refused, nothing saved).
      if (input.members.length !== before.members.length) {
        await adjustAllocationToArrivingMembers(actor, tx, { id: before.id, targetRegionId: target.regionId });
      }
      await recordDuplicateDecisions(tx, actor, before.id, dismissed);
      await recordAudit(
        {
          actor,
          action: "family.update",
          entity: "family",
          entityId: before.id,
          regionId: target.regionId,
          changes: diffFields(before as unknown as Record<string, unknown>, columns as Record<string, unknown>),
          details: memberChanges,
        },
        tx,
      );
      return { familyId: before.id, caseNumber: before.caseNumber, isNew: false };
    });
  } catch (error) {
    if (isUniqueViolation(error, "iin"))
      await db().$transaction((tx) => assertIinsFree(tx, actor, input.members, input.familyId));
    throw error;
  }
}

/** Somebody saved the family after the editor loaded it: names who and when. */
async function versionConflict(tx: Tx, familyId: number): Promise<AppError> {
  const current = await tx.family.findUniqueOrThrow({
    where: { id: familyId },
    select: { updatedAt: true, updatedBy: { select: { fullName: true } } },
  });
  return new AppError("familyForm.errors.versionConflict", {
    values: { who: current.updatedBy.fullName, when: { dateTime: current.updatedAt } },
    status: 409,
  });
}

/**
 * Rewrites the household: keeps members by id, adds new ones, deletes the removed. Positions and the
 * head flag are first moved out of the way, because the unique (family, position) and one-head indexes
 * are checked row by row.
 */
async function replaceMembers(tx: Tx, familyId: number, existingIds: number[], members: Member[]) {
  const keptIds = new Set(members.map((member) => member.personId).filter((id): id is number => id !== undefined));
  const foreign = [...keptIds].filter((id) => !existingIds.includes(id));
  if (foreign.length > 0) throw notFoundError("person");
  const removed = existingIds.filter((id) => !keptIds.has(id));
  await tx.$executeRaw(Prisma.sql`
    UPDATE person SET position = -id, "isHead" = false,
      relationship = CASE WHEN relationship = 'HEAD' THEN 'OTHER'::"Relationship" ELSE relationship END
    WHERE "familyId" = ${familyId}`);
  if (removed.length > 0) await tx.person.deleteMany({ where: { id: { in: removed }, familyId } });
  let added = 0;
  for (const [index, member] of members.entries()) {
    const row = personRow(member, index + 1);
    if (member.personId !== undefined) await tx.person.update({ where: { id: member.personId }, data: row });
    else {
      await tx.person.create({ data: { ...row, familyId } });
      added += 1;
    }
  }
  return { membersAdded: added, membersRemoved: removed.length, members: members.length };
}
