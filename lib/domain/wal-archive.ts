/**
 * How far continuous WAL archiving is behind, from PostgreSQL's own view (pg_stat_archiver and the
 * current WAL position). The number that matters for the recovery point: work written to the WAL but
 * not yet in the archive would be lost with the disk. The server writes into the current segment and
 * archives it once it is full or `archive_timeout` switched it, so a healthy server shows a lag that
 * grows up to that timeout and drops back to zero.
 */
export type ArchiverState = {
  /** `archive_mode`: off, on or always. */
  archiveMode: string;
  /** The segment holding the last WAL written (pg_walfile_name(pg_current_wal_lsn())); null on a standby. */
  currentWalFile: string | null;
  /** pg_stat_archiver.last_archived_wal: a segment, or a `.backup`, `.partial` or `.history` file. */
  lastArchivedWal: string | null;
  lastArchivedAt: Date | null;
  lastFailedAt: Date | null;
  /** When the server started (the lag of a server that never archived counts from then). */
  serverStartedAt: Date;
};

/** The position part of a WAL file name (log and segment, after the 8-digit timeline), or null. */
function walPosition(name: string | null): string | null {
  return /^[0-9A-F]{8}([0-9A-F]{16})/i.exec(name ?? "")?.[1]?.toUpperCase() ?? null;
}

/** Whether `archive_mode` asks the server to archive at all. */
export function isArchiving(state: Pick<ArchiverState, "archiveMode">): boolean {
  return state.archiveMode === "on" || state.archiveMode === "always";
}

/**
 * Seconds of WAL at risk: 0 when everything written before the current position is archived (the
 * current segment's name is that of the last archived one: pg_walfile_name of a position at a segment's
 * very start names the previous one); otherwise the seconds since the last successful archive, or since
 * the server started when it never archived. NaN when the server does not archive or is a standby.
 */
export function archiveLagSeconds(state: ArchiverState, now: Date): number {
  if (!isArchiving(state) || state.currentWalFile === null) return Number.NaN;
  const current = walPosition(state.currentWalFile);
  const archived = walPosition(state.lastArchivedWal);
  if (current !== null && archived !== null && current <= archived) return 0;
  const since = state.lastArchivedAt ?? state.serverStartedAt;
  return Math.max(0, (now.getTime() - since.getTime()) / 1000);
}

/** Whether the archiver's last attempt failed (a failure after the last success). */
export function isArchiveFailing(state: Pick<ArchiverState, "lastArchivedAt" | "lastFailedAt">): boolean {
  if (!state.lastFailedAt) return false;
  return !state.lastArchivedAt || state.lastFailedAt > state.lastArchivedAt;
}
