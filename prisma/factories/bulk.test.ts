import { describe, expect, it } from "vitest";
import { validateIin } from "@/lib/domain/iin";
import { foldForSearch } from "@/lib/domain/transliteration";
import {
  CaseNumbers,
  COLUMNS,
  cohortOptions,
  cohortYear,
  CopyBuffer,
  copyLine,
  copyValue,
  CURRENT_COHORT_YEAR,
  FIRST_COHORT_YEAR,
  familyRows,
  QuotaLedger,
  quotaRegions,
  regionInYear,
  type IdCursor,
} from "./bulk";
import { buildFamily } from "./family";
import { mulberry32 } from "./random";

const cursor = (): IdCursor => ({
  family: 100,
  person: 1000,
  case_event: 5000,
  allocation: 70,
  document: 9000,
  audit_log: 300,
});

describe("copyValue / copyLine", () => {
  it("escapes COPY text specials and writes NULL, booleans, dates and JSON", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(undefined)).toBe("\\N");
    expect(copyValue(true)).toBe("t");
    expect(copyValue("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyValue(new Date(Date.UTC(2026, 0, 15)))).toBe("2026-01-15");
    expect(copyValue(new Date(Date.UTC(2026, 0, 15, 9, 30)))).toBe("2026-01-15T09:30:00.000Z");
    expect(copyValue({ year: 2026, note: "x\ty" })).toBe('{"year":2026,"note":"x\\\\ty"}');
    expect(copyLine([1, null, "Әсел"])).toBe("1\t\\N\tӘсел\n");
  });

  it("writes every date as toISOString does (only the day at UTC midnight), before 1970 and far out too", () => {
    const rng = mulberry32(8);
    const dates = [
      new Date(Date.UTC(1931, 1, 28, 23, 59, 59, 999)),
      new Date(Date.UTC(1969, 11, 31)),
      new Date(0),
      new Date(Date.UTC(2026, 10, 27, 4, 5, 6, 7)),
      new Date(Date.UTC(-50, 0, 1)),
      new Date(Date.UTC(12000, 0, 1, 12)),
      ...Array.from({ length: 2000 }, () => new Date(Math.round((rng() - 0.5) * 2 * 4e12))),
    ];
    for (const date of dates) {
      const iso = date.toISOString();
      expect(copyValue(date)).toBe(iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso);
    }
  });
});

describe("CopyBuffer", () => {
  it("collects lines as UTF-8 in one growing buffer", () => {
    const buffer = new CopyBuffer();
    const lines = Array.from({ length: 5000 }, (_, i) => copyLine([i, "Қасымов Әсел", null]));
    for (const line of lines) buffer.push(line);
    expect(buffer.lines).toBe(5000);
    expect(Buffer.from(buffer.bytes()).toString("utf8")).toBe(lines.join(""));
    expect(buffer.length).toBe(Buffer.byteLength(lines.join("")));
  });
});

describe("cohorts", () => {
  it("spreads families over the cohort years with about 15% in the current year", () => {
    const rng = mulberry32(1);
    const years = Array.from({ length: 20_000 }, () => cohortYear(rng));
    expect(Math.min(...years)).toBe(FIRST_COHORT_YEAR);
    expect(Math.max(...years)).toBe(CURRENT_COHORT_YEAR);
    const current = years.filter((y) => y === CURRENT_COHORT_YEAR).length / years.length;
    expect(current).toBeGreaterThan(0.13);
    expect(current).toBeLessThan(0.17);
  });

  it("builds past cohorts as ended cases allocated in their own quota year", () => {
    const rng = mulberry32(2);
    for (let i = 0; i < 200; i++) {
      const draft = buildFamily(rng, cohortOptions(rng, 2018));
      expect(["CLOSED", "REJECTED", "WITHDRAWN", "EXPIRED"]).toContain(draft.status);
      if (draft.status === "EXPIRED") expect(draft.category).toBe("KANDAS");
      if (draft.allocation) expect(draft.allocation.year).toBe(2018);
      if (draft.status === "CLOSED") expect(draft.allocation?.status).toBe("ACTIVE");
      expect(draft.applicationDate.getUTCFullYear()).toBeGreaterThanOrEqual(2017);
      // Abai and Ulytau were split off in 2022: before that their families went to the parent regions.
      expect(["KZ-10", "KZ-62"]).not.toContain(draft.targetRegionId);
    }
  });
});

describe("regionInYear / quotaRegions", () => {
  it("maps regions split off in 2022 to their parents before 2022", () => {
    expect(regionInYear("KZ-10", 2021)).toBe("KZ-63");
    expect(regionInYear("KZ-10", 2022)).toBe("KZ-10");
    expect(regionInYear("KZ-55", 2014)).toBe("KZ-55");
    expect(quotaRegions("SETTLER", 2020)).not.toContain("KZ-62");
    expect(quotaRegions("SETTLER", 2020)).toContain("KZ-35");
    expect(quotaRegions("KANDAS", 2026)).toContain("KZ-10");
  });
});

