import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/permissions";

export type SessionUser = Actor & {
  email: string;
  fullName: string;
  locale: string;
  region: { id: string; nameKk: string; nameRu: string; nameEn: string } | null;
};

/**
 * The signed-in user as the database knows them now. Returns null for a deleted or deactivated
 * account, so a session cookie alone never keeps access alive; role and region come from here,
 * not from the cookie, so a demotion takes effect on the next request.
 */
export async function loadSessionUser(userId: number): Promise<SessionUser | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      fullName: true,
      role: true,
      regionId: true,
      isActive: true,
      locale: true,
      region: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  if (!user || !user.isActive) return null;
  const { isActive: _isActive, ...sessionUser } = user;
  return sessionUser;
}
