// Database access for integration tests. The database itself is created and migrated by
// tests/integration/global-setup.ts, which passes its URL to the test workers as DATABASE_URL; the
// client of the test files is tests/integration/fixtures.ts `prisma`.
import pg from "pg";

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run integration tests with `npm run test:integration`.");
  return url;
}

/** `baseUrl` with its database name replaced; keeps credentials, host and query (e.g. ?host=/socket). */
export function withDatabase(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/**
 * Creates an empty database named `name` on the server of `serverUrl` (connecting to the database in
 * that URL to issue CREATE DATABASE) and returns its URL and a drop function.
 */
export async function createDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // WITH (FORCE) ends sessions a failed test may have left open (PostgreSQL 13+).
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
