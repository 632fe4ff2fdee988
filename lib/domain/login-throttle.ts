/** Limits on failed logins; stored counters live in PostgreSQL so every app server shares them. */
export type ThrottlePolicy = { maxFailures: number; windowMinutes: number; lockMinutes: number };

/** Per account: a few guesses, then a pause; per address: room for an office behind one NAT. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
export const IP_THROTTLE: ThrottlePolicy = { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 };

/** Key of the account counter; the e-mail is normalised so that case tricks share one counter. */
export function accountThrottleKey(email: string): string {
  return `account:${normaliseEmail(email)}`;
}

/** Key of the per-address counter. */
export function ipThrottleKey(ip: string): string {
  return `ip:${ip}`;
}

/** E-mail as stored: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whole minutes (at least 1) until a lock ends, for the "try again in N minutes" message. */
export function minutesUntil(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}
