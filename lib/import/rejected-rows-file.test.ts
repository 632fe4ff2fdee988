import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Translate } from "@/lib/domain/import/problem-text";
import { writeRejectedRowsXlsx, type RejectedRow } from "./rejected-rows-file";
import { xlsxRows } from "./xlsx-rows";

const CATALOGUE: Record<string, string> = {
  "import.rejectedFile.sheet": "Rejected rows",
  "import.rejectedFile.row": "Row",
  "import.rejectedFile.problems": "Problems",
  "import.column.birth_date": "Date of birth",
  "import.problem.date-invalid": "“{value}” is not a date.",
  "import.problem.family-rejected-by-other-rows": "The family's other rows have errors.",
};
const t: Translate = (key, values = {}) =>
  (CATALOGUE[key] ?? `!${key}`).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));

async function written(header: string[], rows: RejectedRow[]): Promise<string[][]> {
  const out = new PassThrough();
  const pieces: Buffer[] = [];
  out.on("data", (piece: Buffer) => pieces.push(piece));
  await writeRejectedRowsXlsx(out, { header, rows: Readable.from(rows), t });
  const read: string[][] = [];
  for await (const row of xlsxRows(Readable.from(Buffer.concat(pieces)))) {
    read.push(row.cells.map((cell) => (typeof cell === "string" ? cell : cell.error)));
  }
  return read;
}

describe("writeRejectedRowsXlsx", () => {
  it("writes each rejected row under the file's header with its number and its problems in words", async () => {
    const rows = await written(
      ["family_key", "birth_date", "phone"],
      [
        {
          rowNumber: 4,
          cells: ["F2", "31.02.1980", "+77011234567"],
          problems: [{ code: "date-invalid", column: "birth_date", value: "31.02.1980" }],
        },
        {
          rowNumber: 5,
          cells: ["F2", "01.01.2001", '=HYPERLINK("x")'],
          problems: [{ code: "family-rejected-by-other-rows" }],
        },
      ],
    );
    expect(rows).toEqual([
      ["Row", "family_key", "birth_date", "phone", "Problems"],
      ["4", "F2", "31.02.1980", "+77011234567", "Date of birth: “31.02.1980” is not a date."],
      // A formula-like cell comes back as the text it was, not evaluated and not altered.
      ["5", "F2", "01.01.2001", '=HYPERLINK("x")', "The family's other rows have errors."],
    ]);
  });

  it("shows a NUL or another control character of the file as U+FFFD, which XML can hold", async () => {
    const rows = await written(["surname"], [{ rowNumber: 2, cells: ["Қасы\u0000мов"], problems: [] }]);
    expect(rows[1]).toEqual(["2", "Қасы\uFFFDмов", ""]);
  });
});
