/**
 * What the one search box of the family list was given: a case number, an IIN or names. Pure; the
 * data layer turns the result into SQL (lib/db/families/list-families.ts).
 */
import { formatCaseNumber } from "./case-number";
import { foldForSearch, transliterateKazakh } from "./transliteration";

/** Longest query the search box accepts (the form and the URL schema use it too). */
export const SEARCH_QUERY_MAX_LENGTH = 100;
/** Words of a name query beyond this many are ignored (each one is a separate index condition). */
export const SEARCH_MAX_WORDS = 5;
/**
 * pg_trgm word similarity from which a query word matches a name (0–1). At 0.5 one deleted or wrong
 * letter in a surname still matches (measured on the demo names: over 95 %), while an exact surname
 * matches on average 1.5 other surnames; the default 0.6 misses half of the one-letter typos.
 */
export const SEARCH_WORD_SIMILARITY = 0.5;
/** Spelling variants tried per word (bounded: each one is an index probe). */
export const SEARCH_MAX_VARIANTS = 8;

export type SearchQuery =
  /** A full case number: exact match. */
  | { kind: "caseNumber"; caseNumber: string }
  /** The numeric tail of a case number, of any year: "123" or "000123". */
  | { kind: "caseSequence"; seq: number }
  /** Twelve digits: the IIN of any member. */
  | { kind: "iin"; iin: string }
  /**
   * Names: every word must match the same person; a word matches when any of its spelling variants
   * is similar to a word of the person's search text (pg_trgm word similarity). The variants are in
   * passport Latin, also for a query typed in Cyrillic (see `nameQueryWords`).
   */
  | { kind: "name"; words: string[][] }
  /** Nothing searchable (e.g. eleven digits, or only punctuation): no family matches. */
  | { kind: "nothing" };

// "NK-2026-000123", "nk 2026 123", "NK2026000123"; Cyrillic Н and К for a keyboard left in Russian.
const CASE_NUMBER = /^[NН][KК]-?(\d{4})-?(\d{1,6})$/iu;
const LETTER = /\p{L}/u;
const CYRILLIC = /[\u0400-\u04FF]/;
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Classifies a search-box query: case number, case sequence, IIN or names (see `SearchQuery`). */
export function classifySearchQuery(raw: string): SearchQuery {
  const text = raw.normalize("NFC").trim().slice(0, SEARCH_QUERY_MAX_LENGTH);
  const compact = text.replace(/[\s\u2010-\u2015-]+/g, "-");

  const caseMatch = CASE_NUMBER.exec(compact);
  if (caseMatch) {
    const year = Number(caseMatch[1]);
    const seq = Number(caseMatch[2]);
    if (year < 1000 || seq < 1) return { kind: "nothing" };
    return { kind: "caseNumber", caseNumber: formatCaseNumber(year, seq) };
  }

  const digits = text.replace(/[\s-]+/g, "");
  if (/^\d+$/.test(digits)) {
    if (digits.length === 12) return { kind: "iin", iin: digits };
    if (digits.length <= 6 && Number(digits) >= 1) return { kind: "caseSequence", seq: Number(digits) };
    return { kind: "nothing" };
  }

  const words = nameQueryWords(text);
  if (words.length === 0) return { kind: "nothing" };
  return { kind: "name", words: words.map(spellingVariants) };
}

/**
 * The words of a name query in passport Latin, lower case: Cyrillic words are folded (қ→к, ұ→у …)
 * and transliterated, so "Қасымов", "Касымов" and "Kassymov" all become "kassymov".
 *
 * Why Latin: person.searchText holds every name in both scripts, but pg_trgm only sees letters the
 * database's LC_CTYPE calls alphanumeric, and under the C ctype of the embedded cluster Cyrillic
 * letters are not; the Latin spelling is found under any ctype. Words with no Latin letter left
 * (other scripts, digits) are dropped: without trigrams they would make the index scan everything.
 */
export function nameQueryWords(text: string): string[] {
  return foldForSearch(normalizeLatinLetters(text))
    .split(WORD_SEPARATOR)
    .filter((word) => LETTER.test(word))
    .map((word) => (CYRILLIC.test(word) ? transliterateKazakh(word).toLowerCase() : word))
    .filter((word) => /^[a-z]+$/.test(word))
    .slice(0, SEARCH_MAX_WORDS);
}

