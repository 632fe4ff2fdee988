import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import type { Actor } from "@/lib/domain/permissions";
import { assertCan } from "@/lib/db/scopes";
import {
  isValidReviewTimeLimit,
  REVIEW_TIME_LIMIT_SETTING,
  reviewTimeLimitFromSetting,
  type ReviewTimeLimit,
} from "@/lib/domain/processing-times";

type SettingReader = Pick<Prisma.TransactionClient, "setting">;

/**
 * The review time limit in working days from the `review.timeLimitWorkingDays` setting, or the default
 * (30) when the row is missing or unusable. A programme setting, no personal data: any caller may read it.
 */
export async function getReviewTimeLimit(client: SettingReader = db()): Promise<ReviewTimeLimit> {
  const row = await client.setting.findUnique({ where: { key: REVIEW_TIME_LIMIT_SETTING }, select: { value: true } });
  return reviewTimeLimitFromSetting(row?.value);
}

/**
 * Sets the review time limit (ADMIN only, others forbiddenError) and audits the change as
 * `setting.update` in the same transaction. `days` must be a whole number from 1 to 365 (the shared
 * schema lib/validation/review-time-limit.ts checks it first; this is the last line of defence).
 */
export async function setReviewTimeLimit(actor: Actor, days: number): Promise<{ from: number; to: number }> {
  assertCan(actor, "settings.update");
  if (!isValidReviewTimeLimit(days))
    throw new RangeError(`review time limit ${days} is not a whole number of days from 1 to 365`);
  return db().$transaction(async (tx) => {
    // Lock the row (if any) so that two administrators saving at once are audited in order.
    await tx.$queryRaw`SELECT 1 FROM "setting" WHERE "key" = ${REVIEW_TIME_LIMIT_SETTING} FOR UPDATE`;
    const { days: from } = await getReviewTimeLimit(tx);
    await tx.setting.upsert({
      where: { key: REVIEW_TIME_LIMIT_SETTING },
      create: { key: REVIEW_TIME_LIMIT_SETTING, value: days, updatedById: actor.id },
      update: { value: days, updatedById: actor.id },
    });
    await recordAudit(
      {
        actor,
        action: "setting.update",
        entity: "setting",
        entityId: REVIEW_TIME_LIMIT_SETTING,
        changes: { value: { from, to: days } },
      },
      tx,
    );
    return { from, to: days };
  });
}
