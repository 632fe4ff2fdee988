import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { SessionClaims } from "@/lib/db/users/load-session-user";
import { assertCan } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";

/** Ends one session at sign-out: a copy of its cookie sent afterwards is refused. Signing out twice is harmless. */
export async function endSession(claims: SessionClaims): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.staffSession.updateMany({
      where: { id: claims.sessionId, userId: claims.userId, endedAt: null },
      data: { endedAt: new Date() },
    });
    await recordAudit({ actor: null, action: "auth.logout", entity: "user", entityId: claims.userId }, tx);
  });
}

/**
 * Ends every session of a person (a password reset, a new password, a reset second factor), or every one
 * but the session that made the change, inside the caller's transaction.
 */
export async function endSessionsOf(
  tx: Prisma.TransactionClient,
  userId: number,
  options: { exceptSessionId?: string } = {},
): Promise<void> {
  await tx.staffSession.updateMany({
    where: { userId, endedAt: null, ...(options.exceptSessionId && { id: { not: options.exceptSessionId } }) },
    data: { endedAt: new Date() },
  });
}

/** Ends every session of the acting person at once, on every device ("sign out everywhere"). */
export async function endAllSessions(actor: Actor): Promise<void> {
  assertCan(actor, "account.own");
  await db().$transaction(async (tx) => {
    await endSessionsOf(tx, actor.id);
    await recordAudit({ actor, action: "auth.logout.everywhere", entity: "user", entityId: actor.id }, tx);
  });
}
