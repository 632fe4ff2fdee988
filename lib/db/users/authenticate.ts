import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { activeLoginLock, clearAccountFailures, recordLoginFailure } from "@/lib/db/users/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/db/users/password";
import type { Actor } from "@/lib/domain/permissions";
import { minutesUntil, normaliseEmail } from "@/lib/domain/login-throttle";

/** A right password of an account with a second factor: the code is still to come (lib/db/users/sign-in-second-factor.ts). */
export type PendingSignIn = { userId: number; generation: number };

export type LoginResult =
  | { ok: true; actor: Actor; sessionGeneration: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "deactivated" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number }
  | { ok: false; reason: "secondFactor"; pending: PendingSignIn };

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
 * nothing about an e-mail to anyone else. An account with a second factor is not signed in by its
 * password alone: the answer asks for the code, and neither the account's failures are forgotten nor
 * the sign-in recorded until the code is right (docs/decisions/016-second-factor.md).
 */
export async function authenticate(email: string, password: string, ip: string): Promise<LoginResult> {
  const now = new Date();
  const lockedUntil = await activeLoginLock(email, ip, now);
  if (lockedUntil) {
    await recordAudit({ actor: null, action: "auth.login.throttled", entity: "user", details: { ip } });
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(lockedUntil, now) };
  }

  const user = await db().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: {
      id: true,
      email: true,
      role: true,
      regionId: true,
      isActive: true,
      passwordHash: true,
      sessionGeneration: true,
      mfaEnabledAt: true,
    },
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
    await recordLoginFailure(email, ip);
    await recordAudit({
      actor: null,
      action: "auth.login.failed",
      entity: "user",
      entityId: user?.id ?? null,
      details: { ip, reason: !user ? "unknown-account" : !user.isActive ? "inactive" : "wrong-password" },
    });
    return { ok: false, reason: "invalid" };
  }
  if (user.mfaEnabledAt)
    return { ok: false, reason: "secondFactor", pending: { userId: user.id, generation: user.sessionGeneration } };

  const actor: Actor = { id: user.id, role: user.role, regionId: user.regionId };
  await db().$transaction((tx) => completeSignIn(tx, actor, user.email, now));
  return { ok: true, actor, sessionGeneration: user.sessionGeneration };
}

/**
 * What every complete sign-in does, with a password alone or with the second factor after it: the
 * account's failed attempts are forgotten, the time is kept and the sign-in is audited.
 */
export async function completeSignIn(
  tx: Prisma.TransactionClient,
  actor: Actor,
  email: string,
  now: Date,
  details?: Record<string, unknown>,
): Promise<void> {
  await clearAccountFailures(email, tx);
  await tx.user.update({ where: { id: actor.id }, data: { lastLoginAt: now } });
  await recordAudit({ actor, action: "auth.login", entity: "user", entityId: actor.id, details }, tx);
}
