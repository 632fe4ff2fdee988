import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { AppError, isNotFound, notFoundError } from "@/lib/domain/app-error";
import { canSeeFamilyInRegion, familyScope, type Actor } from "@/lib/domain/permissions";
import { poolForCategory } from "@/lib/domain/quota";
import {
  checkTransferProposal,
  isTransferable,
  mayWithdrawTransfer,
  statusAfterTransfer,
  type TransferPlaces,
  type TransferRefusal,
} from "@/lib/domain/transfer";

type Tx = Prisma.TransactionClient;

// Acceptance queues on the family row and on quota rows like an allocation (decision 006).
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

const REFUSAL_CODES: Record<TransferRefusal, { code: string; field?: string }> = {
  "same-region": { code: "transfers.errors.sameRegion", field: "toRegionId" },
  "not-target-region": { code: "transfers.errors.notTargetRegion", field: "toRegionId" },
  "district-not-in-region": { code: "transfers.errors.districtNotInRegion", field: "toDistrictId" },
  "not-transferable": { code: "transfers.errors.notTransferable" },
  "already-open": { code: "transfers.errors.alreadyOpen" },
};

function refusal(reason: TransferRefusal): AppError {
  const { code, field } = REFUSAL_CODES[reason];
  return new AppError(code, { field, status: 409, log: reason });
}

type AuditTarget = { entity: string; entityId: number };
const onFamily = (familyId: number): AuditTarget => ({ entity: "family", entityId: familyId });
const onTransfer = (transferId: number): AuditTarget => ({ entity: "family_transfer", entityId: transferId });

/** Audits an attempt outside the actor's scope (outside the rolled-back transaction), then rethrows. */
async function auditDenied(actor: Actor, action: string, target: AuditTarget, error: unknown): Promise<never> {
  if (isNotFound(error)) await recordAudit({ actor, action: `${action}.denied`, ...target });
  throw error;
}

async function lockFamily(tx: Tx, familyId: number) {
  await tx.$executeRaw`SELECT 1 FROM "family" WHERE "id" = ${familyId} FOR UPDATE`;
}

export type ProposeTransferInput = { familyId: number; toRegionId: string; toDistrictId: number; reason: string };

/**
 * Proposes moving a family to another region (COORDINATOR of the family's region or ADMIN; a family
 * outside the scope is notFoundError, audited). The family row lock serialises proposals, so at most one
 * transfer per family is PENDING. Refusals (checkTransferProposal) are 409 with a translated message.
 */
export async function proposeTransfer(actor: Actor, input: ProposeTransferInput): Promise<{ transferId: number }> {
  assertCan(actor, "family.transfer");
  return db()
    .$transaction(async (tx) => {
      const family = await tx.family.findFirst({
        where: { AND: [{ id: input.familyId }, familyScopeWhere(actor)] },
        select: { id: true },
      });
      if (!family) throw notFoundError("family");
      await lockFamily(tx, family.id);
      const current = await tx.family.findUniqueOrThrow({
        where: { id: family.id },
        select: { status: true, targetRegionId: true, targetDistrictId: true },
      });
      const open = await tx.familyTransfer.count({ where: { familyId: family.id, status: "PENDING" } });
      const district = await tx.district.findUnique({ where: { id: input.toDistrictId }, select: { regionId: true } });
      const check = checkTransferProposal({
        status: current.status,
        fromRegionId: current.targetRegionId,
        toRegionId: input.toRegionId,
        districtRegionId: district?.regionId ?? null,
        hasOpenTransfer: open > 0,
      });
      if (!check.ok) throw refusal(check.reason);
      const transfer = await tx.familyTransfer.create({
        data: {
          familyId: family.id,
          fromRegionId: current.targetRegionId,
          fromDistrictId: current.targetDistrictId,
          toRegionId: input.toRegionId,
          toDistrictId: input.toDistrictId,
          reason: input.reason.trim(),
          proposedById: actor.id,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actor,
          action: "family.transfer.propose",
          entity: "family",
          entityId: family.id,
          regionId: current.targetRegionId,
          details: {
            transferId: transfer.id,
            toRegionId: input.toRegionId,
            toDistrictId: input.toDistrictId,
            reason: input.reason.trim(),
          },
        },
        tx,
      );
      return { transferId: transfer.id };
    }, TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "family.transfer.propose", onFamily(input.familyId), error));
}

