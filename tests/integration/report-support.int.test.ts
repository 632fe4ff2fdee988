// The support-paid report on a real PostgreSQL (issue 6): relocation subsidies and rent compensation of
// families this file creates in Kyzylorda (KZ-43) and Mangystau (KZ-47), paid in 2066–2069 (years no
// other test pays in), checked figure by figure against the sums worked out by hand in the comments —
// tenge, MCI, families and persons per region and month — with the scoping of each role and the
// small-cell suppression of analysts.
import { beforeAll, describe, expect, it } from "vitest";
import { supportPaidReport } from "@/lib/db/reports/support-paid";
import { crossRegionTest } from "./cross-region";
import { PAVLODAR, prisma } from "./fixtures";
import { createReportFamily, createReportStaff, isoDate, KYZYLORDA, MANGYSTAU } from "./report-support-fixtures";
import { FORBIDDEN } from "./refusals";

const MCI_2066 = 4000;
const MCI_2067 = 4325;

type Actor = Awaited<ReturnType<typeof createReportStaff>>["admin"];
let admin: Actor, analyst: Actor, mangystauCoordinator: Actor, pavlodarCoordinator: Actor, caseworker: Actor;
type Report = Awaited<ReturnType<typeof supportPaidReport>>;
type Filters = Parameters<typeof supportPaidReport>[1];

const filters = (year: number, extra: Partial<Filters> = {}): Filters => ({
  year,
  regionId: null,
  category: null,
  ...extra,
});

/** A table's rows by their first cell (month number or region id); "total" is the totals row. */
function table(report: Report, id: string): Record<string, unknown[]> {
  const found = report.tables.find((item) => item.id === id);
  if (!found) throw new Error(`no table ${id} in ${report.tables.map((item) => item.id).join(", ")}`);
  const rows = Object.fromEntries(found.rows.map(([label, ...cells]) => [String(label), cells]));
  return found.total ? { ...rows, total: found.total.slice(1) } : rows;
}

// Cells: [relocation tenge, relocation MCI, rent tenge, rent MCI, total tenge, total MCI, families, persons].
const ZERO = [0, 0, 0, 0, 0, 0, 0, 0];
const HIDDEN = [null, null, null, null, null, null, null, null];
// Kyzylorda, March 2066: 5 kandas families of 3 (70 MCI × 3 × 4 000 = 840 000 each) and a settler family
// of 2 (560 000): 4 760 000 = 1 190 MCI, 6 families, 17 persons.
const KYZ_MARCH = [4_760_000, 1190, 0, 0, 4_760_000, 1190, 6, 17];
// April: rent 100 000 + 60 020 = 160 020 = 40.005 MCI → 40.01 (half up), 2 families of 3.
const KYZ_APRIL = [0, 0, 160_020, 40.01, 160_020, 40.01, 2, 6];
// December: rent 90 000 = 22.5 MCI, paid on the 31st, 1 family of 3.
const KYZ_DECEMBER = [0, 0, 90_000, 22.5, 90_000, 22.5, 1, 3];
// The year: the same 6 families (not 6 + 2 + 1), rent 250 020 = 62.505 → 62.51, total 5 010 020 = 1 252.505 → 1 252.51.
const KYZ_YEAR = [4_760_000, 1190, 250_020, 62.51, 5_010_020, 1252.51, 6, 17];
// Mangystau: May a family of 4, relocation 1 120 000 (280 MCI) and rent 120 000 (30); June and July a
// family of 1, rent 60 000 (15) each month.
const MAN_MAY = [1_120_000, 280, 120_000, 30, 1_240_000, 310, 1, 4];
const MAN_JUNE = [0, 0, 60_000, 15, 60_000, 15, 1, 1];
const MAN_YEAR = [1_120_000, 280, 240_000, 60, 1_360_000, 340, 2, 5];
// The country (only these two regions pay in 2066): 8 families, 22 persons; rent 490 020 = 122.505 → 122.51,
// total 6 370 020 = 1 592.505 → 1 592.51.
const NATIONAL_2066 = [5_880_000, 1470, 490_020, 122.51, 6_370_020, 1592.51, 8, 22];

