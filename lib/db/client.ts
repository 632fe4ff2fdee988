import "server-only";
import { env } from "@/lib/env";
import { createPooledPrismaClient, createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { registerDatabasePool } from "@/lib/db/database-pool";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { nurlyKoshPrisma?: PrismaClient; nurlyKoshReplica?: PrismaClient };

/**
 * The process-wide Prisma client on the primary. Only modules under lib/db import it. Its pool is
 * registered for the metrics and for scripts/serve.ts, which closes it at shutdown.
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

/** Whether report figures are read from a replica (DATABASE_REPLICA_URL is set). */
export function hasReportReplica(): boolean {
  return env().DATABASE_REPLICA_URL !== undefined;
}

/**
 * The client that report figures are read from: the replica of DATABASE_REPLICA_URL, or the primary
 * when none is set. Only reads of report figures use it — never a write, an audit entry, or a read that
 * must see the request's own writes (docs/decisions/021).
 */
export function reportDb(): PrismaClient {
  const { DATABASE_REPLICA_URL, DATABASE_POOL_SIZE } = env();
  if (DATABASE_REPLICA_URL === undefined) return db();
  globalForPrisma.nurlyKoshReplica ??= createPrismaClient(DATABASE_REPLICA_URL, DATABASE_POOL_SIZE);
  return globalForPrisma.nurlyKoshReplica;
}
