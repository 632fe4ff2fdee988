import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { SessionClaims } from "@/lib/db/users/load-session-user";
import { assertCan } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";

/**
 * Ends one session at sign-out: its id is kept until the cookie would have expired anyway, so a copy of
 * the cookie sent afterwards is refused. Rows of sessions that have expired meanwhile are dropped.
 */
export async function endSession(claims: SessionClaims, expiresAt: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await tx.endedSession.upsert({
      where: { sessionId: claims.sessionId },
      create: { sessionId: claims.sessionId, userId: claims.userId, expiresAt },
      update: {},
    });
    await recordAudit({ actor: null, action: "auth.logout", entity: "user", entityId: claims.userId }, tx);
  });
}

/** Ends every session of the acting person at once, on every device ("sign out everywhere"). */
export async function endAllSessions(actor: Actor): Promise<void> {
  assertCan(actor, "account.own");
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionGeneration: { increment: 1 } } });
    await recordAudit({ actor, action: "auth.logout.everywhere", entity: "user", entityId: actor.id }, tx);
  });
}
