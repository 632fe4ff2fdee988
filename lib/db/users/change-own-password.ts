import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { activeLoginLock, clearAccountFailures, recordLoginFailure } from "@/lib/db/users/login-throttle";
import { endSessionsOf } from "@/lib/db/users/end-session";
import { hashPassword, verifyPassword } from "@/lib/db/users/password";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import { minutesUntil } from "@/lib/domain/login-throttle";
import { passwordProblem } from "@/lib/domain/password-policy";
import type { Actor } from "@/lib/domain/permissions";
import { PASSWORD_MESSAGES } from "@/lib/validation/password";

/**
 * Changes the acting person's own password. The current password is required: a wrong one counts toward
 * the account's sign-in throttle (lib/domain/login-throttle.ts), and a locked account is refused even
 * with the right one, so this form cannot be used to guess a password that sign-in would lock. The new
 * password follows the policy with the account's e-mail and names. Every other session of the person
 * ends; the one that changed the password (`sessionId`) goes on.
 */
export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; password: string; sessionId: string },
): Promise<void> {
  assertCan(actor, "account.own");
  const prisma = db();
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { email: true, fullName: true, fullNameLatin: true, regionId: true, passwordHash: true },
  });
  if (!user?.passwordHash) throw notFoundError("user");
  const now = new Date();
  // The account's counter only: the person is signed in, so this is not an address spraying accounts.
  const lockedUntil = await activeLoginLock(user.email, null, now);
  if (lockedUntil) {
    throw new AppError("login.throttled", {
      field: "currentPassword",
      status: 429,
      values: { minutes: minutesUntil(lockedUntil, now) },
    });
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordLoginFailure(user.email, null);
    await recordAudit({ actor, action: "user.password.change.refused", entity: "user", entityId: actor.id });
    throw new AppError("account.password.wrongCurrent", { field: "currentPassword" });
  }
  const problem = passwordProblem(input.password, {
    email: user.email,
    personalWords: [user.fullName, user.fullNameLatin],
  });
  if (problem) throw new AppError(PASSWORD_MESSAGES[problem], { field: "password" });
  if (input.password === input.currentPassword)
    throw new AppError("account.password.sameAsCurrent", { field: "password" });
  const passwordHash = await hashPassword(input.password);

  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await endSessionsOf(tx, actor.id, { exceptSessionId: input.sessionId });
    await clearAccountFailures(user.email, tx);
    await recordAudit(
      {
        actor,
        action: "user.password.change",
        entity: "user",
        entityId: actor.id,
        regionId: user.regionId,
        changes: { passwordHash: { from: "[set]", to: passwordHash } },
      },
      tx,
    );
  });
}
