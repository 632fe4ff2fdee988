import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { ForbiddenError } from "@/lib/db/errors";
import { canManageUsers, type Actor } from "@/lib/domain/access";

/** Staff accounts for the administrator's user page; other roles are refused. Never returns hashes. */
export async function listUsers(actor: Actor) {
  if (!canManageUsers(actor)) throw new ForbiddenError("user.list");
  const users = await db().user.findMany({
    orderBy: [{ isActive: "desc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      fullName: true,
      role: true,
      isActive: true,
      lastLoginAt: true,
      region: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  await recordAudit({ actor, action: "user.list", entity: "user", details: { shown: users.length } });
  return users;
}

export type StaffUserRow = Awaited<ReturnType<typeof listUsers>>[number];
