// The status-expiry report on a real PostgreSQL (issue 6): kandas statuses of families this file creates
// in Kyzylorda (KZ-43) and Mangystau (KZ-47), counted on a fixed "today" (15 June 2068, so no other
// test's status falls in the windows ahead) at the exact edges of the bands: 0, 30 | 31, 60 | 61, 90 | 91
// days, and expired the day before today. Every count is checked against the hand count in the comments,
// with the scoping of each role and the small-cell suppression of analysts.
import { beforeAll, describe, expect, it } from "vitest";
import { listExpiringStatuses } from "@/lib/db/families/list-expiring";
import { statusExpiryReport } from "@/lib/db/reports/status-expiry";
import { crossRegionTest } from "./cross-region";
import { PAVLODAR, prisma } from "./fixtures";
import {
  createReportFamily,
  createReportStaff,
  KYZYLORDA,
  MANGYSTAU,
  type ReportFamilySpec,
} from "./report-support-fixtures";
import { FORBIDDEN } from "./refusals";

const TODAY = new Date(Date.UTC(2068, 5, 15));
/** Today plus `days`, as yyyy-mm-dd. */
const inDays = (days: number) => new Date(TODAY.getTime() + days * 86_400_000).toISOString().slice(0, 10);

type Actor = Awaited<ReturnType<typeof createReportStaff>>["admin"];
let admin: Actor,
  analyst: Actor,
  kyzylordaCoordinator: Actor,
  mangystauCoordinator: Actor,
  pavlodarCoordinator: Actor,
  caseworker: Actor;
type Report = Awaited<ReturnType<typeof statusExpiryReport>>;
type Filters = Parameters<typeof statusExpiryReport>[1];

const filters = (extra: Partial<Filters> = {}): Filters => ({ year: 2068, regionId: null, category: null, ...extra });

/** The rows by region id, and "total" for the totals row. */
function rowsOf(report: Report): Record<string, unknown[]> {
  const [found] = report.tables;
  return {
    ...Object.fromEntries(found!.rows.map(([label, ...cells]) => [String(label), cells])),
    total: found!.total!.slice(1),
  };
}

// Cells: [expired families, persons, 0–30 days families, persons, 31–60, persons, 61–90, persons].
// Kyzylorda: expired yesterday (2 persons) and 400 days ago (1); 0 days = today, the last valid day (2)
// and 30 days (3); 31 (1) and 60 (4); 61 (2) and 90 (5). Not counted: 91 days, a status already marked
// EXPIRED, an arrived family, a settler, an approved family without an end date, a registered family.
const KYZYLORDA_ROW = [2, 3, 2, 5, 2, 5, 2, 7];
// Mangystau: 6 allocated families of 2 ending in 45 days, one approved family of 3 in 10 days.
const MANGYSTAU_ROW = [0, 0, 1, 3, 6, 12, 0, 0];

beforeAll(async () => {
  ({ admin, analyst, kyzylordaCoordinator, mangystauCoordinator, pavlodarCoordinator, caseworker } =
    await createReportStaff(prisma));
  const family = (spec: ReportFamilySpec) => createReportFamily(prisma, caseworker.id, spec);
  const kyzylorda = (
    members: number,
    days: number | null,
    status: ReportFamilySpec["status"] = "APPROVED",
    category?: "SETTLER",
  ) =>
    family({ regionId: KYZYLORDA, members, status, category, statusValidUntil: days === null ? null : inDays(days) });

  await kyzylorda(2, -1);
  await kyzylorda(1, -400, "QUOTA_ALLOCATED");
  await kyzylorda(2, 0);
  await kyzylorda(3, 30, "QUOTA_ALLOCATED");
  await kyzylorda(1, 31);
  await kyzylorda(4, 60);
  await kyzylorda(2, 61, "QUOTA_ALLOCATED");
  await kyzylorda(5, 90);
  await kyzylorda(3, 91);
  await kyzylorda(1, -5, "EXPIRED");
  await kyzylorda(1, 10, "RESETTLED");
  await kyzylorda(1, 10, "APPROVED", "SETTLER");
  await kyzylorda(1, null);
  await kyzylorda(1, 10, "REGISTERED");
  for (let index = 0; index < 6; index++) {
    await family({ regionId: MANGYSTAU, members: 2, status: "QUOTA_ALLOCATED", statusValidUntil: inDays(45) });
  }
  await family({ regionId: MANGYSTAU, members: 3, status: "APPROVED", statusValidUntil: inDays(10) });
});

