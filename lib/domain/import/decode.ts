/**
 * From the bytes of an uploaded CSV file to text and CSV records, chunk by chunk so that the caller can
 * stream a file of any size: `detectEncoding` looks at the first 64 KiB (a BOM decides alone),
 * `createTextDecoder` turns each following chunk into text, `sniffDelimiter` picks ";" or "," from the
 * first lines, and `csvParseOptions` are the options every reader gives csv-parse.
 *
 * Windows-1251 cannot write the Kazakh letters ә ғ қ ң ө ұ ү һ (і it can). A Kazakh file saved in it
 * by Excel or LibreOffice has "?" where those letters were ("?асымов;Н?рлан"): the letters are lost,
 * and importing the names would register misspelt people, so such a file is refused and the message
 * says how to save it as UTF-8. Older Kazakh 8-bit code pages (KZ-1048 and the "Kazakh" fonts) put those
 * letters where Windows-1251 has Serbian and Macedonian ones (Ђ, Ћ, Љ …); no registry of this programme
 * has such names, so a file that reads with them is not Windows-1251 and is refused too.
 */
import type { Options } from "csv-parse";
import type { FileProblem } from "./problems";

/** How many bytes `detectEncoding` needs (fewer when the file is shorter). */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

export type TextEncodingName = "utf-8" | "windows-1251";

export type EncodingDetection =
  { ok: true; encoding: TextEncodingName; hasBom: boolean } | { ok: false; problem: FileProblem };

export type DecodedChunk = { ok: true; text: string } | { ok: false; problem: FileProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

// Windows-1251 letters of Serbian, Macedonian, Ukrainian and Belarusian other than і/І (also Kazakh).
const NOT_IN_KAZAKH_OR_RUSSIAN = /[ЂЃЉЊЌЋЏђѓљњќћџЎўЈҐЄЇЅѕјґєї]/;
// What else a Russian or Kazakh text in Windows-1251 holds beyond ASCII: Cyrillic letters, і and
// typographic punctuation (no-break space, dashes, quotes, ellipsis, №, bullet, §, °, ±, ©).
const WINDOWS_1251_TEXT = /^[\t\n\r\x20-\x7E А-яЁёІі–—‘’‚“”„…«»№•§°±©®™\u00A0]*$/;
// A question mark inside a Cyrillic word: the mark a Kazakh letter leaves when saved as Windows-1251.
const LOST_LETTER = /[А-яЁёІі]\?|\?[А-яЁёІі]/;

function startsWithBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true, because the sample may end in the middle of a character.
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a CSV file from its first bytes (up to ENCODING_SAMPLE_BYTES; pass the whole file
 * when it is shorter). A UTF-8 BOM decides alone; valid UTF-8 is UTF-8; otherwise bytes that read as
 * Russian or Kazakh text in Windows-1251 are Windows-1251. Refused: no bytes ("empty-file"), NUL bytes
 * (a spreadsheet or UTF-16 file, "not-text"), a Windows-1251 file whose Kazakh letters were lost
 * ("kazakh-letters-lost"), and anything else ("unknown-encoding").
 */
export function detectEncoding(sample: Uint8Array): EncodingDetection {
  if (sample.length === 0) return { ok: false, problem: "empty-file" };
  if (startsWithBom(sample)) return { ok: true, encoding: "utf-8", hasBom: true };
  if (sample.includes(0)) return { ok: false, problem: "not-text" };
  if (isUtf8(sample)) return { ok: true, encoding: "utf-8", hasBom: false };
  const text = new TextDecoder("windows-1251").decode(sample);
  if (NOT_IN_KAZAKH_OR_RUSSIAN.test(text) || !WINDOWS_1251_TEXT.test(text) || !/[А-яЁё]/.test(text))
    return { ok: false, problem: "unknown-encoding" };
  if (LOST_LETTER.test(text)) return { ok: false, problem: "kazakh-letters-lost" };
  return { ok: true, encoding: "windows-1251", hasBom: false };
}

/**
 * A decoder for the chunks of one file, in order, from its first byte. It drops a UTF-8 BOM, refuses
 * bytes that are not UTF-8 in a UTF-8 file ("unknown-encoding": the file changes encoding after its
 * first 64 KiB) and a lost Kazakh letter anywhere in a Windows-1251 file. After a refusal the file is
 * refused: the caller stops reading. Holds at most three bytes of an unfinished character and one
 * character of the previous chunk.
 */
export function createTextDecoder(encoding: TextEncodingName): {
  decode(chunk: Uint8Array): DecodedChunk;
  finish(): DecodedChunk;
} {
  // ignoreBOM: false drops the BOM at the start of the stream (and only there).
  const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8", ignoreBOM: false });
  let previousCharacter = "";
  const read = (chunk: Uint8Array | undefined, stream: boolean): DecodedChunk => {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream });
    } catch {
      return { ok: false, problem: "unknown-encoding" };
    }
    if (encoding === "windows-1251" && LOST_LETTER.test(previousCharacter + text))
      return { ok: false, problem: "kazakh-letters-lost" };
    if (text !== "") previousCharacter = text.slice(-1);
    return { ok: true, text };
  };
  return { decode: (chunk) => read(chunk, true), finish: () => read(undefined, false) };
}

export type CsvDelimiter = ";" | ",";

/**
 * ";" or ",", whichever occurs more often outside quotes on the first lines of the text (up to 10).
 * Excel in Kazakh and Russian settings writes ";", elsewhere ","; a tie goes to ";", because a comma
 * is more likely inside an unquoted address than a semicolon.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let lines = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ";") semicolons++;
    else if (ch === ",") commas++;
    else if (ch === "\n" && ++lines === 10) break;
  }
  return commas > semicolons ? "," : ";";
}

/**
 * The options every reader of an import file gives csv-parse: records as arrays of strings (the
 * mapping picks columns by index), rows shorter or longer than the header kept (the missing cells are
 * empty), blank lines and rows of empty cells (Excel writes ";;;;" for them) skipped. The text comes
 * from `createTextDecoder`, which has dropped the BOM.
 */
export function csvParseOptions(delimiter: CsvDelimiter): Options {
  return {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
  };
}
