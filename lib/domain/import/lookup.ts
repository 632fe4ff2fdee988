/**
 * Keys for looking up what people write (header names, sex, regions, countries …) in vocabularies:
 * both the vocabulary's words and the file's values go through the same folding, so that "Қасымов",
 * "КАСЫМОВ" and "Kасымов" (with a Latin K) find the same entry.
 */
import { foldForSearch } from "../transliteration";

// Latin letters that look like Cyrillic ones. Inside a word that has Cyrillic letters, a Latin look-alike
// is a keyboard-layout slip, never intended, so it is safe to read it as the Cyrillic letter.
const LATIN_TO_CYRILLIC = new Map(Array.from("aceopxykmthb").map((ch, i) => [ch, "асеорхукмтнв"[i] ?? ch]));
// The other way round, for codes (ISO 3166, enum codes), which are Latin: "КZ-55" with a Cyrillic К.
const CYRILLIC_TO_LATIN = new Map(Array.from("АВЕКМНОРСТХУ").map((ch, i) => [ch, "ABEKMHOPCTXY"[i] ?? ch]));
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * The lookup key of a word or phrase: trimmed, lower-cased, Kazakh letters folded to their Russian
 * look-alikes and ё to е (foldForSearch), Latin look-alikes inside Cyrillic words read as Cyrillic,
 * hyphens, dashes, underscores, dots, commas and quotes read as spaces, runs of spaces as one.
 */
export function lookupKey(text: string): string {
  const words = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\-‐‑–—_.,"'«»“”()]+/g, " ")
    .trim()
    .split(" ");
  const unslipped = words.map((word) =>
    CYRILLIC.test(word) ? Array.from(word, (ch) => LATIN_TO_CYRILLIC.get(ch) ?? ch).join("") : word,
  );
  return foldForSearch(unslipped.join(" "));
}

/** The key of a code: trimmed, upper-cased, inner spaces dropped, Cyrillic look-alikes read as Latin. */
export function codeKey(text: string): string {
  return Array.from(
    text.normalize("NFC").trim().toUpperCase().replace(/\s+/g, ""),
    (ch) => CYRILLIC_TO_LATIN.get(ch) ?? ch,
  ).join("");
}

/**
 * A lookup table from words to values. Building it with two values for one key is a programming error
 * (an ambiguous vocabulary), so it throws; the unit tests build every table.
 */
export function vocabulary<T>(entries: Iterable<readonly [T, readonly string[]]>): ReadonlyMap<string, T> {
  const table = new Map<string, T>();
  for (const [value, words] of entries) {
    for (const word of words) {
      const key = lookupKey(word);
      const existing = table.get(key);
      if (existing !== undefined && existing !== value)
        throw new Error(`"${word}" would mean both ${String(existing)} and ${String(value)}`);
      table.set(key, value);
    }
  }
  return table;
}
