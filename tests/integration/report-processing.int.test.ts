// The processing-times report on a real PostgreSQL (issue 6): a known set of cases in Jambyl (KZ-31) and
// Jetisu (KZ-33) applied in 2064 (and one in 2063), with status events at chosen instants, so that every
// median and 90th percentile (percentile_cont, interpolating), every count, the overdue list under the
// review time limit, the scoping by role and the analyst's small-cell suppression are checked against
// figures computed by hand in the comments. No other test file uses these regions or years 2063–2065,
// so the national figures of 2064 are exactly those of the two regions.
import { beforeAll, describe, expect, it } from "vitest";
import { listOverdueCases, processingReportTables, processingTimes } from "@/lib/db/reports/processing-times";
import type { CaseStatus } from "@/lib/domain/case-status";
import type { ReportTable } from "@/lib/domain/report-table";
import type { ReportFilters } from "@/lib/validation/report-filters";
import { crossRegionTest } from "./cross-region";
import { createFamily, createStaffUser, prisma, type StaffActor } from "./fixtures";
import { FORBIDDEN } from "./refusals";

const JAMBYL = "KZ-31";
const JETISU = "KZ-33";
const YEAR = 2064;
/** Monday 1 December 2064, a Kazakhstan calendar day. */
const TODAY = new Date(Date.UTC(2064, 11, 1));
const options = { today: TODAY };
const filters = (extra: Partial<ReportFilters> = {}): ReportFilters => ({
  year: YEAR,
  regionId: null,
  category: null,
  ...extra,
});

let admin: StaffActor;
let analyst: StaffActor;
let caseworker: StaffActor;
let jambylCoordinator: StaffActor;
let jetisuCoordinator: StaffActor;
/** Case numbers of the open cases, by the name used in the comments. */
const caseNumber: Record<string, string> = {};

type Planned = {
  name: string;
  region: string;
  applied: string;
  status: CaseStatus;
  category?: "KANDAS" | "SETTLER";
  /** Status events: [status reached, instant (UTC)]. */
  events?: [CaseStatus, string][];
};

/** A case that reached its status once, at the instant `at`. */
const reached = (name: string, region: string, applied: string, status: CaseStatus, at: string): Planned => ({
  name,
  region,
  applied,
  status,
  events: [[status, at]],
});

