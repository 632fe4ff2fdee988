// Name search and the duplicate check rely on pg_trgm seeing Cyrillic letters, which depends on the
// database's LC_CTYPE (plain C sees none): this fails on a database created with the wrong locale.
import { describe, expect, it } from "vitest";
import { prisma } from "./fixtures";

describe("pg_trgm on this database", () => {
  it("makes trigrams of Cyrillic and Kazakh letters", async () => {
    const [row] = await prisma.$queryRaw<{ similarity: number; trigrams: number }[]>`
      SELECT similarity('қасымов нұрлан', 'касымов нурлан')::float8 AS similarity,
             cardinality(show_trgm('қасымов'))::int AS trigrams`;
    expect(row?.trigrams).toBeGreaterThan(5);
    expect(row?.similarity).toBeGreaterThan(0.3);
  });
});
