import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { issueAccountLink, type IssuedLink } from "@/lib/db/users/account-links";
import { endSessionsOf } from "@/lib/db/users/end-session";
import { lockForStaffChange } from "@/lib/db/users/staff-lock";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/domain/permissions";

/**
 * Gives a person a new link to choose a password (ADMIN only), shown once to the administrator. The old
 * password stops working at once and every session of the person ends, in the same transaction. For an
 * account that never signed in it is a new activation link (the first one may have expired). Not for the
 * administrator's own account (the own password is changed at /account) nor for a deactivated one.
 */
export async function resetStaffPassword(actor: Actor, input: { userId: number }): Promise<IssuedLink> {
  assertCan(actor, "users.manage");
  if (input.userId === actor.id) throw new AppError("users.errors.selfReset", { status: 409 });
  return db().$transaction(async (tx) => {
    const { account } = await lockForStaffChange(tx, input.userId);
    if (!account) throw notFoundError("user");
    if (!account.isActive) throw new AppError("users.errors.resetDeactivated", { status: 409 });
    await tx.user.update({ where: { id: account.id }, data: { passwordHash: null } });
    await endSessionsOf(tx, account.id);
    await recordAudit(
      {
        actor,
        action: "user.password.reset",
        entity: "user",
        entityId: account.id,
        regionId: account.regionId,
        // The hash itself never enters the log: maskChanges writes "[changed]" for any password hash.
        changes: account.hasPassword ? { passwordHash: { from: "[set]", to: null } } : undefined,
      },
      tx,
    );
    return issueAccountLink(tx, actor, account, account.lastLoginAt ? "RESET" : "ACTIVATION");
  });
}
