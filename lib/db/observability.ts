import "server-only";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/prisma-factory";
import { pendingMigrations } from "@/lib/domain/readiness";
import { archiveLagSeconds, isArchiveFailing, isArchiving, type ArchiverState } from "@/lib/domain/wal-archive";
import { metrics } from "@/lib/observability/metrics";

// A database that does not answer must not hold a load balancer's probe or a scrape for long: the pool
// waits for a connection without a limit of its own.
const ANSWER_WITHIN_MS = 3_000;

function withinDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("the database did not answer in time")), ANSWER_WITHIN_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

let shippedMigrations: string[] | undefined;

/**
 * The migration folders this server ships (prisma/migrations of the folder it runs from), read once. The
 * path is spelled out here so that Next's build traces that folder alone, not the whole project.
 */
export function migrationFolders(): string[] {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  shippedMigrations ??= readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  return shippedMigrations;
}

export type Readiness = { isReady: true } | { isReady: false; reason: string };

/**
 * Whether this server can serve: the database answers and every migration it ships is recorded as
 * finished (lib/domain/readiness.ts). The reason names no secret: no URL, no error text.
 */
export async function checkReadiness(
  options: { client?: PrismaClient; folders?: readonly string[] } = {},
): Promise<Readiness> {
  const client = options.client ?? db();
  let finished: string[];
  try {
    const rows = await withinDeadline(
      client.$queryRaw<{ name: string }[]>`
        SELECT migration_name AS name FROM "_prisma_migrations"
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    finished = rows.map((row) => row.name);
  } catch (error) {
    // PostgreSQL answered, but the bookkeeping table does not exist yet: nothing is migrated.
    if (/_prisma_migrations/.test(String((error as Error)?.message))) finished = [];
    else return { isReady: false, reason: "database unavailable" };
  }
  const pending = pendingMigrations(options.folders ?? migrationFolders(), finished);
  if (pending.length > 0) return { isReady: false, reason: `${pending.length} migration(s) not applied` };
  return { isReady: true };
}

type ArchiverRow = Omit<ArchiverState, "serverStartedAt"> & { serverStartedAt: Date; failedCount: number };

/**
 * Sets the gauges read from the database at scrape time, each with one cheap query: the newest backup
 * (base_backup) and the WAL archiver (pg_stat_archiver). A query that fails (the database away, a
 * server whose statistics this role cannot read) leaves its gauges at NaN, never failing the scrape.
 */
export async function updateDatabaseGauges(options: { client?: PrismaClient; now?: Date } = {}): Promise<void> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const gauges = metrics();

  try {
    const [backups] = await withinDeadline(
      client.$queryRaw<{ recorded: number; newest: Date | null }[]>`
        SELECT count(*)::int AS recorded, max("finishedAt") AS newest FROM "base_backup"`,
    );
    gauges.databaseUp.set(1);
    gauges.backupsRecorded.set(backups?.recorded ?? 0);
    gauges.backupAge.set(backups?.newest ? (now.getTime() - backups.newest.getTime()) / 1000 : Number.NaN);
  } catch {
    gauges.databaseUp.set(0);
    gauges.backupsRecorded.set(Number.NaN);
    gauges.backupAge.set(Number.NaN);
  }

  try {
    const [archiver] = await withinDeadline(
      client.$queryRaw<ArchiverRow[]>`
        SELECT current_setting('archive_mode') AS "archiveMode",
               CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_walfile_name(pg_current_wal_lsn()) END
                 AS "currentWalFile",
               last_archived_wal AS "lastArchivedWal", last_archived_time AS "lastArchivedAt",
               last_failed_time AS "lastFailedAt", failed_count::int AS "failedCount",
               pg_postmaster_start_time() AS "serverStartedAt"
          FROM pg_stat_archiver`,
    );
    if (!archiver) throw new Error("pg_stat_archiver is empty");
    gauges.walArchiving.set(isArchiving(archiver) ? 1 : 0);
    gauges.walArchiveLag.set(archiveLagSeconds(archiver, now));
    gauges.walArchiveFailures.set(archiver.failedCount);
    gauges.walArchiveFailing.set(isArchiveFailing(archiver) ? 1 : 0);
  } catch {
    for (const gauge of [
      gauges.walArchiving,
      gauges.walArchiveLag,
      gauges.walArchiveFailures,
      gauges.walArchiveFailing,
    ])
      gauge.set(Number.NaN);
  }
}
