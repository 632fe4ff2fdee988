import "server-only";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";

/** A cell as the import reads it: its text, or the spreadsheet error it holds (`#DIV/0!`, a formula without a value). */
export type SheetCell = string | { error: string };

/** One row of the sheet: its number in the spreadsheet (1-based, as the user sees it) and its cells. */
export type SheetRow = { rowNumber: number; cells: SheetCell[] };

/** The error of a formula cell the file saved without its value: the import never evaluates formulas. */
export const FORMULA_WITHOUT_VALUE = "#FORMULA";

/**
 * The rows of one sheet of an XLSX file (the first unless `sheet`, 1-based, names another), streamed:
 * memory holds the shared strings and one row at a time, not the sheet. Dates come out as ISO days
 * (`2024-03-01`), whole numbers without exponent or separators (an IIN typed as a number keeps its
 * digits; a lost leading zero is the value rules' concern), formulas as their cached value, and rich
 * text or hyperlinks as their text. Empty cells are empty strings; trailing empty cells are dropped.
 */
export async function* xlsxRows(input: Readable, { sheet = 1 }: { sheet?: number } = {}): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  let index = 0;
  for await (const worksheet of workbook) {
    index += 1;
    // Every sheet is read to its end, the others too: exceljs parks a sheet that comes before the shared
    // strings in a temporary file and deletes it once the sheet is passed, so a sheet left unread would
    // open a deleted file and throw outside any caller.
    for await (const row of worksheet) {
      if (index !== sheet) continue;
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { rowNumber: row.number, cells: Array.from(values, cellOf) };
    }
  }
}

/** The names of the sheets of an XLSX file, in order (for the user to choose one); reads the whole file. */
export async function xlsxSheetNames(input: Readable): Promise<string[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "ignore", worksheets: "emit" });
  const names: string[] = [];
  for await (const worksheet of workbook) {
    names.push((worksheet as unknown as { name: string }).name);
    // Read to its end for the reason given in xlsxRows.
    for await (const _row of worksheet) continue;
  }
  return names;
}

function cellOf(value: ExcelJS.CellValue | undefined): SheetCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const { result } = value as { result?: ExcelJS.CellValue };
    return result === undefined || result === null ? { error: FORMULA_WITHOUT_VALUE } : cellOf(result);
  }
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value) return typeof value.text === "string" ? value.text : cellOf(value.text);
  return "";
}

/** A whole number as its digits (12-digit IINs included); a fraction as JavaScript writes it. */
function numberText(value: number): string {
  return Number.isSafeInteger(value) ? value.toFixed(0) : String(value);
}
