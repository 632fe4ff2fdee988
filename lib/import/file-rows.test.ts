import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fileRows, formatOf, UnreadableImportFile } from "./file-rows";
import type { SheetRow } from "./xlsx-rows";

/** The bytes in pieces of `size`, as an upload or the stored chunks deliver them. */
async function* inPieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function rowsOf(bytes: Uint8Array, pieceSize = 1 << 16): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of fileRows(inPieces(bytes, pieceSize), { format: formatOf(bytes) })) rows.push(row);
  return rows;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

describe("fileRows: CSV", () => {
  it("reads UTF-8 with a BOM and ;, numbering rows as a spreadsheet does, whatever the pieces", async () => {
    const text = "family_key;surname\nF1;Қасымов\n\nF2;Нұрланова\n";
    const bytes = new Uint8Array([...BOM, ...utf8(text)]);
    const expected = [
      { rowNumber: 1, cells: ["family_key", "surname"] },
      { rowNumber: 2, cells: ["F1", "Қасымов"] },
      { rowNumber: 4, cells: ["F2", "Нұрланова"] },
    ];
    expect(await rowsOf(bytes)).toEqual(expected);
    // Pieces of 5 bytes split the two-byte Cyrillic letters and the BOM.
    expect(await rowsOf(bytes, 5)).toEqual(expected);
  });

  it("reads , and a quoted cell with a line break, the next row keeping its spreadsheet number", async () => {
    const rows = await rowsOf(utf8('family_key,address\nF1,"Павлодар,\nул. Ломова 1"\nF2,Астана\n'));
    expect(rows.map((row) => row.cells)).toEqual([
      ["family_key", "address"],
      ["F1", "Павлодар,\nул. Ломова 1"],
      ["F2", "Астана"],
    ]);
    expect(rows.at(-1)!.rowNumber).toBe(4);
  });

  it("converts a Russian file saved in Windows-1251", async () => {
    // "Иванов;Пётр" in Windows-1251.
    const bytes = new Uint8Array([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x3b, 0xcf, 0xb8, 0xf2, 0xf0, 0x0a]);
    expect((await rowsOf(bytes)).map((row) => row.cells)).toEqual([["Иванов", "Пётр"]]);
  });

  it("refuses a Kazakh file whose letters Windows-1251 replaced by ?, and an empty file, before any row", async () => {
    // "?асымов;Н?рлан": Excel's 1251 export of "Қасымов;Нұрлан".
    const lost = new Uint8Array([
      0x3f, 0xe0, 0xf1, 0xfb, 0xec, 0xee, 0xe2, 0x3b, 0xcd, 0x3f, 0xf0, 0xeb, 0xe0, 0xed, 0x0a,
    ]);
    await expect(rowsOf(lost)).rejects.toEqual(new UnreadableImportFile("kazakh-letters-lost"));
    await expect(rowsOf(new Uint8Array())).rejects.toEqual(new UnreadableImportFile("empty-file"));
  });

  it("stops reading when the reader has the rows it wants (a preview of a long file)", async () => {
    const lines = ["family_key;surname", ...Array.from({ length: 100_000 }, (_, index) => `F${index};Қасымов`)];
    let piecesRead = 0;
    async function* counted() {
      for await (const piece of inPieces(utf8(lines.join("\n")), 4096)) {
        piecesRead += 1;
        yield piece;
      }
    }
    const preview: SheetRow[] = [];
    for await (const row of fileRows(counted(), { format: "CSV" })) {
      preview.push(row);
      if (preview.length === 3) break;
    }
    expect(preview.map((row) => row.cells[0])).toEqual(["family_key", "F0", "F1"]);
    expect(piecesRead).toBeLessThan(100);
  });
});

describe("fileRows: XLSX", () => {
  it("recognises an XLSX file by its content and reads its first sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Registry");
    sheet.addRow(["family_key", "surname"]);
    sheet.addRow(["F1", "Қасымов"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(formatOf(bytes)).toBe("XLSX");
    expect(await rowsOf(bytes, 1000)).toEqual([
      { rowNumber: 1, cells: ["family_key", "surname"] },
      { rowNumber: 2, cells: ["F1", "Қасымов"] },
    ]);
  });
});
