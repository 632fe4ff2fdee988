import "server-only";
import { env } from "@/lib/env";
import { createPooledPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { registerDatabasePool } from "@/lib/db/database-pool";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { nurlyKoshPrisma?: PrismaClient };

/**
 * The process-wide Prisma client. Only modules under lib/db import it. Its pool is registered for the
 * metrics and for scripts/serve.ts, which closes it at shutdown.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.nurlyKoshPrisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    const { prisma, pool } = createPooledPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
    registerDatabasePool(pool);
    globalForPrisma.nurlyKoshPrisma = prisma;
  }
  return globalForPrisma.nurlyKoshPrisma;
}
