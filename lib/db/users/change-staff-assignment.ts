import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { assertAnotherAdministratorStays, lockForStaffChange } from "@/lib/db/users/staff-lock";
import { assertRegionMatchesRole } from "@/lib/db/users/staff-rules";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { diffFields } from "@/lib/domain/audit-mask";
import { isDemotionFromAdministration, type Actor, type StaffRole } from "@/lib/domain/permissions";

/**
 * Changes a person's role and region (ADMIN only), audited with the values before and after. It takes
 * effect on the person's next request: every request re-reads role and region from the account
 * (lib/db/users/load-session-user.ts), never from the cookie. Nobody demotes themself, and the last
 * active administrator is never demoted (the rows are locked as for a deactivation).
 */
export async function changeStaffAssignment(
  actor: Actor,
  input: { userId: number; role: StaffRole; regionId: string | null },
): Promise<{ changed: boolean }> {
  assertCan(actor, "users.manage");
  assertRegionMatchesRole(input.role, input.regionId);
  return db().$transaction(async (tx) => {
    const { account: before, otherAdministrators } = await lockForStaffChange(tx, input.userId);
    if (!before) throw notFoundError("user");
    const changes = diffFields(
      { role: before.role, regionId: before.regionId },
      { role: input.role, regionId: input.regionId },
    );
    if (Object.keys(changes).length === 0) return { changed: false };
    if (isDemotionFromAdministration(before.role, input.role)) {
      if (before.id === actor.id) throw new AppError("users.errors.selfDemotion", { status: 409, field: "role" });
      if (before.isActive) assertAnotherAdministratorStays(otherAdministrators, "demote");
    }
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role, regionId: input.regionId } });
    await recordAudit(
      {
        actor,
        action: "user.assignment.change",
        entity: "user",
        entityId: input.userId,
        regionId: input.regionId ?? before.regionId,
        changes,
      },
      tx,
    );
    return { changed: true };
  });
}
