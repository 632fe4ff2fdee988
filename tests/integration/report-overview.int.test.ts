// The overview dashboard on a real PostgreSQL (issue 6): a known dataset of families that applied in
// 2060–2062 in Aktobe (KZ-15) and Almaty Region (KZ-19), years and regions no other test file uses, so the
// national figures of those years are exact too. Every figure of every table is checked against the
// expectation computed by hand in the comments, for the administrator, a coordinator (own region only,
// whatever the URL asks for), an analyst (small cells suppressed, same totals) and a caseworker (refused).
import { beforeAll, describe, expect, it } from "vitest";
import { overviewReport } from "@/lib/db/reports/overview";
import { CASE_STATUSES, type CaseStatus } from "@/lib/domain/case-status";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, prisma, type StaffActor } from "./fixtures";
import { FORBIDDEN } from "./refusals";

const AKTOBE = "KZ-15";
const ALMATY = "KZ-19";
const YEAR = 2061;

type Education = "NONE" | "PRIMARY" | "SECONDARY" | "VOCATIONAL" | "HIGHER" | "POSTGRADUATE";
type Member = [sex: "M" | "F", birthDate: string, education?: Education | null, profession?: string | null];
type Planned = {
  region: string;
  category: "KANDAS" | "SETTLER";
  /** The statuses of the case history, the last one being the current status. */
  history: CaseStatus[];
  applied: string;
  arrived?: string;
  origin: string;
  district?: "khromtau" | "mugalzhar" | "talgar";
  /** undefined: no adaptation plan; null: a plan without a job. */
  job?: string | null;
  members: Member[];
};

// CASE_STATUSES lists the main line (REGISTERED … CLOSED) first, in lifecycle order, then the side exits.
/** The history of a case that went along the main line up to `status`, a main-line status. */
const upTo = (status: CaseStatus) => CASE_STATUSES.slice(0, CASE_STATUSES.indexOf(status) + 1);

