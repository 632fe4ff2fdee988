// Two app servers starting at once against one database (issue 14): scripts/lib/migrate.ts takes
// PostgreSQL's advisory lock, so they take turns and each migration is applied exactly once.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { migrate, readMigrations } from "../../scripts/lib/migrate";
import { createDatabase, testDatabaseUrl } from "./db";

let fresh: { url: string; drop: () => Promise<void> };
beforeAll(async () => {
  fresh = await createDatabase(testDatabaseUrl(), `nk_migrate_lock_${randomBytes(4).toString("hex")}`);
});
afterAll(() => fresh.drop());

it("two concurrent migrations of a fresh database both succeed and apply each migration once", async () => {
  const shipped = readMigrations().map((migration) => migration.name);
  const results = await Promise.all([
    migrate(fresh.url, { log: () => undefined }),
    migrate(fresh.url, { log: () => undefined }),
  ]);

  // Whichever got the lock first applied everything; the other found nothing left to do.
  const applied = results.map((result) => result.applied).sort((a, b) => b.length - a.length);
  expect(applied[0]).toEqual(shipped);
  expect(applied[1]).toEqual([]);

  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; times: number }>(
      `SELECT migration_name, count(*)::int AS times FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name`,
    );
    expect(rows).toEqual(shipped.map((name) => ({ migration_name: name, times: 1 })));
  } finally {
    await client.end();
  }
});
