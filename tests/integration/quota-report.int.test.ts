// The quota report on a real PostgreSQL (issue 4): figures per region and pool equal the quota rows and
// allocations this file creates in a year no other test uses, and each role sees only its scope.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestPrisma } from "./db";
import { createFamily, createStaffUser, ensureRegions } from "./fixtures";

process.env.NEXTAUTH_SECRET ??= "integration-test-secret-that-is-long-enough";

const { quotaReport } = await import("@/lib/db/reports/quota-report");
const { ForbiddenError } = await import("@/lib/db/errors");

const prisma = useTestPrisma();
const PAVLODAR = "KZ-55";
const AKMOLA = "KZ-11";
// A year no other test file uses, and an empty one.
const YEAR = 2087;
const EMPTY_YEAR = 2086;

type Actor = Awaited<ReturnType<typeof createStaffUser>>;
let admin: Actor;
let analyst: Actor;
let caseworker: Actor;
let pavlodarCoordinator: Actor;

type Status = "QUOTA_ALLOCATED" | "RESETTLED" | "SUPPORTED" | "CLOSED" | "WITHDRAWN";
type Planned = { status: Status; persons: number; at: string; released?: boolean };

async function quotaWithAllocations(orderId: number, regionId: string, pool: "KANDAS" | "SETTLER", total: number, planned: Planned[]) {
  const allocated = planned.filter((item) => !item.released).reduce((sum, item) => sum + item.persons, 0);
  const quota = await prisma.quota.create({ data: { year: YEAR, regionId, pool, total, allocated, orderId } });
  for (const item of planned) {
    const family = await createFamily(prisma, regionId, caseworker.id);
    await prisma.family.update({ where: { id: family.id }, data: { status: item.status } });
    await prisma.allocation.create({
      data: {
        quotaId: quota.id,
        familyId: family.id,
        year: YEAR,
        persons: item.persons,
        status: item.released ? "RELEASED" : "ACTIVE",
        createdById: admin.id,
        createdAt: new Date(item.at),
        releasedAt: item.released ? new Date(item.at) : null,
      },
    });
  }
}

beforeAll(async () => {
  await ensureRegions(prisma);
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  pavlodarCoordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  const order = await prisma.quotaOrder.create({
    data: { year: YEAR, reference: `R-${randomUUID().slice(0, 8)}`, orderDate: new Date(Date.UTC(YEAR, 0, 10)), createdById: admin.id },
  });
  await quotaWithAllocations(order.id, PAVLODAR, "KANDAS", 100, [
    { status: "RESETTLED", persons: 4, at: `${YEAR}-03-15T06:00:00Z` },
    { status: "QUOTA_ALLOCATED", persons: 3, at: `${YEAR}-03-20T06:00:00Z` },
    { status: "WITHDRAWN", persons: 5, at: `${YEAR}-04-10T06:00:00Z`, released: true },
  ]);
  await quotaWithAllocations(order.id, PAVLODAR, "SETTLER", 40, [{ status: "SUPPORTED", persons: 2, at: `${YEAR}-07-10T06:00:00Z` }]);
  await quotaWithAllocations(order.id, AKMOLA, "KANDAS", 50, [{ status: "CLOSED", persons: 6, at: `${YEAR}-07-12T06:00:00Z` }]);
  await quotaWithAllocations(order.id, AKMOLA, "SETTLER", 0, []);
});

const PAVLODAR_KANDAS = { total: 100, allocated: 7, arrived: 4, families: 2, remaining: 93, fillPercent: 7 };
const PAVLODAR_SETTLER = { total: 40, allocated: 2, arrived: 2, families: 1, remaining: 38, fillPercent: 5 };
const AKMOLA_KANDAS = { total: 50, allocated: 6, arrived: 6, families: 1, remaining: 44, fillPercent: 12 };
const AKMOLA_SETTLER = { total: 0, allocated: 0, arrived: 0, families: 0, remaining: 0, fillPercent: null };

function figures(report: Awaited<ReturnType<typeof quotaReport>>, pool: "KANDAS" | "SETTLER") {
  const entry = report.pools.find((item) => item.pool === pool)!;
  return Object.fromEntries(entry.rows.map(({ region, ...rest }) => [region.id, rest]));
}

describe("quotaReport", () => {
  it("gives administrators and analysts every region with the figures of the year", async () => {
    for (const actor of [admin, analyst]) {
      const report = await quotaReport(actor, YEAR);
      expect(report.scope).toEqual({ kind: "national" });
      expect(figures(report, "KANDAS")).toEqual({ [AKMOLA]: AKMOLA_KANDAS, [PAVLODAR]: PAVLODAR_KANDAS });
      expect(figures(report, "SETTLER")).toEqual({ [AKMOLA]: AKMOLA_SETTLER, [PAVLODAR]: PAVLODAR_SETTLER });
      expect(report.pools[0]!.totals).toEqual({ total: 150, allocated: 13, arrived: 10, families: 3, remaining: 137, fillPercent: 8.7 });
      expect(report.pools[1]!.totals).toEqual({ total: 40, allocated: 2, arrived: 2, families: 1, remaining: 38, fillPercent: 5 });
      expect(report.monthly[2]).toEqual({ month: 3, KANDAS: 7, SETTLER: 0, total: 7 });
      expect(report.monthly[3]).toEqual({ month: 4, KANDAS: 0, SETTLER: 0, total: 0 });
      expect(report.monthly[6]).toEqual({ month: 7, KANDAS: 6, SETTLER: 2, total: 8 });
      expect(report.monthly.reduce((sum, point) => sum + point.total, 0)).toBe(15);
    }
  });

  it("gives a coordinator the own region only", async () => {
    const report = await quotaReport(pavlodarCoordinator, YEAR);
    expect(report.scope).toEqual({ kind: "region", regionId: PAVLODAR });
    expect(figures(report, "KANDAS")).toEqual({ [PAVLODAR]: PAVLODAR_KANDAS });
    expect(figures(report, "SETTLER")).toEqual({ [PAVLODAR]: PAVLODAR_SETTLER });
    expect(report.pools[0]!.totals.total).toBe(100);
    expect(report.monthly[6]).toEqual({ month: 7, KANDAS: 0, SETTLER: 2, total: 2 });
  });

  it("shows a coordinator without a region nothing", async () => {
    const report = await quotaReport({ ...pavlodarCoordinator, regionId: null }, YEAR);
    expect(report.pools.flatMap((pool) => pool.rows)).toEqual([]);
    expect(report.monthly.every((point) => point.total === 0)).toBe(true);
  });

  it("refuses caseworkers", async () => {
    await expect(quotaReport(caseworker, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is empty for a year without an order", async () => {
    const report = await quotaReport(admin, EMPTY_YEAR);
    expect(report.pools.map((pool) => pool.rows.length)).toEqual([0, 0]);
    expect(report.pools[0]!.totals.fillPercent).toBeNull();
  });
});
