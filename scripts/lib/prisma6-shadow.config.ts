// Prisma 6 CLI configuration for `migrate diff --from-migrations` (scripts/new-migration.ts). Prisma
// replays the migrations into a "shadow" database; here that is an in-memory PGlite, because the
// native engine that would drive a real server cannot be downloaded (docs/migrations.md).
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";

type RawQuery = Parameters<Awaited<ReturnType<PrismaPGlite["connect"]>>["executeRaw"]>[0];

async function connectShadow() {
  // The migrations create the pg_trgm extension, which PGlite only has when loaded up front.
  const db = new PGlite({ extensions: { pg_trgm } });
  // PGlite is built without ICU; the migrations name the ICU collation of Kazakh for one hand-written
  // index (decision 026). A stand-in of the same name lets them replay: the diff ignores that index.
  await db.exec(`CREATE COLLATION "kk-x-icu" (provider = libc, locale = 'C')`);
  const adapter = await new PrismaPGlite(db).connect();
  const executeRaw = adapter.executeRaw.bind(adapter);
  // Prisma sends each migration.sql as one parameterless command; PGlite's extended protocol accepts
  // one statement per command, its simple protocol (exec) a whole script.
  return Object.assign(adapter, {
    async executeRaw(query: RawQuery): Promise<number> {
      if (query.args.length > 0) return executeRaw(query);
      await db.exec(query.sql);
      return 0;
    },
  });
}

const config = {
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    return Object.assign(new PrismaPGlite(new PGlite()), { connectToShadowDb: connectShadow });
  },
};
export default config;
