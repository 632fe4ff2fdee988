import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { assertCan } from "@/lib/db/scopes";
import { retireAccountLinks } from "@/lib/db/users/account-links";
import { endSessionsOf } from "@/lib/db/users/end-session";
import { assertAnotherAdministratorStays, lockForStaffChange } from "@/lib/db/users/staff-lock";
import { can, type Actor } from "@/lib/domain/permissions";
import { diffFields } from "@/lib/domain/audit-mask";

/** Deactivating needs the administrator's reason; reactivating clears it. */
export type UserActiveInput = { userId: number; isActive: false; reason: string } | { userId: number; isActive: true };

/**
 * Deactivates a staff account with a reason, or reactivates it (ADMIN only). A deactivated person is
 * signed out on the next request (every request re-reads the account), the sessions are ended so that a
 * reactivation does not bring an old cookie back, and open activation links stop working. The last
 * active person who can administer staff is never deactivated: the rows of all of them are locked first
 * (lockForStaffChange), so two administrators who deactivate each other at once cannot both succeed.
 */
export async function setUserActive(actor: Actor, input: UserActiveInput): Promise<void> {
  assertCan(actor, "users.manage");
  // An administrator who deactivated the own account could lock everyone out.
  if (input.userId === actor.id && !input.isActive) throw new AppError("errors.selfDeactivation", { status: 409 });
  await db().$transaction(async (tx) => {
    const { account: before, otherAdministrators } = await lockForStaffChange(tx, input.userId);
    if (!before) throw notFoundError("user");
    if (before.isActive === input.isActive) return;
    const after = input.isActive
      ? { isActive: true, deactivationReason: null, deactivatedAt: null }
      : { isActive: false, deactivationReason: input.reason, deactivatedAt: new Date() };
    if (!input.isActive) {
      if (can(before, "users.manage")) assertAnotherAdministratorStays(otherAdministrators, "deactivate");
      await endSessionsOf(tx, input.userId);
      await retireAccountLinks(tx, input.userId);
    }
    await tx.user.update({ where: { id: input.userId }, data: after });
    await recordAudit(
      {
        actor,
        action: input.isActive ? "user.activate" : "user.deactivate",
        entity: "user",
        entityId: input.userId,
        regionId: before.regionId,
        changes: diffFields(
          { isActive: before.isActive, deactivationReason: before.deactivationReason },
          { isActive: after.isActive, deactivationReason: after.deactivationReason },
        ),
      },
      tx,
    );
  });
}
