// Direct access to the e2e database, for arranging data no page creates yet and for checking what a
// page wrote. The launcher keeps the embedded cluster's generated password inside its data folder.
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/db/users/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import type { StaffRole } from "@/lib/domain/permissions";

/** The connection string of the e2e database (the embedded cluster the e2e server started). */
export function e2eDatabaseUrl(): string {
  const dataDir = process.env.NK_E2E_DATA_DIR;
  const port = process.env.NK_E2E_PG_PORT;
  if (!dataDir || !port)
    throw new Error("Run e2e tests through playwright.config.ts (it sets NK_E2E_DATA_DIR and NK_E2E_PG_PORT).");
  const password = readFileSync(path.join(dataDir, "postgres", "nurly-kosh.password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/nurly_kosh`;
}

let client: PrismaClient | undefined;

/** A Prisma client on the database the e2e server uses. */
export function e2eDb(): PrismaClient {
  client ??= createPrismaClient(e2eDatabaseUrl(), 2);
  return client;
}

/** A staff account of its own for a test that changes accounts, so demo accounts stay untouched. */
export async function createTestUser(role: StaffRole, regionId: string | null, password = "E2e-Passw0rd!") {
  const email = `e2e-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.nurlykosh.kz`;
  const user = await e2eDb().user.create({
    data: { email, fullName: `E2E ${role}`, role, regionId, passwordHash: await hashPassword(password), locale: "en" },
  });
  return { id: user.id, email, password };
}
