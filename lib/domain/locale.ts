/**
 * The interface languages and the tags that format dates and numbers in them. Pure data, so that pure
 * rules (report tables, region names) can use it; lib/i18n/config re-exports it beside the cookie name.
 */

/** Interface languages: Kazakh (the default), Russian, English. */
export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "kk";

/** Narrows any string to a supported locale, falling back to Kazakh. */
export function toLocale(value: string | null | undefined): Locale {
  return LOCALES.find((locale) => locale === value) ?? DEFAULT_LOCALE;
}

/** BCP 47 tag for date and number formatting (Kazakh, Russian and English as used in Kazakhstan). */
export function intlTag(locale: Locale): string {
  return { kk: "kk-KZ", ru: "ru-KZ", en: "en-GB" }[locale];
}

/** Picks the name in the interface language from a record with nameKk/nameRu/nameEn. */
export function localName(record: { nameKk: string; nameRu: string; nameEn: string }, locale: Locale): string {
  return { kk: record.nameKk, ru: record.nameRu, en: record.nameEn }[locale];
}
