import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, type FieldMessage } from "@/lib/domain/app-error";
import { assertCan, quotaRegionOf } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import {
  canSetQuotaTotal,
  validateQuotaOrder,
  type QuotaOrderIssue,
  type QuotaPlaces,
  type QuotaPool,
} from "@/lib/domain/quota";
import { calendarDay, parseIsoDay } from "@/lib/domain/status-validity";
import { QUOTA_ISSUE_MESSAGES } from "@/lib/validation/quota-order";

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

export type CreateQuotaOrderResult = {
  orderId: number;
  year: number;
  quotas: { id: number; regionId: string; pool: QuotaPool; total: number }[];
};
export type AmendQuotaResult = {
  orderId: number;
  year: number;
  changes: {
    quotaId: number;
    regionId: string;
    pool: QuotaPool;
    oldTotal: number;
    newTotal: number;
    allocated: number;
  }[];
};

/**
 * Validates header and lines; returns the cleaned header or throws an AppError with `code` and a
 * message at each field that breaks a rule of lib/domain/quota.ts (`<linesField>.<index>.total` for a line).
 */
function checkOrder(header: OrderHeader, places: QuotaPlaces[], refusal: { code: string; linesField: string }) {
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
  if (issues.length > 0 || !orderDate) {
    const fieldOf = (issue: QuotaOrderIssue) =>
      issue.index != null
        ? `${refusal.linesField}.${issue.index}.total`
        : issue.code === "reference-invalid"
          ? "reference"
          : issue.code === "order-date-invalid"
            ? "orderDate"
            : "year";
    const fieldErrors: Record<string, FieldMessage> = {};
    for (const issue of issues) fieldErrors[fieldOf(issue)] ??= { code: QUOTA_ISSUE_MESSAGES[issue.code] };
    throw new AppError(refusal.code, {
      values: { year: header.year },
      fieldErrors,
      log: issues.map((issue) => issue.code + (issue.index == null ? "" : `#${issue.index}`)).join(", "),
    });
  }
  const note = header.note?.trim() || null;
  return { year: header.year, reference, orderDate, note };
}

