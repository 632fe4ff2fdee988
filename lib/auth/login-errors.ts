/**
 * Sign-in error codes the login page translates; next-auth passes the message of an error thrown in
 * `authorize` through to the page as `error`. No "server-only": the login form reads them too.
 */
export const LOGIN_ERROR = {
  invalid: "invalid",
  deactivated: "deactivated",
  throttledPrefix: "throttled:",
  /** The password was right and the account has a second factor: the sealed challenge for the code follows. */
  secondFactorPrefix: "secondFactor:",
  /** The code (or recovery code) was wrong or already used. */
  wrongCode: "wrongCode",
  /** The sign-in must start again with the password (the challenge expired, or the account changed since). */
  restart: "restart",
} as const;

/** Why a sign-in was refused, for the login failure metric (the e-mail never goes into it). */
export type LoginFailureReason = "invalid" | "deactivated" | "throttled" | "wrongCode" | "restart";

/**
 * The refusal an error code of `authorize` stands for; null for the second-factor challenge (it asks for
 * the code after a right password and refuses nothing) and for an error that is no refusal (a failure of
 * the server, logged where it happened).
 */
export function loginFailureReason(code: string): LoginFailureReason | null {
  if (code.startsWith(LOGIN_ERROR.throttledPrefix)) return "throttled";
  const refusals: string[] = [LOGIN_ERROR.invalid, LOGIN_ERROR.deactivated, LOGIN_ERROR.wrongCode, LOGIN_ERROR.restart];
  return refusals.includes(code) ? (code as LoginFailureReason) : null;
}
