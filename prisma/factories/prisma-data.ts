/** Turns factory drafts into rows and nested create inputs for Prisma. */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { RegionInfo } from "@/lib/domain/regions";
import { foldForSearch } from "@/lib/domain/transliteration";
import { DEMO_EMPLOYMENT_CENTRES } from "@/prisma/demo-employment-centres";
import type { EventDraft, FamilyDraft, PersonDraft } from "./family";

/** Ids the drafts refer to by role or name. */
export interface DraftContext {
  caseNumber: string;
  /** User who takes steps of this role in the family's region. */
  actorIdFor: (role: Role) => number;
  /** Id of the target district, or null. */
  districtId: number | null;
}

const foldedNames = new Map<string, string>();

/**
 * personSearchText (lib/domain/person-search.ts) of a drafted person, with each name folded once and
 * remembered: folding works word by word, so the text is the folded names joined, and the names come
 * from fixed lists while the bulk generator drafts millions of persons. prisma-data.test.ts holds it
 * equal to personSearchText.
 */
export function draftSearchText(p: PersonDraft): string {
  const parts = [p.surnameCyr, p.givenNameCyr, p.patronymicCyr, p.surnameLat, p.givenNameLat, p.patronymicLat];
  let text = "";
  for (const part of parts) {
    const name = part?.trim();
    if (!name) continue;
    let folded = foldedNames.get(name);
    if (folded === undefined) {
      folded = foldForSearch(name);
      foldedNames.set(name, folded);
    }
    text += text === "" ? folded : ` ${folded}`;
  }
  return text;
}

/** Person row for `createMany` (familyId set) or a nested create (familyId omitted). */
export function personData(p: PersonDraft): Omit<Prisma.PersonUncheckedCreateInput, "familyId"> {
  return {
    position: p.position,
    isHead: p.isHead,
    relationship: p.relationship,
    surnameCyr: p.surnameCyr,
    givenNameCyr: p.givenNameCyr,
    patronymicCyr: p.patronymicCyr,
    surnameLat: p.surnameLat,
    givenNameLat: p.givenNameLat,
    patronymicLat: p.patronymicLat,
    iin: p.iin,
    birthDate: p.birthDate,
    sex: p.sex,
    citizenship: p.citizenship,
    education: p.education,
    profession: p.profession,
    searchText: draftSearchText(p),
  };
}

/** Case event row without familyId. */
export function eventData(
  e: EventDraft,
  actorIdFor: (role: Role) => number,
): Omit<Prisma.CaseEventUncheckedCreateInput, "familyId"> {
  return {
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorId: actorIdFor(e.actorRole),
    at: e.at,
    reason: e.reason,
    data: e.data ?? undefined,
  };
}

/** The family's own columns (no members or events). */
export function familyRowData(draft: FamilyDraft, ctx: DraftContext): Prisma.FamilyUncheckedCreateInput {
  const registeredBy = ctx.actorIdFor("CASEWORKER");
  const lastActor =
    draft.events.length > 0 ? ctx.actorIdFor(draft.events[draft.events.length - 1]!.actorRole) : registeredBy;
  return {
    caseNumber: ctx.caseNumber,
    category: draft.category,
    status: draft.status,
    originCountry: draft.originCountry,
    originRegionId: draft.originRegionId,
    targetRegionId: draft.targetRegionId,
    targetDistrictId: ctx.districtId,
    contactPhone: draft.contactPhone,
    contactEmail: draft.contactEmail,
    address: draft.address,
    applicationDate: draft.applicationDate,
    decisionNumber: draft.decisionNumber,
    decisionDate: draft.decisionDate,
    statusValidUntil: draft.statusValidUntil,
    arrivalDate: draft.arrivalDate,
    version: Math.max(1, draft.events.length),
    createdById: registeredBy,
    assignedToId: registeredBy,
    updatedById: lastActor,
    createdAt: draft.events[0]?.at ?? draft.applicationDate,
    updatedAt: draft.events[draft.events.length - 1]?.at ?? draft.applicationDate,
  };
}

/**
 * A complete `prisma.family.create({ data })` input with members and events nested. The allocation is
 * not included: it needs the quota row and must increment `quota.allocated` in the same transaction.
 */
export function familyCreateData(draft: FamilyDraft, ctx: DraftContext): Prisma.FamilyUncheckedCreateInput {
  return {
    ...familyRowData(draft, ctx),
    members: { create: draft.members.map(personData) },
    events: { create: draft.events.map((e) => eventData(e, ctx.actorIdFor)) },
  };
}

/**
 * Region row without its split parent (insert every region first, then link the splits), with the demo
 * employment centre's contacts.
 */
export function regionRowData(region: RegionInfo): Prisma.RegionCreateManyInput {
  const office = DEMO_EMPLOYMENT_CENTRES[region.id];
  return {
    id: region.id,
    kind: region.kind,
    nameKk: region.name.kk,
    nameRu: region.name.ru,
    nameEn: region.name.en,
    centreKk: region.centre.kk,
    centreRu: region.centre.ru,
    centreEn: region.centre.en,
    officeAddressKk: office?.address.kk ?? null,
    officeAddressRu: office?.address.ru ?? null,
    officeAddressEn: office?.address.en ?? null,
    officePhone: office?.phone ?? null,
    officeHours: office?.hours ?? null,
    officeBreak: office?.lunchBreak ?? null,
    isResettlementTarget: region.isResettlementTarget,
    isLabourSurplus: region.isLabourSurplus,
    splitYear: region.splitYear,
  };
}
