import "server-only";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/domain/app-error";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import { placesNeeded, poolForCategory, quotaYearFor, remainingPlaces } from "@/lib/domain/quota";
import { programmeToday } from "@/lib/domain/status-validity";

/**
 * The room in the pool a family would be included in today (its target region, its category's pool,
 * the current quota year), for the inclusion step of the case page: places left, the quota's figures and
 * the places the family needs. `exists` is false when no order has set that quota yet (all figures 0).
 * Only who may include a family (quota.allocate, else forbiddenError); a family outside the scope
 * notFoundError. It shows figures, no person's data, so it writes no audit entry of its own.
 */
export async function quotaRoomForFamily(actor: Actor, familyId: number, options: { now?: Date } = {}) {
  assertCan(actor, "quota.allocate");
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: {
      category: true,
      targetRegionId: true,
      adaptationPlan: { select: { membersArriving: true } },
      _count: { select: { members: true } },
    },
  });
  if (!family) throw notFoundError("family");
  const year = quotaYearFor(programmeToday(options.now ?? new Date()));
  const pool = poolForCategory(family.category);
  const quota = await db().quota.findUnique({
    where: { year_regionId_pool: { year, regionId: family.targetRegionId, pool } },
    select: { total: true, allocated: true },
  });
  const figures = { total: quota?.total ?? 0, allocated: quota?.allocated ?? 0 };
  return {
    year,
    pool,
    ...figures,
    remaining: remainingPlaces(figures),
    needed: placesNeeded(family._count.members, family.adaptationPlan?.membersArriving),
    exists: quota !== null,
  };
}

export type QuotaRoom = Awaited<ReturnType<typeof quotaRoomForFamily>>;
