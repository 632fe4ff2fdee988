/**
 * How current a report's figures are. Without a replica the figures come from the primary and are
 * current. A streaming replica (DATABASE_REPLICA_URL) holds the primary's data as of some moment: the
 * last message it received from the primary when it has replayed everything received (the primary had
 * nothing newer to send then), otherwise the commit time of the last transaction it replayed. Either is
 * a lower bound, so a page never claims more than it knows. docs/decisions/021.
 */

/** What a replica says about itself in one query (lib/db/reports/freshness.ts). */
export type ReplicaState = {
  /** False when the server is not a standby (any more): a promoted replica, or a primary named by mistake. */
  isInRecovery: boolean;
  /** Everything received from the primary is replayed (receive LSN = replay LSN). */
  isCaughtUp: boolean;
  /** When the replica last heard from the primary (pg_stat_wal_receiver.last_msg_receipt_time); null when not streaming. */
  lastMessageAt: Date | null;
  /** Commit time on the primary of the last transaction replayed (pg_last_xact_replay_timestamp()). */
  lastReplayedAt: Date | null;
  /** The replica's clock when it answered. */
  now: Date;
};

export type FiguresFreshness =
  /** Read from the primary: the figures are current. */
  | { kind: "current" }
  /** Read from a replica: current as of `asOf`; `isLagging` when that is more than REPLICA_LAG_WARNING_MS ago. */
  | { kind: "asOf"; asOf: Date; isLagging: boolean }
  /** Read from a replica that cannot say how current it is (nothing replayed or received yet). */
  | { kind: "unknown" };

/**
 * A replica further behind than this gets a visible warning. An idle primary sends nothing, but a
 * streaming replica asks for a reply after half of wal_receiver_timeout (60 s by default, so every
 * 30 s), which keeps a caught-up replica's "last message" within this minute.
 */
export const REPLICA_LAG_WARNING_MS = 60_000;

/** The freshness of figures read from `replica`, or from the primary when `replica` is null. */
export function figuresFreshness(replica: ReplicaState | null): FiguresFreshness {
  if (replica === null || !replica.isInRecovery) return { kind: "current" };
  const candidates = replica.isCaughtUp ? [replica.lastMessageAt, replica.lastReplayedAt] : [replica.lastReplayedAt];
  const known = candidates.filter((time): time is Date => time !== null).map((time) => time.getTime());
  if (known.length === 0) return { kind: "unknown" };
  const asOf = new Date(Math.max(...known));
  return { kind: "asOf", asOf, isLagging: replica.now.getTime() - asOf.getTime() > REPLICA_LAG_WARNING_MS };
}
