import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, isNotFound, notFoundError } from "@/lib/domain/app-error";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { canSeeFamilyInRegion, type Actor } from "@/lib/domain/permissions";
import {
  checkWaitlistEntry,
  nextFittingFamilies,
  placesNeeded,
  poolForCategory,
  quotaYearFor,
  remainingPlaces,
  type QuotaPool,
  type WaitlistRefusal,
} from "@/lib/domain/quota";
import { programmeToday } from "@/lib/domain/status-validity";

type Tx = Prisma.TransactionClient;

// Adding locks the family row, like a status change: both queue behind each other (see transition-family.ts).
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** The waitlist is served in order of approval (decision date), then entry time, then entry id. */
const WAITLIST_ORDER = [
  { family: { decisionDate: "asc" } },
  { createdAt: "asc" },
  { id: "asc" },
] satisfies Prisma.WaitlistEntryOrderByWithRelationInput[];

/**
 * The entries still waiting in a year (optionally one region's pool): the family is APPROVED and holds
 * no ACTIVE allocation for that year. The one definition of "waiting" — reports count it the same way.
 * A `where` fragment, no data access; pass the actor's familyScopeWhere as `familyScope`.
 */
export function waitingEntryWhere(
  filter: { year: number; regionId?: string; pool?: QuotaPool },
  familyScope: Prisma.FamilyWhereInput = {},
): Prisma.WaitlistEntryWhereInput {
  const waiting: Prisma.FamilyWhereInput = {
    status: "APPROVED",
    allocations: { none: { year: filter.year, status: "ACTIVE" } },
    ...(filter.regionId !== undefined && { targetRegionId: filter.regionId }),
    ...(filter.pool !== undefined && { category: filter.pool }),
  };
  return { year: filter.year, family: { AND: [waiting, familyScope] } };
}

/**
 * Why a family may not join its pool's waitlist (checkWaitlistEntry), with the figures the coordinator
 * needs: when its places still fit, `remaining` ≥ `needed` and it should be allocated instead.
 */
function waitlistRefusal(
  reason: WaitlistRefusal,
  figures: { year: number; pool: QuotaPool; remaining: number; needed: number; statusValidUntil: Date | null },
): AppError {
  const log = `${reason} (${figures.pool} ${figures.year}: ${figures.remaining} left, ${figures.needed} needed)`;
  switch (reason) {
    case "places-available":
      return new AppError("waitlist.errors.placesAvailable", {
        values: {
          remaining: { count: figures.remaining },
          needed: { count: figures.needed },
          year: figures.year,
          pool: { pool: figures.pool },
        },
        status: 409,
        log,
      });
    case "status-not-valid":
      return new AppError("waitlist.errors.statusNotValid", {
        values: { date: { date: figures.statusValidUntil } },
        status: 409,
        log,
      });
    case "no-members":
      return new AppError("waitlist.errors.noMembers", { status: 409, log });
    case "not-approved":
      return new AppError("waitlist.errors.notApproved", { status: 409, log });
  }
}

/** Places the family takes: every member, or the members arriving by its adaptation plan. */
async function placesOf(tx: Tx, familyId: number): Promise<number> {
  const [memberCount, plan] = await Promise.all([
    tx.person.count({ where: { familyId } }),
    tx.adaptationPlan.findUnique({ where: { familyId }, select: { membersArriving: true } }),
  ]);
  return placesNeeded(memberCount, plan?.membersArriving);
}

/** The family in the actor's scope, its row locked until the transaction ends; otherwise notFoundError. */
async function lockFamilyInScope(tx: Tx, actor: Actor, familyId: number) {
  const family = await tx.family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: { id: true, status: true, category: true, targetRegionId: true, statusValidUntil: true },
  });
  if (!family) throw notFoundError("family");
  await tx.$executeRaw`SELECT 1 FROM "family" WHERE "id" = ${family.id} FOR UPDATE`;
  return family;
}

/** Audits an attempt on a family outside the actor's scope (outside the rolled-back transaction). */
async function auditDenied(actor: Actor, action: string, familyId: number, error: unknown): Promise<never> {
  if (isNotFound(error)) await recordAudit({ actor, action: `${action}.denied`, entity: "family", entityId: familyId });
  throw error;
}

export type WaitlistEntryResult = {
  entryId: number;
  familyId: number;
  year: number;
  pool: QuotaPool;
  createdAt: Date;
  /** False when the family was already on the waitlist of the year (a repeated request). */
  isNew: boolean;
};

