import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { MAX_SESSION_HOURS } from "@/lib/domain/session-lifetime";

/**
 * Starts a session at sign-in and returns the id its cookie carries. Rows of sessions that are over
 * whatever the lifetime setting says (older than the longest lifetime allowed) are dropped on the way.
 */
export async function startSession(userId: number): Promise<string> {
  const id = randomUUID();
  const oldest = new Date(Date.now() - MAX_SESSION_HOURS * 3_600_000);
  await db().$transaction([
    db().staffSession.deleteMany({ where: { startedAt: { lt: oldest } } }),
    db().staffSession.create({ data: { id, userId } }),
  ]);
  return id;
}
