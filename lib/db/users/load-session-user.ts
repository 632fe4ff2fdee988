import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/permissions";

export type SessionUser = Actor & {
  email: string;
  /** Whether the person has set up a second factor (lib/auth/session.ts sends those who must to set one up). */
  hasSecondFactor: boolean;
  fullName: string;
  locale: string;
  region: { id: string; nameKk: string; nameRu: string; nameEn: string } | null;
};

/** What the session cookie names: the person, the session and the person's session generation at sign-in. */
export type SessionClaims = { userId: number; sessionId: string; generation: number };

/** The person behind a session, or why the session no longer counts. */
export type SessionCheck = { user: SessionUser; ended: null } | { user: null; ended: "deactivated" | "signedOut" };

/**
 * The signed-in user as the database knows them now. A deleted or deactivated account ends the session
 * ("deactivated"), and so does a session that was signed out or whose person signed out everywhere since
 * ("signedOut"): a copy of the cookie alone never keeps access alive. Role and region come from here,
 * not from the cookie, so a demotion takes effect on the next request.
 */
export async function loadSessionUser(claims: SessionClaims): Promise<SessionCheck> {
  const user = await db().user.findUnique({
    where: { id: claims.userId },
    select: {
      id: true,
      email: true,
      fullName: true,
      role: true,
      regionId: true,
      isActive: true,
      locale: true,
      sessionGeneration: true,
      mfaEnabledAt: true,
      region: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
      endedSessions: { where: { sessionId: claims.sessionId }, select: { sessionId: true }, take: 1 },
    },
  });
  if (!user || !user.isActive) return { user: null, ended: "deactivated" };
  if (user.sessionGeneration !== claims.generation || user.endedSessions.length > 0)
    return { user: null, ended: "signedOut" };
  const {
    isActive: _isActive,
    sessionGeneration: _generation,
    endedSessions: _ended,
    mfaEnabledAt,
    ...sessionUser
  } = user;
  return { user: { ...sessionUser, hasSecondFactor: mfaEnabledAt !== null }, ended: null };
}
