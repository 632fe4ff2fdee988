import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError, NotFoundError } from "@/lib/db/errors";
import { canManageUsers, type Actor } from "@/lib/domain/access";
import { diffFields } from "@/lib/domain/audit-mask";

/** Raised when an administrator tries to deactivate their own account and lock everyone out. */
export class SelfDeactivationError extends Error {
  constructor() {
    super("cannot deactivate yourself");
    this.name = "SelfDeactivationError";
  }
}

/**
 * Activates or deactivates a staff account (ADMIN only). A deactivated user is signed out on their
 * next request because every request re-reads the account.
 */
export async function setUserActive(actor: Actor, input: { userId: number; isActive: boolean }): Promise<void> {
  if (!canManageUsers(actor)) throw new ForbiddenError("user.setActive");
  if (input.userId === actor.id && !input.isActive) throw new SelfDeactivationError();
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { isActive: true, regionId: true } });
    if (!before) throw new NotFoundError("user");
    const changes = diffFields(before, { isActive: input.isActive });
    if (Object.keys(changes).length === 0) return;
    await tx.user.update({ where: { id: input.userId }, data: { isActive: input.isActive } });
    await recordAudit(
      { actor, action: input.isActive ? "user.activate" : "user.deactivate", entity: "user", entityId: input.userId, regionId: before.regionId, changes },
      tx,
    );
  });
}
