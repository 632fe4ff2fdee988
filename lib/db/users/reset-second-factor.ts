import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { AppError, notFoundError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/domain/permissions";

/**
 * An administrator turns off another person's second factor (a lost phone, used-up recovery codes):
 * the key and the recovery codes are deleted and every session of the person ends, in one transaction
 * with the audit entry `auth.mfa.reset`. If the person's role requires a second factor, the next
 * sign-in leads to setting up a new one. The own factor is not reset this way: an administrator who
 * could do that with a stolen session could also replace it.
 */
export async function resetSecondFactor(actor: Actor, userId: number): Promise<void> {
  assertCan(actor, "users.manage");
  if (userId === actor.id) throw new AppError("secondFactor.errors.selfReset", { status: 409 });
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { regionId: true, mfaEnabledAt: true } });
    if (!user) throw notFoundError("user");
    if (!user.mfaEnabledAt) throw new AppError("secondFactor.errors.noneToReset", { status: 409 });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: { mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null, sessionGeneration: { increment: 1 } },
    });
    await recordAudit(
      {
        actor,
        action: "auth.mfa.reset",
        entity: "user",
        entityId: userId,
        regionId: user.regionId,
        details: { enabledAt: user.mfaEnabledAt.toISOString() },
      },
      tx,
    );
  });
}