// Ages are on the application date: 2025-03-01 on 2061-01-10 is 35.
const FAMILIES: Record<string, Planned> = {
  F1: {
    region: AKTOBE,
    category: "KANDAS",
    history: upTo("CLOSED"),
    applied: "2061-01-10",
    arrived: "2061-04-05",
    origin: "UZ",
    district: "khromtau",
    job: "Тракторист",
    members: [
      ["M", "2025-03-01", "HIGHER", "Инженер"],
      ["F", "2026-06-15", "SECONDARY", "Мұғалім"],
      ["M", "2050-02-01"],
      ["F", "2055-09-09"],
    ],
  },
  F2: {
    region: AKTOBE,
    category: "KANDAS",
    history: upTo("RESETTLED"),
    applied: "2061-01-20",
    arrived: "2061-05-10",
    origin: "UZ",
    district: "khromtau",
    job: null,
    // 41; exactly 16 (working age from the birthday); 65.
    members: [
      ["M", "2020-01-01", "VOCATIONAL", "Жүргізуші"],
      ["F", "2045-01-20", "VOCATIONAL", " Мұғалім "],
      ["M", "1995-05-05", "PRIMARY"],
    ],
  },
  F3: {
    region: AKTOBE,
    category: "KANDAS",
    history: upTo("SUPPORTED"),
    applied: "2061-02-14",
    arrived: "2061-06-20",
    origin: "CN",
    district: "mugalzhar",
    job: "Малшы",
    members: [
      ["M", "2022-07-07", "SECONDARY", "Малшы"],
      ["F", "2024-08-08", "SECONDARY"],
      ["M", "2048-01-01"],
      ["F", "2052-01-01"],
      ["M", "2058-01-01"],
    ],
  },
  F4: {
    region: AKTOBE,
    category: "KANDAS",
    history: upTo("QUOTA_ALLOCATED"),
    applied: "2061-03-03",
    origin: "MN",
    // 31; 29 on the birthday.
    members: [
      ["M", "2030-02-02", "HIGHER", "Инженер"],
      ["F", "2032-03-03"],
    ],
  },
  F5: {
    // Exactly 63: no longer working age, so neither the education nor the profession counts.
    region: AKTOBE,
    category: "KANDAS",
    history: ["REGISTERED", "UNDER_REVIEW", "REJECTED"],
    applied: "2061-03-25",
    origin: "UZ",
    members: [["M", "1998-03-25", "SECONDARY", "Жүргізуші"]],
  },
  F6: {
    region: ALMATY,
    category: "SETTLER",
    history: upTo("APPROVED"),
    applied: "2061-04-02",
    origin: "KZ-61",
    district: "talgar",
    // 35, 34, 62 (birthday the next day), 11, 7, 4.
    members: [
      ["M", "2026-01-01", "HIGHER", "Дәрігер"],
      ["F", "2027-01-01", "HIGHER", "Дәрігер"],
      ["M", "1998-04-03", "NONE"],
      ["F", "2049-05-05"],
      ["F", "2053-05-05"],
      ["M", "2056-05-05"],
    ],
  },
  F7: {
    region: ALMATY,
    category: "SETTLER",
    history: [...upTo("APPROVED"), "WITHDRAWN"],
    applied: "2061-04-15",
    origin: "KZ-61",
    district: "talgar",
    members: [
      ["M", "2031-01-01", "VOCATIONAL", "Жүргізуші"],
      ["F", "2033-01-01", "SECONDARY"],
    ],
  },
  F8: {
    region: ALMATY,
    category: "SETTLER",
    history: upTo("RESETTLED"),
    applied: "2061-05-05",
    arrived: "2061-08-01",
    origin: "KZ-33",
    district: "talgar",
    job: "Жүргізуші",
    members: [
      ["M", "2028-01-01", "VOCATIONAL", "Жүргізуші"],
      ["F", "2029-01-01", "SECONDARY", "Мұғалім"],
      ["M", "2054-01-01"],
      ["M", "2057-01-01"],
    ],
  },
  F9: {
    region: ALMATY,
    category: "KANDAS",
    history: upTo("UNDER_REVIEW"),
    applied: "2061-06-10",
    origin: "CN",
    // 40, 38, 71, 69, 15 (a minor with an education recorded: not working age), 11, 2.
    members: [
      ["M", "2021-01-01", "SECONDARY", "Малшы"],
      ["F", "2023-01-01", "PRIMARY"],
      ["M", "1990-01-01", "NONE"],
      ["F", "1992-01-01", "NONE"],
      ["M", "2046-01-01", "SECONDARY"],
      ["F", "2050-01-01"],
      ["F", "2059-01-01"],
    ],
  },
  F10: {
    region: ALMATY,
    category: "KANDAS",
    history: ["REGISTERED"],
    applied: "2061-07-01",
    origin: "UZ",
    members: [["F", "2035-05-05", "HIGHER", "Экономист"]],
  },
  F11: {
    region: AKTOBE,
    category: "KANDAS",
    history: [...upTo("QUOTA_ALLOCATED"), "EXPIRED"],
    applied: "2061-02-01",
    origin: "TR",
    district: "mugalzhar",
    members: [
      ["M", "2036-01-01", "SECONDARY"],
      ["F", "2038-01-01", "SECONDARY"],
    ],
  },
  // Applied in 2060, arrived in 2061: in the 2061 arrivals and employment, not in the 2061 applications.
  F12: {
    region: AKTOBE,
    category: "KANDAS",
    history: upTo("RESETTLED"),
    applied: "2060-11-20",
    arrived: "2061-02-10",
    origin: "UZ",
    district: "khromtau",
    job: "Инженер",
    members: [
      ["M", "2024-01-01", "HIGHER", "Инженер"],
      ["F", "2026-01-01", "HIGHER"],
      ["M", "2051-01-01"],
    ],
  },
  F13: {
    region: ALMATY,
    category: "SETTLER",
    history: ["REGISTERED"],
    applied: "2062-01-05",
    origin: "KZ-61",
    members: [
      ["M", "2030-01-01"],
      ["F", "2031-01-01"],
    ],
  },
};