// Step lengths in days between Kazakhstan calendar days (UTC+5).
const PLANNED: Planned[] = [
  // Jambyl. Decisions 10, 20, 30, 40, 50, 100 days → median (30+40)/2 = 35, p90 at rank 0.9·5 = 4.5:
  // 50 + 0.5·(100−50) = 75. Allocations 3, 7, 8, 15, 31 → median 8, p90 at 3.6: 15 + 0.6·16 = 24.6.
  // Arrivals 10, 20, 60 → median 20, p90 at 1.8: 20 + 0.8·40 = 52.
  {
    name: "J1",
    region: JAMBYL,
    applied: "2064-01-05",
    status: "RESETTLED",
    events: [
      ["UNDER_REVIEW", "2064-01-06T05:00:00Z"],
      ["APPROVED", "2064-01-15T05:00:00Z"],
      ["QUOTA_ALLOCATED", "2064-01-18T06:00:00Z"],
      ["RESETTLED", "2064-01-28T06:00:00Z"],
      // A later repeat of a status does not count: the first time it was reached does.
      ["RESETTLED", "2064-03-01T06:00:00Z"],
    ],
  },
  // A rejection is a decision too.
  reached("J2", JAMBYL, "2064-02-01", "REJECTED", "2064-02-21T04:00:00Z"),
  {
    name: "J3",
    region: JAMBYL,
    applied: "2064-03-01",
    status: "RESETTLED",
    events: [
      ["APPROVED", "2064-03-31T09:00:00Z"],
      ["QUOTA_ALLOCATED", "2064-04-07T10:00:00Z"],
      ["RESETTLED", "2064-04-27T10:00:00Z"],
    ],
  },
  {
    name: "J4",
    region: JAMBYL,
    applied: "2064-04-01",
    status: "RESETTLED",
    events: [
      // 19:30 UTC on 10 May is 00:30 on 11 May in Almaty: 40 days, not 39 (the median would be 34.5).
      ["APPROVED", "2064-05-10T19:30:00Z"],
      // 18:30 UTC on 19 May is 23:30 the same day in Almaty: 8 days after 11 May (UTC days would give 9).
      ["QUOTA_ALLOCATED", "2064-05-19T18:30:00Z"],
      ["RESETTLED", "2064-07-18T10:00:00Z"],
    ],
  },
  {
    name: "J5",
    region: JAMBYL,
    applied: "2064-05-01",
    status: "QUOTA_ALLOCATED",
    events: [
      ["APPROVED", "2064-06-20T08:00:00Z"],
      ["QUOTA_ALLOCATED", "2064-07-05T08:00:00Z"],
    ],
  },
  {
    name: "J6",
    region: JAMBYL,
    applied: "2064-06-01",
    status: "QUOTA_ALLOCATED",
    events: [
      ["APPROVED", "2064-09-09T08:00:00Z"],
      ["QUOTA_ALLOCATED", "2064-10-10T08:00:00Z"],
    ],
  },
  // Awaiting a decision on 1 December: 65 working days (overdue under 30) and 7 (not overdue).
  reached("J-open-old", JAMBYL, "2064-09-01", "UNDER_REVIEW", "2064-09-02T05:00:00Z"),
  { name: "J-open-new", region: JAMBYL, applied: "2064-11-20", status: "REGISTERED" },
  // Applied in 2063: not part of 2064's figures.
  reached("J-2063", JAMBYL, "2063-12-30", "APPROVED", "2064-01-04T05:00:00Z"),

  // Jetisu. Decisions 4, 8, 12, 16, 20 days → median 12, p90 at 3.6: 16 + 0.6·4 = 18.4; nothing allocated.
  reached("T1", JETISU, "2064-02-03", "APPROVED", "2064-02-07T05:00:00Z"),
  reached("T2", JETISU, "2064-02-03", "APPROVED", "2064-02-11T05:00:00Z"),
  reached("T3", JETISU, "2064-02-03", "APPROVED", "2064-02-15T05:00:00Z"),
  reached("T4", JETISU, "2064-02-03", "APPROVED", "2064-02-19T05:00:00Z"),
  reached("T5", JETISU, "2064-02-03", "APPROVED", "2064-02-23T05:00:00Z"),
  // Five cases awaiting a decision, all overdue under 30 working days on 1 December (working days 196,
  // 142, 109, 73 and 43); T-open-5 is a settler family.
  { name: "T-open-1", region: JETISU, applied: "2064-03-02", status: "UNDER_REVIEW" },
  { name: "T-open-2", region: JETISU, applied: "2064-05-15", status: "REGISTERED" },
  { name: "T-open-3", region: JETISU, applied: "2064-07-01", status: "UNDER_REVIEW" },
  { name: "T-open-4", region: JETISU, applied: "2064-08-20", status: "UNDER_REVIEW" },
  { name: "T-open-5", region: JETISU, applied: "2064-10-01", status: "UNDER_REVIEW", category: "SETTLER" },
];

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  caseworker = await createStaffUser(prisma, "CASEWORKER", JAMBYL);
  jambylCoordinator = await createStaffUser(prisma, "COORDINATOR", JAMBYL);
  jetisuCoordinator = await createStaffUser(prisma, "COORDINATOR", JETISU);
  for (const planned of PLANNED) {
    const family = await createFamily(prisma, planned.region, caseworker.id);
    await prisma.family.update({
      where: { id: family.id },
      data: {
        applicationDate: new Date(`${planned.applied}T00:00:00Z`),
        status: planned.status,
        // A settler family comes from a region of the country (Turkistan), not from abroad.
        ...(planned.category === "SETTLER" && { category: "SETTLER", originCountry: null, originRegionId: "KZ-61" }),
      },
    });
    await prisma.caseEvent.createMany({
      data: (planned.events ?? []).map(([toStatus, at]) => ({
        familyId: family.id,
        toStatus,
        at: new Date(at),
        actorId: admin.id,
      })),
    });
    caseNumber[planned.name] = family.caseNumber;
  }
});

/** The table's cells by column key for a region, or for the totals row (null). */
function figures(table: ReportTable, regionId: string | null): Record<string, unknown> {
  const cells = regionId === null ? table.total : table.rows.find((row) => row[0] === regionId);
  if (!cells) throw new Error(`no row for ${regionId}`);
  return Object.fromEntries(table.columns.map((column, index) => [column.key, cells[index]]));
}

