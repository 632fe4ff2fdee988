import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError, NotFoundError } from "@/lib/db/errors";
import { familyScopeWhere } from "@/lib/db/families/scope";
import { WaitlistRefusedError } from "@/lib/db/quotas/errors";
import type { Actor } from "@/lib/domain/access";
import {
  checkWaitlistEntry,
  nextFittingFamilies,
  placesNeeded,
  poolForCategory,
  quotaYearFor,
  remainingPlaces,
  type QuotaPool,
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

/** Only regional coordinators (own region) and administrators manage and see waitlists. */
function assertWaitlistRole(actor: Actor, operation: string): void {
  if (actor.role !== "ADMIN" && actor.role !== "COORDINATOR") throw new ForbiddenError(operation);
}

/** Places the family takes: every member, or the members arriving by its adaptation plan. */
async function placesOf(tx: Tx, familyId: number): Promise<number> {
  const [memberCount, plan] = await Promise.all([
    tx.person.count({ where: { familyId } }),
    tx.adaptationPlan.findUnique({ where: { familyId }, select: { membersArriving: true } }),
  ]);
  return placesNeeded(memberCount, plan?.membersArriving);
}

/** The family in the actor's scope, its row locked until the transaction ends; otherwise NotFoundError. */
async function lockFamilyInScope(tx: Tx, actor: Actor, familyId: number) {
  const family = await tx.family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: { id: true, status: true, category: true, targetRegionId: true, statusValidUntil: true },
  });
  if (!family) throw new NotFoundError("family");
  await tx.$executeRaw`SELECT 1 FROM "family" WHERE "id" = ${family.id} FOR UPDATE`;
  return family;
}

/** Audits an attempt on a family outside the actor's scope (outside the rolled-back transaction). */
async function auditDenied(actor: Actor, action: string, familyId: number, error: unknown): Promise<never> {
  if (error instanceof NotFoundError) await recordAudit({ actor, action: `${action}.denied`, entity: "family", entityId: familyId });
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
 * (COORDINATOR of that region or ADMIN; other roles ForbiddenError; another region NotFoundError).
 * Refusals (checkWaitlistEntry) raise WaitlistRefusedError with the places left and needed. A family
 * already waiting that year gets its existing entry back: no duplicate, no error, no second audit.
 */
export async function addToWaitlist(
  actor: Actor,
  input: { familyId: number },
  options: { now?: Date } = {},
): Promise<WaitlistEntryResult> {
  assertWaitlistRole(actor, "quota.waitlist.add");
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
        throw new WaitlistRefusedError(check.reason, {
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
export async function removeFromWaitlist(actor: Actor, input: { familyId: number; year: number }): Promise<{ isRemoved: boolean }> {
  assertWaitlistRole(actor, "quota.waitlist.remove");
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
          details: { familyId: family.id, year: input.year, pool: poolForCategory(family.category), since: entry.createdAt.toISOString() },
        },
        tx,
      );
      return { isRemoved: true };
    }, TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "quota.waitlist.remove", input.familyId, error));
}

const headName = (members: { surnameCyr: string; givenNameCyr: string; patronymicCyr: string | null }[]) =>
  members[0] ? [members[0].surnameCyr, members[0].givenNameCyr, members[0].patronymicCyr].filter(Boolean).join(" ") : "";

/**
 * The families waiting for places in one region's pool in `year`, in serving order, each with its
 * position, case number, head of family (Cyrillic), decision date, persons, version (for the allocation
 * step) and whether it fits now (nextFittingFamilies against the quota's remaining places), plus the
 * quota's figures (no quota row: all 0). ADMIN any region, COORDINATOR the own region only (another →
 * NotFoundError), CASEWORKER and ANALYST → ForbiddenError. Audited as a view: it shows names.
 */
export async function listWaitlist(
  actor: Actor,
  filter: { year: number; regionId: string; pool: QuotaPool },
  options: { now?: Date } = {},
) {
  assertWaitlistRole(actor, "quota.waitlist.view");
  if (actor.role === "COORDINATOR" && actor.regionId !== filter.regionId) {
    await recordAudit({ actor, action: "quota.waitlist.view.denied", entity: "quota", regionId: filter.regionId, details: { ...filter } });
    throw new NotFoundError("waitlist");
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
 * years, the latest year counts. COORDINATOR (own region) and ADMIN; other roles ForbiddenError; a family
 * outside the scope NotFoundError. Shows no other family's data, so the case view's audit covers it.
 */
export async function waitlistPlace(actor: Actor, familyId: number) {
  assertWaitlistRole(actor, "quota.waitlist.place");
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
  if (!family) throw new NotFoundError("family");
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
