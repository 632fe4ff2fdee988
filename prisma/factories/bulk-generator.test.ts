import { describe, expect, it } from "vitest";
import { validateIin } from "@/lib/domain/iin";
import { COLUMNS, CURRENT_COHORT_YEAR, emptyRows, type FamilyRows, type TableName } from "./bulk";
import { BulkGenerator, type BulkGeneratorInput } from "./bulk-generator";

const input = (overrides: Partial<BulkGeneratorInput> = {}): BulkGeneratorInput => ({
  seed: 3,
  persons: 2000,
  users: [
    { id: 1, role: "ADMIN", regionId: null },
    { id: 2, role: "COORDINATOR", regionId: "KZ-55" },
    { id: 3, role: "CASEWORKER", regionId: "KZ-55" },
  ],
  districts: [],
  quotas: [
    { id: 10, year: CURRENT_COHORT_YEAR, regionId: "KZ-55", pool: "KANDAS", total: 60, allocated: 20 },
    { id: 11, year: CURRENT_COHORT_YEAR, regionId: "KZ-55", pool: "SETTLER", total: 40, allocated: 0 },
    { id: 12, year: 2018, regionId: "KZ-55", pool: "KANDAS", total: 0, allocated: 0 },
  ],
  counters: [{ year: 2026, last: 400 }],
  usedIins: ["850412353067"],
  firstIds: { family: 100, person: 1000, case_event: 5000, allocation: 70, document: 9000, audit_log: 300 },
  requestId: "generate:test",
  ...overrides,
});

const cells = (line: string) => line.replace(/\n$/, "").split("\t");
const column = (table: TableName, name: string) => (COLUMNS[table] as readonly string[]).indexOf(name);

/** All batches of a run, each table's lines in one list, and the batches' sizes. */
function runAll(generator: BulkGenerator, batchPersons: number): { rows: FamilyRows; batches: number[] } {
  const rows = emptyRows();
  const batches: number[] = [];
  while (!generator.isDone) batches.push(generator.nextBatch(batchPersons, rows).persons);
  return { rows, batches };
}

describe("BulkGenerator", () => {
  it("hands out whole families in batches until exactly the persons asked for", () => {
    const generator = new BulkGenerator(input(), () => "VERIFIED");
    const { rows, batches } = runAll(generator, 300);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(batches.length).toBeGreaterThanOrEqual(6);
    // A batch ends with the family that reaches the size: at most 7 more persons.
    for (const size of batches.slice(0, -1)) expect(size).toBeLessThan(300 + 8);
    expect(rows.person).toHaveLength(2000);
    const summary = generator.summary();
    expect(summary).toMatchObject({ persons: 2000, families: rows.family.length });
    // Ids continue after the first free ones without gaps.
    for (const table of Object.keys(COLUMNS) as TableName[]) {
      const ids = rows[table].map((line) => Number(cells(line)[0]));
      const first = input().firstIds[table];
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => first + i));
      expect(summary.nextIds[table]).toBe(first + ids.length);
    }
  });

  it("draws valid IINs unique among themselves and the ones already used, and continues the case numbers", () => {
    const generator = new BulkGenerator(input(), () => "VERIFIED");
    const { rows } = runAll(generator, 500);
    const iins = rows.person.map((line) => cells(line)[column("person", "iin")]!).filter((iin) => iin !== "\\N");
    expect(iins.length).toBeGreaterThan(1000);
    expect(new Set(iins).size).toBe(iins.length);
    expect(iins).not.toContain("850412353067");
    for (const iin of iins) expect(validateIin(iin).ok).toBe(true);
    const numbers = rows.family.map((line) => cells(line)[column("family", "caseNumber")]!);
    expect(new Set(numbers).size).toBe(numbers.length);
    const of2026 = numbers.filter((n) => n.startsWith("NK-2026-")).sort();
    expect(of2026[0]).toBe("NK-2026-000401");
    expect(generator.summary().counters).toContainEqual({ year: 2026, last: 400 + of2026.length });
  });

  it("adds to each quota exactly the persons of its active allocations, within a current-year total", () => {
    const generator = new BulkGenerator(input({ persons: 5000 }), () => "VERIFIED");
    const { rows } = runAll(generator, 1000);
    const active = new Map<number, number>();
    for (const line of rows.allocation) {
      const c = cells(line);
      if (c[column("allocation", "status")] !== "ACTIVE") continue;
      const quotaId = Number(c[column("allocation", "quotaId")]);
      active.set(quotaId, (active.get(quotaId) ?? 0) + Number(c[column("allocation", "persons")]));
    }
    const quotas = generator.summary().quotas;
    expect(quotas.map((q) => q.id).sort()).toEqual([10, 11, 12]);
    for (const q of quotas) expect(q.added).toBe(active.get(q.id) ?? 0);
    const kandas = quotas.find((q) => q.id === 10)!;
    // 2026 KZ-55 kandas had 40 places left; the draws ask for more, so the quota fills up but not over.
    expect(kandas.total).toBe(60);
    expect(20 + kandas.added).toBeLessThanOrEqual(60);
    expect(20 + kandas.added).toBeGreaterThan(50);
    const past = quotas.find((q) => q.id === 12)!;
    expect(past.total).toBeGreaterThanOrEqual(past.added);
  });

  it("writes the same rows for the same seed and state", () => {
    const a = runAll(new BulkGenerator(input({ persons: 500 }), () => "VERIFIED"), 100).rows;
    const b = runAll(new BulkGenerator(input({ persons: 500 }), () => "VERIFIED"), 250).rows;
    expect(b).toEqual(a);
  });

  it("refuses a database without an active administrator", () => {
    expect(() => new BulkGenerator(input({ users: [] }), () => "VERIFIED")).toThrow(/ADMIN/);
  });
});
