// The languages are pure data (lib/domain/locale), so that pure rules can format without importing lib/i18n.
export { DEFAULT_LOCALE, intlTag, localName, LOCALES, toLocale, type Locale } from "@/lib/domain/locale";

export const LOCALE_COOKIE = "NK_LOCALE";
