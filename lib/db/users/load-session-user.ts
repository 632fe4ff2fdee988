import "server-only";
import { db } from "@/lib/db/client";
import { settingsInForce } from "@/lib/db/settings/settings";
import type { Actor } from "@/lib/domain/permissions";
import { isLastSeenStale, sessionEnd, type SessionLifetime } from "@/lib/domain/session-lifetime";

export type SessionUser = Actor & {
  email: string;
  /** Whether the person has set up a second factor (lib/auth/session.ts sends those who must to set one up). */
  hasSecondFactor: boolean;
  fullName: string;
  locale: string;
  region: { id: string; nameKk: string; nameRu: string; nameEn: string } | null;
  /** The session this request belongs to, so that a change can end the person's other sessions. */
  sessionId: string;
};

/** What the session cookie names: the person, the session and the person's session generation at sign-in. */
export type SessionClaims = { userId: number; sessionId: string; generation: number };

/** Why a session no longer counts: the account, a sign-out, inactivity or the session's age. */
export type SessionEndReason = "deactivated" | "signedOut" | "idle" | "expired";

/** The person behind a session, or why the session no longer counts. */
export type SessionCheck = { user: SessionUser; ended: null } | { user: null; ended: SessionEndReason };

/**
 * The signed-in user as the database knows them now. A deleted or deactivated account ends the session
 * ("deactivated"); so does a session that was signed out, ended by "sign out everywhere" or a password
 * change ("signedOut"), left without a request for longer than the idle timeout ("idle") or older than
 * the absolute lifetime ("expired"): a copy of the cookie alone never keeps access alive. Role and region
 * come from here, not from the cookie, so a change takes effect on the next request. The session's last
 * request is recorded at most once a minute.
 */
export async function loadSessionUser(claims: SessionClaims, now = new Date()): Promise<SessionCheck> {
  const [user, lifetime] = await Promise.all([
    db().user.findUnique({
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
        sessions: {
          where: { id: claims.sessionId },
          select: { startedAt: true, lastSeenAt: true, endedAt: true },
          take: 1,
        },
      },
    }),
    sessionLifetime(now),
  ]);
  if (!user || !user.isActive) return { user: null, ended: "deactivated" };
  const session = user.sessions[0];
  if (!session || user.sessionGeneration !== claims.generation) return { user: null, ended: "signedOut" };
  const ended = sessionEnd(session, lifetime, now);
  if (ended) return { user: null, ended };
  if (isLastSeenStale(session.lastSeenAt, now)) {
    await db().staffSession.updateMany({
      where: { id: claims.sessionId, lastSeenAt: { lt: now } },
      data: { lastSeenAt: now },
    });
  }
  const {
    isActive: _isActive,
    sessionGeneration: _generation,
    sessions: _sessions,
    mfaEnabledAt,
    ...sessionUser
  } = user;
  return {
    user: { ...sessionUser, sessionId: claims.sessionId, hasSecondFactor: mfaEnabledAt !== null },
    ended: null,
  };
}

/** The idle timeout and absolute lifetime in force now (programme settings an administrator changes). */
async function sessionLifetime(now: Date): Promise<SessionLifetime> {
  const values = await settingsInForce(["session.idleMinutes", "session.absoluteHours"], now);
  return { idleMinutes: values["session.idleMinutes"], absoluteHours: values["session.absoluteHours"] };
}
