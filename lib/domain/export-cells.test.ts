import { describe, expect, it } from "vitest";
import { csvField, neutraliseCell, safeCell, toCsv } from "./export-cells";

describe("export cells", () => {
  it("neutralises text that a spreadsheet would read as a formula", () => {
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseCell("+7 701")).toBe("'+7 701");
    expect(neutraliseCell("-1")).toBe("'-1");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("Павлодар облысы")).toBe("Павлодар облысы");
    expect(neutraliseCell("")).toBe("");
  });

  it("keeps numbers as numbers and neutralises text only", () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(12.5)).toBe(12.5);
    expect(safeCell("-5")).toBe("'-5");
    expect(safeCell(null)).toBeNull();
  });

  it("quotes CSV fields with separators, quotes or line breaks", () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("=1;2")).toBe('"\'=1;2"');
    expect(csvField(3.5)).toBe("3.5");
    expect(csvField(null)).toBe("");
  });

  it("writes UTF-8 CSV with a byte-order mark, semicolons and CRLF", () => {
    const csv = toCsv([
      ["Region", "Quota"],
      ["Ақмола облысы", 120],
      ["=cmd", -3],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1)).toBe("Region;Quota\r\nАқмола облысы;120\r\n'=cmd;-3\r\n");
  });

  it("writes an empty row and a one-cell note row after a table, neutralised like any text", () => {
    const csv = toCsv([["Region", 1.5], [], ["Forecast: the pace; never above the quota."], ["-2 below"]]);
    expect(csv.slice(1)).toBe('Region;1.5\r\n\r\n"Forecast: the pace; never above the quota."\r\n\'-2 below\r\n');
  });
});
