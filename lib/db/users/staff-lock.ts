import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/domain/app-error";
import { can, rolesWith, type StaffRole } from "@/lib/domain/permissions";

/** A staff account as a change sees it once its row is locked; never the password hash itself. */
export type LockedAccount = {
  id: number;
  email: string;
  fullName: string;
  fullNameLatin: string | null;
  role: StaffRole;
  regionId: string | null;
  isActive: boolean;
  hasPassword: boolean;
  lastLoginAt: Date | null;
  deactivationReason: string | null;
};

/**
 * Locks a person's account for a change by an administrator, together with the rows of every active
 * person who can administer staff, all in one statement ordered by id: two changes (a deactivation and
 * a demotion, or two administrators deactivating each other) then wait for each other instead of
 * deadlocking, and the count of administrators who stay cannot be changed under the caller. Returns
 * the account as locked (null when it does not exist) and how many other active administrators stay.
 */
export async function lockForStaffChange(
  tx: Prisma.TransactionClient,
  userId: number,
): Promise<{ account: LockedAccount | null; otherAdministrators: number }> {
  const rows = await tx.$queryRaw<{ id: number; role: StaffRole; isActive: boolean }[]>(Prisma.sql`
    SELECT "id", "role"::text AS "role", "isActive" FROM "app_user"
     WHERE "id" = ${userId}
        OR ("isActive" AND "role"::text IN (${Prisma.join(rolesWith("users.manage"))}))
     ORDER BY "id"
       FOR UPDATE`);
  const otherAdministrators = rows.filter(
    (row) => row.id !== userId && row.isActive && can(row, "users.manage"),
  ).length;
  if (!rows.some((row) => row.id === userId)) return { account: null, otherAdministrators };
  const { passwordHash, ...account } = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      fullName: true,
      fullNameLatin: true,
      role: true,
      regionId: true,
      isActive: true,
      passwordHash: true,
      lastLoginAt: true,
      deactivationReason: true,
    },
  });
  return { account: { ...account, hasPassword: passwordHash !== null }, otherAdministrators };
}

/**
 * Refuses a change that would leave nobody active to administer staff (the rows are locked by
 * lockForStaffChange): deactivating the last active administrator, or giving them another role.
 */
export function assertAnotherAdministratorStays(otherAdministrators: number, change: "deactivate" | "demote"): void {
  if (otherAdministrators > 0) return;
  if (change === "deactivate") throw new AppError("errors.lastAdministrator", { status: 409 });
  throw new AppError("users.errors.lastAdministratorRole", { status: 409, field: "role" });
}
