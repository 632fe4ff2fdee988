// Applies prisma/migrations the way `prisma migrate deploy` does, because Prisma's schema engine (a
// native binary downloaded at run time) cannot run on these machines (docs/migrations.md). The
// bookkeeping is Prisma's own, so the real `prisma migrate deploy` accepts a database migrated here and
// the other way round.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// The same key Prisma's schema engine locks, so this runner and a real `prisma migrate deploy`
// also exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

// Verbatim from Prisma's PostgreSQL schema engine.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Migration folders in Prisma's order (by name, i.e. by timestamp prefix). */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: sha256(sql) };
    });
}

/** Prisma also accepts a script whose only change is CRLF line endings (a Windows checkout). */
function sameScript(recorded: string, migration: Migration): boolean {
  return recorded === migration.checksum || recorded === sha256(migration.sql.replaceAll("\r\n", "\n"));
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(
  databaseUrl: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session lock: two app servers starting together take turns; the second finds nothing pending.
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
        WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );

    const failed = rows.filter((row) => row.finished_at === null);
    if (failed.length > 0) {
      throw new Error(
        `Migration ${failed.map((row) => row.migration_name).join(", ")} started but never finished ` +
          `(recorded by another tool). Repair the database, then mark it rolled back or applied ` +
          `(docs/migrations.md) before migrating again.`,
      );
    }

    const byName = new Map(migrations.map((migration) => [migration.name, migration]));
    const changed = rows.filter((row) => {
      const local = byName.get(row.migration_name);
      return local !== undefined && !sameScript(row.checksum, local);
    });
    if (changed.length > 0) {
      throw new Error(
        `Applied migration(s) were edited after being applied: ${changed.map((row) => row.migration_name).join(", ")}. ` +
          `Restore the original migration.sql and put the change in a new migration (npm run db:new-migration).`,
      );
    }
    const unknown = rows.filter((row) => !byName.has(row.migration_name));
    for (const row of unknown) {
      log(`warning: the database has migration ${row.migration_name}, which is not in ${MIGRATIONS_DIR}.`);
    }

    const done = new Set(rows.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      const started = Date.now();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.name);
      log(`Applied migration ${migration.name} (${Date.now() - started} ms)`);
    }
    return { applied, alreadyApplied: done.size - unknown.length };
  } finally {
    // Ending the session releases the advisory lock, also when a migration failed.
    await client.end();
  }
}
