import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { FORMULA_WITHOUT_VALUE, xlsxRows, xlsxSheetNames, type SheetRow } from "./xlsx-rows";

/** An XLSX file as a centre's spreadsheet program would save it: two sheets, the registry on the second. */
async function registryWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["Exported from the old registry"]);
  const sheet = workbook.addWorksheet("Registry");
  sheet.addRow(["family_key", "surname", "birth_date", "iin", "members", "note"]);
  sheet.addRow(["A-1", "Қасымов", new Date(Date.UTC(1985, 3, 12)), 850412300123, 3, "ok"]);
  // A formula with the value the program saved, one saved without it, and an error cell.
  sheet.addRow(["A-1", { formula: 'UPPER("Әсем")', result: "ӘСЕМ" }, "", { formula: "1+1" }, { error: "#DIV/0!" }]);
  // Rich text, a hyperlink, an empty cell between two values, and a fraction.
  sheet.addRow([
    "A-2",
    { richText: [{ text: "Нұр" }, { text: "ланов", font: { bold: true } }] },
    { text: "12.03.1990", hyperlink: "https://example.org" },
    null,
    1.5,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rowsOf(file: Buffer, sheet?: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of xlsxRows(Readable.from(file), { sheet })) rows.push(row);
  return rows;
}

describe("xlsxRows", () => {
  it("reads the chosen sheet's rows with their spreadsheet numbers, dates as ISO days and whole numbers in full", async () => {
    const rows = await rowsOf(await registryWorkbook(), 2);
    expect(rows[0]).toEqual({ rowNumber: 1, cells: ["family_key", "surname", "birth_date", "iin", "members", "note"] });
    expect(rows[1]).toEqual({ rowNumber: 2, cells: ["A-1", "Қасымов", "1985-04-12", "850412300123", "3", "ok"] });
  });

  it("takes a formula's saved value, never evaluates one saved without it, and keeps error cells as errors", async () => {
    const rows = await rowsOf(await registryWorkbook(), 2);
    expect(rows[2]!.cells).toEqual(["A-1", "ӘСЕМ", "", { error: FORMULA_WITHOUT_VALUE }, { error: "#DIV/0!" }]);
  });

  it("reads rich text and hyperlinks as their text, and an empty cell between values as empty", async () => {
    const rows = await rowsOf(await registryWorkbook(), 2);
    expect(rows[3]!.cells).toEqual(["A-2", "Нұрланов", "12.03.1990", "", "1.5"]);
  });

  it("reads the first sheet unless told otherwise, and nothing from a sheet that does not exist", async () => {
    const file = await registryWorkbook();
    expect(await rowsOf(file)).toEqual([{ rowNumber: 1, cells: ["Exported from the old registry"] }]);
    expect(await rowsOf(file, 3)).toEqual([]);
  });
});

describe("xlsxSheetNames", () => {
  it("lists the sheets in order", async () => {
    expect(await xlsxSheetNames(Readable.from(await registryWorkbook()))).toEqual(["Notes", "Registry"]);
  });
});