/**
 * Puts an approved family on the waitlist of its target region's pool for the current quota year
 * (COORDINATOR of that region or ADMIN; other roles forbiddenError; another region notFoundError).
 * Refusals (checkWaitlistEntry) raise WaitlistRefusedError with the places left and needed. A family
 * already waiting that year gets its existing entry back: no duplicate, no error, no second audit.
 */
export async function addToWaitlist(
  actor: Actor,
  input: { familyId: number },
  options: { now?: Date } = {},
): Promise<WaitlistEntryResult> {
  assertCan(actor, "waitlist.manage");
  const today = programmeToday(options.now ?? new Date());
  const year = quotaYearFor(today);
  return db()
    .$transaction(async (tx) => {
      const family = await lockFamilyInScope(tx, actor, input.familyId);
      const pool = poolForCategory(family.category);
      const existing = await tx.waitlistEntry.findUnique({
        where: { familyId_year: { familyId: family.id, year } },
        select: { id: true, createdAt: true },
      });
      if (existing && family.status === "APPROVED") {
        return { entryId: existing.id, familyId: family.id, year, pool, createdAt: existing.createdAt, isNew: false };
      }

      const places = await placesOf(tx, family.id);
      const quota = await tx.quota.findUnique({
        where: { year_regionId_pool: { year, regionId: family.targetRegionId, pool } },
        select: { total: true, allocated: true },
      });
      const check = checkWaitlistEntry({ ...family, places, quota, today });
      if (!check.ok) {
        throw waitlistRefusal(check.reason, {
          year,
          pool,
          remaining: quota ? remainingPlaces(quota) : 0,
          needed: places,
          statusValidUntil: family.statusValidUntil,
        });
      }

      // The family row lock serialises adds of one family, so the unique (familyId, year) is never raced.
      const entry = await tx.waitlistEntry.create({
        data: { familyId: family.id, year, createdById: actor.id },
        select: { id: true, createdAt: true },
      });
      await recordAudit(
        {
          actor,
          action: "quota.waitlist.add",
          entity: "waitlist_entry",
          entityId: entry.id,
          regionId: family.targetRegionId,
          details: { familyId: family.id, year, pool, persons: places },
        },
        tx,
      );
      return { entryId: entry.id, familyId: family.id, year, pool, createdAt: entry.createdAt, isNew: true };
    }, TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "quota.waitlist.add", input.familyId, error));
}

/**
 * Takes a family off the waitlist of `year` (COORDINATOR of its region or ADMIN), audited. Removing an
 * entry that is not there changes nothing and is not an error (`isRemoved: false`).
 */
export async function removeFromWaitlist(
  actor: Actor,
  input: { familyId: number; year: number },
): Promise<{ isRemoved: boolean }> {
  assertCan(actor, "waitlist.manage");
  return db()
    .$transaction(async (tx) => {
      const family = await lockFamilyInScope(tx, actor, input.familyId);
      const entry = await tx.waitlistEntry.findUnique({
        where: { familyId_year: { familyId: family.id, year: input.year } },
        select: { id: true, createdAt: true },
      });
      if (!entry) return { isRemoved: false };
      await tx.waitlistEntry.delete({ where: { id: entry.id } });
      await recordAudit(
        {
          actor,
          action: "quota.waitlist.remove",
          entity: "waitlist_entry",
          entityId: entry.id,
          regionId: family.targetRegionId,
          details: {
            familyId: family.id,
            year: input.year,
            pool: poolForCategory(family.category),
            since: entry.createdAt.toISOString(),
          },
        },
        tx,
      );
      return { isRemoved: true };
    }, TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "quota.waitlist.remove", input.familyId, error));
}

const headName = (members: { surnameCyr: string; givenNameCyr: string; patronymicCyr: string | null }[]) =>
  members[0]
    ? [members[0].surnameCyr, members[0].givenNameCyr, members[0].patronymicCyr].filter(Boolean).join(" ")
    : "";

/**
 * The families waiting for places in one region's pool in `year`, in serving order, each with its
 * position, case number, head of family (Cyrillic), decision date, persons, version (for the allocation
 * step) and whether it fits now (nextFittingFamilies against the quota's remaining places), plus the
 * quota's figures (no quota row: all 0). ADMIN any region, COORDINATOR the own region only (another →
 * notFoundError), CASEWORKER and ANALYST → forbiddenError. Audited as a view: it shows names.
 */