describe("QuotaLedger", () => {
  it("refuses places beyond a fixed year's total and grows past years' quotas", () => {
    const ledger = new QuotaLedger(
      [{ id: 1, year: 2026, regionId: "KZ-55", pool: "KANDAS", total: 10, allocated: 6 }],
      new Set([2026]),
    );
    expect(ledger.take(2026, "KZ-55", "KANDAS", 4)).toBe(true);
    expect(ledger.take(2026, "KZ-55", "KANDAS", 1)).toBe(false);
    expect(ledger.take(2026, "KZ-11", "KANDAS", 1)).toBe(false);
    expect(ledger.take(2015, "KZ-11", "SETTLER", 7)).toBe(true);
    expect(ledger.take(2015, "KZ-11", "SETTLER", 5)).toBe(true);
    const fixed = ledger.quotas.get("2026|KZ-55|KANDAS")!;
    expect(fixed).toMatchObject({ allocated: 10, added: 4 });
    expect(ledger.finalTotal(fixed, mulberry32(3))).toBe(10);
    const past = ledger.quotas.get("2015|KZ-11|SETTLER")!;
    expect(past).toMatchObject({ allocated: 12, added: 12 });
    const total = ledger.finalTotal(past, mulberry32(3));
    expect(total).toBeGreaterThanOrEqual(12);
    expect(total).toBeLessThanOrEqual(15);
  });
});

describe("CaseNumbers", () => {
  it("continues after the stored counters, per year", () => {
    const numbers = new CaseNumbers([{ year: 2026, last: 386 }]);
    expect(numbers.next(2026)).toBe("NK-2026-000387");
    expect(numbers.next(2019)).toBe("NK-2019-000001");
    expect(numbers.next(2026)).toBe("NK-2026-000388");
    expect(numbers.counters()).toEqual([
      { year: 2019, last: 1 },
      { year: 2026, last: 388 },
    ]);
  });
});

describe("familyRows", () => {
  const ctx = {
    caseNumber: "NK-2026-000387",
    districtId: null,
    actorIdFor: (role: string) => (role === "COORDINATOR" ? 2 : 3),
    quotaId: 42,
    documentStatus: () => "VERIFIED" as const,
    requestId: "generate:test",
  };
  const cells = (line: string) => line.replace(/\n$/, "").split("\t");

  it("writes one row per member, event, audit entry and checklist item, with consecutive ids", () => {
    const draft = buildFamily(mulberry32(5), { status: "SUPPORTED", category: "KANDAS", size: 4 });
    const ids = cursor();
    const rows = familyRows(draft, ctx, ids);
    expect(rows.family).toHaveLength(1);
    expect(rows.person).toHaveLength(4);
    expect(rows.case_event).toHaveLength(draft.events.length);
    expect(rows.audit_log).toHaveLength(draft.events.length);
    expect(rows.allocation).toHaveLength(1);
    // Kandas checklist: 3 family documents + 2 per member.
    expect(rows.document).toHaveLength(3 + 2 * 4);
    expect(ids).toEqual({
      family: 101,
      person: 1004,
      case_event: 5000 + draft.events.length,
      allocation: 71,
      document: 9000 + 11,
      audit_log: 300 + draft.events.length,
    });
    for (const [table, lines] of Object.entries(rows)) {
      for (const line of lines) expect(cells(line)).toHaveLength(COLUMNS[table as keyof typeof COLUMNS].length);
    }
  });

  it("fills person columns like the app: one head, valid IINs, folded search text", () => {
    const draft = buildFamily(mulberry32(6), { status: "CLOSED", category: "SETTLER", size: 5 });
    const rows = familyRows(draft, ctx, cursor());
    const col = (name: (typeof COLUMNS.person)[number]) => COLUMNS.person.indexOf(name);
    const persons = rows.person.map(cells);
    expect(persons.filter((p) => p[col("isHead")] === "t")).toHaveLength(1);
    for (const p of persons) {
      expect(p[col("familyId")]).toBe("100");
      expect(validateIin(p[col("iin")]!).ok).toBe(true);
      expect(p[col("searchText")]).toContain(foldForSearch(p[col("surnameLat")]!));
      expect(p[col("searchText")]).toContain(foldForSearch(p[col("surnameCyr")]!));
    }
    const allocation = cells(rows.allocation[0]!);
    expect(allocation.slice(0, 6)).toEqual(["70", "42", "100", String(draft.allocation!.year), "5", "ACTIVE"]);
  });

  it("audits the creation and every transition of the case", () => {
    const draft = buildFamily(mulberry32(7), { status: "REJECTED" });
    const rows = familyRows(draft, ctx, cursor());
    const actions = rows.audit_log.map((l) => cells(l)[COLUMNS.audit_log.indexOf("action")]);
    expect(actions).toEqual(["family.create", "family.transition", "family.transition"]);
    expect(rows.allocation).toHaveLength(0);
  });
});