const JAMBYL_FIGURES = {
  regionId: JAMBYL,
  families: 8,
  decisionCases: 6,
  decisionMedian: 35,
  decisionP90: 75,
  allocationCases: 5,
  allocationMedian: 8,
  allocationP90: 24.6,
  arrivalCases: 3,
  arrivalMedian: 20,
  arrivalP90: 52,
  awaitingDecision: 2,
  overdue: 1,
};
const JETISU_FIGURES = {
  regionId: JETISU,
  families: 10,
  decisionCases: 5,
  decisionMedian: 12,
  decisionP90: 18.4,
  allocationCases: 0,
  allocationMedian: null,
  allocationP90: null,
  arrivalCases: 0,
  arrivalMedian: null,
  arrivalP90: null,
  awaitingDecision: 5,
  overdue: 5,
};
// All eleven decisions sorted: 4, 8, 10, 12, 16, 20, 20, 30, 40, 50, 100 → median (rank 5) 20, p90 (rank 9) 50.
const NATIONAL_TOTAL = {
  regionId: null,
  families: 18,
  decisionCases: 11,
  decisionMedian: 20,
  decisionP90: 50,
  allocationCases: 5,
  allocationMedian: 8,
  allocationP90: 24.6,
  arrivalCases: 3,
  arrivalMedian: 20,
  arrivalP90: 52,
  awaitingDecision: 7,
  overdue: 6,
};

describe("processingTimes", () => {
  it("gives an administrator the median and 90th percentile of every step per region and in total", async () => {
    const report = await processingTimes(admin, filters(), options);
    expect(report.limitDays).toBe(30);
    expect(report.isNational).toBe(true);
    expect(report.isSuppressed).toBe(false);
    expect(report.table.rows.map((row) => row[0])).toEqual([JAMBYL, JETISU]);
    expect(figures(report.table, JAMBYL)).toEqual(JAMBYL_FIGURES);
    expect(figures(report.table, JETISU)).toEqual(JETISU_FIGURES);
    expect(figures(report.table, null)).toEqual(NATIONAL_TOTAL);
  });

  it("counts cases by the year of application and applies the region and category filters", async () => {
    const earlier = await processingTimes(admin, filters({ year: 2063 }), options);
    // J-2063: applied 30 December 2063, decided 4 January 2064 (5 days).
    expect(figures(earlier.table, null)).toMatchObject({
      families: 1,
      decisionCases: 1,
      decisionMedian: 5,
      decisionP90: 5,
      awaitingDecision: 0,
    });

    const jetisu = await processingTimes(admin, filters({ regionId: JETISU }), options);
    expect(jetisu.table.rows.map((row) => row[0])).toEqual([JETISU]);
    expect(figures(jetisu.table, null)).toEqual({ ...JETISU_FIGURES, regionId: null });

    // Without the settler family T-open-5.
    const kandas = await processingTimes(admin, filters({ regionId: JETISU, category: "KANDAS" }), options);
    expect(figures(kandas.table, JETISU)).toMatchObject({ families: 9, awaitingDecision: 4, overdue: 4 });
    const settlers = await processingTimes(admin, filters({ category: "SETTLER" }), options);
    expect(figures(settlers.table, null)).toMatchObject({
      families: 1,
      decisionCases: 0,
      decisionMedian: null,
      overdue: 1,
    });

    const empty = await processingTimes(admin, filters({ year: 2065 }), options);
    expect(empty.table.rows).toEqual([]);
    expect(figures(empty.table, null)).toMatchObject({
      families: 0,
      decisionCases: 0,
      decisionMedian: null,
      overdue: 0,
    });
  });

  crossRegionTest(processingTimes, "keeps a coordinator in the own region whatever the filter says", async () => {
    const jambyl = await processingTimes(jambylCoordinator, filters({ regionId: JETISU }), options);
    expect(jambyl.filters.regionId).toBe(JAMBYL);
    expect(jambyl.isNational).toBe(false);
    expect(jambyl.table.rows).toHaveLength(1);
    expect(figures(jambyl.table, JAMBYL)).toEqual(JAMBYL_FIGURES);
    expect(figures(jambyl.table, null)).toEqual({ ...JAMBYL_FIGURES, regionId: null });

    // Jetisu's coordinator sees nothing of Jambyl.
    const jetisu = await processingTimes(jetisuCoordinator, filters({ regionId: JAMBYL }), options);
    expect(jetisu.table.rows.map((row) => row[0])).toEqual([JETISU]);
    expect(figures(jetisu.table, null)).toEqual({ ...JETISU_FIGURES, regionId: null });
  });

  it("refuses a caseworker", async () => {
    await expect(processingTimes(caseworker, filters(), options)).rejects.toThrow(FORBIDDEN);
  });

  it("suppresses an analyst's small cells, the statistics of few cases and the cells that would give them away", async () => {
    const report = await processingTimes(analyst, filters(), options);
    expect(report.isSuppressed).toBe(true);
    expect(figures(report.table, JAMBYL)).toEqual({
      ...JAMBYL_FIGURES,
      // 3 arrivals: their count, median and p90; 2 awaiting, 1 overdue.
      arrivalCases: null,
      arrivalMedian: null,
      arrivalP90: null,
      awaitingDecision: null,
      overdue: null,
    });
    // The totals (7 awaiting, 6 overdue) are shown, so Jetisu's 5 and 5 would give Jambyl's away.
    expect(figures(report.table, JETISU)).toEqual({ ...JETISU_FIGURES, awaitingDecision: null, overdue: null });
    expect(figures(report.table, null)).toEqual({
      ...NATIONAL_TOTAL,
      arrivalCases: null,
      arrivalMedian: null,
      arrivalP90: null,
    });
    expect(report.table.suppressedCells).toBe(10);
  });
});