let admin: StaffActor;
let analyst: StaffActor;
let aktobeCoordinator: StaffActor;
let akmolaCoordinator: StaffActor;
let aktobeCaseworker: StaffActor;
let caseSequence = 0;

async function district(regionId: string, nameKk: string, nameRu: string, nameEn: string) {
  return prisma.district.upsert({
    where: { regionId_nameEn: { regionId, nameEn } },
    update: {},
    create: { regionId, nameKk, nameRu, nameEn },
  });
}

beforeAll(async () => {
  admin = await createStaffUser(prisma, "ADMIN");
  analyst = await createStaffUser(prisma, "ANALYST");
  aktobeCoordinator = await createStaffUser(prisma, "COORDINATOR", AKTOBE);
  akmolaCoordinator = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
  aktobeCaseworker = await createStaffUser(prisma, "CASEWORKER", AKTOBE);
  // Created in this order, so Khromtau's id is below Mugalzhar's (the order of equal district rows).
  const districts = {
    khromtau: await district(AKTOBE, "Хромтау ауданы", "Хромтауский район", "Khromtau District"),
    mugalzhar: await district(AKTOBE, "Мұғалжар ауданы", "Мугалжарский район", "Mugalzhar District"),
    talgar: await district(ALMATY, "Талғар ауданы", "Талгарский район", "Talgar District"),
  };
  for (const [name, plan] of Object.entries(FAMILIES)) {
    caseSequence += 1;
    await prisma.family.create({
      data: {
        caseNumber: `NK-2060-${String(900_000 + caseSequence).padStart(6, "0")}`,
        category: plan.category,
        status: plan.history.at(-1)!,
        originCountry: plan.category === "KANDAS" ? plan.origin : null,
        originRegionId: plan.category === "SETTLER" ? plan.origin : null,
        targetRegionId: plan.region,
        targetDistrictId: plan.district ? districts[plan.district].id : null,
        applicationDate: new Date(`${plan.applied}T00:00:00Z`),
        arrivalDate: plan.arrived ? new Date(`${plan.arrived}T00:00:00Z`) : null,
        createdById: admin.id,
        updatedById: admin.id,
        members: {
          create: plan.members.map(([sex, birthDate, education, profession], index) => ({
            position: index + 1,
            isHead: index === 0,
            relationship: index === 0 ? "HEAD" : "OTHER",
            surnameCyr: `Тест${name}`,
            givenNameCyr: "Адам",
            surnameLat: `Test${name}`,
            givenNameLat: "Adam",
            birthDate: new Date(`${birthDate}T00:00:00Z`),
            sex,
            citizenship: "KZ",
            education: education ?? null,
            profession: profession ?? null,
          })),
        },
        events: {
          create: plan.history.map((toStatus, index) => ({
            fromStatus: index === 0 ? null : plan.history[index - 1],
            toStatus,
            actorId: admin.id,
          })),
        },
        ...(plan.job !== undefined && { adaptationPlan: { create: { job: plan.job, updatedById: admin.id } } }),
      },
    });
  }
});

