/**
 * Kandas status validity: a status granted by the akimat is valid for a number of months from the
 * decision (the setting `status.validityMonths`, 12 by default) and can be extended. Dates are calendar
 * days (PostgreSQL `date`, carried as UTC midnight).
 */

/** Months a kandas status stays valid until an administrator sets `status.validityMonths` (lib/domain/settings.ts). */
export const DEFAULT_STATUS_VALIDITY_MONTHS = 12;

/** Days before expiry from which a status counts as expiring soon. */
export const EXPIRY_WARNING_DAYS = 30;

/** The programme's working time zone: "today" for decisions and quota years is a day in Kazakhstan. */
export const PROGRAMME_TIME_ZONE = "Asia/Almaty";

const DAY_MS = 86_400_000;

/** The calendar day (UTC midnight) of `date`, dropping the time of day. */
export function calendarDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Today's calendar day in the programme's time zone (as UTC midnight), for `now`. */
export function programmeToday(now: Date = new Date(), timeZone: string = PROGRAMME_TIME_ZONE): Date {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day")));
}

/** Parses an ISO yyyy-mm-dd day into UTC midnight; null for anything else or an impossible date. */
export function parseIsoDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** `date` plus whole months; the 31st becomes the last day of a shorter month (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)));
}

/** Last day a kandas status granted on `decisionDate` is valid: the decision day plus `months` months. */
export function statusValidUntil(decisionDate: Date, months: number = DEFAULT_STATUS_VALIDITY_MONTHS): Date {
  return addMonths(calendarDay(decisionDate), months);
}

/** Whole calendar days from `today` to `validUntil` (negative once it has passed). */
export function daysUntil(validUntil: Date, today: Date): number {
  return Math.round((calendarDay(validUntil).getTime() - calendarDay(today).getTime()) / DAY_MS);
}

export type ValidityState =
  { kind: "valid"; daysLeft: number } | { kind: "expiring"; daysLeft: number } | { kind: "expired"; daysAgo: number };

/**
 * How a status valid until `validUntil` stands on `today`: valid through the last day itself,
 * "expiring" within `warningDays` of it, "expired" from the day after.
 */
export function validityState(validUntil: Date, today: Date, warningDays: number = EXPIRY_WARNING_DAYS): ValidityState {
  const days = daysUntil(validUntil, today);
  if (days < 0) return { kind: "expired", daysAgo: -days };
  return days <= warningDays ? { kind: "expiring", daysLeft: days } : { kind: "valid", daysLeft: days };
}

/** Whether a status valid until `validUntil` still holds on `today` (the last day counts). */
export function isStatusValid(validUntil: Date | null, today: Date): boolean {
  return validUntil !== null && daysUntil(validUntil, today) >= 0;
}
