import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { assertCan } from "@/lib/db/scopes";
import { rolesWith, type Actor } from "@/lib/domain/permissions";
import { diffFields } from "@/lib/domain/audit-mask";

/**
 * Activates or deactivates a staff account (ADMIN only). A deactivated user is signed out on their
 * next request because every request re-reads the account. The last active person who can administer
 * staff is never deactivated: the rows of all of them are locked first, so two administrators who
 * deactivate each other at the same moment cannot both succeed.
 */
export async function setUserActive(actor: Actor, input: { userId: number; isActive: boolean }): Promise<void> {
  assertCan(actor, "users.manage");
  // An administrator who deactivated the own account could lock everyone out.
  if (input.userId === actor.id && !input.isActive) throw new AppError("errors.selfDeactivation", { status: 409 });
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: input.userId },
      select: { isActive: true, regionId: true },
    });
    if (!before) throw notFoundError("user");
    const changes = diffFields(before, { isActive: input.isActive });
    if (Object.keys(changes).length === 0) return;
    if (!input.isActive) await assertAnotherAdministratorStays(tx, input.userId);
    await tx.user.update({ where: { id: input.userId }, data: { isActive: input.isActive } });
    await recordAudit(
      {
        actor,
        action: input.isActive ? "user.activate" : "user.deactivate",
        entity: "user",
        entityId: input.userId,
        regionId: before.regionId,
        changes,
      },
      tx,
    );
  });
}

/** Refuses to deactivate `userId` when it is the last active person who can administer staff. */
async function assertAnotherAdministratorStays(tx: Prisma.TransactionClient, userId: number): Promise<void> {
  const administrators = await tx.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT "id" FROM "app_user"
     WHERE "isActive" AND "role"::text IN (${Prisma.join(rolesWith("users.manage"))})
     ORDER BY "id"
       FOR UPDATE`);
  const staying = administrators.filter((administrator) => administrator.id !== userId);
  if (staying.length === 0) throw new AppError("errors.lastAdministrator", { status: 409 });
}
