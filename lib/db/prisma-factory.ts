import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Builds a Prisma client over node-postgres for one database URL. The app uses the singleton in
 * `lib/db/client.ts`; scripts (seed, benchmark) and tests call this directly because they run
 * outside Next.js, where the `server-only` guard cannot be imported.
 */
export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
