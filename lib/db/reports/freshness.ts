import "server-only";
import { hasReportReplica, reportDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { figuresFreshness, type FiguresFreshness, type ReplicaState } from "@/lib/domain/figures-freshness";

/**
 * What a server says about its replication, in one small query (no table is read). On a primary
 * `isInRecovery` is false and the rest does not matter. pg_stat_wal_receiver shows its times only to
 * superusers and members of pg_read_all_stats (docs/operations.md grants it to the app's role); to
 * others they are null, and the replay time is used instead.
 */
export async function replicaState(client: PrismaClient): Promise<ReplicaState> {
  const [row] = await client.$queryRaw<ReplicaState[]>`
    SELECT pg_is_in_recovery() AS "isInRecovery",
           COALESCE(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false) AS "isCaughtUp",
           (SELECT last_msg_receipt_time FROM pg_stat_wal_receiver LIMIT 1) AS "lastMessageAt",
           pg_last_xact_replay_timestamp() AS "lastReplayedAt",
           clock_timestamp() AS "now"`;
  if (!row) throw new Error("the replication state query returned no row");
  return row;
}

/**
 * How current the report figures read through `reportDb()` are. Asked before the figures are read, so
 * that the time shown is a lower bound of what the figures hold (a replica only moves forward).
 */
export async function reportFreshness(): Promise<FiguresFreshness> {
  return figuresFreshness(hasReportReplica() ? await replicaState(reportDb()) : null);
}
