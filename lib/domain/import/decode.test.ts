import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { createTextDecoder, csvParseOptions, detectEncoding, sniffDelimiter, type TextEncodingName } from "./decode";

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Text as Windows (Excel, Notepad) saves it in Windows-1251: Russian letters, Ё and І have a byte; a
 * character without one (the Kazakh ә ғ қ ң ө ұ ү һ) is written as "?".
 */
function windows1251(text: string): Uint8Array {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, І: 0xb2, і: 0xb3, "№": 0xb9, "«": 0xab, "»": 0xbb };
  return Uint8Array.from(Array.from(text), (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    return special[ch] ?? 0x3f;
  });
}

function decodeAll(bytes: Uint8Array, encoding: TextEncodingName, chunkSize: number): string {
  const decoder = createTextDecoder(encoding);
  let text = "";
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const result = decoder.decode(bytes.subarray(start, start + chunkSize));
    if (!result.ok) throw new Error(result.problem);
    text += result.text;
  }
  const end = decoder.finish();
  if (!end.ok) throw new Error(end.problem);
  return text + end.text;
}

describe("detectEncoding", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(detectEncoding(utf8("\uFEFFfamily_key;surname\n1;Қасымов"))).toEqual({
      ok: true,
      encoding: "utf-8",
      hasBom: true,
    });
    expect(detectEncoding(utf8("family_key;surname\n1;Қасымов"))).toEqual({
      ok: true,
      encoding: "utf-8",
      hasBom: false,
    });
  });

  it("recognises a Russian-spelt registry saved in Windows-1251", () => {
    const bytes = windows1251("Фамилия;Имя;Адрес\nКасымов;Нурлан;«Степногорск», ул. Абая, № 5\nІлиясов;Ерлан;");
    expect(detectEncoding(bytes)).toEqual({ ok: true, encoding: "windows-1251", hasBom: false });
    expect(decodeAll(bytes, "windows-1251", 7)).toBe(
      "Фамилия;Имя;Адрес\nКасымов;Нурлан;«Степногорск», ул. Абая, № 5\nІлиясов;Ерлан;",
    );
  });

  it("refuses a Kazakh file saved in Windows-1251: Қ and Ұ became question marks", () => {
    const bytes = windows1251("Қасымов;Нұрлан");
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0x3f, 0xe0, 0xf1]);
    expect(detectEncoding(bytes)).toEqual({ ok: false, problem: "kazakh-letters-lost" });
  });

  it("refuses what is neither: a Kazakh 8-bit code page, Latin-1 accents, NUL bytes, nothing", () => {
    // KZ-1048 puts Қ at 0x8D, where Windows-1251 has Ќ.
    expect(detectEncoding(Uint8Array.from([0x8d, 0xe0, 0xf1, 0xfb, 0xec, 0xee, 0xe2]))).toEqual({
      ok: false,
      problem: "unknown-encoding",
    });
    // "Straße €" in Windows-1252: € is Ђ in Windows-1251.
    expect(detectEncoding(Uint8Array.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x20, 0x80]))).toEqual({
      ok: false,
      problem: "unknown-encoding",
    });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ ok: false, problem: "not-text" });
    expect(detectEncoding(new Uint8Array())).toEqual({ ok: false, problem: "empty-file" });
  });
});

describe("createTextDecoder", () => {
  it("drops the BOM and keeps a character split between two chunks", () => {
    const bytes = utf8("\uFEFFҚасымов;Нұрлан");
    for (const size of [1, 2, 3, 5, 64])
      expect(decodeAll(bytes, "utf-8", size), `chunks of ${size}`).toBe("Қасымов;Нұрлан");
  });

  it("refuses a UTF-8 file that stops being UTF-8 after the sample", () => {
    const decoder = createTextDecoder("utf-8");
    expect(decoder.decode(utf8("Қасымов;"))).toEqual({ ok: true, text: "Қасымов;" });
    expect(decoder.decode(windows1251("Нурлан"))).toEqual({ ok: false, problem: "unknown-encoding" });
  });

  it("refuses a Windows-1251 file whose lost Kazakh letter comes late, even across chunks", () => {
    const decoder = createTextDecoder("windows-1251");
    expect(decoder.decode(windows1251("Касымов;Н"))).toEqual({ ok: true, text: "Касымов;Н" });
    expect(decoder.decode(windows1251("ұрлан"))).toEqual({ ok: false, problem: "kazakh-letters-lost" });
  });
});

describe("sniffDelimiter and csvParseOptions", () => {
  it("picks ; or , by what the first lines use outside quotes", () => {
    expect(sniffDelimiter("family_key;surname;address\n1;Қасымов;Астана, Абай даңғылы 5")).toBe(";");
    expect(sniffDelimiter('family_key,surname,address\n1,Қасымов,"Астана; Абай даңғылы 5"')).toBe(",");
    expect(sniffDelimiter("surname\nҚасымов")).toBe(";");
  });

  it("read records as arrays of cells, quotes and line breaks inside cells included", () => {
    const text = 'family_key;surname;address\n1;Қасымов;"Астана;\nАбай даңғылы, 5"\n;;\n2;Ахметова\n';
    expect(parse(text, csvParseOptions(sniffDelimiter(text)))).toEqual([
      ["family_key", "surname", "address"],
      ["1", "Қасымов", "Астана;\nАбай даңғылы, 5"],
      ["2", "Ахметова"],
    ]);
  });
});
