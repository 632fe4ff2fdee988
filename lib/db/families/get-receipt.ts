import "server-only";
import { db } from "@/lib/db/client";
import { auditFamilyView } from "@/lib/db/audit";
import { personNameSelect } from "@/lib/db/families/person-name-select";
import { familyScopeWhere } from "@/lib/db/scopes";
import { EMPLOYMENT_CENTRE_SELECT } from "@/lib/domain/employment-centre";
import { receivedDocuments } from "@/lib/domain/family-papers";
import type { Actor } from "@/lib/domain/permissions";

const fullName = (...parts: (string | null)[]) => parts.filter(Boolean).join(" ");

/**
 * What the application receipt prints, and nothing more: case number, registration date, category, the
 * target region with its centre and employment centre, the head of family's full name, the documents
 * handed in (with the member's name for a member's document) and the name of the caseworker who signs. A family outside the actor's scope
 * (and an analyst's every request) raises notFoundError; either way the view is audited, since the
 * receipt shows a name.
 */
export async function getReceipt(actor: Actor, familyId: number) {
  const found = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: {
      id: true,
      caseNumber: true,
      category: true,
      applicationDate: true,
      targetRegion: {
        select: {
          id: true,
          nameKk: true,
          nameRu: true,
          nameEn: true,
          centreKk: true,
          centreRu: true,
          centreEn: true,
          ...EMPLOYMENT_CENTRE_SELECT,
        },
      },
      members: {
        where: { isHead: true },
        take: 1,
        select: personNameSelect,
      },
      documents: {
        where: { status: { not: "MISSING" } },
        select: { kind: true, status: true, person: { select: { position: true, ...personNameSelect } } },
      },
    },
  });
  const family = await auditFamilyView(actor, "family.receipt.view", familyId, found);
  // The caseworker who hands the receipt over signs it.
  const staff = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { fullName: true } });

  const head = family.members[0];
  return {
    familyId: family.id,
    caseNumber: family.caseNumber,
    category: family.category,
    applicationDate: family.applicationDate,
    region: family.targetRegion,
    headName: head
      ? {
          cyr: fullName(head.surnameCyr, head.givenNameCyr, head.patronymicCyr),
          lat: fullName(head.surnameLat, head.givenNameLat, head.patronymicLat),
        }
      : null,
    documents: receivedDocuments(
      family.documents.map((document) => ({ ...document, personPosition: document.person?.position ?? null })),
    ).map(({ kind, person }) => ({
      kind,
      personName: person ? fullName(person.surnameCyr, person.givenNameCyr) : null,
    })),
    caseworkerName: staff.fullName,
  };
}

export type Receipt = Awaited<ReturnType<typeof getReceipt>>;
