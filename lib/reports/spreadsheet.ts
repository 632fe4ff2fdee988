import "server-only";
import ExcelJS from "exceljs";
import { safeCell, toCsv, type ExportCell } from "@/lib/domain/export-cells";
import {
  columnDecimals,
  labelledTotal,
  localiseTable,
  tableHeader,
  tableTitle,
  type ReportTable,
  type Translator,
} from "@/lib/domain/report-table";
import { intlTag, type Locale } from "@/lib/i18n/config";

export type SpreadsheetFormat = "csv" | "xlsx";

const DECIMAL_KINDS = new Set(["decimal", "percent"]);

export const SPREADSHEET_TYPES: Record<SpreadsheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * One table ready for a file: title, header, rows with the total last, and the lines written after it
 * (the table's footnote, the note about suppressed cells). `decimalColumns`: index of each column with
 * a fractional part → its digits after the decimal point.
 */
type Sheet = {
  title: string;
  header: string[];
  rows: ExportCell[][];
  decimalColumns: Map<number, number>;
  totalRow: boolean;
  notes: string[];
};

function exportSheet(table: ReportTable, t: Translator): Sheet {
  const total = labelledTotal(table, t);
  return {
    title: tableTitle(table, t),
    header: tableHeader(table, t),
    rows: total ? [...table.rows, total] : table.rows,
    decimalColumns: new Map(
      table.columns.flatMap((column, index) =>
        DECIMAL_KINDS.has(column.kind) ? [[index, columnDecimals(column)]] : [],
      ),
    ),
    totalRow: total !== null,
    notes: [
      ...(table.footnote ? [table.footnote] : []),
      ...(table.suppressedCells ? [t("reportCommon.suppressionNoteExport")] : []),
    ],
  };
}

/**
 * A report's tables as CSV: UTF-8 with BOM and `;` (lib/domain/export-cells), decimals with the
 * interface language's separator; with titles (a whole report), each table under its title with an
 * empty row between.
 */
function csv(sheets: Sheet[], locale: Locale, withTitles: boolean): string {
  const decimal = (digits: number) =>
    new Intl.NumberFormat(intlTag(locale), {
      useGrouping: false,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  return toCsv(
    sheets.flatMap((sheet, index) => {
      const formats = new Map([...sheet.decimalColumns].map(([column, digits]) => [column, decimal(digits)]));
      const rows = sheet.rows.map((row) =>
        row.map((cell, column) => (typeof cell === "number" ? (formats.get(column)?.format(cell) ?? cell) : cell)),
      );
      return [
        ...(index > 0 ? [[]] : []),
        ...(withTitles ? [[sheet.title]] : []),
        sheet.header,
        ...rows,
        ...sheet.notes.flatMap((note) => [[], [note]]),
      ];
    }),
  );
}

/** Excel forbids : \ / ? * [ ] in sheet names, allows 31 characters and wants them unique. */
function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, index) => {
    let name = title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
    if (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${index + 1})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * A report's tables as XLSX: numbers as numbers, a sheet per table with the title in the first row and
 * the header in the second, frozen above the data; the notes after an empty row.
 */
async function xlsx(sheets: Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = "Nurly Kosh";
  book.created = new Date();
  const names = sheetNames(sheets.map((sheet) => sheet.title));
  sheets.forEach((sheet, index) => {
    const worksheet = book.addWorksheet(names[index]!);
    worksheet.addRow([safeCell(sheet.title)]).font = { bold: true, size: 12 };
    worksheet.addRow(sheet.header.map(safeCell)).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(safeCell));
    if (sheet.totalRow) worksheet.lastRow!.font = { bold: true };
    worksheet.getColumn(1).width = 36;
    for (let column = 2; column <= sheet.header.length; column++) worksheet.getColumn(column).width = 16;
    for (const [column, digits] of sheet.decimalColumns)
      worksheet.getColumn(column + 1).numFmt = `0.${"0".repeat(digits)}`;
    worksheet.views = [{ state: "frozen", ySplit: 2 }];
    for (const note of sheet.notes) {
      worksheet.addRow([]);
      worksheet.addRow([safeCell(note)]);
    }
  });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The file of a report's tables in the interface language (coded cells turned into words first);
 * `withTitles` when the whole report is exported rather than one table.
 */
export async function reportSpreadsheet(
  tables: ReportTable[],
  options: { format: SpreadsheetFormat; withTitles: boolean; t: Translator; locale: Locale },
): Promise<string | Uint8Array<ArrayBuffer>> {
  const { format, withTitles, t, locale } = options;
  const sheets = tables.map((table) => exportSheet(localiseTable(table, t, locale), t));
  return format === "csv" ? csv(sheets, locale, withTitles) : xlsx(sheets);
}