/**
 * The PENDING transfer the actor may decide, with its family row locked: the target region's
 * COORDINATOR or ADMIN (anyone else notFoundError); a transfer decided meanwhile is a 409.
 */
async function lockPendingTransfer(tx: Tx, actor: Actor, transferId: number) {
  const found = await tx.familyTransfer.findUnique({
    where: { id: transferId },
    select: { familyId: true, toRegionId: true },
  });
  if (!found || !canSeeFamilyInRegion(actor, found.toRegionId)) throw notFoundError("transfer");
  // The family lock first, as every change of the family takes it: proposals, decisions and status
  // changes of one family queue behind each other.
  await lockFamily(tx, found.familyId);
  const transfer = await tx.familyTransfer.findUniqueOrThrow({ where: { id: transferId } });
  if (transfer.status !== "PENDING") {
    throw new AppError("transfers.errors.alreadyDecided", { status: 409, log: `transfer ${transferId}` });
  }
  return transfer;
}

type PlacesOutcome = TransferPlaces & { pool: "KANDAS" | "SETTLER"; fromQuotaId: number; toQuotaId: number | null };

/**
 * Moves every ACTIVE allocation of the family from the source region's quota to the target region's
 * quota of the same year and pool. Both quota rows are locked in id order first, so that transfers in
 * opposite directions cannot deadlock; the places are then taken with the conditional UPDATE of
 * decision 006, which can never pass the total. Places that do not fit are given back all the same, and
 * the family waits on the target region's waitlist for that year.
 */
async function movePlaces(
  actor: Actor,
  tx: Tx,
  transfer: { id: number; familyId: number; fromRegionId: string; toRegionId: string },
  category: "KANDAS" | "SETTLER",
): Promise<PlacesOutcome[]> {
  const pool = poolForCategory(category);
  const active = await tx.$queryRaw<{ id: number; quotaId: number; year: number; persons: number }[]>`
    SELECT "id", "quotaId", "year", "persons" FROM "allocation"
     WHERE "familyId" = ${transfer.familyId} AND "status" = 'ACTIVE'::"AllocationStatus"
     ORDER BY "year"
       FOR UPDATE`;
  const outcomes: PlacesOutcome[] = [];
  for (const allocation of active) {
    const target = await tx.quota.findUnique({
      where: { year_regionId_pool: { year: allocation.year, regionId: transfer.toRegionId, pool } },
      select: { id: true },
    });
    const ids = [allocation.quotaId, ...(target ? [target.id] : [])];
    await tx.$queryRaw`SELECT "id" FROM "quota" WHERE "id" = ANY(${ids}::int[]) ORDER BY "id" FOR UPDATE`;

    const released = await tx.$queryRaw<{ allocated: number }[]>`
      UPDATE "quota" SET "allocated" = "allocated" - ${allocation.persons}, "updatedAt" = now()
       WHERE "id" = ${allocation.quotaId}
      RETURNING "allocated"`;
    const afterRelease = released[0]!.allocated;
    await recordAudit(
      {
        actor,
        action: "quota.release",
        entity: "quota",
        entityId: allocation.quotaId,
        regionId: transfer.fromRegionId,
        details: {
          familyId: transfer.familyId,
          allocationId: allocation.id,
          year: allocation.year,
          persons: allocation.persons,
          transferId: transfer.id,
        },
        changes: { allocated: { from: afterRelease + allocation.persons, to: afterRelease } },
      },
      tx,
    );

    const taken = target
      ? await tx.$queryRaw<{ allocated: number }[]>`
          UPDATE "quota" SET "allocated" = "allocated" + ${allocation.persons}, "updatedAt" = now()
           WHERE "id" = ${target.id} AND "allocated" + ${allocation.persons} <= "total"
          RETURNING "allocated"`
      : [];
    const base = { year: allocation.year, persons: allocation.persons, pool, fromQuotaId: allocation.quotaId };
    if (target && taken[0]) {
      // One allocation row per family and year: the same row now holds places of the target quota.
      await tx.allocation.update({
        where: { id: allocation.id },
        data: { quotaId: target.id, createdById: actor.id, createdAt: new Date() },
      });
      await recordAudit(
        {
          actor,
          action: "quota.allocate",
          entity: "quota",
          entityId: target.id,
          regionId: transfer.toRegionId,
          details: {
            familyId: transfer.familyId,
            allocationId: allocation.id,
            year: allocation.year,
            pool,
            persons: allocation.persons,
            transferId: transfer.id,
          },
          changes: { allocated: { from: taken[0].allocated - allocation.persons, to: taken[0].allocated } },
        },
        tx,
      );
      outcomes.push({ ...base, toQuotaId: target.id, outcome: "allocated" });
      continue;
    }

    await tx.allocation.update({
      where: { id: allocation.id },
      data: { status: "RELEASED", releasedAt: new Date() },
    });
    const existing = await tx.waitlistEntry.findUnique({
      where: { familyId_year: { familyId: transfer.familyId, year: allocation.year } },
      select: { id: true },
    });
    const entry =
      existing ??
      (await tx.waitlistEntry.create({
        data: { familyId: transfer.familyId, year: allocation.year, createdById: actor.id },
        select: { id: true },
      }));
    await recordAudit(
      {
        actor,
        action: "quota.waitlist.add",
        entity: "waitlist_entry",
        entityId: entry.id,
        regionId: transfer.toRegionId,
        details: {
          familyId: transfer.familyId,
          year: allocation.year,
          pool,
          persons: allocation.persons,
          transferId: transfer.id,
        },
      },
      tx,
    );
    outcomes.push({ ...base, toQuotaId: target?.id ?? null, outcome: "waitlisted" });
  }
  return outcomes;
}

