import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { familyScopeWhere } from "@/lib/db/families/scope";
import type { Actor } from "@/lib/domain/access";
import type { FamilyFilters } from "@/lib/validation/family-filters";

export const FAMILY_PAGE_SIZE = 25;

export type FamilyListItem = {
  id: number;
  caseNumber: string;
  category: "KANDAS" | "SETTLER";
  status: string;
  applicationDate: Date;
  targetRegion: { id: string; nameKk: string; nameRu: string; nameEn: string };
  targetDistrict: { nameKk: string; nameRu: string; nameEn: string } | null;
  head: { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;
  memberCount: number;
};

export type FamilyListPage = { items: FamilyListItem[]; nextCursor: number | null };

/**
 * One page of families in the actor's scope, newest first, with keyset pagination on the id so a
 * deep page costs the same as the first. The view of personal data is audited.
 */
export async function listFamilies(actor: Actor, filters: FamilyFilters): Promise<FamilyListPage> {
  const where: Prisma.FamilyWhereInput = {
    AND: [
      familyScopeWhere(actor),
      filters.status ? { status: filters.status } : {},
      filters.category ? { category: filters.category } : {},
      filters.region ? { targetRegionId: filters.region } : {},
      filters.district ? { targetDistrictId: filters.district } : {},
      filters.year
        ? { applicationDate: { gte: new Date(Date.UTC(filters.year, 0, 1)), lt: new Date(Date.UTC(filters.year + 1, 0, 1)) } }
        : {},
      filters.after ? { id: { lt: filters.after } } : {},
    ],
  };
  const rows = await db().family.findMany({
    where,
    orderBy: { id: "desc" },
    take: FAMILY_PAGE_SIZE + 1,
    select: {
      id: true,
      caseNumber: true,
      category: true,
      status: true,
      applicationDate: true,
      targetRegion: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
      targetDistrict: { select: { nameKk: true, nameRu: true, nameEn: true } },
      members: {
        where: { isHead: true },
        select: { surnameCyr: true, givenNameCyr: true, surnameLat: true, givenNameLat: true },
      },
      _count: { select: { members: true } },
    },
  });
  const hasMore = rows.length > FAMILY_PAGE_SIZE;
  const page = rows.slice(0, FAMILY_PAGE_SIZE);
  await recordAudit({
    actor,
    action: "family.list",
    entity: "family",
    details: { filters, shown: page.map((row) => row.id) },
  });
  return {
    items: page.map(({ members, _count, ...row }) => ({ ...row, head: members[0] ?? null, memberCount: _count.members })),
    nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
  };
}
