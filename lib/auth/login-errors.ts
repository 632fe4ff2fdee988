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
