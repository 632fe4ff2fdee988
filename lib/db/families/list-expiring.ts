import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { familyScopeWhere } from "@/lib/db/scopes";
import type { Actor } from "@/lib/domain/permissions";
import { EXPIRY_WARNING_DAYS, programmeToday } from "@/lib/domain/status-validity";

/** At most this many cases are listed; a region rarely has more expiring at once, and the page says so if it does. */
export const EXPIRING_LIST_LIMIT = 200;

export type ExpiringStatusItem = {
  id: number;
  caseNumber: string;
  status: "APPROVED" | "QUOTA_ALLOCATED";
  statusValidUntil: Date;
  targetRegion: { id: string; nameKk: string; nameRu: string; nameEn: string };
  targetDistrict: { nameKk: string; nameRu: string; nameEn: string } | null;
  head: { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;
};

/**
 * Kandas cases in the actor's scope that hold a granted status not yet used for arrival (APPROVED or
 * QUOTA_ALLOCATED) and whose status ends within `withinDays` days of today or has already ended,
 * soonest (or longest expired) first. A bounded list: `hasMore` says that more exist than shown.
 */
export async function listExpiringStatuses(
  actor: Actor,
  options: { today?: Date; withinDays?: number; limit?: number } = {},
): Promise<{ items: ExpiringStatusItem[]; hasMore: boolean; today: Date }> {
  const today = options.today ?? programmeToday();
  const limit = Math.min(options.limit ?? EXPIRING_LIST_LIMIT, EXPIRING_LIST_LIMIT);
  const horizon = new Date(today.getTime() + (options.withinDays ?? EXPIRY_WARNING_DAYS) * 86_400_000);
  const rows = await db().family.findMany({
    where: {
      AND: [
        familyScopeWhere(actor),
        {
          category: "KANDAS",
          status: { in: ["APPROVED", "QUOTA_ALLOCATED"] },
          statusValidUntil: { not: null, lte: horizon },
        },
      ],
    },
    orderBy: [{ statusValidUntil: "asc" }, { id: "asc" }],
    take: limit + 1,
    select: {
      id: true,
      caseNumber: true,
      status: true,
      statusValidUntil: true,
      targetRegion: { select: { id: true, nameKk: true, nameRu: true, nameEn: true } },
      targetDistrict: { select: { nameKk: true, nameRu: true, nameEn: true } },
      members: {
        where: { isHead: true },
        select: { surnameCyr: true, givenNameCyr: true, surnameLat: true, givenNameLat: true },
      },
    },
  });
  const page = rows.slice(0, limit);
  await recordAudit({
    actor,
    action: "family.list",
    entity: "family",
    details: { view: "expiring-statuses", shown: page.map((row) => row.id) },
  });
  return {
    items: page.map(({ members, ...row }) => ({
      ...row,
      status: row.status as ExpiringStatusItem["status"],
      statusValidUntil: row.statusValidUntil as Date,
      head: members[0] ?? null,
    })),
    hasMore: rows.length > limit,
    today,
  };
}
