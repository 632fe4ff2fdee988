import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { notFoundError } from "@/lib/domain/app-error";
import { rolesWith, type Actor } from "@/lib/domain/permissions";
import { staffState } from "@/lib/domain/staff-accounts";

/**
 * One staff account for the administrator's page (other roles are refused), audited as a view: its
 * details, state, second factor, the open link (what for and until when, never the token) and how many
 * other active administrators there are (the page explains why the last one cannot be deactivated).
 */
export async function getStaffMember(actor: Actor, userId: number) {
  assertCan(actor, "users.manage");
  const prisma = db();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      fullName: true,
      fullNameLatin: true,
      phone: true,
      role: true,
      regionId: true,
      isActive: true,
      passwordHash: true,
      lastLoginAt: true,
      mfaEnabledAt: true,
      deactivationReason: true,
      deactivatedAt: true,
      createdAt: true,
      region: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
      accountTokens: {
        where: { usedAt: null, expiresAt: { gt: new Date() } },
        select: { purpose: true, expiresAt: true },
        take: 1,
      },
    },
  });
  if (!user) {
    await recordAudit({ actor, action: "user.view.denied", entity: "user", entityId: userId });
    throw notFoundError("user");
  }
  const otherAdministrators = await prisma.user.count({
    where: { isActive: true, role: { in: rolesWith("users.manage") }, id: { not: user.id } },
  });
  await recordAudit({ actor, action: "user.view", entity: "user", entityId: user.id, regionId: user.regionId });
  const { passwordHash, accountTokens, mfaEnabledAt, ...details } = user;
  return {
    ...details,
    state: staffState({ isActive: user.isActive, hasPassword: passwordHash !== null }),
    hasSecondFactor: mfaEnabledAt !== null,
    openLink: accountTokens[0] ?? null,
    otherAdministrators,
  };
}

export type StaffMember = Awaited<ReturnType<typeof getStaffMember>>;
