import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { hashPassword, verifyPassword } from "@/lib/db/users/password";
import type { Actor } from "@/lib/domain/permissions";
import {
  ACCOUNT_THROTTLE,
  IP_THROTTLE,
  accountThrottleKey,
  ipThrottleKey,
  minutesUntil,
  normaliseEmail,
  type ThrottlePolicy,
} from "@/lib/domain/login-throttle";

export type LoginResult =
  | { ok: true; actor: Actor; sessionGeneration: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "deactivated" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

// Verifying against a real hash when the account is unknown keeps the answer time the same, so the
// timing of a failed login does not reveal whether an account exists.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-account");
  return dummyHash;
}

/**
 * Checks staff credentials with throttling per account and per client address, both kept in
 * PostgreSQL. A wrong password and an unknown account give the same answer; a deactivated account is
 * told so only with its right password (which proves the person holds it), so the answer discloses
 * nothing about an e-mail to anyone else.
 */
export async function authenticate(email: string, password: string, ip: string): Promise<LoginResult> {
  const prisma = db();
  const accountKey = accountThrottleKey(email);
  const ipKey = ipThrottleKey(ip);
  const now = new Date();

  const locks = await prisma.loginThrottle.findMany({
    where: { key: { in: [accountKey, ipKey] }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const latestLock = locks
    .map((lock) => lock.lockedUntil)
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  if (latestLock) {
    await recordAudit({ actor: null, action: "auth.login.throttled", entity: "user", details: { ip } });
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(latestLock, now) };
  }

  const user = await prisma.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, role: true, regionId: true, isActive: true, passwordHash: true, sessionGeneration: true },
  });
  const isPasswordRight = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (user && !user.isActive && isPasswordRight) {
    await recordAudit({
      actor: null,
      action: "auth.login.deactivated",
      entity: "user",
      entityId: user.id,
      details: { ip },
    });
    return { ok: false, reason: "deactivated" };
  }
  if (!user || !user.isActive || !isPasswordRight) {
    await recordFailure(accountKey, ACCOUNT_THROTTLE);
    await recordFailure(ipKey, IP_THROTTLE);
    await recordAudit({
      actor: null,
      action: "auth.login.failed",
      entity: "user",
      entityId: user?.id ?? null,
      details: { ip, reason: !user ? "unknown-account" : !user.isActive ? "inactive" : "wrong-password" },
    });
    return { ok: false, reason: "invalid" };
  }

  await prisma.$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: accountKey } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(
      {
        actor: { id: user.id, role: user.role, regionId: user.regionId },
        action: "auth.login",
        entity: "user",
        entityId: user.id,
      },
      tx,
    );
  });
  return {
    ok: true,
    actor: { id: user.id, role: user.role, regionId: user.regionId },
    sessionGeneration: user.sessionGeneration,
  };
}

/** Counts one failure inside the policy's window and locks the key once the limit is reached, atomically. */
export async function recordFailure(key: string, policy: ThrottlePolicy): Promise<void> {
  const window = `${policy.windowMinutes} minutes`;
  const lock = `${policy.lockMinutes} minutes`;
  await db().$executeRaw(Prisma.sql`
    INSERT INTO login_throttle (key, failures, "windowStart", "lockedUntil")
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${policy.maxFailures} THEN now() + ${lock}::interval END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle."windowStart" < now() - ${window}::interval THEN 1 ELSE login_throttle.failures + 1 END,
      "windowStart" = CASE WHEN login_throttle."windowStart" < now() - ${window}::interval THEN now() ELSE login_throttle."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN login_throttle."windowStart" < now() - ${window}::interval THEN 1 ELSE login_throttle.failures + 1 END) >= ${policy.maxFailures}
        THEN now() + ${lock}::interval
        ELSE login_throttle."lockedUntil" END`);
}
