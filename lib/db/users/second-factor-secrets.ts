import "server-only";
import { randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  normaliseRecoveryCode,
  normaliseTotpCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  recoveryCodeFromBytes,
  TOTP_PERIOD_SECONDS,
  TOTP_TOLERANCE_STEPS,
  totpAccountName,
} from "@/lib/domain/second-factor";
import { env } from "@/lib/env";
import { keyedDigest, seal, unseal } from "@/lib/secret-box";

/**
 * The second factor's secrets as the data layer keeps them (docs/decisions/016-second-factor.md): the
 * TOTP key sealed with the server's key and bound to its person, recovery codes as keyed digests, and
 * the last accepted time step, so that no code is accepted twice.
 */

type Client = Prisma.TransactionClient;

const sealFor = (userId: number) =>
  ({ serverSecret: env().NEXTAUTH_SECRET, purpose: "totp-secret", context: `user:${userId}` }) as const;

/** A new random TOTP key: 20 bytes (160 bits, RFC 4226's recommendation) in Base32, as apps expect it. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ ...totpAccountName(email), secret });
}

/** The TOTP key sealed for storing in `app_user.mfaSecret`. */
export function sealTotpSecret(userId: number, secret: string): string {
  return seal(secret, sealFor(userId));
}

/**
 * The stored TOTP key of a person. A key that does not open is not a wrong code but a server whose
 * NEXTAUTH_SECRET changed (or a row copied between people): it is an error for the log, and the
 * administrator resets the person's second factor.
 */
export function openTotpSecret(userId: number, sealed: string): string {
  const secret = unseal(sealed, sealFor(userId));
  if (secret === null) throw new Error(`The second factor of user ${userId} cannot be opened with this server's key`);
  return secret;
}

/**
 * The time step at which `typed` is the code of `secret` (this period, the previous or the next one),
 * or null. Whether that step was used already is acceptTotpStep's to decide.
 */
export async function matchingTotpStep(secret: string, typed: string): Promise<number | null> {
  const token = normaliseTotpCode(typed);
  if (token === null) return null;
  const result = await verify({ secret, token, epochTolerance: TOTP_TOLERANCE_STEPS * TOTP_PERIOD_SECONDS });
  // The result type covers HOTP too, whose results have no time step.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/**
 * Records `step` as the person's last accepted one, only if it is later than the one stored: one
 * conditional UPDATE, so two requests with the same code cannot both pass.
 */
export async function acceptTotpStep(client: Client, userId: number, step: number): Promise<boolean> {
  const { count } = await client.user.updateMany({
    where: { id: userId, OR: [{ mfaLastStep: null }, { mfaLastStep: { lt: step } }] },
    data: { mfaLastStep: step },
  });
  return count === 1;
}

/** The digest a recovery code is stored and found by (see keyedDigest: not computable without the server's key). */
function recoveryCodeDigest(normalised: string): string {
  return keyedDigest(normalised, env().NEXTAUTH_SECRET, "recovery-code");
}

/**
 * Replaces the person's recovery codes with 10 new ones and returns them, grouped for reading; only
 * their digests are stored, so they are shown this once.
 */
export async function replaceRecoveryCodes(client: Client, userId: number): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_LENGTH)));
  await client.recoveryCode.deleteMany({ where: { userId } });
  await client.recoveryCode.createMany({
    data: [...codes].map((code) => ({ userId, codeHash: recoveryCodeDigest(normaliseRecoveryCode(code) ?? code) })),
  });
  return [...codes];
}

/**
 * Spends one of the person's unused recovery codes: one conditional UPDATE, which PostgreSQL runs with
 * the row locked, so of two requests with the same code only one finds it unused. Returns how many
 * codes are left, or null when `typed` is not an unused code of the person.
 */
export async function spendRecoveryCode(client: Client, userId: number, typed: string): Promise<number | null> {
  const normalised = normaliseRecoveryCode(typed);
  if (normalised === null) return null;
  const { count } = await client.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeDigest(normalised), usedAt: null },
    data: { usedAt: new Date() },
  });
  if (count === 0) return null;
  return client.recoveryCode.count({ where: { userId, usedAt: null } });
}