export type AcceptTransferResult = {
  transferId: number;
  familyId: number;
  status: string;
  places: TransferPlaces[];
};

/**
 * Accepts a transfer (COORDINATOR of the target region or ADMIN), in one transaction: the family's
 * places move from the source pool to the target pool of the same year (or it waits there), the family's
 * region and district become the target's, so the case leaves the source region's scope, and a family
 * that lost its places is APPROVED again (a case event says so). Audited for both regions.
 * `options.transaction` lets a caller that queues many acceptances at once wait longer for a connection.
 */
export async function acceptTransfer(
  actor: Actor,
  input: { transferId: number },
  options: { now?: Date; transaction?: typeof TRANSACTION_OPTIONS } = {},
): Promise<AcceptTransferResult> {
  assertCan(actor, "family.transfer");
  const now = options.now ?? new Date();
  return db()
    .$transaction(async (tx) => {
      const transfer = await lockPendingTransfer(tx, actor, input.transferId);
      const family = await tx.family.findUniqueOrThrow({
        where: { id: transfer.familyId },
        select: {
          status: true,
          category: true,
          targetRegionId: true,
          targetDistrictId: true,
          version: true,
          assignedToId: true,
        },
      });
      if (family.targetRegionId !== transfer.fromRegionId || !isTransferable(family.status)) {
        throw new AppError("transfers.errors.notTransferable", { status: 409, log: `transfer ${transfer.id}` });
      }
      const moved = await movePlaces(actor, tx, transfer, family.category);
      const places: TransferPlaces[] = moved.map(({ year, persons, outcome }) => ({ year, persons, outcome }));
      const status = statusAfterTransfer(family.status, places);

      await tx.family.update({
        where: { id: transfer.familyId },
        data: {
          targetRegionId: transfer.toRegionId,
          targetDistrictId: transfer.toDistrictId,
          status,
          // The source region's caseworker can no longer see the case: the target's coordinator assigns it.
          assignedToId: null,
          version: { increment: 1 },
          updatedById: actor.id,
          updatedAt: now,
        },
      });
      if (status !== family.status) {
        await tx.caseEvent.create({
          data: {
            familyId: transfer.familyId,
            fromStatus: family.status,
            toStatus: status,
            actorId: actor.id,
            at: now,
            reason: transfer.reason,
            data: { transferId: transfer.id, waitlisted: places } as Prisma.InputJsonValue,
          },
        });
      }
      await tx.caseTask.updateMany({
        where: { familyId: transfer.familyId, doneAt: null },
        data: { assigneeId: null },
      });
      await tx.familyTransfer.update({
        where: { id: transfer.id },
        data: {
          status: "ACCEPTED",
          decidedById: actor.id,
          decidedAt: now,
          outcome: { places } as Prisma.InputJsonValue,
        },
      });
      const changes = {
        targetRegionId: { from: family.targetRegionId, to: transfer.toRegionId },
        targetDistrictId: { from: family.targetDistrictId, to: transfer.toDistrictId },
        assignedToId: { from: family.assignedToId, to: null },
        version: { from: family.version, to: family.version + 1 },
        ...(status !== family.status && { status: { from: family.status, to: status } }),
      };
      // One entry for each region, so that each coordinator finds it in the own region's audit log.
      for (const regionId of [transfer.fromRegionId, transfer.toRegionId]) {
        await recordAudit(
          {
            actor,
            action: "family.transfer.accept",
            entity: "family",
            entityId: transfer.familyId,
            regionId,
            changes,
            details: { transferId: transfer.id, places },
          },
          tx,
        );
      }
      return { transferId: transfer.id, familyId: transfer.familyId, status, places };
    }, options.transaction ?? TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "family.transfer.accept", onTransfer(input.transferId), error));
}

