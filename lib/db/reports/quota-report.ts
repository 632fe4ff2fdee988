import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/db/errors";
import type { Actor } from "@/lib/domain/access";
import {
  monthlySeries,
  quotaFigures,
  REPORT_POOLS,
  totalFigures,
  type MonthPoint,
  type QuotaFigures,
  type ReportPool,
} from "@/lib/domain/quota-report";

export type QuotaReportRegion = { id: string; nameKk: string; nameRu: string; nameEn: string };
export type QuotaReportRow = QuotaFigures & { region: QuotaReportRegion };
export type QuotaReportPool = { pool: ReportPool; rows: QuotaReportRow[]; totals: QuotaFigures };
export type QuotaReport = {
  year: number;
  /** "national" for administrators and analysts, the coordinator's region otherwise. */
  scope: { kind: "national" } | { kind: "region"; regionId: string };
  pools: QuotaReportPool[];
  /** Persons allocated per month of the year (ACTIVE allocations by their creation date, Kazakhstan time). */
  monthly: MonthPoint[];
};

type CountRow = {
  regionId: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  pool: ReportPool;
  total: number;
  allocated: number;
  arrived: number;
  families: number;
};
type MonthRow = { month: number; pool: ReportPool; families: number; persons: number };

/** Statuses of a family that has arrived in the target region. */
const ARRIVED = Prisma.sql`('RESETTLED', 'SUPPORTED', 'CLOSED')`;

/**
 * The quota report of a year (issue 4): per region and pool the quota, persons allocated (ACTIVE
 * allocations), persons arrived, remaining places, fill and families; totals per pool; allocations per
 * month. Numbers only, no personal data, so no audit entry for a view (exports are audited by the caller).
 * ADMIN and ANALYST see the whole country, a COORDINATOR the own region, a CASEWORKER nothing.
 */
export async function quotaReport(actor: Actor, year: number): Promise<QuotaReport> {
  if (actor.role === "CASEWORKER") throw new ForbiddenError("quota report");
  const national = actor.role === "ADMIN" || actor.role === "ANALYST";
  // A coordinator without a region sees nothing rather than everything.
  const regionFilter = national ? Prisma.empty : Prisma.sql`AND q."regionId" = ${actor.regionId ?? ""}`;

  const [counts, months] = await Promise.all([
    db().$queryRaw<CountRow[]>(Prisma.sql`
      SELECT q."regionId", r."nameKk", r."nameRu", r."nameEn", q."pool"::text AS "pool", q."total",
             COALESCE(SUM(a."persons"), 0)::int AS "allocated",
             COALESCE(SUM(a."persons") FILTER (WHERE f."status"::text IN ${ARRIVED}), 0)::int AS "arrived",
             COUNT(a."id")::int AS "families"
        FROM "quota" q
        JOIN "region" r ON r."id" = q."regionId"
        LEFT JOIN "allocation" a ON a."quotaId" = q."id" AND a."status" = 'ACTIVE'
        LEFT JOIN "family" f ON f."id" = a."familyId"
       WHERE q."year" = ${year} ${regionFilter}
       GROUP BY q."id", q."regionId", r."nameKk", r."nameRu", r."nameEn", q."pool", q."total"
       ORDER BY q."regionId", q."pool"`),
    db().$queryRaw<MonthRow[]>(Prisma.sql`
      SELECT EXTRACT(MONTH FROM (a."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Almaty')::int AS "month",
             q."pool"::text AS "pool", COUNT(*)::int AS "families", SUM(a."persons")::int AS "persons"
        FROM "allocation" a
        JOIN "quota" q ON q."id" = a."quotaId"
       WHERE q."year" = ${year} AND a."status" = 'ACTIVE' ${regionFilter}
         AND EXTRACT(YEAR FROM (a."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Almaty') = ${year}
       GROUP BY 1, 2`),
  ]);

  const pools = REPORT_POOLS.map((pool) => {
    const rows = counts
      .filter((row) => row.pool === pool)
      .map(({ regionId, nameKk, nameRu, nameEn, total, allocated, arrived, families }) => ({
        region: { id: regionId, nameKk, nameRu, nameEn },
        ...quotaFigures({ total, allocated, arrived, families }),
      }));
    return { pool, rows, totals: totalFigures(rows) };
  });
  return {
    year,
    scope: national ? { kind: "national" } : { kind: "region", regionId: actor.regionId ?? "" },
    pools,
    monthly: monthlySeries(months),
  };
}
