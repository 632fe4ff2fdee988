import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import {
  matchingTotpStep,
  newTotpSecret,
  replaceRecoveryCodes,
  sealTotpSecret,
  totpUri,
} from "@/lib/db/users/second-factor-secrets";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/domain/permissions";
import { ENROLMENT_OFFER_MINUTES } from "@/lib/domain/second-factor";
import { env } from "@/lib/env";
import { seal, unseal } from "@/lib/secret-box";

/** A key offered for an authenticator app: shown as text and as the QR code of `uri`; `offer` carries it sealed. */
export type EnrolmentOffer = { secret: string; uri: string; offer: string };

const offerSealing = (userId: number) =>
  ({ serverSecret: env().NEXTAUTH_SECRET, purpose: "totp-enrolment", context: `user:${userId}` }) as const;

/**
 * A new key for the person to add to an authenticator app. Nothing is stored: the page carries the key
 * sealed (for this person, for 30 minutes) until a code of the app confirms it, so opening the page
 * twice leaves no half-enrolled account behind.
 */
export function secondFactorEnrolmentOffer(person: { id: number; email: string }, now = new Date()): EnrolmentOffer {
  const secret = newTotpSecret();
  const expiresAt = now.getTime() + ENROLMENT_OFFER_MINUTES * 60_000;
  const offer = seal(JSON.stringify({ secret, expiresAt }), offerSealing(person.id));
  return { secret, uri: totpUri(secret, person.email), offer };
}

/** The key of an offer made to this person that has not expired, or null. */
function openOffer(userId: number, offer: string, now: Date): string | null {
  const opened = unseal(offer, offerSealing(userId));
  if (opened === null) return null;
  const { secret, expiresAt } = JSON.parse(opened) as { secret: string; expiresAt: number };
  return expiresAt > now.getTime() ? secret : null;
}

/**
 * Turns the second factor on for the acting person once a code of their app proves the key was added:
 * stores the key sealed, the code's time step (so it cannot be used again to sign in) and 10 new
 * recovery codes, which are returned to be shown this once. Audited as `auth.mfa.enrol`.
 */
export async function confirmSecondFactorEnrolment(
  actor: Actor,
  input: { offer: string; code: string },
): Promise<{ recoveryCodes: string[] }> {
  assertCan(actor, "account.own");
  const now = new Date();
  const secret = openOffer(actor.id, input.offer, now);
  if (secret === null) throw new AppError("secondFactor.errors.offerExpired", { status: 410 });
  const step = await matchingTotpStep(secret, input.code);
  if (step === null) throw new AppError("secondFactor.errors.wrongCode", { field: "code" });

  return db().$transaction(async (tx) => {
    // The row lock makes two confirmations at once (two tabs) take turns: the second finds a factor set.
    const [row] = await tx.$queryRaw<{ mfaEnabledAt: Date | null }[]>(
      Prisma.sql`SELECT "mfaEnabledAt" FROM app_user WHERE id = ${actor.id} FOR UPDATE`,
    );
    if (!row) throw notFoundError("user");
    if (row.mfaEnabledAt) throw new AppError("secondFactor.errors.alreadyEnrolled", { status: 409 });
    await tx.user.update({
      where: { id: actor.id },
      data: { mfaSecret: sealTotpSecret(actor.id, secret), mfaEnabledAt: now, mfaLastStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(
      { actor, action: "auth.mfa.enrol", entity: "user", entityId: actor.id, regionId: actor.regionId },
      tx,
    );
    return { recoveryCodes };
  });
}
