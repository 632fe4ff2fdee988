import { describe, expect, it } from "vitest";
import type { ReportColumn, ReportTable } from "./report-table";
import { isSmallCount, suppressSmallCells, suppressTable } from "./small-cells";

const label: ReportColumn = { key: "label", labelKey: "x", kind: "text" };
const count = (key: string, extra: Partial<ReportColumn> = {}): ReportColumn => ({
  key,
  labelKey: key,
  kind: "count",
  isSmallCell: true,
  ...extra,
});

describe("isSmallCount", () => {
  it("is 1 to 4, never 0, 5, text or nothing", () => {
    expect([0, 1, 4, 5, 12, null, "3"].map(isSmallCount)).toEqual([false, true, true, false, false, false, false]);
  });
});

describe("suppressSmallCells", () => {
  it("hides counts of 1–4 in small-cell columns only, keeping zeros, large counts and other columns", () => {
    const columns = [label, count("families"), { key: "days", labelKey: "days", kind: "decimal" } as ReportColumn];
    expect(
      suppressSmallCells(
        [
          ["A", 3, 2.5],
          ["B", 0, 1],
          ["C", 7, 4],
        ],
        columns,
      ),
    ).toEqual([
      ["A", null, 2.5],
      ["B", 0, 1],
      ["C", 7, 4],
    ]);
  });

  it("hides the smallest other non-zero cell of a column whose total is shown, so the small one cannot be computed back", () => {
    const rows = [
      ["A", 3],
      ["B", 0],
      ["C", 12],
      ["D", 9],
    ];
    // Total 24: with only A hidden, A = 24 − 0 − 12 − 9. D (9) is the smallest non-zero other cell.
    expect(suppressSmallCells(rows, [label, count("n")], [null, 24])).toEqual([
      ["A", null],
      ["B", 0],
      ["C", 12],
      ["D", null],
    ]);
  });

  it("needs no secondary cell when two cells of the column are already hidden", () => {
    const rows = [
      ["A", 3],
      ["B", 2],
      ["C", 12],
    ];
    expect(suppressSmallCells(rows, [label, count("n")], [null, 17])).toEqual([
      ["A", null],
      ["B", null],
      ["C", 12],
    ]);
  });

  it("protects rows beside a row-total column and follows the hidden cells across rows and columns", () => {
    const columns = [label, count("m"), count("f"), count("all", { isRowTotal: true })];
    const rows = [
      ["0–15", 2, 10, 12],
      ["16–62", 20, 30, 50],
      ["63+", 8, 6, 14],
    ];
    const total = [null, 30, 46, 76];
    // 0–15/M (2) is small; its row sum 12 would give it away → 0–15/F hidden; the M column total would
    // give it away → the smallest other M (8) hidden; then the F column has one hidden → 6 hidden; the
    // 63+ row now has two hidden cells and is safe.
    expect(suppressSmallCells(rows, columns, total)).toEqual([
      ["0–15", null, null, 12],
      ["16–62", 20, 30, 50],
      ["63+", null, null, 14],
    ]);
  });

  it("hides a share derived from a hidden count", () => {
    const columns = [
      label,
      count("n"),
      { key: "share", labelKey: "share", kind: "percent", derivedFrom: ["n"] } as ReportColumn,
    ];
    expect(
      suppressSmallCells(
        [
          ["A", 3, 20],
          ["B", 12, 80],
        ],
        columns,
      ),
    ).toEqual([
      ["A", null, null],
      ["B", 12, 80],
    ]);
  });

  it("hides a share when either of its sources is hidden", () => {
    const columns = [
      label,
      count("arrived"),
      count("employed"),
      { key: "share", labelKey: "share", kind: "percent", derivedFrom: ["arrived", "employed"] } as ReportColumn,
    ];
    expect(
      suppressSmallCells(
        [
          ["A", 4, 0, 0],
          ["B", 10, 7, 70],
        ],
        columns,
      ),
    ).toEqual([
      ["A", null, 0, null],
      ["B", 10, 7, 70],
    ]);
  });

  it.each([
    ["without a shown sum", undefined],
    ["for a column whose total is not shown", [null, null]],
  ])("needs no secondary cell %s", (_, total) => {
    const rows = [
      ["A", 3],
      ["B", 9],
      ["C", 12],
    ];
    expect(suppressSmallCells(rows, [label, count("n")], total)).toEqual([
      ["A", null],
      ["B", 9],
      ["C", 12],
    ]);
  });

  it("cannot protect a lone cell whose group has nothing else (the documented limitation)", () => {
    expect(suppressSmallCells([["A", 3]], [label, count("n")], [null, 3])).toEqual([["A", null]]);
  });
});

describe("suppressTable", () => {
  it("hides small cells and a small total, counts what it hid, and keeps the exact large totals", () => {
    const table: ReportTable = {
      id: "t",
      titleKey: "t",
      columns: [label, count("a"), count("b")],
      rows: [
        ["X", 1, 20],
        ["Y", 2, 30],
      ],
      total: [null, 3, 50],
    };
    const shown = suppressTable(table);
    expect(shown.rows).toEqual([
      ["X", null, 20],
      ["Y", null, 30],
    ]);
    expect(shown.total).toEqual([null, null, 50]);
    expect(shown.suppressedCells).toBe(3);
    expect(table.rows[0]).toEqual(["X", 1, 20]);
  });

  it("hides a share in the totals row when the total it is computed from is hidden", () => {
    const columns: ReportColumn[] = [
      label,
      count("arrived"),
      count("employed"),
      { key: "share", labelKey: "share", kind: "percent", derivedFrom: ["arrived", "employed"] },
    ];
    const shown = suppressTable({
      id: "t",
      titleKey: "t",
      columns,
      rows: [
        ["A", 4, 3, 75],
        ["B", 1, 1, 100],
      ],
      total: [null, 5, 4, 80],
    });
    expect(shown.rows).toEqual([
      ["A", null, null, null],
      ["B", null, null, null],
    ]);
    expect(shown.total).toEqual([null, 5, null, null]);
  });

  it("hides nothing when no count is small", () => {
    const shown = suppressTable({
      id: "t",
      titleKey: "t",
      columns: [label, count("a")],
      rows: [
        ["X", 0],
        ["Y", 6],
      ],
      total: [null, 6],
    });
    expect(shown.suppressedCells).toBe(0);
    expect(shown.rows).toEqual([
      ["X", 0],
      ["Y", 6],
    ]);
  });
});
