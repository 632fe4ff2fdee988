import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError } from "@/lib/db/errors";
import {
  QuotaBelowAllocatedError,
  QuotaOrderExistsError,
  QuotaOrderInvalidError,
  QuotaOrderMissingError,
  QuotaOrderReferenceTakenError,
} from "@/lib/db/quotas/errors";
import type { Actor } from "@/lib/domain/access";
import { canSetQuotaTotal, validateQuotaOrder, type QuotaOrderIssue, type QuotaPlaces, type QuotaPool } from "@/lib/domain/quota";
import { calendarDay, parseIsoDay } from "@/lib/domain/status-validity";

type Tx = Prisma.TransactionClient;

/** Longest order reference (column quota_order.reference). */
const REFERENCE_MAX_LENGTH = 64;

// An amendment may queue on quota rows behind a burst of allocations (see transition-family.ts).
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** First key of the transaction-scoped advisory lock that serialises order changes of one year (issue 4). */
const ORDER_LOCK_KEY = 4004;

type OrderHeader = {
  year: number;
  reference: string;
  /** ISO yyyy-mm-dd or a Date (calendar day). */
  orderDate: string | Date;
  note?: string | null;
};

export type CreateQuotaOrderInput = OrderHeader & { places: QuotaPlaces[] };
export type AmendQuotaInput = OrderHeader & { changes: QuotaPlaces[] };

export type CreateQuotaOrderResult = { orderId: number; year: number; quotas: { id: number; regionId: string; pool: QuotaPool; total: number }[] };
export type AmendQuotaResult = {
  orderId: number;
  year: number;
  changes: { quotaId: number; regionId: string; pool: QuotaPool; oldTotal: number; newTotal: number; allocated: number }[];
};

function assertAdmin(actor: Actor, operation: string): void {
  if (actor.role !== "ADMIN") throw new ForbiddenError(operation);
}

/** Validates header and lines; returns the cleaned header or throws QuotaOrderInvalidError. */
function checkOrder(header: OrderHeader, places: QuotaPlaces[]) {
  const issues: QuotaOrderIssue[] = validateQuotaOrder({ year: header.year, places });
  const reference = header.reference.trim();
  if (reference === "" || reference.length > REFERENCE_MAX_LENGTH) issues.push({ code: "reference-invalid" });
  const orderDate =
    header.orderDate instanceof Date
      ? Number.isNaN(header.orderDate.getTime())
        ? null
        : calendarDay(header.orderDate)
      : parseIsoDay(header.orderDate);
  if (!orderDate) issues.push({ code: "order-date-invalid" });
  if (issues.length > 0 || !orderDate) throw new QuotaOrderInvalidError(issues);
  const note = header.note?.trim() || null;
  return { year: header.year, reference, orderDate, note };
}

