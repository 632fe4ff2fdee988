/**
 * Seeds demo data: `npx tsx prisma/seed.ts` (or `npm run db:seed`) with DATABASE_URL set to a migrated
 * database. Prints "already seeded" and exits 0 when the database was seeded before.
 */
import { createPrismaClient } from "@/lib/db/prisma-factory";
import { seedDatabase } from "./seed-database";

async function main(): Promise<number> {
  // Scripts run outside Next.js and lib/env.ts; the seed needs only this one variable.
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set");
    return 1;
  }
  const started = performance.now();
  const prisma = createPrismaClient(url, 2);
  try {
    const result = await seedDatabase(prisma);
    if (result.status === "already-seeded") {
      console.log("already seeded");
      return 0;
    }
    const s = result.summary;
    const ms = Math.round(performance.now() - started);
    console.log(
      `seeded in ${ms} ms: ${s.regions} regions, ${s.districts} districts, ${s.users} users, ` +
        `${s.families} families, ${s.persons} persons, ${s.events} events, ${s.allocations} allocations`,
    );
    console.log(`showcase cases: ${JSON.stringify(s.showcaseCaseNumbers)}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("seed failed:", error);
    process.exit(1);
  },
);
