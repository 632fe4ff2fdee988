// Direct access to the e2e database, for arranging data no page creates yet and for checking what a
// page wrote. The launcher keeps the embedded cluster's generated password inside its data folder.
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { generateSecret } from "otplib";
import { hashPassword } from "@/lib/db/users/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/prisma-factory";
import { DEFAULT_SECOND_FACTOR_ROLES, type StaffRole } from "@/lib/domain/permissions";
import { mustEnrolSecondFactor } from "@/lib/domain/second-factor";
import { seal, unseal } from "@/lib/secret-box";
import { freshTotpCode } from "./totp";

function e2eDataDir(): string {
  const dataDir = process.env.NK_E2E_DATA_DIR;
  if (!dataDir)
    throw new Error("Run e2e tests through playwright.config.ts (it sets NK_E2E_DATA_DIR and NK_E2E_PG_PORT).");
  return dataDir;
}

/**
 * The connection string of the e2e database: the embedded cluster the e2e server started, or the
 * primary of the cluster test (NK_E2E_DATABASE_URL, set by e2e/cluster/global-setup.ts).
 */
export function e2eDatabaseUrl(): string {
  if (process.env.NK_E2E_DATABASE_URL) return process.env.NK_E2E_DATABASE_URL;
  const port = process.env.NK_E2E_PG_PORT;
  if (!port)
    throw new Error("Run e2e tests through playwright.config.ts (it sets NK_E2E_DATA_DIR and NK_E2E_PG_PORT).");
  const password = readFileSync(path.join(e2eDataDir(), "postgres", "nurly-kosh.password"), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/nurly_kosh`;
}

/** How the e2e server seals TOTP keys: with the NEXTAUTH_SECRET the launcher generated into the data folder. */
function totpSealing(userId: number) {
  const serverSecret = readFileSync(path.join(e2eDataDir(), "secret"), "utf8").trim();
  return { serverSecret, purpose: "totp-secret", context: `user:${userId}` } as const;
}

let client: PrismaClient | undefined;

/** A Prisma client on the database the e2e server uses. */
export function e2eDb(): PrismaClient {
  client ??= createPrismaClient(e2eDatabaseUrl(), 2);
  return client;
}

/**
 * A staff account of its own for a test that changes accounts, so demo accounts stay untouched. A role
 * that requires a second factor gets one (as if set up with a phone), unless `secondFactor: false`.
 */
export async function createTestUser(
  role: StaffRole,
  regionId: string | null,
  password = "E2e-Passw0rd!",
  { secondFactor = true }: { secondFactor?: boolean } = {},
) {
  const email = `e2e-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.nurlykosh.kz`;
  const user = await e2eDb().user.create({
    data: { email, fullName: `E2E ${role}`, role, regionId, passwordHash: await hashPassword(password), locale: "en" },
  });
  const totpSecret = secondFactor ? await ensureSecondFactor(email) : null;
  return { id: user.id, email, password, totpSecret };
}

/**
 * Gives the account a second factor if its role requires one (by the default policy) and it has none,
 * as the person would at the first sign-in with a phone; returns the key, or null when none is needed.
 * The demo accounts get theirs this way before a spec signs in with them.
 */
export async function ensureSecondFactor(email: string): Promise<string | null> {
  const user = await e2eDb().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, role: true, mfaSecret: true },
  });
  if (user.mfaSecret) return unseal(user.mfaSecret, totpSealing(user.id));
  if (!mustEnrolSecondFactor({ role: user.role, hasSecondFactor: false }, DEFAULT_SECOND_FACTOR_ROLES)) return null;
  const secret = generateSecret();
  await e2eDb().user.update({
    where: { id: user.id },
    data: { mfaSecret: seal(secret, totpSealing(user.id)), mfaEnabledAt: new Date() },
  });
  return secret;
}

/** The code the account's authenticator app would show now, one the server has not accepted yet. */
export async function currentTotpCode(email: string): Promise<string> {
  const user = await e2eDb().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, mfaSecret: true, mfaLastStep: true },
  });
  const secret = user.mfaSecret && unseal(user.mfaSecret, totpSealing(user.id));
  if (!secret) throw new Error(`${email} has no second factor this test can read`);
  return (await freshTotpCode(secret, user.mfaLastStep)).code;
}
