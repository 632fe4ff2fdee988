import { describe, expect, it } from "vitest";
import {
  chartPoints,
  columnIndex,
  isNumericColumn,
  labelledTotal,
  localiseTable,
  percentOf,
  sumRows,
  tableHeader,
  tableTitle,
  type ReportTable,
} from "./report-table";

const t = (key: string, values?: Record<string, string | number>) =>
  values ? `${key}(${JSON.stringify(values)})` : `«${key}»`;

const table: ReportTable = {
  id: "origin",
  titleKey: "overview.origin.title",
  titleValues: { year: 2061 },
  columns: [
    { key: "country", labelKey: "col.country", kind: "text", labels: { kind: "country" } },
    { key: "region", labelKey: "col.region", kind: "text", labels: { kind: "region" } },
    { key: "status", labelKey: "col.status", kind: "text", labels: { kind: "message", prefix: "status" } },
    { key: "month", labelKey: "col.month", kind: "text", labels: { kind: "month" } },
    { key: "district", labelKey: "col.district", kind: "text", labels: { kind: "text" } },
    { key: "persons", labelKey: "col.persons", kind: "count", isSmallCell: true },
    { key: "paid", labelKey: "col.paid", kind: "money" },
    { key: "share", labelKey: "col.share", kind: "percent" },
  ],
  rows: [
    ["UZ", "KZ-55", "APPROVED", 3, "Ертіс", 7, 1000, 70],
    [null, "KZ-19", "CLOSED", 12, null, 3, 500, null],
  ],
};

describe("localiseTable", () => {
  it("turns codes into words of the locale and a missing code into 'not recorded'", () => {
    const en = localiseTable(table, t, "en");
    expect(en.rows[0]).toEqual(["Uzbekistan", "Pavlodar Region", "«status.APPROVED»", "March", "Ертіс", 7, 1000, 70]);
    expect(en.rows[1]?.slice(0, 5)).toEqual([
      "«reportCommon.notRecorded»",
      "Almaty Region",
      "«status.CLOSED»",
      "December",
      "«reportCommon.notRecorded»",
    ]);
    const ru = localiseTable(table, t, "ru");
    expect(ru.rows[0]?.slice(0, 2)).toEqual(["Узбекистан", "Павлодарская область"]);
    expect(localiseTable(table, t, "kk").rows[0]?.[0]).toBe("Өзбекстан");
  });

  it("leaves the original table as it was", () => {
    localiseTable(table, t, "en");
    expect(table.rows[0]?.[0]).toBe("UZ");
  });
});

describe("table helpers", () => {
  it("names the title, headers and the total row in the interface language", () => {
    expect(tableTitle(table, t)).toBe('overview.origin.title({"year":2061})');
    expect(tableHeader(table, t)).toEqual([
      "«col.country»",
      "«col.region»",
      "«col.status»",
      "«col.month»",
      "«col.district»",
      "«col.persons»",
      "«col.paid»",
      "«col.share»",
    ]);
    expect(labelledTotal(table, t)).toBeNull();
    expect(labelledTotal({ ...table, total: [null, null, null, null, null, 10, 1500, null] }, t)?.slice(0, 1)).toEqual([
      "«reportCommon.total»",
    ]);
  });

  it("sums counts and money, leaving text and shares empty", () => {
    expect(sumRows(table.rows, table.columns)).toEqual([null, null, null, null, null, 10, 1500, null]);
    expect(sumRows([], table.columns)).toEqual([null, null, null, null, null, 0, 0, null]);
  });

  it("knows numeric columns and finds a column by key", () => {
    expect(table.columns.map(isNumericColumn)).toEqual([false, false, false, false, false, true, true, true]);
    expect(columnIndex(table, "persons")).toBe(5);
    expect(() => columnIndex(table, "nope")).toThrow(RangeError);
  });

  it("computes a share with one decimal, and none of nothing", () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBeNull();
  });

  it("builds chart points that keep suppressed cells empty", () => {
    expect(chartPoints(table, "status", ["persons", "share"])).toEqual([
      { label: "APPROVED", persons: 7, share: 70 },
      { label: "CLOSED", persons: 3, share: null },
    ]);
  });
});
