/**
 * Spreadsheet exports (CSV, XLSX) of reports. A text cell that starts with `=`, `+`, `-` or `@` (or a
 * tab or carriage return, which some programs strip before those) would be read as a formula by Excel
 * or LibreOffice ("CSV injection"); it is neutralised with a leading apostrophe. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type ExportCell = string | number | null;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value to write into a workbook cell: numbers as they are, text neutralised, null as empty. */
export function safeCell(value: ExportCell): string | number | null {
  return typeof value === "string" ? neutraliseCell(value) : value;
}

/**
 * CSV for Excel in Kazakh and Russian locales: UTF-8 with a byte-order mark (otherwise Excel reads the
 * Cyrillic as ANSI), `;` between fields (the list separator of those locales, where `,` is the decimal
 * comma), CRLF line ends, fields quoted when they contain `;`, `"` or a line break. Numbers are written
 * with a dot; pass strings when another format is wanted.
 */
export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

export function csvField(value: ExportCell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : neutraliseCell(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly ExportCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvField).join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}