beforeAll(async () => {
  ({ admin, analyst, mangystauCoordinator, pavlodarCoordinator, caseworker } = await createReportStaff(prisma));
  // Rates of the years, added only where missing; 2069 stays without one.
  await prisma.mciRate.createMany({
    data: [
      { year: 2066, amountTenge: MCI_2066 },
      { year: 2067, amountTenge: MCI_2067 },
    ],
    skipDuplicates: true,
  });
  const rates = await prisma.mciRate.findMany({
    where: { year: { in: [2066, 2067, 2069] } },
    orderBy: { year: "asc" },
  });
  expect(rates.map((rate) => [rate.year, rate.amountTenge])).toEqual([
    [2066, MCI_2066],
    [2067, MCI_2067],
  ]);

  const family = (spec: Parameters<typeof createReportFamily>[2]) => createReportFamily(prisma, caseworker.id, spec);
  const pay = (
    familyId: number,
    kind: "RELOCATION_SUBSIDY" | "RENT_COMPENSATION" | "HOUSING_CERTIFICATE",
    amountTenge: number,
    paidOn: string,
  ) =>
    prisma.payment.create({
      data: {
        familyId,
        kind,
        amountTenge,
        paidOn: isoDate(paidOn),
        months: kind === "RENT_COMPENSATION" ? 1 : null,
        recordedById: caseworker.id,
      },
    });

  const kandas: number[] = [];
  for (let index = 0; index < 5; index++) kandas.push(await family({ regionId: KYZYLORDA, members: 3 }));
  const [a1, a2, a3, a4, a5] = kandas as [number, number, number, number, number];
  const settler = await family({ regionId: KYZYLORDA, members: 2, category: "SETTLER" });
  for (const id of kandas) await pay(id, "RELOCATION_SUBSIDY", 840_000, "2066-03-10");
  await pay(settler, "RELOCATION_SUBSIDY", 560_000, "2066-03-31");
  await pay(a1, "RENT_COMPENSATION", 100_000, "2066-04-01");
  await pay(a2, "RENT_COMPENSATION", 60_020, "2066-04-30");
  await pay(a3, "RENT_COMPENSATION", 90_000, "2066-12-31");
  // Not in the report: a housing certificate, and payments just outside 2066.
  await pay(a4, "HOUSING_CERTIFICATE", 2_000_000, "2066-03-15");
  await pay(a5, "RELOCATION_SUBSIDY", 840_000, "2065-12-31");
  await pay(a5, "RELOCATION_SUBSIDY", 840_000, "2067-01-01");

  const b1 = await family({ regionId: MANGYSTAU, members: 4 });
  const b2 = await family({ regionId: MANGYSTAU, members: 1 });
  await pay(b1, "RELOCATION_SUBSIDY", 1_120_000, "2066-05-05");
  await pay(b1, "RENT_COMPENSATION", 120_000, "2066-05-20");
  await pay(b2, "RENT_COMPENSATION", 60_000, "2066-06-01");
  await pay(b2, "RENT_COMPENSATION", 60_000, "2066-07-01");
  await pay(b1, "RELOCATION_SUBSIDY", 100_000, "2069-02-01");
});

