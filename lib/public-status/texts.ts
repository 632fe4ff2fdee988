import { createTranslator } from "next-intl";
import { intlTag, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { PROGRAMME_TIME_ZONE } from "@/lib/domain/status-validity";

/** Texts and formats of one language for the public status page. */
export type StatusTexts = {
  locale: Locale;
  /** A message by its full key (`status.form.submit`); plain text, to be escaped by the template. */
  t: (key: string, values?: Record<string, string | number>) => string;
  /** Whether the catalogue has the key (next steps and actions come from lib/domain as keys). */
  has: (key: string) => boolean;
  /** A calendar day stored as UTC midnight (validity, arrival): never shifted by a time zone. */
  day: (date: Date) => string;
  /** The programme's calendar day of an instant (status changes). */
  dayOf: (instant: Date) => string;
};

const cache = new Map<Locale, StatusTexts>();

/** The texts of a language, built once per server process. */
export function statusTexts(locale: Locale): StatusTexts {
  const cached = cache.get(locale);
  if (cached) return cached;
  // The catalogue's type is recursive, which next-intl's key typing cannot walk: keys are plain strings here.
  const translator = createTranslator({ locale, messages: loadMessages(locale) as Record<string, string> });
  const options = { day: "numeric", month: "long", year: "numeric" } as const;
  const calendarDay = new Intl.DateTimeFormat(intlTag(locale), { ...options, timeZone: "UTC" });
  const programmeDay = new Intl.DateTimeFormat(intlTag(locale), { ...options, timeZone: PROGRAMME_TIME_ZONE });
  const texts: StatusTexts = {
    locale,
    t: (key, values) => translator(key, values),
    has: (key) => translator.has(key),
    day: (date) => calendarDay.format(date),
    dayOf: (instant) => programmeDay.format(instant),
  };
  cache.set(locale, texts);
  return texts;
}
