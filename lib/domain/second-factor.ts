/**
 * The rules of the second factor, pure: the shape of a TOTP code (RFC 6238, as phone authenticator
 * apps make them) and of a one-time recovery code, who must set one up, and how an authenticator app
 * names the account. Cryptography and storage live in lib/secret-box.ts and lib/db/users.
 */
import type { StaffRole } from "@/lib/domain/permissions";

/** The name an authenticator app shows above the account. */
export const TOTP_ISSUER = "Nurly Kosh";
/** Seconds a code is valid for: every authenticator app's default, so no app needs configuring. */
export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the previous and the next period count too: phone clocks drift and people type at the turn. */
export const TOTP_TOLERANCE_STEPS = 1;

/** How many recovery codes a person gets at once; each works one time. */
export const RECOVERY_CODE_COUNT = 10;
/** Characters of a recovery code (without the dash): 10 × 5 bits = 50 random bits. */
export const RECOVERY_CODE_LENGTH = 10;
/**
 * Crockford's base 32: digits and lower-case letters without i, l, o and u, so that nothing read from
 * paper is mistaken for something else (an o typed for 0 or an l for 1 is read as meant).
 */
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Minutes between the right password and the code during which the code may be entered. */
export const SIGN_IN_SECOND_STEP_MINUTES = 5;
/** Minutes a key shown on the enrolment page stays valid for confirming. */
export const ENROLMENT_OFFER_MINUTES = 30;

/** A typed TOTP code as six digits (spaces, as some apps show "123 456", are ignored), or null. */
export function normaliseTotpCode(input: string): string | null {
  const compact = input.replace(/\s+/g, "");
  return /^\d{6}$/.test(compact) ? compact : null;
}

/** The TOTP time step (counter of 30-second periods since 1970) of a moment given in Unix seconds. */
export function totpTimeStep(epochSeconds: number): number {
  return Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
}

/**
 * A recovery code from 10 random bytes, grouped for reading as `xxxxx-xxxxx`. Each byte gives one
 * character by its low 5 bits; 256 is a multiple of 32, so every character is equally likely.
 */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== RECOVERY_CODE_LENGTH) throw new RangeError(`need ${RECOVERY_CODE_LENGTH} random bytes`);
  return formatRecoveryCode(Array.from(bytes, (byte) => RECOVERY_CODE_ALPHABET[byte & 31]).join(""));
}

/** A normalised recovery code (10 characters of the alphabet) as it is shown: `xxxxx-xxxxx`. */
export function formatRecoveryCode(normalised: string): string {
  return `${normalised.slice(0, 5)}-${normalised.slice(5)}`;
}

/**
 * A typed recovery code in the one form that is stored and compared: case, spaces and dashes do not
 * matter, and the letters Crockford's alphabet leaves out for looking like digits are read as those
 * digits (o → 0, i and l → 1). Null when it cannot be a recovery code.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const compact = input
    .toLowerCase()
    .replace(/[\s\-‐‑–—]+/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  if (compact.length !== RECOVERY_CODE_LENGTH) return null;
  return [...compact].every((character) => RECOVERY_CODE_ALPHABET.includes(character)) ? compact : null;
}

/**
 * Whether a person has to set up a second factor before reaching anything else: their role is one of
 * those that require it (a setting) and they have none yet.
 */
export function mustEnrolSecondFactor(
  person: { role: StaffRole; hasSecondFactor: boolean },
  requiredRoles: readonly StaffRole[],
): boolean {
  return !person.hasSecondFactor && requiredRoles.includes(person.role);
}

/**
 * How an authenticator app lists the account: the programme as issuer and the person's e-mail (as they
 * sign in with it, in lower case), so that two people sharing a phone can tell their codes apart.
 */
export function totpAccountName(email: string): { issuer: string; label: string } {
  return { issuer: TOTP_ISSUER, label: email.trim().toLowerCase() };
}
