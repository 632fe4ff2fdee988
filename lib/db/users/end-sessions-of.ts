import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends every session of a person, except `exceptSessionId` once sessions are rows of their own. Until
 * then it raises the session generation, which ends the acting session too.
 */
export async function endSessionsOf(
  tx: Prisma.TransactionClient,
  userId: number,
  _options?: { exceptSessionId?: string },
): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionGeneration: { increment: 1 } } });
}
