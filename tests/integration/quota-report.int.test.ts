// The quota report on a real PostgreSQL (issue 4): figures per region and pool equal the quota rows and
// allocations this file creates in years no other test uses, and each role sees only its scope. The
// waitlist, pipeline, pace and forecast (years 2077–2079, a fixed "today") and the per-region drill-down
// are checked against figures computed by hand in the comments.
import { beforeAll, describe, expect, it } from "vitest";
import { exportReportTables } from "@/lib/db/reports/export-report";
import { quotaDrilldown } from "@/lib/db/reports/quota-drilldown";
import { quotaReport, quotaReportTables } from "@/lib/db/reports/quota-report";
import type { ReportTable } from "@/lib/domain/report-table";
import type { ReportFilters } from "@/lib/validation/report-filters";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createFamily, createStaffUser, insertQuotaOrder, PAVLODAR, prisma } from "./fixtures";
import { NOT_FOUND, FORBIDDEN } from "./refusals";

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

async function quotaWithAllocations(
  orderId: number,
  regionId: string,
  pool: "KANDAS" | "SETTLER",
  total: number,
  planned: Planned[],
) {
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
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
  pavlodarCoordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
  const order = await insertQuotaOrder(prisma, YEAR, admin.id);
  await quotaWithAllocations(order.id, PAVLODAR, "KANDAS", 100, [
    { status: "RESETTLED", persons: 4, at: `${YEAR}-03-15T06:00:00Z` },
    { status: "QUOTA_ALLOCATED", persons: 3, at: `${YEAR}-03-20T06:00:00Z` },
    { status: "WITHDRAWN", persons: 5, at: `${YEAR}-04-10T06:00:00Z`, released: true },
  ]);
  await quotaWithAllocations(order.id, PAVLODAR, "SETTLER", 40, [
    { status: "SUPPORTED", persons: 2, at: `${YEAR}-07-10T06:00:00Z` },
  ]);
  await quotaWithAllocations(order.id, AKMOLA, "KANDAS", 50, [
    { status: "CLOSED", persons: 6, at: `${YEAR}-07-12T06:00:00Z` },
  ]);
  await quotaWithAllocations(order.id, AKMOLA, "SETTLER", 0, []);
});

const PAVLODAR_KANDAS = { total: 100, allocated: 7, arrived: 4, families: 2, remaining: 93, fillPercent: 7 };
const PAVLODAR_SETTLER = { total: 40, allocated: 2, arrived: 2, families: 1, remaining: 38, fillPercent: 5 };
const AKMOLA_KANDAS = { total: 50, allocated: 6, arrived: 6, families: 1, remaining: 44, fillPercent: 12 };
const AKMOLA_SETTLER = { total: 0, allocated: 0, arrived: 0, families: 0, remaining: 0, fillPercent: null };

/** The counted figures per region (the outlook of these rows depends on families of other test files). */
function figures(report: Awaited<ReturnType<typeof quotaReport>>, pool: "KANDAS" | "SETTLER") {
  const entry = report.pools.find((item) => item.pool === pool)!;
  return Object.fromEntries(
    entry.rows.map(({ region, total, allocated, arrived, families, remaining, fillPercent }) => [
      region.id,
      { total, allocated, arrived, families, remaining, fillPercent },
    ]),
  );
}