/** Declines a transfer with a reason (COORDINATOR of the target region or ADMIN); the case stays where it is. */
export async function declineTransfer(
  actor: Actor,
  input: { transferId: number; reason: string },
  options: { now?: Date } = {},
): Promise<{ transferId: number }> {
  assertCan(actor, "family.transfer");
  return db()
    .$transaction(async (tx) => {
      const transfer = await lockPendingTransfer(tx, actor, input.transferId);
      await tx.familyTransfer.update({
        where: { id: transfer.id },
        data: {
          status: "DECLINED",
          decidedById: actor.id,
          decidedAt: options.now ?? new Date(),
          declineReason: input.reason.trim(),
        },
      });
      for (const regionId of [transfer.fromRegionId, transfer.toRegionId]) {
        await recordAudit(
          {
            actor,
            action: "family.transfer.decline",
            entity: "family",
            entityId: transfer.familyId,
            regionId,
            details: { transferId: transfer.id, reason: input.reason.trim() },
          },
          tx,
        );
      }
      return { transferId: transfer.id };
    }, TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "family.transfer.decline", onTransfer(input.transferId), error));
}

/**
 * Withdraws a pending transfer the actor proposed (its source region's COORDINATOR or ADMIN; a transfer
 * outside the source region is notFoundError, audited). Another person's proposal and a transfer decided
 * meanwhile are 409s. The record stays, WITHDRAWN, in both regions' history and audit log.
 */
export async function withdrawTransfer(
  actor: Actor,
  input: { transferId: number },
  options: { now?: Date } = {},
): Promise<{ transferId: number; familyId: number }> {
  assertCan(actor, "family.transfer");
  return db()
    .$transaction(async (tx) => {
      const found = await tx.familyTransfer.findUnique({
        where: { id: input.transferId },
        select: { familyId: true, fromRegionId: true },
      });
      if (!found || !canSeeFamilyInRegion(actor, found.fromRegionId)) throw notFoundError("transfer");
      // The family lock, as acceptance and decline take it: a withdrawal and a decision cannot both pass.
      await lockFamily(tx, found.familyId);
      const transfer = await tx.familyTransfer.findUniqueOrThrow({ where: { id: input.transferId } });
      if (transfer.status !== "PENDING") {
        throw new AppError("transfers.errors.alreadyDecided", { status: 409, log: `transfer ${transfer.id}` });
      }
      if (!mayWithdrawTransfer(transfer, actor.id)) {
        throw new AppError("transfers.errors.notProposer", { status: 409, log: `transfer ${transfer.id}` });
      }
      await tx.familyTransfer.update({
        where: { id: transfer.id },
        data: { status: "WITHDRAWN", decidedById: actor.id, decidedAt: options.now ?? new Date() },
      });
      for (const regionId of [transfer.fromRegionId, transfer.toRegionId]) {
        await recordAudit(
          {
            actor,
            action: "family.transfer.withdraw",
            entity: "family",
            entityId: transfer.familyId,
            regionId,
            details: { transferId: transfer.id },
          },
          tx,
        );
      }
      return { transferId: transfer.id, familyId: transfer.familyId };
    }, TRANSACTION_OPTIONS)
    .catch((error: unknown) => auditDenied(actor, "family.transfer.withdraw", onTransfer(input.transferId), error));
}

