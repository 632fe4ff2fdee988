import "server-only";
import { db } from "@/lib/db/client";
import { quotaRegionOf } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import { remainingPlaces } from "@/lib/domain/quota";

/**
 * The quotas of a year per region and pool with places allocated and remaining, ordered by region and
 * pool. ADMIN and ANALYST see every region (figures only, no personal data); a COORDINATOR sees the own
 * region only; a CASEWORKER → forbiddenError.
 */
export async function listQuotas(actor: Actor, year: number) {
  const regionId = quotaRegionOf(actor);
  if (regionId === null) return [];
  const quotas = await db().quota.findMany({
    where: { year, ...(regionId && { regionId }) },
    orderBy: [{ regionId: "asc" }, { pool: "asc" }],
    select: {
      id: true,
      year: true,
      regionId: true,
      pool: true,
      total: true,
      allocated: true,
      region: { select: { nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  return quotas.map((quota) => ({ ...quota, remaining: remainingPlaces(quota) }));
}

export type QuotaRow = Awaited<ReturnType<typeof listQuotas>>[number];
