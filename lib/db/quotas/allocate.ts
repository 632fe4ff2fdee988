import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { canSeeFamilyInRegion, type Actor } from "@/lib/domain/permissions";
import {
  allocationAdjustment,
  checkAllocationEligibility,
  placesNeeded,
  poolForCategory,
  quotaYearFor,
  remainingPlaces,
} from "@/lib/domain/quota";
import { countQuotaConflict, countQuotaRefusal } from "@/lib/observability/metrics";

type Tx = Prisma.TransactionClient;

/** The family as the caller loaded it (in the actor's scope, inside the same transaction). */
export type AllocatableFamily = {
  id: number;
  category: "KANDAS" | "SETTLER";
  targetRegionId: string;
  statusValidUntil: Date | null;
};

export type AllocationResult = {
  allocationId: number;
  quotaId: number;
  year: number;
  pool: "KANDAS" | "SETTLER";
  persons: number;
};

function assertInScope(actor: Actor, family: { targetRegionId: string }): void {
  // The caller loaded the family through familyScopeWhere; this keeps the helper safe on its own.
  if (!canSeeFamilyInRegion(actor, family.targetRegionId)) throw notFoundError("family");
}

/**
 * Gives a family places in its target region's quota for the year of `today`, in the pool of its
 * category: one place per member, or per member arriving when the adaptation plan says so. Runs inside
 * the caller's transaction. The conditional UPDATE takes the quota row lock and re-checks the total,
 * so concurrent allocations can never push `allocated` past `total`. A RELEASED allocation of the
 * same year is reactivated (one allocation per family and year).
 */
export async function allocateQuotaPlaces(
  actor: Actor,
  tx: Tx,
  family: AllocatableFamily,
  today: Date,
): Promise<AllocationResult> {
  assertInScope(actor, family);
  const [memberCount, plan] = await Promise.all([
    tx.person.count({ where: { familyId: family.id } }),
    tx.adaptationPlan.findUnique({ where: { familyId: family.id }, select: { membersArriving: true } }),
  ]);
  const persons = placesNeeded(memberCount, plan?.membersArriving);
  const eligibility = checkAllocationEligibility({
    category: family.category,
    statusValidUntil: family.statusValidUntil,
    places: persons,
    today,
  });
  if (!eligibility.ok) {
    if (eligibility.reason === "no-members") throw new AppError("workflow.errors.noMembers", { status: 409 });
    throw new AppError("workflow.errors.statusNotValid", {
      values: { date: { date: family.statusValidUntil } },
      status: 409,
    });
  }

  const year = quotaYearFor(today);
  const pool = poolForCategory(family.category);
  const existing = await tx.allocation.findUnique({
    where: { familyId_year: { familyId: family.id, year } },
    select: { id: true, status: true },
  });
  if (existing?.status === "ACTIVE") {
    // A repeated request (a double submit, or two people at once): nothing is allocated twice.
    countQuotaConflict();
    throw new AppError("workflow.errors.alreadyAllocated", {
      values: { year },
      status: 409,
      log: `family ${family.id}`,
    });
  }

  const updated = await tx.$queryRaw<{ id: number; total: number; allocated: number }[]>`
    UPDATE "quota"
       SET "allocated" = "allocated" + ${persons}, "updatedAt" = now()
     WHERE "year" = ${year} AND "regionId" = ${family.targetRegionId} AND "pool" = ${pool}::"Pool"
       AND "allocated" + ${persons} <= "total"
    RETURNING "id", "total", "allocated"`;
  const quota = updated[0];
  if (!quota) {
    const row = await tx.quota.findUnique({
      where: { year_regionId_pool: { year, regionId: family.targetRegionId, pool } },
      select: { total: true, allocated: true },
    });
    if (!row) {
      countQuotaRefusal("noQuota");
      throw new AppError("workflow.errors.noQuota", {
        values: { pool: { pool }, region: { region: family.targetRegionId }, year },
        status: 409,
      });
    }
    countQuotaRefusal("noPlacesLeft");
    throw new AppError("workflow.errors.noPlacesLeft", {
      values: { pool: { pool }, year, remaining: remainingPlaces(row), requested: persons },
      status: 409,
    });
  }

  const allocation = existing
    ? await tx.allocation.update({
        where: { id: existing.id },
        data: {
          status: "ACTIVE",
          quotaId: quota.id,
          persons,
          createdById: actor.id,
          createdAt: new Date(),
          releasedAt: null,
        },
        select: { id: true },
      })
    : await tx.allocation.create({
        data: { quotaId: quota.id, familyId: family.id, year, persons, createdById: actor.id },
        select: { id: true },
      });

  await recordAudit(
    {
      actor,
      action: existing ? "quota.allocate.reactivated" : "quota.allocate",
      entity: "quota",
      entityId: quota.id,
      regionId: family.targetRegionId,
      details: { familyId: family.id, allocationId: allocation.id, year, pool, persons },
      changes: { allocated: { from: quota.allocated - persons, to: quota.allocated } },
    },
    tx,
  );
  return { allocationId: allocation.id, quotaId: quota.id, year, pool, persons };
}

export type ReleaseResult = { year: number; persons: number; quotaId: number }[];

/**
 * Gives back every ACTIVE allocation of the family (withdrawal or expiry after inclusion in a quota):
 * the quota's `allocated` drops by exactly the allocation's persons and the allocation becomes
 * RELEASED. Runs inside the caller's transaction; the status guard on the allocation row makes a
 * repeated release a no-op instead of a double refund.
 */
