import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/db/scopes";
import { notFoundError } from "@/lib/domain/app-error";
import type { Actor } from "@/lib/domain/permissions";

/** The acting person's second factor: since when it is on (null: not set up) and how many recovery codes are unused. */
export async function secondFactorStatus(actor: Actor): Promise<{ enabledAt: Date | null; recoveryCodesLeft: number }> {
  assertCan(actor, "account.own");
  const user = await db().user.findUnique({
    where: { id: actor.id },
    select: { mfaEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) throw notFoundError("user");
  return { enabledAt: user.mfaEnabledAt, recoveryCodesLeft: user._count.recoveryCodes };
}
