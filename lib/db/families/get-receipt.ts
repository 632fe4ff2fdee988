import "server-only";
import { db } from "@/lib/db/client";
import { auditFamilyView } from "@/lib/db/audit";
import { personNameSelect } from "@/lib/db/families/person-name-select";
import { familyScopeWhere } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";

const fullName = (...parts: (string | null)[]) => parts.filter(Boolean).join(" ");

/**
 * What the application receipt prints, and nothing more: case number, registration date, category, the
 * target region with its centre, and the head of family's full name. A family outside the actor's scope
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
        select: { id: true, nameKk: true, nameRu: true, nameEn: true, centreKk: true, centreRu: true, centreEn: true },
      },
      members: {
        where: { isHead: true },
        take: 1,
        select: personNameSelect,
      },
    },
  });
  const family = await auditFamilyView(actor, "family.receipt.view", familyId, found);

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
  };
}

export type Receipt = Awaited<ReturnType<typeof getReceipt>>;
