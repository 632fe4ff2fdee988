import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { maskChanges, type FieldChange } from "@/lib/domain/audit-mask";
import type { Actor } from "@/lib/domain/permissions";
import { db } from "@/lib/db/client";
import { requestContext } from "@/lib/db/request-context";

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  actor: Actor | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  regionId?: string | null;
  changes?: Record<string, FieldChange>;
  details?: Record<string, unknown>;
};

/**
 * Appends an audit entry. Pass the transaction client when the entry belongs to a change, so that
 * the change and its audit entry commit or fail together; identifiers in `changes` are masked.
 */
export async function recordAudit(entry: AuditEntry, client: AuditWriter = db()): Promise<void> {
  const { ip, requestId } = await requestContext();
  const changes = entry.changes ? maskChanges(entry.changes) : undefined;
  const payload =
    changes || entry.details ? ({ ...entry.details, ...(changes && { changes }) } as Prisma.InputJsonValue) : undefined;
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      regionId: entry.regionId ?? null,
      changes: payload,
      ip,
      requestId,
    },
  });
}

/**
 * Audits a view of one family's personal data as `action`, and returns the family; a family the scoped
 * query did not find (missing, or outside the actor's scope) is audited as `<action>.denied` and refused
 * with notFoundError, so both look the same to the caller.
 */
export async function auditFamilyView<T extends { id: number; targetRegion: { id: string } }>(
  actor: Actor,
  action: string,
  familyId: number,
  family: T | null,
): Promise<T> {
  if (!family) {
    await recordAudit({ actor, action: `${action}.denied`, entity: "family", entityId: familyId });
    throw notFoundError("family");
  }
  await recordAudit({ actor, action, entity: "family", entityId: family.id, regionId: family.targetRegion.id });
  return family;
}

/**
 * Audits a request refused because the actor's role may not do the operation at all (forbiddenError:
 * an analyst opening the staff page, a caseworker's hand-made export URL) as `access.denied`, in the
 * actor's region so their coordinator sees it too. Only the path is kept, never the query string,
 * which can hold a searched name. The wrappers (requirePermission, orNotFound, defineAction,
 * defineRoute) call it with whatever they caught; any other error is left alone.
 */
export async function auditForbidden(actor: Actor, error: unknown, requestedPath: string | null): Promise<void> {
  if (!(error instanceof AppError) || error.forbidden === undefined) return;
  const path = requestedPath?.split("?")[0]?.slice(0, 200) ?? null;
  await recordAudit({
    actor,
    action: "access.denied",
    entity: "permission",
    entityId: error.forbidden,
    regionId: actor.regionId,
    details: { permission: error.forbidden, path },
  });
}
