import "server-only";
import { reportDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { notFoundError } from "@/lib/domain/app-error";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { waitingEntryWhere } from "@/lib/db/quotas/waitlist";
import { canSeeFamilyInRegion, type Actor } from "@/lib/domain/permissions";
import type { CaseStatus } from "@/lib/domain/case-status";
import { placesNeeded } from "@/lib/domain/quota";
import type { ReportPool } from "@/lib/domain/quota-report";

type Head = { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;

export type DrilldownAllocatedFamily = {
  familyId: number;
  caseNumber: string;
  head: Head;
  pool: ReportPool;
  /** Places the allocation holds. */
  persons: number;
  status: CaseStatus;
  allocatedAt: Date;
  arrivalDate: Date | null;
};

export type DrilldownWaitingFamily = {
  familyId: number;
  caseNumber: string;
  head: Head;
  pool: ReportPool;
  /** Places the family would take (members arriving). */
  persons: number;
  decisionDate: Date | null;
  statusValidUntil: Date | null;
  /** When the family was put on the year's waitlist. */
  waitingSince: Date;
};

export type QuotaDrilldown = {
  year: number;
  region: { id: string; nameKk: string; nameRu: string; nameEn: string };
  allocated: DrilldownAllocatedFamily[];
  waiting: DrilldownWaitingFamily[];
};

const headSelect = {
  where: { isHead: true },
  select: { surnameCyr: true, givenNameCyr: true, surnameLat: true, givenNameLat: true },
} as const;

/**
 * The families behind a region's row of the quota report (issue 4): those holding an ACTIVE allocation
 * of the region's quota in `year`, by allocation time, and those waiting (a waitlist entry of the year,
 * status APPROVED, no ACTIVE allocation for the year; region and pool from the family) in waitlist order:
 * decision date, entry time, entry id. Personal data, so ADMIN (any region) and COORDINATOR (own region;
 * another region → notFoundError, audited) only; ANALYST and CASEWORKER → forbiddenError. Every view is
 * audited as `quota.report.drilldown.view`.
 */
export async function quotaDrilldown(actor: Actor, input: { year: number; regionId: string }): Promise<QuotaDrilldown> {
  const { year, regionId } = input;
  assertCan(actor, "report.personalData");
  if (!canSeeFamilyInRegion(actor, regionId)) {
    await recordAudit({
      actor,
      action: "quota.report.drilldown.denied",
      entity: "region",
      entityId: regionId,
      details: { year },
    });
    throw notFoundError("region");
  }
  const region = await reportDb().region.findUnique({
    where: { id: regionId },
    select: { id: true, nameKk: true, nameRu: true, nameEn: true },
  });
  if (!region) throw notFoundError("region");

  const scope = familyScopeWhere(actor);
  const [allocations, entries] = await Promise.all([
    reportDb().allocation.findMany({
      where: { year, status: "ACTIVE", quota: { year, regionId }, family: scope },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        persons: true,
        createdAt: true,
        quota: { select: { pool: true } },
        family: { select: { id: true, caseNumber: true, status: true, arrivalDate: true, members: headSelect } },
      },
    }),
    reportDb().waitlistEntry.findMany({
      where: waitingEntryWhere({ year, regionId }, scope),
      // The waitlist's order (lib/db/quotas/waitlist.ts): decision date, entry time, entry id.
      orderBy: [{ family: { decisionDate: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        createdAt: true,
        family: {
          select: {
            id: true,
            caseNumber: true,
            category: true,
            decisionDate: true,
            statusValidUntil: true,
            members: headSelect,
            adaptationPlan: { select: { membersArriving: true } },
            _count: { select: { members: true } },
          },
        },
      },
    }),
  ]);

  const allocated = allocations.map(({ persons, createdAt, quota, family }) => ({
    familyId: family.id,
    caseNumber: family.caseNumber,
    head: family.members[0] ?? null,
    pool: quota.pool,
    persons,
    status: family.status,
    allocatedAt: createdAt,
    arrivalDate: family.arrivalDate,
  }));
  const waiting = entries.map(({ createdAt, family }) => ({
    familyId: family.id,
    caseNumber: family.caseNumber,
    head: family.members[0] ?? null,
    pool: family.category,
    persons: placesNeeded(family._count.members, family.adaptationPlan?.membersArriving),
    decisionDate: family.decisionDate,
    statusValidUntil: family.statusValidUntil,
    waitingSince: createdAt,
  }));

  await recordAudit({
    actor,
    action: "quota.report.drilldown.view",
    entity: "region",
    entityId: regionId,
    regionId,
    details: { year, allocated: allocated.map((item) => item.familyId), waiting: waiting.map((item) => item.familyId) },
  });
  return { year, region, allocated, waiting };
}