describe("statusExpiryReport", () => {
  it("counts families and persons per band at the exact edges of 30, 60 and 90 days", async () => {
    const report = await statusExpiryReport(admin, filters(), { today: TODAY });
    expect(report).toMatchObject({ isNational: true, isSuppressed: false, today: TODAY });
    expect(report.tables.map((table) => table.id)).toEqual(["by-region"]);
    const rows = rowsOf(report);
    expect(rows[KYZYLORDA]).toEqual(KYZYLORDA_ROW);
    expect(rows[MANGYSTAU]).toEqual(MANGYSTAU_ROW);
    // No other test's status ends between 15 June and 13 September 2068; expired ones of other tests may
    // exist (their dates are years before), so the expired total is at least ours.
    const total = rows.total!;
    expect(total.slice(2)).toEqual([3, 8, 8, 17, 2, 7]);
    expect(total[0]).toBeGreaterThanOrEqual(2);
    // The total is the sum of the rows.
    const regionRows = Object.entries(rows).filter(([key]) => key !== "total");
    expect(total).toEqual(
      total.map((_, index) => regionRows.reduce((sum, [, cells]) => sum + (cells[index] as number), 0)),
    );
  });

  it("moves a status from one band to the next as the days pass", async () => {
    // A day later: 30 → 29 stays, 31 → 30 joins the first band, 61 → 60 the second, 91 → 90 the third,
    // and today's last valid day (2 persons) has expired.
    const tomorrow = new Date(TODAY.getTime() + 86_400_000);
    const rows = rowsOf(await statusExpiryReport(kyzylordaCoordinator, filters(), { today: tomorrow }));
    expect(rows[KYZYLORDA]).toEqual([3, 5, 2, 4, 2, 6, 2, 8]);
  });

  it("counts what the expiring list shows: expired and within 30 days", async () => {
    const report = await statusExpiryReport(kyzylordaCoordinator, filters(), { today: TODAY });
    const [expired, , within30] = rowsOf(report)[KYZYLORDA]!;
    const list = await listExpiringStatuses(kyzylordaCoordinator, { today: TODAY });
    expect(list.items).toHaveLength((expired as number) + (within30 as number));
  });

  crossRegionTest(
    statusExpiryReport,
    "shows a coordinator the own region whatever the filter, and another region's coordinator none of it",
    async () => {
      const report = await statusExpiryReport(mangystauCoordinator, filters({ regionId: KYZYLORDA }), { today: TODAY });
      expect(report).toMatchObject({ isNational: false, filters: { regionId: MANGYSTAU } });
      expect(rowsOf(report)).toEqual({ [MANGYSTAU]: MANGYSTAU_ROW, total: MANGYSTAU_ROW });
      const other = rowsOf(await statusExpiryReport(pavlodarCoordinator, filters(), { today: TODAY }));
      expect(Object.keys(other).sort()).toEqual([PAVLODAR, "total"]);
      expect(other.total!.slice(2)).toEqual([0, 0, 0, 0, 0, 0]);
      const regionless = await statusExpiryReport({ ...pavlodarCoordinator, regionId: null }, filters(), {
        today: TODAY,
      });
      expect(rowsOf(regionless)).toEqual({ total: [0, 0, 0, 0, 0, 0, 0, 0] });
    },
  );

  it("applies the region and category filters of national roles", async () => {
    expect(rowsOf(await statusExpiryReport(admin, filters({ regionId: KYZYLORDA }), { today: TODAY }))).toEqual({
      [KYZYLORDA]: KYZYLORDA_ROW,
      total: KYZYLORDA_ROW,
    });
    expect(
      rowsOf(await statusExpiryReport(admin, filters({ regionId: KYZYLORDA, category: "KANDAS" }), { today: TODAY }))[
        KYZYLORDA
      ],
    ).toEqual(KYZYLORDA_ROW);
    // Only kandas hold a status: the settler with an end date is not counted.
    expect(
      rowsOf(await statusExpiryReport(admin, filters({ regionId: KYZYLORDA, category: "SETTLER" }), { today: TODAY }))
        .total,
    ).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("suppresses an analyst's counts of 1–4 with the persons of those families", async () => {
    const mangystau = await statusExpiryReport(analyst, filters({ regionId: MANGYSTAU }), { today: TODAY });
    expect(mangystau.isSuppressed).toBe(true);
    // 0–30 days: 1 family (3 persons) hidden, in the row and in the total; 31–60: 6 families, 12 persons shown.
    expect(rowsOf(mangystau)).toEqual({
      [MANGYSTAU]: [0, 0, null, null, 6, 12, 0, 0],
      total: [0, 0, null, null, 6, 12, 0, 0],
    });
    const kyzylorda = await statusExpiryReport(analyst, filters({ regionId: KYZYLORDA }), { today: TODAY });
    expect(rowsOf(kyzylorda)).toEqual({ [KYZYLORDA]: Array(8).fill(null), total: Array(8).fill(null) });
    expect(kyzylorda.tables[0]!.suppressedCells).toBe(16);
  });

  it("refuses caseworkers", async () => {
    await expect(statusExpiryReport(caseworker, filters(), { today: TODAY })).rejects.toThrow(FORBIDDEN);
  });
});