// Letters of the Kazakh Latin alphabet (2021) and other diacritics, as passports spell them.
const LATIN_LETTERS: Record<string, string> = {
  ä: "a",
  á: "a",
  ğ: "g",
  ı: "y",
  ñ: "n",
  ň: "n",
  ö: "o",
  ó: "o",
  ş: "sh",
  ç: "ch",
  ū: "u",
  ü: "u",
  ú: "u",
  ý: "y",
  q: "k",
};

/**
 * Rewrites Latin letters that passports do not use to their passport spelling (Qasym → Kasym,
 * Äset → Aset, Şynar → Shynar); Cyrillic text is left alone.
 */
export function normalizeLatinLetters(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\s]+/g, (word) =>
      /[\u0400-\u04FF]/.test(word) ? word : Array.from(word, (ch) => LATIN_LETTERS[ch] ?? ch).join(""),
    )
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC");
}

type Rewrite = { at: number; length: number; to: string };

const VOWELS = "aeiouy";
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.includes(ch);

/** Places in a lower-case Latin word where people spell the same sound differently. */
function ambiguousSpots(word: string): Rewrite[] {
  const spots: Rewrite[] = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] ?? "";
    const next = word[i + 1];
    const prev = word[i - 1];
    // Kassymov / Kasymov: passports double s between vowels, people often do not.
    if (ch === "s" && next === "s" && isVowel(prev) && isVowel(word[i + 2])) spots.push({ at: i, length: 2, to: "s" });
    else if (ch === "s" && prev !== "s" && next !== "s" && isVowel(prev) && isVowel(next))
      spots.push({ at: i, length: 1, to: "ss" });
    // Kasymov / Kasimov: ы is y in passports and often i elsewhere; i for і is sometimes y.
    else if (ch === "y" && !isVowel(next)) spots.push({ at: i, length: 1, to: "i" });
    else if (ch === "i" && i > 0 && !isVowel(next)) spots.push({ at: i, length: 1, to: "y" });
    // Yerlan / Erlan, Tokayev / Tokaev: е at the start or after a vowel.
    else if (ch === "y" && next === "e" && (i === 0 || isVowel(prev))) spots.push({ at: i, length: 1, to: "" });
    else if (ch === "e" && (i === 0 || (isVowel(prev) && prev !== "y"))) spots.push({ at: i, length: 0, to: "y" });
    // Akhmet / Ahmet, Zhanar / Janar.
    else if (ch === "k" && next === "h") spots.push({ at: i, length: 2, to: "h" });
    else if (ch === "h" && !"kzcs".includes(prev ?? "")) spots.push({ at: i, length: 1, to: "kh" });
    else if (ch === "z" && next === "h") spots.push({ at: i, length: 2, to: "j" });
    else if (ch === "j") spots.push({ at: i, length: 1, to: "zh" });
  }
  return spots;
}

/**
 * The word and its likely other spellings (Kasimov → kasimov, kassimov, kasymov, kassymov), at most
 * SEARCH_MAX_VARIANTS, the word itself first. Together with the trigram similarity, which forgives
 * one slip of the finger, this finds the passport spelling from the ones people type.
 */
export function spellingVariants(word: string): string[] {
  const spots = ambiguousSpots(word);
  // Combine the first few spots only: 2^n variants, each an index probe.
  const usable = spots.slice(0, Math.floor(Math.log2(SEARCH_MAX_VARIANTS)));
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    let out = "";
    let from = 0;
    usable.forEach((spot, index) => {
      if (!(mask & (1 << index))) return;
      out += word.slice(from, spot.at) + spot.to;
      from = spot.at + spot.length;
    });
    out += word.slice(from);
    if (!variants.includes(out)) variants.push(out);
  }
  return variants;
}

/**
 * Beyond this many matches the family list says "more than" rather than counting on: counting stops at
 * the cap, so a broad search (a common surname, the whole country's list) costs no more than a narrow one.
 */
export const RESULT_COUNT_CAP = 1000;

/** The number of results a list shows, from the rows counted up to one past the cap. */
export type ResultCount = { count: number; isMore: boolean };

export function resultCount(rowsCounted: number, cap = RESULT_COUNT_CAP): ResultCount {
  return rowsCounted > cap ? { count: cap, isMore: true } : { count: rowsCounted, isMore: false };
}
