/**
 * Rules of staff accounts that need no database: the one-time links that let a person choose a
 * password, and the state an account is in (docs/decisions/014-staff-accounts-and-passwords.md).
 */

/** How long an activation or reset link stays valid. */
export const ACCOUNT_LINK_HOURS = 72;

/** A link's token: 32 random bytes in base64url without padding (43 characters). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** When a link issued at `issuedAt` stops working. */
export function accountLinkExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ACCOUNT_LINK_HOURS * 60 * 60 * 1000);
}

/** Whether a text can be a link's token at all (anything else is refused before any lookup). */
export function isAccountTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** The path of the page a link opens. */
export function accountLinkPath(token: string): string {
  return `/activate/${token}`;
}

/**
 * Why a link does not let anyone choose a password, or "valid": unknown (no such token), used (opened
 * already, or retired by a newer link or a deactivation), expired, or its account deactivated. The
 * page says the same for all of them; the reason is only audited.
 */
export type AccountLinkState = "valid" | "unknown" | "used" | "expired" | "inactive";

/** The state of a stored link at `now` (null when no link has the token). */
export function accountLinkState(
  link: { expiresAt: Date; usedAt: Date | null; user: { isActive: boolean } } | null,
  now: Date,
): AccountLinkState {
  if (!link) return "unknown";
  if (link.usedAt) return "used";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (!link.user.isActive) return "inactive";
  return "valid";
}

/** The states an administrator filters the staff list by. */
export const STAFF_STATES = ["active", "pending", "deactivated"] as const;
export type StaffState = (typeof STAFF_STATES)[number];

/**
 * An account's state: deactivated by an administrator, pending (active, but without a password until
 * the person opens an activation or reset link), or active.
 */
export function staffState(account: { isActive: boolean; hasPassword: boolean }): StaffState {
  if (!account.isActive) return "deactivated";
  return account.hasPassword ? "active" : "pending";
}
