import "server-only";
import { db } from "@/lib/db/client";
import { auditFamilyView } from "@/lib/db/audit";
import { personNameSelect } from "@/lib/db/families/person-name-select";
import { familyScopeWhere } from "@/lib/db/scopes";
import { EMPLOYMENT_CENTRE_SELECT } from "@/lib/domain/employment-centre";
import { receivedDocuments } from "@/lib/domain/family-papers";
import type { Actor } from "@/lib/domain/permissions";

const fullName = (...parts: (string | null)[]) => parts.filter(Boolean).join(" ");

const placeSelect = { nameKk: true, nameRu: true, nameEn: true } as const;

/**
 * The printable case summary: the case's facts, the members with their dates of birth and IINs, the
 * documents handed in, the status history and the quota places, with the region's employment centre.
 * A family outside the actor's scope (and an analyst's every request) raises notFoundError; either way
 * the view is audited as `family.summary.view`.
 */
export async function getCaseSummary(actor: Actor, familyId: number) {
  const found = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: {
      id: true,
      caseNumber: true,
      category: true,
      status: true,
      applicationDate: true,
      decisionNumber: true,
      decisionDate: true,
      statusValidUntil: true,
      arrivalDate: true,
      contactPhone: true,
      address: true,
      targetRegion: { select: { id: true, ...placeSelect, ...EMPLOYMENT_CENTRE_SELECT } },
      targetDistrict: { select: placeSelect },
      assignedTo: { select: { fullName: true } },
      members: {
        orderBy: { position: "asc" },
        select: { relationship: true, birthDate: true, iin: true, ...personNameSelect },
      },
      documents: {
        select: { kind: true, status: true, person: { select: { position: true, ...personNameSelect } } },
      },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { toStatus: true, at: true } },
      allocations: { where: { status: "ACTIVE" }, orderBy: { year: "asc" }, select: { year: true, persons: true } },
    },
  });
  const family = await auditFamilyView(actor, "family.summary.view", familyId, found);
  const { members, documents, targetRegion, targetDistrict, assignedTo, ...facts } = family;
  return {
    ...facts,
    familyId: family.id,
    region: targetRegion,
    district: targetDistrict,
    caseworkerName: assignedTo?.fullName ?? null,
    members: members.map((member) => ({
      name: fullName(member.surnameCyr, member.givenNameCyr, member.patronymicCyr),
      relationship: member.relationship,
      birthDate: member.birthDate,
      iin: member.iin,
    })),
    documents: receivedDocuments(
      documents.map((document) => ({ ...document, personPosition: document.person?.position ?? null })),
    ).map(({ kind, status, person }) => ({
      kind,
      status,
      personName: person ? fullName(person.surnameCyr, person.givenNameCyr) : null,
    })),
  };
}

export type CaseSummary = Awaited<ReturnType<typeof getCaseSummary>>;
