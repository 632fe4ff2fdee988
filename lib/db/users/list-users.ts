import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { Actor } from "@/lib/domain/permissions";
import { assertCan } from "@/lib/db/scopes";

/** Staff accounts for the administrator's user page; other roles are refused. Never returns hashes. */
export async function listUsers(actor: Actor) {
  assertCan(actor, "users.manage");
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
