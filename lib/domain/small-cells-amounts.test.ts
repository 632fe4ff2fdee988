import { describe, expect, it } from "vitest";
import type { ReportTable } from "./report-table";
import { suppressTable } from "./small-cells";

const table = (rows: ReportTable["rows"], total: ReportTable["total"]): ReportTable => ({
  id: "t",
  titleKey: "t",
  columns: [
    { key: "region", labelKey: "region", kind: "text" },
    { key: "families", labelKey: "families", kind: "count", isSmallCell: true },
    { key: "amount", labelKey: "amount", kind: "money", derivedFrom: ["families"] },
  ],
  rows,
  total,
});

describe("suppressTable with amounts derived from the counts", () => {
  it("hides the amount of a totals row whose count is small, as in the rows", () => {
    const shown = suppressTable(
      table(
        [
          ["KZ-43", 3, 900_000],
          ["KZ-47", 0, 0],
        ],
        [null, 3, 900_000],
      ),
    );
    expect(shown.rows).toEqual([
      ["KZ-43", null, null],
      ["KZ-47", 0, 0],
    ]);
    expect(shown.total).toEqual([null, null, null]);
    expect(shown.suppressedCells).toBe(4);
  });

  it("keeps a totals row that is not small, with the secondary suppression of the rows", () => {
    const shown = suppressTable(
      table(
        [
          ["KZ-43", 3, 900_000],
          ["KZ-47", 6, 1_500_000],
          ["KZ-55", 8, 2_000_000],
        ],
        [null, 17, 4_400_000],
      ),
    );
    expect(shown.rows).toEqual([
      ["KZ-43", null, null],
      ["KZ-47", null, null],
      ["KZ-55", 8, 2_000_000],
    ]);
    expect(shown.total).toEqual([null, 17, 4_400_000]);
    expect(shown.suppressedCells).toBe(4);
  });

  it("suppresses a table without a totals row", () => {
    const shown = suppressTable(table([["KZ-43", 2, 100]], undefined));
    expect(shown.rows).toEqual([["KZ-43", null, null]]);
    expect(shown.total).toBeUndefined();
  });
});
