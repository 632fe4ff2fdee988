import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { auditFamilyView } from "@/lib/db/audit";
import { personNameSelect } from "@/lib/db/families/person-name-select";
import { familyScopeWhere } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";

const familyDetailSelect = {
  id: true,
  caseNumber: true,
  category: true,
  status: true,
  originCountry: true,
  contactPhone: true,
  contactEmail: true,
  address: true,
  applicationDate: true,
  decisionNumber: true,
  decisionDate: true,
  statusValidUntil: true,
  arrivalDate: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  originRegion: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
  targetRegion: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
  targetDistrict: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
  updatedBy: { select: { fullName: true } },
  members: {
    orderBy: { position: "asc" as const },
    select: {
      id: true,
      isHead: true,
      relationship: true,
      ...personNameSelect,
      iin: true,
      birthDate: true,
      sex: true,
      citizenship: true,
      education: true,
      profession: true,
    },
  },
  events: {
    orderBy: [{ at: "asc" as const }, { id: "asc" as const }],
    select: {
      id: true,
      fromStatus: true,
      toStatus: true,
      at: true,
      reason: true,
      data: true,
      actor: { select: { fullName: true } },
    },
  },
  allocations: {
    orderBy: { year: "desc" as const },
    select: { id: true, year: true, persons: true, status: true, quota: { select: { pool: true } } },
  },
} satisfies Prisma.FamilySelect;

/**
 * One family with its members, status history and allocations. A family outside the actor's scope
 * and an unknown id both raise notFoundError; either way the attempt is audited.
 */
export async function getFamily(actor: Actor, familyId: number) {
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: familyDetailSelect,
  });
  return auditFamilyView(actor, "family.view", familyId, family);
}

export type FamilyDetail = Awaited<ReturnType<typeof getFamily>>;
