// The app's PostgreSQL connection pool, made visible to the metrics (pool gauges) and to scripts/serve.ts
// (closing it at shutdown). lib/db/client.ts creates it inside the bundle Next.js builds, so it is handed
// over through globalThis.
import type pg from "pg";

const KEY = Symbol.for("nurly-kosh.database-pool");
const holder = globalThis as { [KEY]?: pg.Pool };

/** Records the process's pool (lib/db/client.ts). */
export function registerDatabasePool(pool: pg.Pool): void {
  holder[KEY] = pool;
}

/** The process's pool, once the app created it. */
export function databasePool(): pg.Pool | undefined {
  return holder[KEY];
}