export async function releaseQuotaPlaces(
  actor: Actor,
  tx: Tx,
  family: { id: number; targetRegionId: string },
): Promise<ReleaseResult> {
  assertInScope(actor, family);
  const active = await tx.allocation.findMany({
    where: { familyId: family.id, status: "ACTIVE" },
    select: { id: true, quotaId: true, year: true, persons: true },
  });
  const released: ReleaseResult = [];
  const releasedAt = new Date();
  for (const allocation of active) {
    const { count } = await tx.allocation.updateMany({
      where: { id: allocation.id, status: "ACTIVE" },
      data: { status: "RELEASED", releasedAt },
    });
    if (count === 0) continue;
    const rows = await tx.$queryRaw<{ allocated: number }[]>`
      UPDATE "quota" SET "allocated" = "allocated" - ${allocation.persons}, "updatedAt" = now()
       WHERE "id" = ${allocation.quotaId}
      RETURNING "allocated"`;
    const after = rows[0]?.allocated ?? 0;
    await recordAudit(
      {
        actor,
        action: "quota.release",
        entity: "quota",
        entityId: allocation.quotaId,
        regionId: family.targetRegionId,
        details: {
          familyId: family.id,
          allocationId: allocation.id,
          year: allocation.year,
          persons: allocation.persons,
        },
        changes: { allocated: { from: after + allocation.persons, to: after } },
      },
      tx,
    );
    released.push({ year: allocation.year, persons: allocation.persons, quotaId: allocation.quotaId });
  }
  return released;
}

export type AdjustmentResult = {
  allocationId: number;
  quotaId: number;
  year: number;
  pool: "KANDAS" | "SETTLER";
  persons: { from: number; to: number };
  allocated: { from: number; to: number };
};

/**
 * Makes the family's ACTIVE allocation hold exactly the places its household needs now (placesNeeded:
 * the plan's members arriving, or every member), after the plan or the household changed. Runs inside
 * the caller's transaction, which has loaded the family in the actor's scope. Fewer persons give back
 * exactly the difference; more take it with the same conditional UPDATE as allocateQuotaPlaces, and
 * when the quota has too few places left an AppError naming the extra persons and the places left rolls
 * back the caller's whole change (shown beside `options.field` when the form has the number that
 * caused it). A family without an ACTIVE allocation is left alone (empty result).
 */
export async function adjustAllocationToArrivingMembers(
  actor: Actor,
  tx: Tx,
  family: { id: number; targetRegionId: string },
  options: { field?: string } = {},
): Promise<AdjustmentResult[]> {
  assertInScope(actor, family);
  // The row lock makes a concurrent release or adjustment of the same allocation wait, and this one
  // read the persons it holds after that other change.
  const active = await tx.$queryRaw<{ id: number; quotaId: number; year: number; persons: number }[]>`
    SELECT "id", "quotaId", "year", "persons" FROM "allocation"
     WHERE "familyId" = ${family.id} AND "status" = 'ACTIVE'::"AllocationStatus"
     ORDER BY "year"
       FOR UPDATE`;
  if (active.length === 0) return [];
  const [memberCount, plan] = await Promise.all([
    tx.person.count({ where: { familyId: family.id } }),
    tx.adaptationPlan.findUnique({ where: { familyId: family.id }, select: { membersArriving: true } }),
  ]);

  const results: AdjustmentResult[] = [];
  for (const allocation of active) {
    const change = allocationAdjustment(allocation.persons, { memberCount, membersArriving: plan?.membersArriving });
    if (change.action === "none") continue;
    const step = change.action === "take" ? change.delta : -change.delta;
    // Taking places re-checks the total under the quota row lock; giving them back always succeeds.
    const updated = await tx.$queryRaw<
      { total: number; allocated: number; regionId: string; pool: "KANDAS" | "SETTLER" }[]
    >`
      UPDATE "quota"
         SET "allocated" = "allocated" + ${step}, "updatedAt" = now()
       WHERE "id" = ${allocation.quotaId}
         AND (${step}::int < 0 OR "allocated" + ${step} <= "total")
      RETURNING "total", "allocated", "regionId", "pool"::text AS "pool"`;
    const quota = updated[0];
    if (!quota) {
      const row = await tx.quota.findUniqueOrThrow({
        where: { id: allocation.quotaId },
        select: { total: true, allocated: true, regionId: true, pool: true },
      });
      const figures = { requested: change.delta, remaining: remainingPlaces(row) };
      countQuotaRefusal("noPlacesForMore");
      throw new AppError("allocation.errors.noPlacesForMore", {
        values: { ...figures, pool: { pool: row.pool }, year: allocation.year },
        fieldErrors: options.field
          ? { [options.field]: { code: "allocation.errors.noPlacesForMoreField", values: figures } }
          : undefined,
        status: 409,
      });
    }
    const { count } = await tx.allocation.updateMany({
      where: { id: allocation.id, status: "ACTIVE", persons: allocation.persons },
      data: { persons: change.persons },
    });
    // Unreachable while the row lock above holds; if it ever fails, the quota change must not stand alone.
    if (count === 0) throw new Error(`allocation ${allocation.id} changed during its adjustment`);

    const result: AdjustmentResult = {
      allocationId: allocation.id,
      quotaId: allocation.quotaId,
      year: allocation.year,
      pool: quota.pool,
      persons: { from: allocation.persons, to: change.persons },
      allocated: { from: quota.allocated - step, to: quota.allocated },
    };
    await recordAudit(
      {
        actor,
        action: "quota.allocation.adjust",
        entity: "quota",
        entityId: allocation.quotaId,
        regionId: quota.regionId,
        details: { familyId: family.id, allocationId: allocation.id, year: allocation.year, pool: quota.pool },
        changes: { persons: result.persons, allocated: result.allocated },
      },
      tx,
    );
    results.push(result);
  }
  return results;
}