describe("quotaReport", () => {
  it("gives administrators and analysts every region with the figures of the year", async () => {
    for (const actor of [admin, analyst]) {
      const report = await quotaReport(actor, YEAR);
      expect(report.scope).toEqual({ kind: "national" });
      expect(figures(report, "KANDAS")).toEqual({ [AKMOLA]: AKMOLA_KANDAS, [PAVLODAR]: PAVLODAR_KANDAS });
      expect(figures(report, "SETTLER")).toEqual({ [AKMOLA]: AKMOLA_SETTLER, [PAVLODAR]: PAVLODAR_SETTLER });
      expect(report.pools[0]!.totals).toMatchObject({
        total: 150,
        allocated: 13,
        arrived: 10,
        families: 3,
        remaining: 137,
        fillPercent: 8.7,
      });
      expect(report.pools[1]!.totals).toMatchObject({
        total: 40,
        allocated: 2,
        arrived: 2,
        families: 1,
        remaining: 38,
        fillPercent: 5,
      });
      expect(report.monthly[2]).toMatchObject({ month: 3, KANDAS: 7, SETTLER: 0, total: 7 });
      expect(report.monthly[3]).toMatchObject({ month: 4, KANDAS: 0, SETTLER: 0, total: 0 });
      expect(report.monthly[6]).toMatchObject({ month: 7, KANDAS: 6, SETTLER: 2, total: 8 });
      expect(report.monthly.reduce((sum, point) => sum + point.total, 0)).toBe(15);
      // The figures stay exact for the page's sums; which ones an analyst sees as "<5" is marked beside them.
      expect(report.monthly[6]!.hidden.has("SETTLER")).toBe(actor === analyst);
      if (actor === admin) expect(report.monthly.every((point) => point.hidden.size === 0)).toBe(true);
    }
  });

  crossRegionTest(quotaReport, "gives a coordinator the own region only", async () => {
    const report = await quotaReport(pavlodarCoordinator, YEAR);
    expect(report.scope).toEqual({ kind: "region", regionId: PAVLODAR });
    expect(figures(report, "KANDAS")).toEqual({ [PAVLODAR]: PAVLODAR_KANDAS });
    expect(figures(report, "SETTLER")).toEqual({ [PAVLODAR]: PAVLODAR_SETTLER });
    expect(report.pools[0]!.totals.total).toBe(100);
    expect(report.monthly[6]).toMatchObject({ month: 7, KANDAS: 0, SETTLER: 2, total: 2 });
    expect(report.monthly[6]!.hidden.size).toBe(0);
  });

  it("shows a coordinator without a region nothing", async () => {
    const report = await quotaReport({ ...pavlodarCoordinator, regionId: null }, YEAR);
    expect(report.pools.flatMap((pool) => pool.rows)).toEqual([]);
    expect(report.monthly.every((point) => point.total === 0)).toBe(true);
  });

  it("refuses caseworkers", async () => {
    await expect(quotaReport(caseworker, YEAR)).rejects.toThrow(FORBIDDEN);
  });

  it("is empty for a year without an order", async () => {
    const report = await quotaReport(admin, EMPTY_YEAR);
    expect(report.pools.map((pool) => pool.rows.length)).toEqual([0, 0]);
    expect(report.pools[0]!.totals.fillPercent).toBeNull();
  });
});

