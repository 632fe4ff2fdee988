/**
 * The employment centre's weekday opening hours as a sentence of one language ("Monday to Friday,
 * 09:00–18:30; lunch break 13:00–14:30"), for the public status page and the printed papers alike.
 */
export function openingHoursText(
  t: (key: string, values?: Record<string, string>) => string,
  hours: string,
  lunchBreak: string | null,
): string {
  return lunchBreak
    ? t("papers.centre.weekdaysWithBreak", { hours, lunchBreak })
    : t("papers.centre.weekdays", { hours });
}
