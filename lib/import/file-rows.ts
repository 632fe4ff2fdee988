import "server-only";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import {
  createTextDecoder,
  csvParseOptions,
  detectEncoding,
  ENCODING_SAMPLE_BYTES,
  sniffDelimiter,
} from "@/lib/domain/import/decode";
import type { FileProblem } from "@/lib/domain/import/problems";
import { xlsxRows, type SheetRow } from "./xlsx-rows";

export type ImportFileFormat = "CSV" | "XLSX";

/** A file the import cannot read at all: nothing of it is used, and the user is told why. */
export class UnreadableImportFile extends Error {
  constructor(readonly problem: FileProblem) {
    super(`unreadable import file: ${problem}`);
    this.name = "UnreadableImportFile";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** XLSX when the bytes are a ZIP archive (as every XLSX is), CSV otherwise: the content decides, not the name. */
export function formatOf(firstBytes: Uint8Array): ImportFileFormat {
  return ZIP_MAGIC.every((byte, index) => firstBytes[index] === byte) ? "XLSX" : "CSV";
}

/**
 * The rows of an import file, streamed from its bytes: an XLSX sheet (the first unless `sheet` names
 * another), or a CSV in UTF-8 or Windows-1251 with `;` or `,` (lib/domain/import/decode.ts). Row numbers
 * are those a spreadsheet shows (the header is row 1). A file that cannot be read at all throws
 * UnreadableImportFile, before its first row when the problem is in the first 64 KiB.
 */
export async function* fileRows(
  bytes: AsyncIterable<Uint8Array>,
  { format, sheet }: { format: ImportFileFormat; sheet?: number },
): AsyncGenerator<SheetRow> {
  if (format === "XLSX") {
    yield* xlsxRows(Readable.from(bytes), { sheet });
    return;
  }
  yield* csvRows(bytes);
}

async function* csvRows(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  const iterator = bytes[Symbol.asyncIterator]();
  // The encoding and the delimiter are judged on the file's start; the rest streams through.
  const head: Uint8Array[] = [];
  let headLength = 0;
  let exhausted = false;
  while (headLength < ENCODING_SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const sample = Buffer.concat(head);
  const detected = detectEncoding(sample.subarray(0, ENCODING_SAMPLE_BYTES));
  if (!detected.ok) throw new UnreadableImportFile(detected.problem);
  const decoder = createTextDecoder(detected.encoding);

  // info: each record with the file line it ends on, which is the row number a spreadsheet shows.
  const start = textOf(decoder.decode(sample));
  const parser = parse({ ...csvParseOptions(sniffDelimiter(start)), info: true });
  const feed = async () => {
    try {
      parser.write(start);
      for (let next = exhausted ? null : await iterator.next(); next && !next.done; next = await iterator.next()) {
        if (parser.destroyed) return;
        if (!parser.write(textOf(decoder.decode(next.value)))) {
          await new Promise((resolve) => {
            parser.once("drain", resolve);
            parser.once("close", resolve);
          });
        }
      }
      if (!parser.destroyed) parser.end(textOf(decoder.finish()));
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  void feed();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { rowNumber: info.lines, cells: record };
    }
  } finally {
    // A reader that stops early (the preview's first rows) releases the parser and the file's source.
    parser.destroy();
    await iterator.return?.();
  }
}

function textOf(chunk: ReturnType<ReturnType<typeof createTextDecoder>["decode"]>): string {
  if (!chunk.ok) throw new UnreadableImportFile(chunk.problem);
  return chunk.text;
}
