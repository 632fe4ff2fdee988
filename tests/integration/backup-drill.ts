// Helpers of tests/integration/backup-restore.int.test.ts: a private embedded cluster that archives its
// WAL like npm start's, a writer that keeps creating families while a backup runs, and the row count of
// every table, to compare a source with its restored copy.
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedEnvironment } from "../../scripts/lib/backup";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../../scripts/lib/embedded-postgres";
import { migrate } from "../../scripts/lib/migrate";
import { createFamily, createStaffUser, ensureRegions, PAVLODAR } from "./fixtures";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";

export type Installation = ReturnType<typeof embeddedEnvironment>;

/** The folders and port npm start would use with NK_DATA_DIR=<root>/<name> (its archive beside it). */
export async function installation(root: string, name: string): Promise<Installation> {
  return embeddedEnvironment({
    NK_DATA_DIR: path.join(root, name),
    NK_BACKUP_DIR: path.join(root, `${name}-backups`),
    NK_PG_PORT: String(await findFreePort()),
  });
}

/** Starts the cluster of an installation, archiving its WAL as npm start does when `archive`. */
export function startCluster(target: Installation, archive: boolean): Promise<RunningPostgres> {
  return startEmbeddedPostgres({
    dataDir: target.clusterDir,
    port: target.port,
    database: "nurly_kosh",
    // No fsync: a test cluster; archiving and the backup API work the same way.
    ephemeral: true,
    walArchiveDir: archive ? target.walArchiveDir : undefined,
    log: () => undefined,
  });
}

/** A migrated source installation with regions, an administrator and a Prisma client. */
export async function sourceInstallation(root: string) {
  const target = await installation(root, "source");
  const server = await startCluster(target, true);
  await migrate(server.url, { log: () => undefined });
  const client = createPrismaClient(server.url, 3);
  await ensureRegions(client);
  const admin = await createStaffUser(client, "ADMIN");
  return { target, server, client, admin };
}

/** Row counts of every table of the public schema, by table name. */
export async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of rows) {
      const result = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${client.escapeIdentifier(table_name)}`,
      );
      counts[table_name] = Number(result.rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** Runs one query on a server and returns its rows. */
export async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Closes the current WAL segment and waits until the archive holds it, so that everything committed so
 * far can be replayed from the archive.
 */
export async function archiveCurrentWal(url: string, archiveDir: string): Promise<void> {
  const [row] = await query<{ segment: string }>(url, "SELECT pg_walfile_name(pg_switch_wal()) AS segment");
  const file = path.join(archiveDir, row!.segment);
  const deadline = Date.now() + 60_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} was not archived within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates families one after the other (each a transaction of several tables) until stopped. */
export function startWriter(client: PrismaClient, adminId: number) {
  let running = true;
  let written = 0;
  const done = (async () => {
    while (running) {
      await createFamily(client, PAVLODAR, adminId);
      written += 1;
    }
  })();
  return {
    written: () => written,
    stop: async () => {
      running = false;
      await done;
      return written;
    },
  };
}
