import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { TERMINAL_STATUSES } from "@/lib/domain/case-status";
import { can, canSeeFamilyInRegion, rolesWith, type Actor } from "@/lib/domain/permissions";

type Client = Prisma.TransactionClient;

/** The people a case of `regionId` may be assigned to: active caseworkers of that region. */
function assignableWhere(regionId: string): Prisma.UserWhereInput {
  return { isActive: true, regionId, role: { in: rolesWith("case.own") } };
}

/** The assignee if they may hold a case of the region, else a refusal at the field (never another region's name). */
async function requireAssignable(client: Client, toUserId: number, regionId: string): Promise<{ id: number }> {
  const assignee = await client.user.findFirst({
    where: { AND: [{ id: toUserId }, assignableWhere(regionId)] },
    select: { id: true },
  });
  if (!assignee) throw new AppError("work.errors.notAssignable", { status: 422, field: "toUserId" });
  return assignee;
}

/**
 * The case's assigned caseworker, the caseworkers it may be reassigned to (for those who may reassign)
 * and the assignment history, newest first. Read with the case page, whose view is audited there.
 */
export async function getCaseAssignment(actor: Actor, familyId: number) {
  assertCan(actor, "family.view");
  const family = await db().family.findFirst({
    where: { AND: [{ id: familyId }, familyScopeWhere(actor)] },
    select: {
      id: true,
      targetRegionId: true,
      assignedTo: { select: { id: true, fullName: true } },
      assignments: {
        orderBy: [{ at: "desc" }, { id: "desc" }],
        select: {
          id: true,
          at: true,
          reason: true,
          actor: { select: { fullName: true } },
          fromUser: { select: { fullName: true } },
          toUser: { select: { fullName: true } },
        },
      },
    },
  });
  if (!family) throw notFoundError("family");
  const candidates = await listAssignableCaseworkers(actor, family.targetRegionId);
  return { assignedTo: family.assignedTo, history: family.assignments, candidates };
}

/** Active caseworkers of a region the actor may assign cases in; empty without the permission or outside the scope. */
export async function listAssignableCaseworkers(actor: Actor, regionId: string) {
  assertCan(actor, "family.view");
  if (!can(actor, "case.assign") || !canSeeFamilyInRegion(actor, regionId)) return [];
  return db().user.findMany({
    where: assignableWhere(regionId),
    orderBy: [{ fullName: "asc" }, { id: "asc" }],
    select: { id: true, fullName: true },
  });
}

/** Assigns one case to another active caseworker of its region; history row and audit entry in the same transaction. */
export async function reassignCase(
  actor: Actor,
  input: { familyId: number; toUserId: number; reason: string | null },
): Promise<{ changed: boolean }> {
  assertCan(actor, "case.assign");
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "case.assign", { forUpdate: true });
    await requireAssignable(tx, input.toUserId, family.targetRegionId);
    return { changed: await assign(tx, actor, family.id, family.targetRegionId, input.toUserId, input.reason) };
  });
}

/**
 * Moves every open case (not closed, rejected, withdrawn or expired) of a person (one who leaves, or whose workload is shared out) to another active
 * caseworker of the same region. A coordinator does so in the own region only: the cases are those the
 * actor's scope reaches, and the new assignee must belong to each case's region.
 */
export async function reassignAllCases(
  actor: Actor,
  input: { fromUserId: number; toUserId: number; reason: string | null },
): Promise<{ moved: number }> {
  assertCan(actor, "case.assign");
  return db().$transaction(async (tx) => {
    const families = await tx.family.findMany({
      where: {
        AND: [{ assignedToId: input.fromUserId, status: { notIn: [...TERMINAL_STATUSES] } }, familyScopeWhere(actor)],
      },
      select: { id: true, targetRegionId: true },
      orderBy: { id: "asc" },
    });
    for (const family of families) {
      await requireAssignable(tx, input.toUserId, family.targetRegionId);
      await tx.$executeRaw`SELECT 1 FROM "family" WHERE "id" = ${family.id} FOR UPDATE`;
      await assign(tx, actor, family.id, family.targetRegionId, input.toUserId, input.reason);
    }
    return { moved: families.length };
  });
}

/**
 * How many open cases a person holds in the actor's scope: what a staff member's page offers to move
 * before or after the person leaves. Counts only, no case is named.
 */
export async function countOpenCasesOf(actor: Actor, userId: number): Promise<number> {
  assertCan(actor, "case.assign");
  return db().family.count({
    where: { AND: [{ assignedToId: userId, status: { notIn: [...TERMINAL_STATUSES] } }, familyScopeWhere(actor)] },
  });
}

async function assign(
  tx: Client,
  actor: Actor,
  familyId: number,
  regionId: string,
  toUserId: number,
  reason: string | null,
): Promise<boolean> {
  const current = await tx.family.findUniqueOrThrow({ where: { id: familyId }, select: { assignedToId: true } });
  if (current.assignedToId === toUserId) return false;
  await tx.family.update({
    where: { id: familyId },
    data: { assignedToId: toUserId },
  });
  await tx.caseAssignment.create({
    data: { familyId, fromUserId: current.assignedToId, toUserId, actorId: actor.id, reason },
  });
  await recordAudit(
    {
      actor,
      action: "case.assign",
      entity: "family",
      entityId: familyId,
      regionId,
      details: { from: current.assignedToId, to: toUserId },
    },
    tx,
  );
  return true;
}