describe("listOverdueCases", () => {
  const listed = (result: Awaited<ReturnType<typeof listOverdueCases>>) =>
    result.cases.map(({ caseNumber: number, regionId, status, daysWaiting, workingDaysWaiting }) => [
      number,
      regionId,
      status,
      daysWaiting,
      workingDaysWaiting,
    ]);

  it("lists the cases awaiting a decision beyond the limit, oldest first, with calendar and working days", async () => {
    const result = await listOverdueCases(admin, filters(), options);
    expect(result.limitDays).toBe(30);
    // Counting back from Monday 1 December, Monday 20 October is the 31st working day: a case applied on
    // Sunday 19 October or earlier has more than 30 working days behind it.
    expect(result.cutoff).toEqual(new Date(Date.UTC(2064, 9, 19)));
    expect(listed(result)).toEqual([
      [caseNumber["T-open-1"], JETISU, "UNDER_REVIEW", 274, 196],
      [caseNumber["T-open-2"], JETISU, "REGISTERED", 200, 142],
      [caseNumber["T-open-3"], JETISU, "UNDER_REVIEW", 153, 109],
      [caseNumber["T-open-4"], JETISU, "UNDER_REVIEW", 103, 73],
      [caseNumber["J-open-old"], JAMBYL, "UNDER_REVIEW", 91, 65],
      [caseNumber["T-open-5"], JETISU, "UNDER_REVIEW", 61, 43],
    ]);
    expect(result.cases[0]?.head).toEqual({
      surnameCyr: "Тестов",
      givenNameCyr: "Нұрлан",
      surnameLat: "Testov",
      givenNameLat: "Nurlan",
    });
    expect(result.isTruncated).toBe(false);
  });

  crossRegionTest(listOverdueCases, "applies the filters, and keeps a coordinator in the own region", async () => {
    expect(listed(await listOverdueCases(admin, filters({ regionId: JAMBYL }), options))).toEqual([
      [caseNumber["J-open-old"], JAMBYL, "UNDER_REVIEW", 91, 65],
    ]);
    expect(
      (await listOverdueCases(admin, filters({ category: "SETTLER" }), options)).cases.map((item) => item.caseNumber),
    ).toEqual([caseNumber["T-open-5"]]);
    expect((await listOverdueCases(admin, filters({ year: 2063 }), options)).cases).toEqual([]);

    const jambyl = await listOverdueCases(jambylCoordinator, filters({ regionId: JETISU }), options);
    expect(jambyl.cases.map((item) => item.caseNumber)).toEqual([caseNumber["J-open-old"]]);
    const jetisu = await listOverdueCases(jetisuCoordinator, filters(), options);
    expect(jetisu.cases.map((item) => item.regionId)).toEqual([JETISU, JETISU, JETISU, JETISU, JETISU]);
  });

  it("is personal data: an analyst and a caseworker are refused", async () => {
    await expect(listOverdueCases(analyst, filters(), options)).rejects.toThrow(FORBIDDEN);
    await expect(listOverdueCases(caseworker, filters(), options)).rejects.toThrow(FORBIDDEN);
  });

  it("audits every view with the families listed", async () => {
    const result = await listOverdueCases(jambylCoordinator, filters(), options);
    const entries = await prisma.auditLog.findMany({
      where: { actorId: jambylCoordinator.id, action: "report.processing.overdue.view" },
      orderBy: { id: "desc" },
    });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({
      actorRole: "COORDINATOR",
      entity: "report",
      entityId: "processing",
      regionId: JAMBYL,
    });
    expect(entries[0]?.changes).toEqual({
      year: YEAR,
      category: null,
      limitDays: 30,
      today: "2064-12-01",
      families: result.cases.map((item) => item.familyId),
    });
  });
});

