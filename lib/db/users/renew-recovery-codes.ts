import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { requestContext } from "@/lib/db/request-context";
import { assertCan } from "@/lib/db/scopes";
import { activeLoginLock, recordLoginFailure } from "@/lib/db/users/login-throttle";
import {
  acceptTotpStep,
  matchingTotpStep,
  openTotpSecret,
  replaceRecoveryCodes,
} from "@/lib/db/users/second-factor-secrets";
import { AppError } from "@/lib/domain/app-error";
import { minutesUntil } from "@/lib/domain/login-throttle";
import type { Actor } from "@/lib/domain/permissions";

/**
 * Replaces the acting person's recovery codes with 10 new ones (the old ones stop working), against a
 * current code of the app, and returns them to be shown this once. The codes would let whoever holds
 * them and the password in, so a session alone must not be enough: a wrong code counts towards the
 * sign-in throttle like one at sign-in, and a locked account is refused.
 */
export async function renewRecoveryCodes(actor: Actor, input: { code: string }): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.own");
  const now = new Date();
  const { ip } = await requestContext();
  const user = await db().user.findUnique({
    where: { id: actor.id },
    select: { email: true, mfaSecret: true, mfaEnabledAt: true },
  });
  if (!user?.mfaSecret || !user.mfaEnabledAt) throw new AppError("secondFactor.errors.notEnrolled", { status: 409 });
  const lockedUntil = await activeLoginLock(user.email, ip, now);
  if (lockedUntil)
    throw new AppError("secondFactor.errors.throttled", {
      status: 429,
      values: { minutes: minutesUntil(lockedUntil, now) },
    });

  const step = await matchingTotpStep(openTotpSecret(actor.id, user.mfaSecret), input.code);
  const recoveryCodes = await db().$transaction(async (tx) => {
    if (step === null || !(await acceptTotpStep(tx, actor.id, step))) return null;
    const codes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(
      { actor, action: "auth.mfa.recoveryCodesRenewed", entity: "user", entityId: actor.id, regionId: actor.regionId },
      tx,
    );
    return codes;
  });
  if (!recoveryCodes) {
    await recordLoginFailure(user.email, ip);
    await recordAudit({ actor, action: "auth.mfa.recoveryCodesRenewed.refused", entity: "user", entityId: actor.id });
    throw new AppError("secondFactor.errors.wrongCode", { field: "code" });
  }
  return { recoveryCodes };
}
