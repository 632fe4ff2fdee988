import "server-only";
import { createTranslator } from "next-intl";
import { intlTag, type Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { PROGRAMME_TIME_ZONE } from "@/lib/domain/status-validity";

export type PaperTranslate = (key: string, values?: Record<string, string | number>) => string;

/** Texts and dates of one language for a printed paper, whatever the interface language. */
export type PaperTexts = {
  tr: PaperTranslate;
  /** A calendar day stored as UTC midnight, as state documents write it: 15.01.2026. */
  day: (date: Date | null) => string;
  /** The programme's calendar day of an instant (a status change). */
  dayOf: (instant: Date) => string;
};

const NUMERIC_DAY = { day: "2-digit", month: "2-digit", year: "numeric" } as const;

/** The texts of a printed paper in a language. */
export function paperTexts(locale: Locale): PaperTexts {
  // next-intl's key typing cannot walk the recursive catalogue type: keys are plain strings here.
  const translator = createTranslator({ locale, messages: loadMessages(locale) as Record<string, string> });
  const calendarDay = new Intl.DateTimeFormat(intlTag(locale), { ...NUMERIC_DAY, timeZone: "UTC" });
  const programmeDay = new Intl.DateTimeFormat(intlTag(locale), { ...NUMERIC_DAY, timeZone: PROGRAMME_TIME_ZONE });
  return {
    tr: (key, values) => translator(key, values),
    day: (date) => (date ? calendarDay.format(date) : "—"),
    dayOf: (instant) => programmeDay.format(instant),
  };
}
