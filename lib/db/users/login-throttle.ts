import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import {
  ACCOUNT_THROTTLE,
  IP_THROTTLE,
  accountThrottleKey,
  ipThrottleKey,
  type ThrottlePolicy,
} from "@/lib/domain/login-throttle";

/**
 * The counters of failed sign-ins (docs/decisions/004): a wrong password and a wrong second-factor code
 * count alike, per account and per client address, in PostgreSQL so that every app server shares them.
 */

/** When the later of the account's and the address's locks ends, or null when neither is locked. */
export async function activeLoginLock(email: string, ip: string | null, now: Date): Promise<Date | null> {
  const keys = ip === null ? [accountThrottleKey(email)] : [accountThrottleKey(email), ipThrottleKey(ip)];
  const locks = await db().loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  return (
    locks
      .map((lock) => lock.lockedUntil)
      .filter((date): date is Date => date !== null)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
  );
}

/** Counts one failed attempt for the account and for the address (when known). */
export async function recordLoginFailure(email: string, ip: string | null): Promise<void> {
  await recordFailure(accountThrottleKey(email), ACCOUNT_THROTTLE);
  if (ip !== null) await recordFailure(ipThrottleKey(ip), IP_THROTTLE);
}

/** Forgets the account's failures after a complete sign-in (the address's stay: it may be spraying others). */
export async function clearAccountFailures(email: string, client: Prisma.TransactionClient): Promise<void> {
  await client.loginThrottle.deleteMany({ where: { key: accountThrottleKey(email) } });
}

/** Counts one failure inside the policy's window and locks the key once the limit is reached, atomically. */
async function recordFailure(key: string, policy: ThrottlePolicy): Promise<void> {
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
