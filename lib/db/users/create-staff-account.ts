import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { assertCan } from "@/lib/db/scopes";
import { issueAccountLink, type IssuedLink } from "@/lib/db/users/account-links";
import { assertRegionMatchesRole } from "@/lib/db/users/staff-rules";
import { AppError } from "@/lib/domain/app-error";
import { normaliseEmail } from "@/lib/domain/login-throttle";
import type { Actor } from "@/lib/domain/permissions";
import type { StaffAccountInput } from "@/lib/validation/staff-account";

function emailTaken(): AppError {
  return new AppError("users.errors.emailTaken", { field: "email", status: 409 });
}

/**
 * Creates a staff account without a password (ADMIN only) and issues its activation link, which the
 * administrator sees once. E-mails are unique whatever their case: they are stored lower-cased, and a
 * taken one is a refusal at the e-mail field, also when two administrators create the same person at once.
 */
export async function createStaffAccount(
  actor: Actor,
  input: StaffAccountInput,
): Promise<{ userId: number; link: IssuedLink }> {
  assertCan(actor, "users.manage");
  assertRegionMatchesRole(input.role, input.regionId);
  const data = {
    fullName: input.fullName,
    fullNameLatin: input.fullNameLatin,
    email: normaliseEmail(input.email),
    phone: input.phone,
    role: input.role,
    regionId: input.regionId,
  };
  try {
    return await db().$transaction(async (tx) => {
      const taken = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
      if (taken) throw emailTaken();
      const user = await tx.user.create({ data: { ...data, passwordHash: null }, select: { id: true } });
      await recordAudit(
        {
          actor,
          action: "user.create",
          entity: "user",
          entityId: user.id,
          regionId: data.regionId,
          changes: Object.fromEntries(Object.entries(data).map(([field, to]) => [field, { from: null, to }])),
        },
        tx,
      );
      const link = await issueAccountLink(tx, actor, { id: user.id, regionId: data.regionId }, "ACTIVATION");
      return { userId: user.id, link };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
    throw error;
  }
}