/** Serialises order creation and amendments of one year (new quota rows, the "one original order" rule). */
async function lockYear(tx: Tx, year: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORDER_LOCK_KEY}::int, ${year}::int)`;
}

async function assertReferenceFree(tx: Tx, year: number, reference: string): Promise<void> {
  const taken = await tx.quotaOrder.findUnique({ where: { year_reference: { year, reference } }, select: { id: true } });
  if (taken) throw new QuotaOrderReferenceTakenError(year, reference);
}

function rethrowReferenceTaken(error: unknown, year: number, reference: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes("reference")) {
    throw new QuotaOrderReferenceTakenError(year, reference);
  }
  throw error;
}

const sortPlaces = (places: QuotaPlaces[]) =>
  [...places].sort((a, b) => a.regionId.localeCompare(b.regionId) || a.pool.localeCompare(b.pool));

/**
 * Records a year's original ministry order (ADMIN only): the order and one quota row per region and
 * pool, in one transaction with its audit entry. Each quota's starting total is also kept as a
 * quota_amendment row 0 → total of this order, so the history of every quota starts with its order.
 * A year that already has quotas is refused (QuotaOrderExistsError): later changes are amendments.
 */
export async function createQuotaOrder(actor: Actor, input: CreateQuotaOrderInput): Promise<CreateQuotaOrderResult> {
  assertAdmin(actor, "quota.order.create");
  const header = checkOrder(input, input.places);
  const places = sortPlaces(input.places);
  try {
    return await db().$transaction(async (tx) => {
      await lockYear(tx, header.year);
      if ((await tx.quota.count({ where: { year: header.year } })) > 0) throw new QuotaOrderExistsError(header.year);
      await assertReferenceFree(tx, header.year, header.reference);
      const order = await tx.quotaOrder.create({
        data: { ...header, isAmendment: false, createdById: actor.id },
        select: { id: true },
      });
      const quotas = await tx.quota.createManyAndReturn({
        data: places.map((line) => ({ year: header.year, regionId: line.regionId, pool: line.pool, total: line.total, orderId: order.id })),
        select: { id: true, regionId: true, pool: true, total: true },
      });
      await tx.quotaAmendment.createMany({
        data: quotas.map((quota) => ({ quotaId: quota.id, orderId: order.id, oldTotal: 0, newTotal: quota.total, actorId: actor.id })),
      });
      await recordAudit(
        {
          actor,
          action: "quota.order.create",
          entity: "quota_order",
          entityId: order.id,
          details: {
            year: header.year,
            reference: header.reference,
            orderDate: header.orderDate.toISOString().slice(0, 10),
            places: places.map(({ regionId, pool, total }) => ({ regionId, pool, total })),
          },
        },
        tx,
      );
      return { orderId: order.id, year: header.year, quotas };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    rethrowReferenceTaken(error, header.year, header.reference);
  }
}

/**
 * Records an amendment order (ADMIN only) and applies its changes in one transaction. Each quota row is
 * locked (SELECT … FOR UPDATE) before its new total is checked, so no allocation can slip in between:
 * a total below the places already allocated refuses the whole amendment (QuotaBelowAllocatedError with
 * the figures) and nothing of it is stored. A region/pool without a quota gets one (old total 0). Every
 * change is kept as a quota_amendment row (old → new, actor, order); one audit entry covers the order.
 */
export async function amendQuota(actor: Actor, input: AmendQuotaInput): Promise<AmendQuotaResult> {
  assertAdmin(actor, "quota.order.amend");
  const header = checkOrder(input, input.changes);
  const changes = sortPlaces(input.changes);
  try {
    return await db().$transaction(async (tx) => {
      await lockYear(tx, header.year);
      const original = await tx.quotaOrder.count({ where: { year: header.year, isAmendment: false } });
      if (original === 0) throw new QuotaOrderMissingError(header.year);
      await assertReferenceFree(tx, header.year, header.reference);
      const order = await tx.quotaOrder.create({
        data: { ...header, isAmendment: true, createdById: actor.id },
        select: { id: true },
      });

      const applied: AmendQuotaResult["changes"] = [];
      for (const change of changes) {
        const [locked] = await tx.$queryRaw<{ id: number; total: number; allocated: number }[]>`
          SELECT "id", "total", "allocated" FROM "quota"
           WHERE "year" = ${header.year} AND "regionId" = ${change.regionId} AND "pool" = ${change.pool}::"Pool"
             FOR UPDATE`;
        if (locked && !canSetQuotaTotal(locked, change.total)) {
          throw new QuotaBelowAllocatedError(change.regionId, header.year, change.pool, locked.allocated, change.total);
        }
        const quota = locked
          ? await tx.quota.update({
              where: { id: locked.id },
              data: { total: change.total, orderId: order.id },
              select: { id: true, allocated: true },
            })
          : await tx.quota.create({
              data: { year: header.year, regionId: change.regionId, pool: change.pool, total: change.total, orderId: order.id },
              select: { id: true, allocated: true },
            });
        const oldTotal = locked?.total ?? 0;
        await tx.quotaAmendment.create({
          data: { quotaId: quota.id, orderId: order.id, oldTotal, newTotal: change.total, actorId: actor.id },
        });
        applied.push({ quotaId: quota.id, regionId: change.regionId, pool: change.pool, oldTotal, newTotal: change.total, allocated: quota.allocated });
      }

      const regions = [...new Set(applied.map((change) => change.regionId))];
      await recordAudit(
        {
          actor,
          action: "quota.order.amend",
          entity: "quota_order",
          entityId: order.id,
          regionId: regions.length === 1 ? regions[0] : null,
          details: {
            year: header.year,
            reference: header.reference,
            orderDate: header.orderDate.toISOString().slice(0, 10),
            amendments: applied.map(({ quotaId, regionId, pool, oldTotal, newTotal }) => ({ quotaId, regionId, pool, from: oldTotal, to: newTotal })),
          },
        },
        tx,
      );
      return { orderId: order.id, year: header.year, changes: applied };
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    rethrowReferenceTaken(error, header.year, header.reference);
  }
}

/**
 * The orders of a year, oldest first, each with the quota changes it made (old → new, who, when).
 * ADMIN and ANALYST see every region (figures carry no personal data); a COORDINATOR sees the own
 * region's changes and only the orders that touched it; CASEWORKER → ForbiddenError.
 */
export async function listQuotaHistory(actor: Actor, year: number) {
  let regionId: string | undefined;
  if (actor.role === "COORDINATOR") {
    if (!actor.regionId) return [];
    regionId = actor.regionId;
  } else if (actor.role !== "ADMIN" && actor.role !== "ANALYST") {
    throw new ForbiddenError("quota.history");
  }
  const amendmentWhere = regionId ? { quota: { regionId } } : {};
  const orders = await db().quotaOrder.findMany({
    where: { year, ...(regionId && { amendments: { some: amendmentWhere } }) },
    orderBy: [{ orderDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      year: true,
      reference: true,
      orderDate: true,
      isAmendment: true,
      note: true,
      createdAt: true,
      createdBy: { select: { fullName: true } },
      amendments: {
        where: amendmentWhere,
        orderBy: [{ quota: { regionId: "asc" } }, { quota: { pool: "asc" } }, { id: "asc" }],
        select: {
          id: true,
          oldTotal: true,
          newTotal: true,
          at: true,
          actor: { select: { fullName: true } },
          quota: { select: { id: true, regionId: true, pool: true } },
        },
      },
    },
  });
  return orders.map(({ amendments, createdBy, ...order }) => ({
    ...order,
    createdBy: createdBy.fullName,
    amendments: amendments.map(({ quota, actor: amendedBy, ...amendment }) => ({
      ...amendment,
      quotaId: quota.id,
      regionId: quota.regionId,
      pool: quota.pool,
      actor: amendedBy.fullName,
    })),
  }));
}

export type QuotaHistoryOrder = Awaited<ReturnType<typeof listQuotaHistory>>[number];