describe("supportPaidReport", () => {
  it("gives the administrator every region per month and in the year, in tenge and MCI", async () => {
    const report = await supportPaidReport(admin, filters(2066));
    expect(report).toMatchObject({ isNational: true, isSuppressed: false, mciTenge: MCI_2066 });
    expect(report.tables.map((item) => item.id)).toEqual([
      "by-month",
      "by-region",
      `region-${KYZYLORDA}`,
      `region-${MANGYSTAU}`,
    ]);

    const kyzylorda = table(report, `region-${KYZYLORDA}`);
    expect(kyzylorda).toEqual({
      ...Object.fromEntries([1, 2, 5, 6, 7, 8, 9, 10, 11].map((month) => [String(month), ZERO])),
      "3": KYZ_MARCH,
      "4": KYZ_APRIL,
      "12": KYZ_DECEMBER,
      total: KYZ_YEAR,
    });
    const mangystau = table(report, `region-${MANGYSTAU}`);
    expect([mangystau["5"], mangystau["6"], mangystau["7"], mangystau["8"], mangystau.total]).toEqual([
      MAN_MAY,
      MAN_JUNE,
      MAN_JUNE,
      ZERO,
      MAN_YEAR,
    ]);

    expect(table(report, "by-region")).toEqual({ [KYZYLORDA]: KYZ_YEAR, [MANGYSTAU]: MAN_YEAR, total: NATIONAL_2066 });
    const months = table(report, "by-month");
    expect([months["3"], months["4"], months["5"], months["6"], months["7"], months["12"], months["1"]]).toEqual([
      KYZ_MARCH,
      KYZ_APRIL,
      MAN_MAY,
      MAN_JUNE,
      MAN_JUNE,
      KYZ_DECEMBER,
      ZERO,
    ]);
    expect(months.total).toEqual(NATIONAL_2066);
  });

  it("limits the figures to a category", async () => {
    const kandas = await supportPaidReport(admin, filters(2066, { category: "KANDAS" }));
    // Without the settler family: March 5 × 840 000 = 4 200 000 = 1 050 MCI, 5 families, 15 persons;
    // the year 4 450 020 = 1 112.505 → 1 112.51 MCI.
    expect(table(kandas, `region-${KYZYLORDA}`)["3"]).toEqual([4_200_000, 1050, 0, 0, 4_200_000, 1050, 5, 15]);
    expect(table(kandas, "by-region")[KYZYLORDA]).toEqual([4_200_000, 1050, 250_020, 62.51, 4_450_020, 1112.51, 5, 15]);
    expect(table(kandas, "by-region").total).toEqual([5_320_000, 1330, 490_020, 122.51, 5_810_020, 1452.51, 7, 20]);
    const settlers = await supportPaidReport(admin, filters(2066, { category: "SETTLER" }));
    expect(table(settlers, "by-region")).toEqual({
      [KYZYLORDA]: [560_000, 140, 0, 0, 560_000, 140, 1, 2],
      total: [560_000, 140, 0, 0, 560_000, 140, 1, 2],
    });
  });

  it("counts a payment of 1 January in its own year, at the MCI of that year, and leaves MCI empty without a rate", async () => {
    // 840 000 / 4 325 = 194.219… → 194.22.
    const report2067 = await supportPaidReport(admin, filters(2067));
    expect(table(report2067, "by-region")).toEqual({
      [KYZYLORDA]: [840_000, 194.22, 0, 0, 840_000, 194.22, 1, 3],
      total: [840_000, 194.22, 0, 0, 840_000, 194.22, 1, 3],
    });
    expect(table(report2067, "by-month")["1"]).toEqual([840_000, 194.22, 0, 0, 840_000, 194.22, 1, 3]);

    const report2069 = await supportPaidReport(admin, filters(2069));
    expect(report2069.mciTenge).toBeNull();
    expect(table(report2069, "by-region")[MANGYSTAU]).toEqual([100_000, null, 0, null, 100_000, null, 1, 4]);
    expect(table(report2069, "by-month")["3"]).toEqual([0, null, 0, null, 0, null, 0, 0]);
  });

  it("is empty for a year without payments (and without an MCI rate)", async () => {
    const report = await supportPaidReport(admin, filters(2068));
    expect(report.tables.map((item) => item.id)).toEqual(["by-month", "by-region"]);
    expect(table(report, "by-region")).toEqual({ total: [0, null, 0, null, 0, null, 0, 0] });
  });

  crossRegionTest(
    supportPaidReport,
    "shows a region chosen by a national role, and a coordinator the own region whatever the filter",
    async () => {
      const chosen = await supportPaidReport(analyst, filters(2066, { regionId: MANGYSTAU }));
      expect(chosen.tables.map((item) => item.id)).toEqual(["by-month", "by-region", `region-${MANGYSTAU}`]);

      const report = await supportPaidReport(mangystauCoordinator, filters(2066, { regionId: KYZYLORDA }));
      expect(report).toMatchObject({ isNational: false, isSuppressed: false, filters: { regionId: MANGYSTAU } });
      expect(report.tables.map((item) => item.id)).toEqual(["by-month", "by-region", `region-${MANGYSTAU}`]);
      expect(table(report, "by-region")).toEqual({ [MANGYSTAU]: MAN_YEAR, total: MAN_YEAR });
      expect(table(report, "by-month")["3"]).toEqual(ZERO);
      expect(table(report, "by-month")["5"]).toEqual(MAN_MAY);
    },
  );

  it("shows a coordinator of another region none of these figures, and a coordinator without a region nothing", async () => {
    const report = await supportPaidReport(pavlodarCoordinator, filters(2066));
    expect(report.tables.map((item) => item.id)).toEqual(["by-month", "by-region", `region-${PAVLODAR}`]);
    expect(table(report, "by-region")).toEqual({ [PAVLODAR]: ZERO, total: ZERO });
    const regionless = await supportPaidReport({ ...pavlodarCoordinator, regionId: null }, filters(2066));
    expect(table(regionless, "by-region")).toEqual({ total: ZERO });
  });

  it("suppresses an analyst's small cells with their amounts, and a second cell where a total would give one away", async () => {
    const report = await supportPaidReport(analyst, filters(2066));
    expect(report.isSuppressed).toBe(true);
    // Mangystau's year (2 families) is small; the national total (8) would give it away, so Kyzylorda's goes too.
    expect(table(report, "by-region")).toEqual({ [KYZYLORDA]: HIDDEN, [MANGYSTAU]: HIDDEN, total: NATIONAL_2066 });
    // Kyzylorda's months: March (6 families) stays, April (2) and December (1) are hidden; the total is
    // the region's row above, hidden as well.
    const kyzylorda = table(report, `region-${KYZYLORDA}`);
    expect([kyzylorda["3"], kyzylorda["4"], kyzylorda["12"], kyzylorda["1"], kyzylorda.total]).toEqual([
      KYZ_MARCH,
      HIDDEN,
      HIDDEN,
      ZERO,
      HIDDEN,
    ]);
    const mangystau = table(report, `region-${MANGYSTAU}`);
    expect([mangystau["5"], mangystau["6"], mangystau["7"], mangystau.total]).toEqual([HIDDEN, HIDDEN, HIDDEN, HIDDEN]);
    const months = table(report, "by-month");
    expect([months["3"], months["4"], months["5"], months["12"], months.total]).toEqual([
      KYZ_MARCH,
      HIDDEN,
      HIDDEN,
      HIDDEN,
      NATIONAL_2066,
    ]);
    expect(report.tables.every((item) => (item.suppressedCells ?? 0) > 0)).toBe(true);

    // A region's small total hides its amounts as well (2 families, 5 persons).
    const chosen = await supportPaidReport(analyst, filters(2066, { regionId: MANGYSTAU }));
    expect(table(chosen, "by-region")).toEqual({ [MANGYSTAU]: HIDDEN, total: HIDDEN });
  });

  it("refuses caseworkers", async () => {
    await expect(supportPaidReport(caseworker, filters(2066))).rejects.toThrow(FORBIDDEN);
  });
});
