import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { hashPassword } from "@/lib/db/users/password";
import { AppError } from "@/lib/domain/app-error";
import { passwordProblem } from "@/lib/domain/password-policy";
import type { Actor } from "@/lib/domain/permissions";
import {
  accountLinkExpiry,
  accountLinkState,
  isAccountTokenShaped,
  type AccountLinkState,
} from "@/lib/domain/staff-accounts";
import { PASSWORD_MESSAGES } from "@/lib/validation/password";

/**
 * One-time links that let a person choose a password (docs/decisions/014): 32 random bytes in the URL,
 * only their SHA-256 in the database, valid for 72 hours, used once. Issuing, opening, using and every
 * refusal are audited; the page says the same for every refusal, the audit log says which.
 */

/** A link as the administrator sees it once: the token (never stored) and when it stops working. */
export type IssuedLink = { token: string; expiresAt: Date; purpose: AccountTokenPurpose };

/** The SHA-256 of a token in hex, the only form in which it is stored. */
export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Issues a link for a person inside the caller's transaction, whose caller has locked the person's row
 * (lib/db/users/staff-lock.ts), so that two links cannot be issued at once. An open link is retired first
 * (marked used): at most one unused link per person exists (a partial unique index holds it).
 */
export async function issueAccountLink(
  tx: Prisma.TransactionClient,
  issuedBy: Actor,
  account: { id: number; regionId: string | null },
  purpose: AccountTokenPurpose,
): Promise<IssuedLink> {
  const now = new Date();
  const retired = await retireAccountLinks(tx, account.id, now);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = accountLinkExpiry(now);
  await tx.accountToken.create({
    data: { userId: account.id, tokenHash: hashAccountToken(token), purpose, expiresAt, createdById: issuedBy.id },
  });
  await recordAudit(
    {
      actor: issuedBy,
      action: "account.link.issue",
      entity: "user",
      entityId: account.id,
      regionId: account.regionId,
      details: { purpose, expiresAt: expiresAt.toISOString(), retired },
    },
    tx,
  );
  return { token, expiresAt, purpose };
}

/** Marks the person's open links as used, so none of them works any more; returns how many there were. */
export async function retireAccountLinks(tx: Prisma.TransactionClient, userId: number, now = new Date()) {
  const { count } = await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  return count;
}

const LINK_SELECT = {
  id: true,
  purpose: true,
  expiresAt: true,
  usedAt: true,
  user: {
    select: { id: true, email: true, fullName: true, fullNameLatin: true, role: true, regionId: true, isActive: true },
  },
} as const;

/** The link with this token and why it does or does not work now. */
async function findLink(token: string, client: Pick<Prisma.TransactionClient, "accountToken"> = db()) {
  const link = isAccountTokenShaped(token)
    ? await client.accountToken.findUnique({ where: { tokenHash: hashAccountToken(token) }, select: LINK_SELECT })
    : null;
  return { link, state: accountLinkState(link, new Date()) };
}

async function auditRefusal(state: Exclude<AccountLinkState, "valid">, userId: number | null, step: string) {
  await recordAudit({
    actor: null,
    action: "account.link.refused",
    entity: "user",
    entityId: userId,
    details: { state, step },
  });
}

/**
 * The one refusal the activation page shows for an unknown, used, expired or deactivated link; its form
 * then gives way to the same page as a link that did not work when opened.
 */
function linkInvalid(): AppError {
  return new AppError("activation.invalid", { status: 410, details: { isLinkInvalid: true } });
}

/**
 * The account a link opens, for the activation page (no session): the person's name and what the link
 * is for. A link that does not work gives null, whatever the reason; the view and the refusal are audited.
 */
export async function openAccountLink(
  token: string,
): Promise<{ fullName: string; fullNameLatin: string | null; purpose: AccountTokenPurpose } | null> {
  const { link, state } = await findLink(token);
  if (!link || state !== "valid") {
    await auditRefusal(state === "valid" ? "unknown" : state, link?.user.id ?? null, "open");
    return null;
  }
  const { user } = link;
  await recordAudit({
    actor: null,
    action: "account.link.view",
    entity: "user",
    entityId: user.id,
    regionId: user.regionId,
    details: { purpose: link.purpose },
  });
  return { fullName: user.fullName, fullNameLatin: user.fullNameLatin, purpose: link.purpose };
}

/**
 * Sets the person's password through a link and uses the link up. The password is checked against the
 * policy with the account's e-mail and names (the browser knew only the names). The link is taken with
 * one conditional update, so two submissions of the same link cannot both set a password.
 */
export async function setPasswordWithLink(input: { token: string; password: string }): Promise<void> {
  const { link, state } = await findLink(input.token);
  if (!link || state !== "valid") {
    await auditRefusal(state === "valid" ? "unknown" : state, link?.user.id ?? null, "use");
    throw linkInvalid();
  }
  const { user } = link;
  const problem = passwordProblem(input.password, {
    email: user.email,
    personalWords: [user.fullName, user.fullNameLatin],
  });
  if (problem) throw new AppError(PASSWORD_MESSAGES[problem], { field: "password" });
  const passwordHash = await hashPassword(input.password);

  const isSet = await db().$transaction(async (tx) => {
    const now = new Date();
    const taken = await tx.accountToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (taken.count === 0) return false;
    // A deactivation retires the person's links, so the link is spent either way.
    const updated = await tx.user.updateMany({ where: { id: user.id, isActive: true }, data: { passwordHash } });
    if (updated.count === 0) return false;
    await recordAudit(
      {
        actor: { id: user.id, role: user.role, regionId: user.regionId },
        action: "account.link.use",
        entity: "user",
        entityId: user.id,
        regionId: user.regionId,
        details: { purpose: link.purpose },
        changes: { passwordHash: { from: null, to: passwordHash } },
      },
      tx,
    );
    return true;
  });
  if (!isSet) {
    // Another submission used the link, it expired or the account was deactivated in the meantime.
    const { state: now } = await findLink(input.token);
    await auditRefusal(now === "valid" ? "used" : now, user.id, "use");
    throw linkInvalid();
  }
}
