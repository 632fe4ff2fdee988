// One throwaway, migrated database per integration run. Without DATABASE_URL: a private embedded
// PostgreSQL in a temporary folder on a free port. With DATABASE_URL: a fresh, uniquely named database
// on that server (the database in the URL itself is never touched). Workers see it as DATABASE_URL.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { migrate } from "../../scripts/lib/migrate";
import { createDatabase } from "./db";

export default async function setup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const serverUrl = process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;

  if (serverUrl) {
    const name = `nk_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const database = await createDatabase(serverUrl, name);
    url = database.url;
    teardown = database.drop;
    console.log(`[integration] database ${name} on the DATABASE_URL server`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "nk-int-"));
    const server = await startEmbeddedPostgres({
      dataDir: path.join(dir, "pg"),
      port: await findFreePort(),
      database: "nk_test",
      ephemeral: true,
    });
    url = server.url;
    teardown = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
    console.log(`[integration] embedded PostgreSQL in ${dir} on port ${server.port}`);
  }

  try {
    await migrate(url, { log: () => undefined });
  } catch (error) {
    await teardown();
    throw error;
  }
  process.env.DATABASE_URL = url;
  console.log(`[integration] database ready and migrated in ${Date.now() - started} ms`);
  return teardown;
}