describe("the review time limit", () => {
  it("is the one in force on the day the report counts on", async () => {
    // 70 working days from 1 November 2064, written directly: the settings page schedules at most five
    // years ahead (its own tests are in settings.int.test.ts).
    const version = await prisma.settingVersion.create({
      data: { key: "review.timeLimitWorkingDays", value: 70, effectiveFrom: new Date(Date.UTC(2064, 10, 1)) },
    });
    try {
      // Under 70 working days J-open-old (65) and T-open-5 (43) are no longer overdue.
      const result = await listOverdueCases(admin, filters(), options);
      expect(result.limitDays).toBe(70);
      expect(result.cases.map((item) => item.caseNumber)).toEqual(
        ["T-open-1", "T-open-2", "T-open-3", "T-open-4"].map((name) => caseNumber[name]),
      );
      const report = await processingTimes(admin, filters(), options);
      expect(report.limitDays).toBe(70);
      expect([
        figures(report.table, JAMBYL).overdue,
        figures(report.table, JETISU).overdue,
        figures(report.table, null).overdue,
      ]).toEqual([0, 4, 4]);
      const [audit] = await prisma.auditLog.findMany({
        where: { actorId: admin.id, action: "report.processing.overdue.view" },
        orderBy: { id: "desc" },
        take: 1,
      });
      expect(audit?.changes).toMatchObject({ limitDays: 70 });

      // Counted on 31 October 2064, the day before, the default of 30 applied.
      const before = await processingTimes(admin, filters(), { today: new Date(Date.UTC(2064, 9, 31)) });
      expect(before.limitDays).toBe(30);
    } finally {
      await prisma.settingVersion.delete({ where: { id: version.id } });
    }
    expect((await listOverdueCases(admin, filters(), options)).cases).toHaveLength(6);
  });
});

describe("processingReportTables (the exports)", () => {
  crossRegionTest(
    processingReportTables,
    "gives an administrator the aggregate and the overdue table, a coordinator the own region's, an analyst only the aggregate",
    async () => {
      const [aggregate, overdue, ...rest] = await processingReportTables(admin, filters({ regionId: JAMBYL }), options);
      expect(rest).toEqual([]);
      expect(figures(aggregate!, JAMBYL)).toEqual(JAMBYL_FIGURES);
      expect(overdue?.id).toBe("overdue");
      expect(overdue?.rows).toEqual([
        [caseNumber["J-open-old"], "Тестов Нұрлан (Testov Nurlan)", JAMBYL, "UNDER_REVIEW", "2064-09-01", 91, 65],
      ]);

      // A coordinator naming another region gets the own region's figures and overdue cases.
      const [jambylAggregate, jambylOverdue] = await processingReportTables(
        jambylCoordinator,
        filters({ regionId: JETISU }),
        options,
      );
      expect(jambylAggregate!.rows.map((row) => row[0])).toEqual([JAMBYL]);
      expect(jambylOverdue?.rows.map((row) => row[0])).toEqual([caseNumber["J-open-old"]]);

      const analystTables = await processingReportTables(analyst, filters(), options);
      expect(analystTables.map((table) => table.id)).toEqual(["processing"]);
      expect(figures(analystTables[0]!, JAMBYL).overdue).toBeNull();
      await expect(processingReportTables(caseworker, filters(), options)).rejects.toThrow(FORBIDDEN);
    },
  );
});
