/**
 * Kazakh (and Russian) Cyrillic → Latin as written in Kazakhstan passports and ID cards.
 *
 * Scheme (ICAO 9303 letters plus Kazakh practice, e.g. Нұрлан Nurlan, Жанар Zhanar, Қайрат Kairat,
 * Айгерім Aigerim, Ерлан Yerlan, Тоқаев Tokayev, Қасымов Kassymov):
 * - Kazakh letters lose their marks: ә→a, ғ→g, қ→k, ң→n, ө→o, ұ→u, ү→u, һ→h, і→i.
 * - ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch, ы→y, й→i, ю→yu, я→ya, э→e, ё→e; ъ and ь are dropped.
 * - е→ye at the start of a word and after a vowel, ъ or ь (Yerlan, Tokayev); otherwise e.
 * - с between two vowels is doubled (Kassymov, Assel) so that it is not read as z.
 * Capitalisation is preserved: "Ж" gives "Zh" in a capitalised word and "ZH" in an upper-case one.
 * Characters outside the Cyrillic alphabet pass through unchanged.
 */

const BASE: Record<string, string> = {
  а: "a",
  ә: "a",
  б: "b",
  в: "v",
  г: "g",
  ғ: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  қ: "k",
  л: "l",
  м: "m",
  н: "n",
  ң: "n",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ұ: "u",
  ү: "u",
  ф: "f",
  х: "kh",
  һ: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  і: "i",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const VOWELS = new Set(Array.from("аәеёиоөуұүыіэюя"));
const SIGNS = new Set(["ъ", "ь"]);

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && isLetter(ch) && ch === ch.toUpperCase();
}

/** Transliterates Kazakh or Russian Cyrillic text to passport Latin (scheme in the module comment). */
export function transliterateKazakh(cyrillic: string): string {
  const chars = Array.from(cyrillic.normalize("NFC"));
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const lower = ch.toLowerCase();
    const base = BASE[lower];
    if (base === undefined) {
      out += ch;
      continue;
    }
    const prev = chars[i - 1]?.toLowerCase();
    const next = chars[i + 1]?.toLowerCase();
    let latin = base;
    if (lower === "е" && (!isLetter(prev) || VOWELS.has(prev ?? "") || SIGNS.has(prev ?? ""))) latin = "ye";
    else if (lower === "с" && VOWELS.has(prev ?? "") && VOWELS.has(next ?? "")) latin = "ss";
    if (latin === "" || !isUpper(ch)) {
      out += latin;
      continue;
    }
    // An upper-case letter next to another upper-case letter belongs to an all-caps word.
    const isAllCaps = isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !isLetter(chars[i + 1]));
    out += isAllCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Kazakh letters and ё, and the Russian letters they fold to in `foldForSearch` (same order). */
export const SEARCH_FOLD_FROM = "әғқңөұүһіё";
export const SEARCH_FOLD_TO = "агкноуухие";

const FOLD = new Map(Array.from(SEARCH_FOLD_FROM).map((ch, i) => [ch, SEARCH_FOLD_TO[i] ?? ch]));
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * Lower-cases text and folds Kazakh letters to their Russian look-alikes (қ→к, ғ→г, ң→н, ө→о, ұ→у,
 * ү→у, һ→х, і→и, ә→а) and ё→е, so that a search finds "Қасымов" by "касымов". A Latin "i" inside an
 * otherwise Cyrillic word (a common substitute for і) folds to и as well. SQL can apply the same
 * folding with translate(lower(x), SEARCH_FOLD_FROM, SEARCH_FOLD_TO).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\s]+/g, (word) => {
      const hasCyrillic = CYRILLIC.test(word);
      let out = "";
      for (const ch of word) out += FOLD.get(ch) ?? (hasCyrillic && ch === "i" ? "и" : ch);
      return out;
    });
}
