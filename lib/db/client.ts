import "server-only";
import { env } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";

// One client per server process; Next's dev server reloads modules, so keep it on globalThis there.
const globalForPrisma = globalThis as unknown as { nurlyKoshPrisma?: PrismaClient };

/** The process-wide Prisma client. Only modules under lib/db import it. */
export function db(): PrismaClient {
  if (!globalForPrisma.nurlyKoshPrisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    globalForPrisma.nurlyKoshPrisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForPrisma.nurlyKoshPrisma;
}