describe("the quota report as tables, and their export", () => {
  // Message keys stand in for the words: the tests read figures and region ids, not the translations.
  const t = (key: string) => key;
  const filters = (regionId: string | null = null): ReportFilters => ({ year: YEAR, regionId, category: null });
  /** Region id and the counted figures (total, allocated, families, arrived, remaining, fill) of each row. */
  const counted = (table: ReportTable | undefined) => table?.rows.map((row) => row.slice(0, 7));
  const exports = (actorId: number) =>
    prisma.auditLog.findMany({ where: { action: "report.export", actorId }, orderBy: { id: "asc" } });
  let akmolaCoordinator: Actor;

  beforeAll(async () => {
    akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  });

  crossRegionTest(
    quotaReportTables,
    "gives a coordinator tables of the own region only and refuses caseworkers",
    async () => {
      const tables = await quotaReportTables(pavlodarCoordinator, YEAR, t, "en");
      expect(tables.map((table) => table.id)).toEqual(["kandas", "settler", "totals", "monthly"]);
      const [kandas, settler, , monthly] = tables;
      expect(counted(kandas)).toEqual([[PAVLODAR, 100, 7, 2, 4, 93, 7]]);
      expect(kandas!.total?.slice(0, 2)).toEqual(["reports.regionTotal", 100]);
      expect(counted(settler)).toEqual([[PAVLODAR, 40, 2, 1, 2, 38, 5]]);
      // July: Pavlodar's two settlers; Akmola's six kandas of that month are not counted.
      expect(monthly!.rows[6]).toEqual([7, 0, 2, 2]);

      const akmola = await quotaReportTables(akmolaCoordinator, YEAR, t, "en");
      expect(counted(akmola[0])).toEqual([[AKMOLA, 50, 6, 1, 6, 44, 12]]);
      expect(akmola[3]!.rows[6]).toEqual([7, 6, 0, 6]);

      const national = await quotaReportTables(admin, YEAR, t, "en");
      expect(counted(national[0])).toEqual([
        [AKMOLA, 50, 6, 1, 6, 44, 12],
        [PAVLODAR, 100, 7, 2, 4, 93, 7],
      ]);
      expect(national[0]!.total?.slice(0, 2)).toEqual(["reports.nationalTotal", 150]);
      await expect(quotaReportTables(caseworker, YEAR, t, "en")).rejects.toThrow(FORBIDDEN);
    },
  );

  crossRegionTest(
    exportReportTables,
    "exports a coordinator's own region, answers another region as not found and audits the refusal, refuses caseworkers",
    async () => {
      const request = { report: "quotas", table: "kandas", format: "csv" };
      const exported = await exportReportTables(pavlodarCoordinator, { ...request, filters: filters() }, t, "en");
      expect(exported.map((table) => table.id)).toEqual(["kandas"]);
      expect(counted(exported[0])).toEqual([[PAVLODAR, 100, 7, 2, 4, 93, 7]]);
      // The quota report has no region filter (like its page), yet naming Akmola is refused rather than
      // quietly answered with Pavlodar's figures; so is another region on a report that has the filter.
      const overview = { report: "overview", table: "all", format: "csv" };
      for (const refused of [request, overview]) {
        await expect(
          exportReportTables(pavlodarCoordinator, { ...refused, filters: filters(AKMOLA) }, t, "en"),
        ).rejects.toThrow(NOT_FOUND);
      }
      const denied = await prisma.auditLog.findMany({
        where: { action: "report.export.denied", actorId: pavlodarCoordinator.id },
        orderBy: { id: "asc" },
      });
      expect(denied.map((entry) => [entry.entityId, entry.regionId, entry.changes])).toEqual([
        [
          `quotas-${YEAR}`,
          PAVLODAR,
          { reason: "region", report: "quotas", table: "kandas", format: "csv", year: YEAR, region: AKMOLA },
        ],
        [
          `overview-${YEAR}`,
          PAVLODAR,
          { reason: "region", report: "overview", table: "all", format: "csv", year: YEAR, region: AKMOLA },
        ],
      ]);
      const entries = await exports(pavlodarCoordinator.id);
      expect(entries).toHaveLength(1);
      for (const entry of entries) {
        expect(entry).toMatchObject({
          entity: "report",
          entityId: `quotas-${YEAR}`,
          regionId: PAVLODAR,
          actorRole: "COORDINATOR",
        });
        expect(entry.changes).toMatchObject({
          report: "quotas",
          table: "kandas",
          format: "csv",
          year: YEAR,
          region: PAVLODAR,
        });
      }

      await expect(exportReportTables(caseworker, { ...request, filters: filters() }, t, "en")).rejects.toThrow(
        FORBIDDEN,
      );
      expect(await exports(caseworker.id)).toEqual([]);
      // An unknown table or report is refused and on record too.
      for (const unknown of [
        { ...request, table: "nope" },
        { ...request, report: "nope" },
      ]) {
        await expect(exportReportTables(admin, { ...unknown, filters: filters() }, t, "en")).rejects.toThrow(NOT_FOUND);
      }
      const unknowns = await prisma.auditLog.findMany({
        where: { action: "report.export.denied", actorId: admin.id },
        orderBy: { id: "asc" },
      });
      expect(unknowns.map((entry) => (entry.changes as { reason: string }).reason)).toEqual(["table", "report"]);
      // An administrator naming a region gets the whole country, and the audit entry names no region.
      const all = await exportReportTables(admin, { ...request, table: "all", filters: filters(AKMOLA) }, t, "en");
      expect(counted(all[0])?.map((row) => row[0])).toEqual([AKMOLA, PAVLODAR]);
      expect((await exports(admin.id)).at(-1)).toMatchObject({
        regionId: null,
        changes: expect.objectContaining({ region: null }),
      });
    },
  );
});

// ——— Waitlist, pipeline, pace, forecast and drill-down: years 2077–2079, "today" 30 Nov 2078 ———

const TODAY = new Date(Date.UTC(2078, 10, 30));
// Days from 30 Nov through 31 Dec 2078, today included: 32 of 365 → 32 × 12 / 365 = 1.0520… months left.
const MONTHS_LEFT_2078 = (32 * 12) / 365;
// Ulytau: no other test file creates families there, so its pipeline (not bound to a year) is ours alone.
const ULYTAU = "KZ-62";

