import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { completeSignIn, type PendingSignIn } from "@/lib/db/users/authenticate";
import { activeLoginLock, recordLoginFailure } from "@/lib/db/users/login-throttle";
import {
  acceptTotpStep,
  matchingTotpStep,
  openTotpSecret,
  spendRecoveryCode,
} from "@/lib/db/users/second-factor-secrets";
import { minutesUntil } from "@/lib/domain/login-throttle";
import type { Actor } from "@/lib/domain/permissions";

/** What the person typed at the second step: the code of the app, or one of the recovery codes. */
export type SecondFactorAnswer = { code: string } | { recoveryCode: string };

export type SecondStepResult =
  | { ok: true; actor: Actor; sessionGeneration: number }
  | { ok: false; reason: "wrongCode" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number }
  /** The sign-in must start again with the password: the account changed since (reset, deactivated, signed out everywhere). */
  | { ok: false; reason: "restart" };

/**
 * The second step of signing in, after the right password (`pending`, which the caller has verified
 * came from `authenticate`). A wrong code counts towards the account's and the address's throttle
 * exactly like a wrong password, and a locked account is refused even the right code. A TOTP code is
 * accepted once; a recovery code is spent.
 */
export async function signInWithSecondFactor(
  pending: PendingSignIn,
  answer: SecondFactorAnswer,
  ip: string,
): Promise<SecondStepResult> {
  const now = new Date();
  const user = await db().user.findUnique({
    where: { id: pending.userId },
    select: {
      id: true,
      email: true,
      role: true,
      regionId: true,
      isActive: true,
      sessionGeneration: true,
      mfaSecret: true,
      mfaEnabledAt: true,
    },
  });
  if (!user?.isActive || user.sessionGeneration !== pending.generation || !user.mfaSecret || !user.mfaEnabledAt)
    return { ok: false, reason: "restart" };

  const lockedUntil = await activeLoginLock(user.email, ip, now);
  if (lockedUntil) {
    await recordAudit({ actor: null, action: "auth.login.throttled", entity: "user", details: { ip } });
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(lockedUntil, now) };
  }

  const actor: Actor = { id: user.id, role: user.role, regionId: user.regionId };
  const secret = openTotpSecret(user.id, user.mfaSecret);
  const refusal = await db().$transaction(async (tx) => {
    if ("code" in answer) {
      const step = await matchingTotpStep(secret, answer.code);
      if (step === null) return { reason: "wrong-code" };
      // The code was right but used already (its step is not later than the last accepted one).
      if (!(await acceptTotpStep(tx, user.id, step))) return { reason: "wrong-code", isReplay: true };
      await completeSignIn(tx, actor, user.email, now, { secondFactor: "totp" });
      return null;
    }
    const left = await spendRecoveryCode(tx, user.id, answer.recoveryCode);
    if (left === null) return { reason: "wrong-recovery-code" };
    await recordAudit(
      { actor, action: "auth.mfa.recoveryCodeUsed", entity: "user", entityId: user.id, details: { ip, left } },
      tx,
    );
    await completeSignIn(tx, actor, user.email, now, { secondFactor: "recoveryCode" });
    return null;
  });

  if (refusal) {
    await recordLoginFailure(user.email, ip);
    await recordAudit({
      actor: null,
      action: "auth.login.failed",
      entity: "user",
      entityId: user.id,
      details: { ip, ...refusal },
    });
    return { ok: false, reason: "wrongCode" };
  }
  return { ok: true, actor, sessionGeneration: user.sessionGeneration };
}
