/**
 * Countries kandas come from, with names in three languages and the weights used for demo and
 * benchmark data (shares of arrivals 2023–2025 per domain.md; the long tail is small).
 */
import type { Locale } from "./locale";
import type { LocalizedName } from "./regions";

export interface OriginCountry {
  /** ISO 3166-1 alpha-2 */
  code: string;
  name: LocalizedName;
  /** Relative weight for generated data, in per mille of kandas families. */
  demoWeight: number;
}

const c = (code: string, kk: string, ru: string, en: string, demoWeight: number): OriginCountry => ({
  code,
  name: { kk, ru, en },
  demoWeight,
});

/** Origin countries, most frequent first. Weights sum to 1000. */
export const ORIGIN_COUNTRIES: readonly OriginCountry[] = [
  c("UZ", "Өзбекстан", "Узбекистан", "Uzbekistan", 490),
  c("CN", "Қытай", "Китай", "China", 250),
  c("MN", "Моңғолия", "Монголия", "Mongolia", 110),
  c("RU", "Ресей", "Россия", "Russia", 80),
  c("TM", "Түрікменстан", "Туркменистан", "Turkmenistan", 50),
  c("KG", "Қырғызстан", "Кыргызстан", "Kyrgyzstan", 7),
  c("TJ", "Тәжікстан", "Таджикистан", "Tajikistan", 4),
  c("IR", "Иран", "Иран", "Iran", 3),
  c("TR", "Түркия", "Турция", "Turkey", 2),
  c("AF", "Ауғанстан", "Афганистан", "Afghanistan", 2),
  c("UA", "Украина", "Украина", "Ukraine", 1),
  c("DE", "Германия", "Германия", "Germany", 1),
];

/** Citizenship code for stateless persons (ICAO 9303 uses XXA; the schema keeps two letters). */
export const STATELESS = "XX";

const BY_CODE = new Map(ORIGIN_COUNTRIES.map((x) => [x.code, x]));

/** Whether the code is a known origin country. */
export function isOriginCountry(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * Name of a country (origin countries, Kazakhstan and "XX" stateless) in a locale; an unknown code is
 * returned as it is, so a display never breaks on data entered before the list grew.
 */
export function countryName(code: string, locale: Locale): string {
  const upper = code.toUpperCase();
  if (upper === "KZ") return { kk: "Қазақстан", ru: "Казахстан", en: "Kazakhstan" }[locale];
  if (upper === STATELESS) return { kk: "Азаматтығы жоқ", ru: "Лицо без гражданства", en: "Stateless" }[locale];
  return BY_CODE.get(upper)?.name[locale] ?? code;
}