/** Serialises order creation and amendments of one year (new quota rows, the "one original order" rule). */
async function lockYear(tx: Tx, year: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORDER_LOCK_KEY}::int, ${year}::int)`;
}

/** Another order of the same year already has this reference number. */
function referenceTaken(year: number, reference: string): AppError {
  const values = { year };
  return new AppError("quotas.errors.referenceTaken", {
    values,
    fieldErrors: { reference: { code: "quotas.errors.referenceTaken", values } },
    status: 409,
    log: reference,
  });
}

async function assertReferenceFree(tx: Tx, year: number, reference: string): Promise<void> {
  const taken = await tx.quotaOrder.findUnique({
    where: { year_reference: { year, reference } },
    select: { id: true },
  });
  if (taken) throw referenceTaken(year, reference);
}

function rethrowReferenceTaken(error: unknown, year: number, reference: string): never {
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("reference")
  ) {
    throw referenceTaken(year, reference);
  }
  throw error;
}

/** The year already has its original order (quotas): changes go through amendments. Names that order. */
async function orderExists(tx: Tx, year: number): Promise<AppError> {
  const original = await tx.quotaOrder.findFirst({ where: { year, isAmendment: false }, select: { reference: true } });
  const values = { year, reference: original?.reference ?? "—" };
  return new AppError("quotas.errors.orderExists", {
    values,
    fieldErrors: { year: { code: "quotas.errors.orderExistsField", values } },
    details: { existingYear: year },
    status: 409,
  });
}

const sortPlaces = (places: QuotaPlaces[]) =>
  [...places].sort((a, b) => a.regionId.localeCompare(b.regionId) || a.pool.localeCompare(b.pool));

/**
 * Records a year's original ministry order (ADMIN only): the order and one quota row per region and
 * pool, in one transaction with its audit entry. Each quota's starting total is also kept as a
 * quota_amendment row 0 → total of this order, so the history of every quota starts with its order.
 * A year that already has quotas is refused (naming its order): later changes are amendments. A
 * refused line's message stands at `places.<index>.total`, the index in `input.places`.
 */
export async function createQuotaOrder(actor: Actor, input: CreateQuotaOrderInput): Promise<CreateQuotaOrderResult> {
  assertCan(actor, "quota.amend");
  const header = checkOrder(input, input.places, { code: "quotas.errors.invalidOrder", linesField: "places" });
  const places = sortPlaces(input.places);
  try {
    return await db().$transaction(async (tx) => {
      await lockYear(tx, header.year);
      if ((await tx.quota.count({ where: { year: header.year } })) > 0) throw await orderExists(tx, header.year);
      await assertReferenceFree(tx, header.year, header.reference);
      const order = await tx.quotaOrder.create({
        data: { ...header, isAmendment: false, createdById: actor.id },
        select: { id: true },
      });
      const quotas = await tx.quota.createManyAndReturn({
        data: places.map((line) => ({
          year: header.year,
          regionId: line.regionId,
          pool: line.pool,
          total: line.total,
          orderId: order.id,
        })),
        select: { id: true, regionId: true, pool: true, total: true },
      });
      await tx.quotaAmendment.createMany({
        data: quotas.map((quota) => ({
          quotaId: quota.id,
          orderId: order.id,
          oldTotal: 0,
          newTotal: quota.total,
          actorId: actor.id,
        })),
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
 * a total below the places already allocated refuses the whole amendment (with the figures, at the
 * field `changes.<index>.total` of `input.changes`) and nothing of it is stored. A region/pool without a quota gets one (old total 0). Every
 * change is kept as a quota_amendment row (old → new, actor, order); one audit entry covers the order.
 */
export async function amendQuota(actor: Actor, input: AmendQuotaInput): Promise<AmendQuotaResult> {
  assertCan(actor, "quota.amend");
  const header = checkOrder(input, input.changes, { code: "quotas.errors.invalid", linesField: "changes" });
  const changes = sortPlaces(input.changes);
  try {
    return await db().$transaction(async (tx) => {
      await lockYear(tx, header.year);
      const original = await tx.quotaOrder.count({ where: { year: header.year, isAmendment: false } });
      if (original === 0)
        throw new AppError("quotas.errors.orderMissing", { values: { year: header.year }, status: 409 });
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
          const figures = { allocated: locked.allocated, requested: change.total };
          const index = input.changes.findIndex(
            (line) => line.regionId === change.regionId && line.pool === change.pool,
          );
          throw new AppError("quotas.errors.belowAllocated", {
            values: { ...figures, region: { region: change.regionId }, pool: { pool: change.pool } },
            fieldErrors: {
              [`changes.${Math.max(0, index)}.total`]: { code: "quotas.errors.belowAllocatedField", values: figures },
            },
            status: 409,
          });
        }
        const quota = locked
          ? await tx.quota.update({
              where: { id: locked.id },
              data: { total: change.total, orderId: order.id },
              select: { id: true, allocated: true },
            })
          : await tx.quota.create({
              data: {
                year: header.year,
                regionId: change.regionId,
                pool: change.pool,
                total: change.total,
                orderId: order.id,
              },
              select: { id: true, allocated: true },
            });
        const oldTotal = locked?.total ?? 0;
        await tx.quotaAmendment.create({
          data: { quotaId: quota.id, orderId: order.id, oldTotal, newTotal: change.total, actorId: actor.id },
        });
        applied.push({
          quotaId: quota.id,
          regionId: change.regionId,
          pool: change.pool,
          oldTotal,
          newTotal: change.total,
          allocated: quota.allocated,
        });
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
            amendments: applied.map(({ quotaId, regionId, pool, oldTotal, newTotal }) => ({
              quotaId,
              regionId,
              pool,
              from: oldTotal,
              to: newTotal,
            })),
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
 * region's changes, the year's original order and the amendments that touched the region; CASEWORKER →
 * forbiddenError.
 */
export async function listQuotaHistory(actor: Actor, year: number) {
  const regionId = quotaRegionOf(actor);
  if (regionId === null) return [];
  const amendmentWhere = regionId ? { quota: { regionId } } : {};
  const orders = await db().quotaOrder.findMany({
    // The year's original order applies to every region: a coordinator sees it even before it has a line of theirs.
    where: { year, ...(regionId && { OR: [{ isAmendment: false }, { amendments: { some: amendmentWhere } }] }) },
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