export async function listWaitlist(
  actor: Actor,
  filter: { year: number; regionId: string; pool: QuotaPool },
  options: { now?: Date } = {},
) {
  assertCan(actor, "waitlist.manage");
  if (!canSeeFamilyInRegion(actor, filter.regionId)) {
    await recordAudit({
      actor,
      action: "quota.waitlist.view.denied",
      entity: "quota",
      regionId: filter.regionId,
      details: { ...filter },
    });
    throw notFoundError("waitlist");
  }
  const [entries, quota] = await Promise.all([
    db().waitlistEntry.findMany({
      where: waitingEntryWhere(filter, familyScopeWhere(actor)),
      orderBy: WAITLIST_ORDER,
      select: {
        id: true,
        createdAt: true,
        family: {
          select: {
            id: true,
            caseNumber: true,
            decisionDate: true,
            version: true,
            members: {
              where: { isHead: true },
              take: 1,
              select: { surnameCyr: true, givenNameCyr: true, patronymicCyr: true },
            },
            adaptationPlan: { select: { membersArriving: true } },
            _count: { select: { members: true } },
          },
        },
      },
    }),
    db().quota.findUnique({
      where: { year_regionId_pool: { year: filter.year, regionId: filter.regionId, pool: filter.pool } },
      select: { total: true, allocated: true },
    }),
  ]);
  const figures = { total: quota?.total ?? 0, allocated: quota?.allocated ?? 0 };
  const remaining = remainingPlaces(figures);
  const rows = nextFittingFamilies(
    entries.map(({ id, createdAt, family }, index) => ({
      position: index + 1,
      entryId: id,
      since: createdAt,
      familyId: family.id,
      caseNumber: family.caseNumber,
      headName: headName(family.members),
      decisionDate: family.decisionDate,
      version: family.version,
      places: placesNeeded(family._count.members, family.adaptationPlan?.membersArriving),
    })),
    remaining,
  );
  await recordAudit({
    actor,
    action: "quota.waitlist.view",
    entity: "quota",
    regionId: filter.regionId,
    details: { year: filter.year, pool: filter.pool, families: rows.map((row) => row.familyId) },
  });
  return {
    ...filter,
    quota: { ...figures, remaining, exists: quota !== null },
    /** Allocation always takes places of the current quota year; other years' lists are for reading. */
    isCurrentYear: filter.year === quotaYearFor(programmeToday(options.now ?? new Date())),
    entries: rows,
  };
}

export type Waitlist = Awaited<ReturnType<typeof listWaitlist>>;
export type WaitlistRow = Waitlist["entries"][number];

/**
 * Where a family stands on its pool's waitlist, for the case page: the year it waits for, since when,
 * its position and the length of that queue; null when it is not waiting. When it waits for several
 * years, the latest year counts. COORDINATOR (own region) and ADMIN; other roles forbiddenError; a family
 * outside the scope notFoundError. Shows no other family's data, so the case view's audit covers it.
 */
export async function waitlistPlace(actor: Actor, familyId: number) {
  assertCan(actor, "waitlist.manage");
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: {
      status: true,
      category: true,
      targetRegionId: true,
      waitlistEntries: { orderBy: { year: "desc" }, select: { id: true, year: true, createdAt: true } },
      allocations: { where: { status: "ACTIVE" }, select: { year: true } },
    },
  });
  if (!family) throw notFoundError("family");
  if (family.status !== "APPROVED") return null;
  const allocatedYears = new Set(family.allocations.map((allocation) => allocation.year));
  const entry = family.waitlistEntries.find((candidate) => !allocatedYears.has(candidate.year));
  if (!entry) return null;
  const queue = await db().waitlistEntry.findMany({
    where: waitingEntryWhere(
      { year: entry.year, regionId: family.targetRegionId, pool: poolForCategory(family.category) },
      familyScopeWhere(actor),
    ),
    orderBy: WAITLIST_ORDER,
    select: { id: true },
  });
  return {
    entryId: entry.id,
    year: entry.year,
    since: entry.createdAt,
    position: queue.findIndex((row) => row.id === entry.id) + 1,
    length: queue.length,
  };
}

export type WaitlistPlace = NonNullable<Awaited<ReturnType<typeof waitlistPlace>>>;
