import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { rowProblemsText, type Translate } from "@/lib/domain/import/problem-text";
import type { RowProblem } from "@/lib/domain/import/problems";

export type RejectedRow = { rowNumber: number; cells: readonly string[]; problems: readonly RowProblem[] };

// XML 1.0 cannot hold these control characters (a NUL from the file, say); they are shown as U+FFFD.
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const cellOf = (text: string): string => text.replace(NOT_IN_XML, "\uFFFD");

/**
 * The rows a dry run rejected, as an XLSX file streamed to `out`: the row's number in the file, its
 * cells as the file had them under the file's own header, and one column with every problem of the row
 * in the user's language. Cells are written as text cells, which no spreadsheet evaluates, and without
 * the apostrophe the report exports put before "=", "+" or "-" (lib/domain/export-cells.ts): the user
 * corrects this file and imports it again, and "+7 701…" must come back as it went.
 */
export async function writeRejectedRowsXlsx(
  out: Writable,
  { header, rows, t }: { header: readonly string[]; rows: AsyncIterable<RejectedRow>; t: Translate },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(t("import.rejectedFile.sheet"));
  const heading = sheet.addRow([
    t("import.rejectedFile.row"),
    ...header.map(cellOf),
    t("import.rejectedFile.problems"),
  ]);
  heading.font = { bold: true };
  heading.commit();
  for await (const row of rows) {
    sheet.addRow([row.rowNumber, ...row.cells.map(cellOf), cellOf(rowProblemsText(row.problems, t))]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
