import "server-only";
import { LOGIN_ERROR } from "@/lib/auth/login-errors";
import type { PendingSignIn } from "@/lib/db/users/authenticate";
import { signInWithSecondFactor } from "@/lib/db/users/sign-in-second-factor";
import type { Actor } from "@/lib/domain/permissions";
import { SIGN_IN_SECOND_STEP_MINUTES } from "@/lib/domain/second-factor";
import { env } from "@/lib/env";
import { logUnexpected } from "@/lib/log";
import { seal, unseal } from "@/lib/secret-box";
import { secondStepCredentialsSchema } from "@/lib/validation/second-factor";

/**
 * Signing in with a second factor takes two requests to next-auth's credentials provider
 * (docs/decisions/016-second-factor.md). The first, with e-mail and password, is refused with a sealed
 * challenge when the password is right and the account has a second factor; the browser drops the
 * password and sends the challenge with the code. The challenge names the person and their session
 * generation, sealed (AES-GCM) so that it can be neither read nor forged, and lasts 5 minutes.
 */

const sealing = () =>
  ({ serverSecret: env().NEXTAUTH_SECRET, purpose: "sign-in-challenge", context: "sign-in" }) as const;

/** The error message that refuses the password step and carries the challenge for the code step. */
export function secondFactorChallengeError(pending: PendingSignIn, now = new Date()): string {
  const expiresAt = now.getTime() + SIGN_IN_SECOND_STEP_MINUTES * 60_000;
  return `${LOGIN_ERROR.secondFactorPrefix}${seal(JSON.stringify({ ...pending, expiresAt }), sealing())}`;
}

/** The pending sign-in a challenge of this server names, while it has not expired; otherwise null. */
function openChallenge(challenge: string, now: Date): PendingSignIn | null {
  const opened = unseal(challenge, sealing());
  if (opened === null) return null;
  const { userId, generation, expiresAt } = JSON.parse(opened) as PendingSignIn & { expiresAt: number };
  return expiresAt > now.getTime() ? { userId, generation } : null;
}

/**
 * The second request: the challenge and a code of the app or a recovery code. Returns the signed-in
 * person, or throws the login page's error code (a wrong code, the throttle, or "start again").
 */
export async function signInSecondStep(
  credentials: Record<string, string>,
  ip: string,
): Promise<{ actor: Actor; sessionGeneration: number }> {
  const parsed = secondStepCredentialsSchema.safeParse(credentials);
  if (!parsed.success) throw new Error(LOGIN_ERROR.wrongCode);
  const pending = openChallenge(parsed.data.challenge, new Date());
  if (!pending) throw new Error(LOGIN_ERROR.restart);
  const answer =
    parsed.data.code !== undefined ? { code: parsed.data.code } : { recoveryCode: parsed.data.recoveryCode };
  // next-auth hands a thrown message to the browser: anything unexpected (a key that no longer opens after
  // NEXTAUTH_SECRET changed, the database away) is logged here and answered as a refused code.
  const result = await signInWithSecondFactor(pending, answer, ip).catch((error: unknown) => {
    logUnexpected("sign-in", null, error);
    throw new Error(LOGIN_ERROR.wrongCode);
  });
  if (result.ok) return result;
  throw new Error(
    result.reason === "throttled"
      ? `${LOGIN_ERROR.throttledPrefix}${result.retryAfterMinutes}`
      : result.reason === "restart"
        ? LOGIN_ERROR.restart
        : LOGIN_ERROR.wrongCode,
  );
}