const transferSelect = {
  id: true,
  familyId: true,
  proposedById: true,
  fromRegionId: true,
  fromDistrictId: true,
  toRegionId: true,
  toDistrictId: true,
  reason: true,
  status: true,
  proposedAt: true,
  decidedAt: true,
  declineReason: true,
  outcome: true,
  proposedBy: { select: { fullName: true } },
  decidedBy: { select: { fullName: true } },
} satisfies Prisma.FamilyTransferSelect;

type TransferRow = Prisma.FamilyTransferGetPayload<{ select: typeof transferSelect }>;

/**
 * The transfer as the pages show it: district names looked up, the outcome's places typed, and whether
 * the actor may withdraw it.
 */
async function present<T extends TransferRow>(actor: Actor, rows: T[]) {
  const districtIds = [...new Set(rows.flatMap((row) => [row.fromDistrictId, row.toDistrictId]))].filter(
    (id): id is number => id !== null,
  );
  const districts = new Map(
    (
      await db().district.findMany({
        where: { id: { in: districtIds } },
        select: { id: true, nameKk: true, nameRu: true, nameEn: true },
      })
    ).map((district) => [district.id, district]),
  );
  return rows.map(({ outcome, fromDistrictId, toDistrictId, ...row }) => ({
    ...row,
    canWithdraw: mayWithdrawTransfer(row, actor.id) && canSeeFamilyInRegion(actor, row.fromRegionId),
    fromDistrict: fromDistrictId === null ? null : (districts.get(fromDistrictId) ?? null),
    toDistrict: districts.get(toDistrictId) ?? null,
    places: ((outcome as { places?: TransferPlaces[] } | null)?.places ?? []) satisfies TransferPlaces[],
  }));
}

/**
 * Every transfer of one family, newest first, for its case page (anyone who may see the family; outside
 * the scope notFoundError). The case view's audit entry covers it: it shows no other family's data.
 */
export async function familyTransfers(actor: Actor, familyId: number) {
  assertCan(actor, "family.view");
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: { id: true },
  });
  if (!family) throw notFoundError("family");
  const rows = await db().familyTransfer.findMany({
    where: { familyId },
    orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
    select: transferSelect,
  });
  return present(actor, rows);
}

export type FamilyTransferItem = Awaited<ReturnType<typeof familyTransfers>>[number];

/**
 * The transfers from or to the actor's region (ADMIN every region), pending ones first, then newest:
 * with the case number and the head of family, whether the actor may decide it (pending, to the own
 * region) and whether the case is in the actor's scope now. The source region keeps reading its
 * transfer after the case has left. Audited as a view: it names families.
 */
export async function listTransfers(actor: Actor) {
  assertCan(actor, "family.transfer");
  const scope = familyScope(actor);
  const where: Prisma.FamilyTransferWhereInput =
    scope.kind === "all"
      ? {}
      : scope.kind === "region"
        ? { OR: [{ fromRegionId: scope.regionId }, { toRegionId: scope.regionId }] }
        : { id: -1 };
  const rows = await db().familyTransfer.findMany({
    where,
    orderBy: [{ proposedAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      ...transferSelect,
      family: {
        select: {
          caseNumber: true,
          targetRegionId: true,
          members: { where: { isHead: true }, take: 1, select: { surnameCyr: true, givenNameCyr: true } },
        },
      },
    },
  });
  const presented = await present(actor, rows);
  const result = presented
    .map(({ family, ...row }) => ({
      ...row,
      caseNumber: family.caseNumber,
      headName: family.members[0] ? `${family.members[0].surnameCyr} ${family.members[0].givenNameCyr}` : "",
      canDecide: row.status === "PENDING" && canSeeFamilyInRegion(actor, row.toRegionId),
      canOpenCase: canSeeFamilyInRegion(actor, family.targetRegionId),
    }))
    .sort((a, b) => Number(b.status === "PENDING") - Number(a.status === "PENDING"));
  await recordAudit({
    actor,
    action: "family.transfer.list",
    entity: "family_transfer",
    regionId: scope.kind === "region" ? scope.regionId : null,
    details: { transfers: result.map((row) => row.id) },
  });
  return result;
}

export type TransferListItem = Awaited<ReturnType<typeof listTransfers>>[number];
