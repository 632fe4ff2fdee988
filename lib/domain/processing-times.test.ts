import { describe, expect, it } from "vitest";
import {
  overdueCutoff,
  overdueTable,
  PROCESSING_COLUMNS,
  processingTable,
  workingDaysBetween,
} from "./processing-times";
import { programmeToday } from "./status-validity";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

describe("workingDaysBetween", () => {
  // 2064-06-02 is a Monday.
  it("counts Monday to Friday after the application day, up to and including today", () => {
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-02"))).toBe(0);
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-03"))).toBe(1);
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-06"))).toBe(4);
    // Saturday and Sunday add nothing.
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-07"))).toBe(4);
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-08"))).toBe(4);
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-09"))).toBe(5);
  });

  it("counts from a weekend application to the next Monday as one day", () => {
    expect(workingDaysBetween(day("2064-06-07"), day("2064-06-09"))).toBe(1);
    expect(workingDaysBetween(day("2064-06-08"), day("2064-06-09"))).toBe(1);
    // From Friday: Saturday and Sunday add nothing, Monday one.
    expect(workingDaysBetween(day("2064-06-06"), day("2064-06-09"))).toBe(1);
  });

  it("counts five a week over long spans and across years", () => {
    expect(workingDaysBetween(day("2064-06-02"), day("2064-06-30"))).toBe(20);
    // 2063-12-31 (Monday) to 2064-12-29 (Monday): 52 weeks.
    expect(workingDaysBetween(day("2063-12-31"), day("2064-12-29"))).toBe(260);
  });

  it("is 0 when today is not after the application", () => {
    expect(workingDaysBetween(day("2064-06-10"), day("2064-06-02"))).toBe(0);
  });

  it("agrees with counting day by day", () => {
    const from = day("2063-02-26");
    let counted = 0;
    for (let offset = 1; offset <= 400; offset += 1) {
      const to = addDays(from, offset);
      if (to.getUTCDay() !== 0 && to.getUTCDay() !== 6) counted += 1;
      expect(workingDaysBetween(from, to)).toBe(counted);
    }
  });
});

describe("overdueCutoff", () => {
  it("is the latest application day with more working days passed than the limit", () => {
    // Today Monday 2064-06-09, limit 5: after Sunday 06-01 come 6 working days, after Monday 06-02 only 5.
    expect(overdueCutoff(day("2064-06-09"), 5)).toEqual(day("2064-06-01"));
    // Limit 1 on a Wednesday: the Monday before is overdue (2 days), Tuesday not (1 day).
    expect(overdueCutoff(day("2064-06-04"), 1)).toEqual(day("2064-06-02"));
  });

  it("splits the days exactly where workingDaysBetween crosses the limit", () => {
    for (const today of [day("2064-06-09"), day("2064-06-14"), day("2064-06-15"), day("2065-01-01")]) {
      for (const limit of [1, 4, 10, 30, 90]) {
        const cutoff = overdueCutoff(today, limit);
        expect(workingDaysBetween(cutoff, today), `${today.toISOString()} ${limit}`).toBeGreaterThan(limit);
        expect(workingDaysBetween(addDays(cutoff, 1), today), `${today.toISOString()} ${limit}`).toBeLessThanOrEqual(
          limit,
        );
      }
    }
  });

  it("takes today as a day in Kazakhstan: 19:30 UTC is already the next day in Almaty", () => {
    // 2064-06-03T19:30Z is Thursday 04 June 00:30 in Almaty (UTC+5), so Monday 06-02 is overdue under a 1-day limit.
    const now = new Date("2064-06-03T19:30:00.000Z");
    expect(programmeToday(now)).toEqual(day("2064-06-04"));
    expect(overdueCutoff(programmeToday(now), 1)).toEqual(day("2064-06-02"));
    // In UTC it would still be Wednesday and the Monday not yet overdue.
    expect(overdueCutoff(day("2064-06-03"), 1)).toEqual(day("2064-06-01"));
  });
});

describe("processingTable", () => {
  const keys = PROCESSING_COLUMNS.map((column) => column.key);
  // Per row: families, then cases, median and p90 of each step, awaiting decision, overdue.
  const row = (regionId: string | null, values: (number | null)[]) =>
    Object.fromEntries(keys.map((key, index) => [key, index === 0 ? regionId : values[index - 1]!]));
  const rows = [
    row("KZ-31", [8, 6, 35, 75, 5, 8, 24.6, 3, 20, 52, 2, 1]),
    row("KZ-33", [10, 5, 12, 18.4, 0, null, null, 0, null, null, 5, 5]),
    row(null, [18, 11, 20, 50, 5, 8, 24.6, 3, 20, 52, 7, 6]),
  ];

  it("puts the regions in rows and the totals row last, with every figure as given", () => {
    const table = processingTable(rows, 2064, false);
    expect(table.id).toBe("processing");
    expect(table.titleValues).toEqual({ year: 2064 });
    expect(table.rows).toEqual([
      ["KZ-31", 8, 6, 35, 75, 5, 8, 24.6, 3, 20, 52, 2, 1],
      ["KZ-33", 10, 5, 12, 18.4, 0, null, null, 0, null, null, 5, 5],
    ]);
    expect(table.total).toEqual([null, 18, 11, 20, 50, 5, 8, 24.6, 3, 20, 52, 7, 6]);
    expect(table.suppressedCells).toBeUndefined();
  });

  it("hides an analyst's small counts with the statistics computed from them, on the totals row too", () => {
    const table = processingTable(rows, 2064, true);
    expect(table.rows).toEqual([
      // 3 arrivals: count, median and p90 hidden; 2 awaiting and 1 overdue hidden.
      ["KZ-31", 8, 6, 35, 75, 5, 8, 24.6, null, null, null, null, null],
      // The shown totals (7 awaiting, 6 overdue) would give KZ-31's cells away: KZ-33's go too.
      ["KZ-33", 10, 5, 12, 18.4, 0, null, null, 0, null, null, null, null],
    ]);
    // The totals row: 3 arrivals are small, and so are their median and p90.
    expect(table.total).toEqual([null, 18, 11, 20, 50, 5, 8, 24.6, null, null, null, 7, 6]);
    expect(table.suppressedCells).toBe(10);
  });
});

describe("overdueTable", () => {
  it("writes dates as ISO days and the head's name in both scripts", () => {
    const table = overdueTable(
      [
        {
          caseNumber: "NK-2064-000001",
          head: { surnameCyr: "Әбілов", givenNameCyr: "Нұрлан", surnameLat: "Abilov", givenNameLat: "Nurlan" },
          regionId: "KZ-31",
          status: "UNDER_REVIEW",
          applicationDate: day("2064-03-02"),
          daysWaiting: 274,
          workingDaysWaiting: 196,
        },
        {
          caseNumber: "NK-2064-000002",
          head: null,
          regionId: "KZ-33",
          status: "REGISTERED",
          applicationDate: day("2064-05-15"),
          daysWaiting: 200,
          workingDaysWaiting: 142,
        },
      ],
      2064,
    );
    expect(table.columns.map((column) => column.key)).toEqual([
      "caseNumber",
      "head",
      "regionId",
      "status",
      "applicationDate",
      "daysWaiting",
      "workingDaysWaiting",
    ]);
    expect(table.rows).toEqual([
      ["NK-2064-000001", "Әбілов Нұрлан (Abilov Nurlan)", "KZ-31", "UNDER_REVIEW", "2064-03-02", 274, 196],
      ["NK-2064-000002", null, "KZ-33", "REGISTERED", "2064-05-15", 200, 142],
    ]);
  });
});