type FamilyStatus = "APPROVED" | "QUOTA_ALLOCATED" | "RESETTLED" | "SUPPORTED" | "WITHDRAWN";
type FamilySpec = {
  category?: "KANDAS" | "SETTLER";
  members?: number;
  membersArriving?: number;
  validUntil?: string;
  decisionDate?: string;
  arrivalDate?: string;
  /** Waitlist entries: year → creation time. */
  waitlist?: Record<number, string>;
  /** Places held in one of the quotas below (by its name), of that quota's year. */
  allocation?: { quota: string; persons: number; at: string; released?: boolean };
};
type Built = { id: number; caseNumber: string };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("quota report outlook and drill-down", () => {
  let akmolaCoordinator: Actor;
  let ulytauCoordinator: Actor;
  const built: Record<string, Built> = {};

  async function family(name: string, regionId: string, status: FamilyStatus, spec: FamilySpec = {}): Promise<Built> {
    const row = await createFamily(prisma, regionId, caseworker.id);
    const settler = spec.category === "SETTLER";
    await prisma.family.update({
      where: { id: row.id },
      data: {
        status,
        ...(settler && { category: "SETTLER", originCountry: null, originRegionId: "KZ-61" }),
        statusValidUntil: spec.validUntil ? day(spec.validUntil) : null,
        decisionDate: spec.decisionDate ? day(spec.decisionDate) : null,
        arrivalDate: spec.arrivalDate ? day(spec.arrivalDate) : null,
      },
    });
    for (let position = 2; position <= (spec.members ?? 1); position++) {
      await prisma.person.create({
        data: {
          familyId: row.id,
          position,
          relationship: "CHILD",
          surnameCyr: "Тестова",
          givenNameCyr: `Бала${position}`,
          surnameLat: "Testova",
          givenNameLat: `Bala${position}`,
          birthDate: day("2010-05-05"),
          sex: "F",
          citizenship: "UZ",
        },
      });
    }
    if (spec.membersArriving) {
      await prisma.adaptationPlan.create({
        data: { familyId: row.id, membersArriving: spec.membersArriving, updatedById: caseworker.id },
      });
    }
    for (const [year, at] of Object.entries(spec.waitlist ?? {})) {
      await prisma.waitlistEntry.create({
        data: { familyId: row.id, year: Number(year), createdById: admin.id, createdAt: new Date(at) },
      });
    }
    const allocation = spec.allocation;
    if (allocation) {
      const held = quotas[allocation.quota]!;
      await prisma.allocation.create({
        data: {
          quotaId: held.id,
          familyId: row.id,
          year: held.year,
          persons: allocation.persons,
          status: allocation.released ? "RELEASED" : "ACTIVE",
          createdById: admin.id,
          createdAt: new Date(allocation.at),
          releasedAt: allocation.released ? new Date(allocation.at) : null,
        },
      });
      if (!allocation.released) {
        await prisma.quota.update({
          where: { id: held.id },
          data: { allocated: { increment: allocation.persons } },
        });
      }
    }
    built[name] = { id: row.id, caseNumber: row.caseNumber };
    return built[name];
  }

  const quotas: Record<string, { id: number; year: number }> = {};
  async function quota(name: string, year: number, regionId: string, pool: "KANDAS" | "SETTLER", total: number) {
    const order =
      (await prisma.quotaOrder.findFirst({ where: { year }, select: { id: true } })) ??
      (await insertQuotaOrder(prisma, year, admin.id));
    quotas[name] = await prisma.quota.create({
      data: { year, regionId, pool, total, orderId: order.id },
      select: { id: true, year: true },
    });
  }

  beforeAll(async () => {
    akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
    ulytauCoordinator = await createStaffUser(prisma, "COORDINATOR", ULYTAU);
    await quota("uk77", 2077, ULYTAU, "KANDAS", 50);
    await quota("uk78", 2078, ULYTAU, "KANDAS", 100);
    await quota("us78", 2078, ULYTAU, "SETTLER", 200);
    await quota("uk79", 2079, ULYTAU, "KANDAS", 20);
    await quota("us79", 2079, ULYTAU, "SETTLER", 1000);
    await quota("pk78", 2078, PAVLODAR, "KANDAS", 40);
    await quota("ps78", 2078, PAVLODAR, "SETTLER", 10);
    await quota("pk79", 2079, PAVLODAR, "KANDAS", 40);

    // Ulytau kandas. The pace window before 30 Nov 2078 is August–October 2078 in Kazakhstan time (UTC+5).
    await family("C77", ULYTAU, "RESETTLED", {
      allocation: { quota: "uk77", persons: 10, at: "2077-05-05T06:00:00Z" },
    });
    // 00:30 on 1 August in Kazakhstan (still 31 July in UTC): in the window.
    await family("A1", ULYTAU, "RESETTLED", { allocation: { quota: "uk78", persons: 5, at: "2078-07-31T19:30:00Z" } });
    // 22:30 on 31 October: in the window. Also on the waitlist, but allocated, so not waiting.
    await family("A2", ULYTAU, "QUOTA_ALLOCATED", {
      waitlist: { 2078: "2078-06-01T06:00:00Z" },
      allocation: { quota: "uk78", persons: 4, at: "2078-10-31T17:30:00Z" },
    });
    // 01:00 on 1 November in Kazakhstan (31 October in UTC): after the window.
    await family("A3", ULYTAU, "QUOTA_ALLOCATED", {
      allocation: { quota: "uk78", persons: 6, at: "2078-10-31T20:00:00Z" },
    });
    // 22:30 on 31 July: before the window.
    await family("A4", ULYTAU, "QUOTA_ALLOCATED", {
      allocation: { quota: "uk78", persons: 3, at: "2078-07-31T17:30:00Z" },
    });
    // Released places count neither as allocated nor for the pace; the family waits again.
    await family("R1", ULYTAU, "APPROVED", {
      members: 3,
      validUntil: "2079-03-01",
      waitlist: { 2078: "2078-09-11T06:00:00Z" },
      allocation: { quota: "uk78", persons: 3, at: "2078-09-10T06:00:00Z", released: true },
    });
    await family("P1", ULYTAU, "APPROVED", {
      members: 3,
      validUntil: "2079-05-01",
      waitlist: { 2078: "2078-03-01T06:00:00Z" },
    });
    // Two of four members arrive; the status is valid through today.
    await family("P2", ULYTAU, "APPROVED", {
      members: 4,
      membersArriving: 2,
      validUntil: "2078-11-30",
      waitlist: { 2078: "2078-03-02T06:00:00Z" },
    });
    // Status expired yesterday: still waiting, but no longer in the pipeline.
    await family("P3", ULYTAU, "APPROVED", {
      members: 2,
      validUntil: "2078-11-29",
      waitlist: { 2078: "2078-03-03T06:00:00Z" },
    });
    // membersArriving above the household size is ignored: 1 person. On the 2079 waitlist only.
    await family("P4", ULYTAU, "APPROVED", {
      members: 1,
      membersArriving: 5,
      validUntil: "2079-01-01",
      waitlist: { 2079: "2078-11-01T06:00:00Z" },
    });
    await family("W3", ULYTAU, "APPROVED", {
      members: 2,
      validUntil: "2079-06-01",
      waitlist: { 2077: "2077-03-01T06:00:00Z" },
    });
    // An approved family already holding a 2079 place (after a data correction): out of 2079's waitlist
    // and pipeline, still in 2078's pipeline; allocated on 20 November, after the pace window.
    await family("Z1", ULYTAU, "APPROVED", {
      members: 2,
      validUntil: "2079-02-01",
      waitlist: { 2079: "2078-11-02T06:00:00Z" },
      allocation: { quota: "uk79", persons: 2, at: "2078-11-20T06:00:00Z" },
    });
    await family("X1", ULYTAU, "WITHDRAWN", {
      members: 2,
      validUntil: "2079-06-01",
      waitlist: { 2078: "2078-03-04T06:00:00Z" },
    });

    // Ulytau settlers: 60 persons in the window → 20 a month.
    await family("S1", ULYTAU, "SUPPORTED", {
      category: "SETTLER",
      allocation: { quota: "us78", persons: 30, at: "2078-09-15T06:00:00Z" },
    });
    await family("S2", ULYTAU, "QUOTA_ALLOCATED", {
      category: "SETTLER",
      allocation: { quota: "us78", persons: 30, at: "2078-10-15T06:00:00Z" },
    });
    // Settlers have no status to lapse: a past validity date does not take T1 out of the pipeline.
    await family("T1", ULYTAU, "APPROVED", {
      category: "SETTLER",
      members: 2,
      validUntil: "2078-01-01",
      waitlist: { 2078: "2078-04-01T06:00:00Z" },
    });

    // Pavlodar, for the drill-down.
    await family("D2", PAVLODAR, "RESETTLED", {
      members: 2,
      arrivalDate: "2078-10-15",
      allocation: { quota: "pk78", persons: 2, at: "2078-06-01T06:00:00Z" },
    });
    await family("D1", PAVLODAR, "QUOTA_ALLOCATED", {
      members: 3,
      waitlist: { 2078: "2078-02-01T06:00:00Z" },
      allocation: { quota: "pk78", persons: 3, at: "2078-09-01T06:00:00Z" },
    });
    await family("D3", PAVLODAR, "WITHDRAWN", {
      allocation: { quota: "pk78", persons: 1, at: "2078-07-01T06:00:00Z", released: true },
    });
    await family("D4", PAVLODAR, "QUOTA_ALLOCATED", {
      allocation: { quota: "pk79", persons: 1, at: "2078-11-25T06:00:00Z" },
    });
    await family("Q1", PAVLODAR, "APPROVED", {
      members: 3,
      membersArriving: 2,
      decisionDate: "2078-03-01",
      validUntil: "2079-03-01",
      waitlist: { 2078: "2078-04-01T06:00:00Z" },
    });
    await family("Q2", PAVLODAR, "APPROVED", {
      decisionDate: "2078-02-01",
      validUntil: "2079-02-01",
      waitlist: { 2078: "2078-05-01T06:00:00Z" },
    });
    await family("Q3", PAVLODAR, "APPROVED", {
      category: "SETTLER",
      decisionDate: "2078-02-01",
      waitlist: { 2078: "2078-04-15T06:00:00Z" },
    });
    await family("Q4", PAVLODAR, "WITHDRAWN", {
      decisionDate: "2078-01-15",
      waitlist: { 2078: "2078-01-20T06:00:00Z" },
    });
    await family("Q5", AKMOLA, "APPROVED", {
      decisionDate: "2078-01-10",
      validUntil: "2079-01-10",
      waitlist: { 2078: "2078-01-20T06:00:00Z" },
    });
  });

  type Report = Awaited<ReturnType<typeof quotaReport>>;
  function outlook(report: Report, pool: "KANDAS" | "SETTLER", regionId: string) {
    const row = report.pools.find((item) => item.pool === pool)!.rows.find((item) => item.region.id === regionId);
    if (!row) return undefined;
    const { total, allocated, waitlistFamilies, waitlistPersons, pipelinePersons, pacePerMonth, forecast } = row;
    return { total, allocated, waitlistFamilies, waitlistPersons, pipelinePersons, pacePerMonth, forecast };
  }

  it("counts the waitlist, pipeline and pace and forecasts from the pipeline when it brings more (2078)", async () => {
    const report = await quotaReport(admin, 2078, { today: TODAY });
    expect(report.assumption).toEqual({
      today: TODAY,
      monthsLeft: MONTHS_LEFT_2078,
      windowMonths: 3,
      windowFrom: day("2078-08-01"),
      windowTo: day("2078-10-31"),
    });
    // Allocated 5 + 4 + 6 + 3 = 18 (R1's 3 were released). Waiting: R1 3, P1 3, P2 2 (of 4), P3 2 = 4 families,
    // 10 persons (A2 allocated, X1 withdrawn). Pipeline: R1 3 + P1 3 + P2 2 + P4 1 + W3 2 + Z1 2 = 13 (P3
    // expired). Pace: A1 5 + A2 4 = 9 in three months = 3. Forecast: 3 × 1.052 = 3.16 < 13 → 18 + 13 = 31.
    expect(outlook(report, "KANDAS", ULYTAU)).toEqual({
      total: 100,
      allocated: 18,
      waitlistFamilies: 4,
      waitlistPersons: 10,
      pipelinePersons: 13,
      pacePerMonth: 3,
      forecast: { expectedAllocated: 31, expectedFillPercent: 31, basis: "pipeline" },
    });
    // Pavlodar's waitlist is bound to the year, so it is exactly ours: Q1 2 (of 3) + Q2 1; Q3 is a settler.
    const pavlodar = report.pools[0]!.rows.find((row) => row.region.id === PAVLODAR)!;
    expect([pavlodar.waitlistFamilies, pavlodar.waitlistPersons, pavlodar.allocated]).toEqual([2, 3, 5]);
    const pavlodarSettlers = report.pools[1]!.rows.find((row) => row.region.id === PAVLODAR)!;
    expect([pavlodarSettlers.waitlistFamilies, pavlodarSettlers.waitlistPersons]).toEqual([1, 1]);
  });

  it("forecasts from the pace when it brings more, rounded down (2078 settlers)", async () => {
    const report = await quotaReport(admin, 2078, { today: TODAY });
    // Pace (30 + 30) / 3 = 20 a month × 1.052 = 21.04 > pipeline 2 (T1) → floor(60 + 21.04) = 81 of 200.
    expect(outlook(report, "SETTLER", ULYTAU)).toEqual({
      total: 200,
      allocated: 60,
      waitlistFamilies: 1,
      waitlistPersons: 2,
      pipelinePersons: 2,
      pacePerMonth: 20,
      forecast: { expectedAllocated: 81, expectedFillPercent: 40.5, basis: "pace" },
    });
  });

  it("caps the forecast at the quota for a future year (2079)", async () => {
    const report = await quotaReport(admin, 2079, { today: TODAY });
    expect(report.assumption.monthsLeft).toBe(12);
    // Waiting: P4 (1 person); Z1 holds a 2079 place. Pipeline: R1 3 + P1 3 + P2 2 + P4 1 + W3 2 = 11.
    // 2 + max(3 × 12 = 36, 11) = 38 > 20 → 20.
    expect(outlook(report, "KANDAS", ULYTAU)).toEqual({
      total: 20,
      allocated: 2,
      waitlistFamilies: 1,
      waitlistPersons: 1,
      pipelinePersons: 11,
      pacePerMonth: 3,
      forecast: { expectedAllocated: 20, expectedFillPercent: 100, basis: "capped" },
    });
    // 0 + max(20 × 12 = 240, 2) = 240 of 1000.
    expect(outlook(report, "SETTLER", ULYTAU)?.forecast).toEqual({
      expectedAllocated: 240,
      expectedFillPercent: 24,
      basis: "pace",
    });
  });

  it("adds nothing to a year that is over (2077)", async () => {
    const report = await quotaReport(admin, 2077, { today: TODAY });
    expect(report.assumption.monthsLeft).toBe(0);
    // W3 waits for 2077; the pipeline (13) and pace (3) are shown but do not count.
    expect(outlook(report, "KANDAS", ULYTAU)).toEqual({
      total: 50,
      allocated: 10,
      waitlistFamilies: 1,
      waitlistPersons: 2,
      pipelinePersons: 13,
      pacePerMonth: 3,
      forecast: { expectedAllocated: 10, expectedFillPercent: 20, basis: "closed-year" },
    });
  });

  it("totals the outlook as the sum of the rows, for a coordinator's own region", async () => {
    const report = await quotaReport(ulytauCoordinator, 2078, { today: TODAY });
    const [kandas, settlers] = report.pools;
    expect(kandas!.rows.map((row) => row.region.id)).toEqual([ULYTAU]);
    expect(kandas!.totals).toMatchObject({
      total: 100,
      allocated: 18,
      arrived: 5,
      families: 4,
      waitlistFamilies: 4,
      waitlistPersons: 10,
      pipelinePersons: 13,
      pacePerMonth: 3,
      forecast: { expectedAllocated: 31, expectedFillPercent: 31 },
    });
    expect(settlers!.totals).toMatchObject({
      arrived: 30,
      families: 2,
      forecast: { expectedAllocated: 81, expectedFillPercent: 40.5 },
    });
    // A coordinator of another region counts none of it.
    const akmola = await quotaReport(akmolaCoordinator, 2078, { today: TODAY });
    expect(akmola.pools.flatMap((pool) => pool.rows)).toEqual([]);
  });

  it("lists the region's allocated and waiting families in the drill-down, in order", async () => {
    for (const actor of [admin, pavlodarCoordinator]) {
      const view = await quotaDrilldown(actor, { year: 2078, regionId: PAVLODAR });
      expect(view.region.id).toBe(PAVLODAR);
      // By allocation time; D3's places were released, D4 holds a 2079 place.
      expect(view.allocated).toEqual([
        {
          familyId: built.D2!.id,
          caseNumber: built.D2!.caseNumber,
          head: { surnameCyr: "Тестов", givenNameCyr: "Нұрлан", surnameLat: "Testov", givenNameLat: "Nurlan" },
          pool: "KANDAS",
          persons: 2,
          status: "RESETTLED",
          allocatedAt: new Date("2078-06-01T06:00:00Z"),
          arrivalDate: day("2078-10-15"),
        },
        expect.objectContaining({ familyId: built.D1!.id, persons: 3, status: "QUOTA_ALLOCATED", arrivalDate: null }),
      ]);
      // Decision date, then entry time: Q3 (1 Feb, 15 Apr), Q2 (1 Feb, 1 May), Q1 (1 Mar). Q4 withdrew, Q5
      // is in Akmola, D1 is allocated.
      expect(view.waiting.map((item) => item.familyId)).toEqual([built.Q3!.id, built.Q2!.id, built.Q1!.id]);
      expect(view.waiting[2]).toEqual({
        familyId: built.Q1!.id,
        caseNumber: built.Q1!.caseNumber,
        head: expect.objectContaining({ surnameLat: "Testov" }),
        pool: "KANDAS",
        persons: 2,
        decisionDate: day("2078-03-01"),
        statusValidUntil: day("2079-03-01"),
        waitingSince: new Date("2078-04-01T06:00:00Z"),
      });
      expect(view.waiting[0]).toMatchObject({ pool: "SETTLER", persons: 1 });
    }
    const akmola = await quotaDrilldown(akmolaCoordinator, { year: 2078, regionId: AKMOLA });
    expect(akmola.allocated).toEqual([]);
    expect(akmola.waiting.map((item) => item.familyId)).toEqual([built.Q5!.id]);
  });

  crossRegionTest(
    quotaDrilldown,
    "shows the drill-down to administrators and the own region's coordinator only, and audits it",
    async () => {
      await expect(quotaDrilldown(akmolaCoordinator, { year: 2078, regionId: PAVLODAR })).rejects.toThrow(NOT_FOUND);
      await expect(
        quotaDrilldown({ ...pavlodarCoordinator, regionId: null }, { year: 2078, regionId: PAVLODAR }),
      ).rejects.toThrow(NOT_FOUND);
      await expect(quotaDrilldown(admin, { year: 2078, regionId: "KZ-00" })).rejects.toThrow(NOT_FOUND);
      await expect(quotaDrilldown(analyst, { year: 2078, regionId: PAVLODAR })).rejects.toThrow(FORBIDDEN);
      await expect(quotaDrilldown(caseworker, { year: 2078, regionId: PAVLODAR })).rejects.toThrow(FORBIDDEN);
      const denied = await prisma.auditLog.findFirst({
        where: { action: "quota.report.drilldown.denied", actorId: akmolaCoordinator.id },
        orderBy: { id: "desc" },
      });
      expect(denied?.entityId).toBe(PAVLODAR);

      await quotaDrilldown(pavlodarCoordinator, { year: 2078, regionId: PAVLODAR });
      const entry = await prisma.auditLog.findFirst({
        where: { action: "quota.report.drilldown.view", actorId: pavlodarCoordinator.id },
        orderBy: { id: "desc" },
      });
      expect(entry).toMatchObject({
        entity: "region",
        entityId: PAVLODAR,
        regionId: PAVLODAR,
        actorRole: "COORDINATOR",
      });
      expect(entry?.changes).toEqual({
        year: 2078,
        allocated: [built.D2!.id, built.D1!.id],
        waiting: [built.Q3!.id, built.Q2!.id, built.Q1!.id],
      });
      expect(
        await prisma.auditLog.count({ where: { action: "quota.report.drilldown.view", actorId: analyst.id } }),
      ).toBe(0);
    },
  );
});