type Report = Awaited<ReturnType<typeof overviewReport>>;
const tableOf = (report: Report, id: string) => {
  const table = report.tables.find((item) => item.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return { rows: table.rows, total: table.total ?? null, suppressedCells: table.suppressedCells };
};
const all = { year: YEAR, regionId: null, category: null } as const;
const M = (month: number, ...figures: (number | null)[]) => [month, ...figures];

describe("overviewReport: the national figures of 2061 (administrator)", () => {
  let report: Report;
  beforeAll(async () => {
    report = await overviewReport(admin, all, { locale: "en" });
  });

  it("lists the tables in page order, scoped to the country", () => {
    expect(report.tables.map((table) => table.id)).toEqual([
      "status",
      "funnel",
      "monthly",
      "origin-countries",
      "origin-regions",
      "target-regions",
      "target-districts",
      "age-sex",
      "family-size",
      "education",
      "professions",
      "employment",
    ]);
    expect(report.scope).toEqual({ filters: all, isNational: true, suppressSmallCells: false });
  });

  it("counts families and persons (members listed) by current status", () => {
    // F10 | F9 (7) | F6 (6) | F4 (2) | F2 (3) + F8 (4) | F3 (5) | F1 (4) | F5 (1) | F7 (2) | F11 (2).
    expect(tableOf(report, "status")).toEqual({
      rows: [
        ["REGISTERED", 1, 1],
        ["UNDER_REVIEW", 1, 7],
        ["APPROVED", 1, 6],
        ["QUOTA_ALLOCATED", 1, 2],
        ["RESETTLED", 2, 7],
        ["SUPPORTED", 1, 5],
        ["CLOSED", 1, 4],
        ["REJECTED", 1, 1],
        ["WITHDRAWN", 1, 2],
        ["EXPIRED", 1, 2],
      ],
      total: [null, 11, 37],
      suppressedCells: undefined,
    });
  });

  it("builds the funnel from the furthest stage reached, side exits included by their history", () => {
    // Reached: F1 7, F3 6, F2 5, F8 5, F4 4, F11 4 (expired after allocation), F6 3, F7 3 (withdrawn after
    // approval), F5 2 (rejected after review), F9 2, F10 1. Shares of 11 applications.
    expect(tableOf(report, "funnel")).toEqual({
      rows: [
        ["REGISTERED", 11, 37, 100],
        ["UNDER_REVIEW", 10, 36, 90.9],
        ["APPROVED", 8, 28, 72.7],
        ["QUOTA_ALLOCATED", 6, 20, 54.5],
        ["RESETTLED", 4, 16, 36.4],
        ["SUPPORTED", 2, 9, 18.2],
        ["CLOSED", 1, 4, 9.1],
      ],
      total: null,
      suppressedCells: undefined,
    });
  });

  it("counts applications by application month and arrivals by arrival month (F12 applied in 2060, arrived in 2061)", () => {
    expect(tableOf(report, "monthly")).toEqual({
      rows: [
        M(1, 2, 7, 0, 0),
        M(2, 2, 7, 1, 3),
        M(3, 2, 3, 0, 0),
        M(4, 2, 8, 1, 4),
        M(5, 1, 4, 1, 3),
        M(6, 1, 7, 1, 5),
        M(7, 1, 1, 0, 0),
        M(8, 0, 0, 1, 4),
        M(9, 0, 0, 0, 0),
        M(10, 0, 0, 0, 0),
        M(11, 0, 0, 0, 0),
        M(12, 0, 0, 0, 0),
      ],
      total: [null, 11, 37, 5, 19],
      suppressedCells: undefined,
    });
  });

  it("counts kandas by country and settlers by region of origin, most persons first", () => {
    // CN: F3 5 + F9 7; UZ: F1 4 + F2 3 + F5 1 + F10 1; MN: F4 2; TR: F11 2 (ties by code).
    expect(tableOf(report, "origin-countries")).toEqual({
      rows: [
        ["CN", 2, 12],
        ["UZ", 4, 9],
        ["MN", 1, 2],
        ["TR", 1, 2],
      ],
      total: [null, 8, 25],
      suppressedCells: undefined,
    });
    // Turkistan (KZ-61): F6 6 + F7 2; Kyzylorda (KZ-33): F8 4. F13 applied in 2062.
    expect(tableOf(report, "origin-regions")).toEqual({
      rows: [
        ["KZ-61", 2, 8],
        ["KZ-33", 1, 4],
      ],
      total: [null, 3, 12],
      suppressedCells: undefined,
    });
  });

  it("counts target regions and districts, a family without a district under 'not recorded'", () => {
    expect(tableOf(report, "target-regions")).toEqual({
      rows: [
        [ALMATY, 5, 20],
        [AKTOBE, 6, 17],
      ],
      total: [null, 11, 37],
      suppressedCells: undefined,
    });
    expect(tableOf(report, "target-districts")).toEqual({
      rows: [
        ["Talgar District", ALMATY, 3, 12], // F6 6 + F7 2 + F8 4
        [null, ALMATY, 2, 8], // F9 7 + F10 1
        ["Khromtau District", AKTOBE, 2, 7], // F1 4 + F2 3
        ["Mugalzhar District", AKTOBE, 2, 7], // F3 5 + F11 2
        [null, AKTOBE, 2, 3], // F4 2 + F5 1
      ],
      total: [null, null, 11, 37],
      suppressedCells: undefined,
    });
  });

  it("counts persons by age on the application date and sex", () => {
    expect(tableOf(report, "age-sex")).toEqual({
      rows: [
        ["age0to6", 3, 2, 5], // M: F3 3, F6 4, F8 4; F: F1 5, F9 2
        ["age7to15", 4, 4, 8], // M: F1 10, F3 13, F8 7, F9 15; F: F3 9, F6 11, F6 7, F9 11
        ["age16to29", 1, 5, 6], // M: F11 25; F: F2 16, F4 29, F7 28, F10 26, F11 23
        ["age30to44", 8, 5, 13],
        ["age45to62", 1, 0, 1], // F6 62
        ["age63plus", 3, 1, 4], // F2 65, F5 63, F9 71; F9 69
      ],
      total: [null, 20, 17, 37],
      suppressedCells: undefined,
    });
  });

  it("distributes families by size, six and more together", () => {
    expect(tableOf(report, "family-size")).toEqual({
      rows: [
        ["1", 2, 2],
        ["2", 3, 6],
        ["3", 1, 3],
        ["4", 2, 8],
        ["5", 1, 5],
        ["6", 2, 13],
      ],
      total: [null, 11, 37],
      suppressedCells: undefined,
    });
  });

  it("counts the education and professions of the 20 working-age adults (16–62) only", () => {
    expect(tableOf(report, "education")).toEqual({
      rows: [
        ["NONE", 1],
        ["PRIMARY", 1],
        ["SECONDARY", 8],
        ["VOCATIONAL", 4],
        ["HIGHER", 5],
        ["POSTGRADUATE", 0],
        [null, 1],
      ],
      total: [null, 20],
      suppressedCells: undefined,
    });
    // " Мұғалім " counts with "Мұғалім"; F5's driver is 63; ties in alphabetical order.
    expect(tableOf(report, "professions")).toEqual({
      rows: [
        ["Жүргізуші", 3],
        ["Мұғалім", 3],
        ["Дәрігер", 2],
        ["Инженер", 2],
        ["Малшы", 2],
        ["Экономист", 1],
      ],
      total: null,
      suppressedCells: undefined,
    });
  });

  it("derives employment after arrival from the job of the adaptation plan of families that arrived in 2061", () => {
    // Aktobe: F12, F1, F3 with a job, F2's plan without one; Almaty Region: F8 with a job.
    expect(tableOf(report, "employment")).toEqual({
      rows: [
        [AKTOBE, 4, 3, 75],
        [ALMATY, 1, 1, 100],
      ],
      total: [null, 5, 4, 80],
      suppressedCells: undefined,
    });
  });
});

describe("overviewReport: filters and years", () => {
  it("narrows to a region and a category", async () => {
    const report = await overviewReport(admin, { year: YEAR, regionId: ALMATY, category: "SETTLER" }, { locale: "en" });
    const status = tableOf(report, "status");
    expect(status.rows.filter((row) => row[1] !== 0)).toEqual([
      ["APPROVED", 1, 6],
      ["RESETTLED", 1, 4],
      ["WITHDRAWN", 1, 2],
    ]);
    expect(status.total).toEqual([null, 3, 12]);
    expect(tableOf(report, "origin-countries")).toMatchObject({ rows: [], total: [null, 0, 0] });
    expect(tableOf(report, "employment")).toMatchObject({ rows: [[ALMATY, 1, 1, 100]] });
  });

  it("counts each family in the year of its application", async () => {
    const y2060 = await overviewReport(admin, { ...all, year: 2060 }, { locale: "ru" });
    expect(tableOf(y2060, "status").rows.filter((row) => row[1] !== 0)).toEqual([["RESETTLED", 1, 3]]);
    expect(tableOf(y2060, "target-districts").rows).toEqual([["Хромтауский район", AKTOBE, 1, 3]]);
    expect(tableOf(y2060, "employment").rows).toEqual([]);
    const y2062 = await overviewReport(admin, { ...all, year: 2062 });
    expect(tableOf(y2062, "status").total).toEqual([null, 1, 2]);
    expect(tableOf(y2062, "origin-regions").rows).toEqual([["KZ-61", 1, 2]]);
  });
});

describe("overviewReport: scoping", () => {
  crossRegionTest(
    overviewReport,
    "shows a coordinator the own region only, whatever region the filter names",
    async () => {
      for (const regionId of [null, ALMATY]) {
        const report = await overviewReport(aktobeCoordinator, { ...all, regionId }, { locale: "en" });
        expect(report.scope).toEqual({
          filters: { ...all, regionId: AKTOBE },
          isNational: false,
          suppressSmallCells: false,
        });
        // F1–F5 and F11.
        expect(tableOf(report, "status")).toEqual({
          rows: [
            ["REGISTERED", 0, 0],
            ["UNDER_REVIEW", 0, 0],
            ["APPROVED", 0, 0],
            ["QUOTA_ALLOCATED", 1, 2],
            ["RESETTLED", 1, 3],
            ["SUPPORTED", 1, 5],
            ["CLOSED", 1, 4],
            ["REJECTED", 1, 1],
            ["WITHDRAWN", 0, 0],
            ["EXPIRED", 1, 2],
          ],
          total: [null, 6, 17],
          suppressedCells: undefined,
        });
        expect(tableOf(report, "target-regions").rows).toEqual([[AKTOBE, 6, 17]]);
        expect(tableOf(report, "origin-regions").rows).toEqual([]);
        expect(tableOf(report, "employment")).toMatchObject({ rows: [[AKTOBE, 4, 3, 75]], total: [null, 4, 3, 75] });
      }
    },
  );

  it("shows another region's coordinator none of it", async () => {
    const report = await overviewReport(akmolaCoordinator, { ...all, regionId: AKTOBE });
    expect(report.scope.filters.regionId).toBe(AKMOLA);
    expect(tableOf(report, "status").total).toEqual([null, 0, 0]);
    expect(tableOf(report, "monthly").total).toEqual([null, 0, 0, 0, 0]);
    for (const id of [
      "origin-countries",
      "origin-regions",
      "target-regions",
      "target-districts",
      "professions",
      "employment",
    ]) {
      expect(tableOf(report, id).rows, id).toEqual([]);
    }
  });

  it("refuses a caseworker", async () => {
    await expect(overviewReport(aktobeCaseworker, all)).rejects.toThrow(FORBIDDEN);
  });
});

describe("overviewReport: small-cell suppression for the analyst", () => {
  let report: Report;
  beforeAll(async () => {
    report = await overviewReport(analyst, all, { locale: "en" });
  });

  it("suppresses counts of 1–4 and keeps the totals of the administrator's view", async () => {
    expect(report.scope.suppressSmallCells).toBe(true);
    expect(tableOf(report, "status")).toEqual({
      rows: [
        ["REGISTERED", null, null],
        ["UNDER_REVIEW", null, 7],
        ["APPROVED", null, 6],
        ["QUOTA_ALLOCATED", null, null],
        ["RESETTLED", null, 7],
        ["SUPPORTED", null, 5],
        ["CLOSED", null, null],
        ["REJECTED", null, null],
        ["WITHDRAWN", null, null],
        ["EXPIRED", null, null],
      ],
      total: [null, 11, 37],
      suppressedCells: 16,
    });
    // Every total as the administrator sees it, except the totals that are small themselves (3 settler
    // families; 4 families with a job, and the share that would give it away).
    const adminView = await overviewReport(admin, all);
    const smallTotals: Record<string, (number | null)[]> = {
      "origin-regions": [null, null, 12],
      employment: [null, 5, null, null],
    };
    for (const table of adminView.tables) {
      expect(tableOf(report, table.id).total, table.id).toEqual(smallTotals[table.id] ?? table.total ?? null);
    }
    expect(adminView.tables.find((table) => table.id === "origin-regions")?.total).toEqual([null, 3, 12]);
  });

  it("hides a share computed from a hidden count", () => {
    expect(tableOf(report, "funnel").rows).toEqual([
      ["REGISTERED", 11, 37, 100],
      ["UNDER_REVIEW", 10, 36, 90.9],
      ["APPROVED", 8, 28, 72.7],
      ["QUOTA_ALLOCATED", 6, 20, 54.5],
      ["RESETTLED", null, 16, null],
      ["SUPPORTED", null, 9, null],
      ["CLOSED", null, null, null],
    ]);
  });

  it("suppresses the monthly and origin counts", () => {
    expect(tableOf(report, "monthly").rows).toEqual([
      M(1, null, 7, 0, 0),
      M(2, null, 7, null, null),
      M(3, null, null, 0, 0),
      M(4, null, 8, null, null),
      M(5, null, null, null, null),
      M(6, null, 7, null, 5),
      M(7, null, null, 0, 0),
      M(8, 0, 0, null, null),
      M(9, 0, 0, 0, 0),
      M(10, 0, 0, 0, 0),
      M(11, 0, 0, 0, 0),
      M(12, 0, 0, 0, 0),
    ]);
    expect(tableOf(report, "origin-countries").rows).toEqual([
      ["CN", null, 12],
      ["UZ", null, 9],
      ["MN", null, null],
      ["TR", null, null],
    ]);
  });

  it("hides a second cell where the total would give a lone hidden one away, and a small total", () => {
    // Persons 8 and 4 with the total 12 shown: 4 is small, so 8 is hidden too; 3 families in all is small.
    expect(tableOf(report, "origin-regions")).toMatchObject({
      rows: [
        ["KZ-61", null, null],
        ["KZ-33", null, null],
      ],
      total: [null, null, 12],
    });
    // Persons 12, 8, 7, 7, 3 with the total 37: 3 is small, so the first 7 is hidden too.
    expect(tableOf(report, "target-districts").rows).toEqual([
      ["Talgar District", ALMATY, null, 12],
      [null, ALMATY, null, 8],
      ["Khromtau District", AKTOBE, null, null],
      ["Mugalzhar District", AKTOBE, null, 7],
      [null, AKTOBE, null, null],
    ]);
    expect(tableOf(report, "target-regions").rows).toEqual([
      [ALMATY, 5, 20],
      [AKTOBE, 6, 17],
    ]);
    // 16–29: M 1 is small and the row total 6 is shown, so F 5 is hidden too; 45–62 and 63+ have small totals.
    expect(tableOf(report, "age-sex").rows).toEqual([
      ["age0to6", null, null, 5],
      ["age7to15", null, null, 8],
      ["age16to29", null, null, 6],
      ["age30to44", 8, 5, 13],
      ["age45to62", null, 0, null],
      ["age63plus", null, null, null],
    ]);
  });

  it("suppresses the family sizes, education, professions and employment", () => {
    expect(tableOf(report, "family-size").rows).toEqual([
      ["1", null, null],
      ["2", null, 6],
      ["3", null, null],
      ["4", null, 8],
      ["5", null, 5],
      ["6", null, 13],
    ]);
    expect(tableOf(report, "education").rows).toEqual([
      ["NONE", null],
      ["PRIMARY", null],
      ["SECONDARY", 8],
      ["VOCATIONAL", null],
      ["HIGHER", 5],
      ["POSTGRADUATE", 0],
      [null, null],
    ]);
    expect(tableOf(report, "professions").rows.map((row) => row[1])).toEqual([null, null, null, null, null, null]);
    // The totals' share (80 %) would give the hidden 4 away: hidden with it.
    expect(tableOf(report, "employment")).toMatchObject({
      rows: [
        [AKTOBE, null, null, null],
        [ALMATY, null, null, null],
      ],
      total: [null, 5, null, null],
    });
  });
});
