import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Builds a Prisma client over a node-postgres pool of its own for one database URL, and returns the
 * pool too so its figures can be read (the metrics' pool gauges); `$disconnect` ends the pool. The app
 * uses the singleton in `lib/db/client.ts`; scripts (seed, benchmark) and tests call this directly
 * because they run outside Next.js, where the `server-only` guard cannot be imported.
 */
export function createPooledPrismaClient(
  connectionString: string,
  poolSize = 10,
): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool };
}

/** A Prisma client over its own pool of at most `poolSize` connections. */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  return createPooledPrismaClient(connectionString, poolSize).prisma;
}

export type { PrismaClient };
