import "server-only";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { QuotaReport, QuotaReportPool } from "@/lib/db/reports/quota-report";
import { REPORT_COLUMNS, roundTo, type ReportFigures } from "@/lib/domain/quota-report";
import { intlTag, localName, type Locale } from "@/lib/i18n/config";

export type Translate = Awaited<ReturnType<typeof getTranslations>>;
export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A cell of the report after the region: a number, the forecast basis in words, or nothing. */
export type ReportCell = number | string | null;

/** The table's header: region, then the columns of REPORT_COLUMNS (the page, CSV and XLSX agree). */
export function reportHeader(t: Translate): string[] {
  return [t("reports.col.region"), ...REPORT_COLUMNS.map((column) => t(`reports.col.${column.key}`))];
}

/** The cells of one row or total after the region, numbers as numbers. */
export function reportCells(figures: ReportFigures, t: Translate): ReportCell[] {
  return REPORT_COLUMNS.map((column) => {
    if (column.kind !== "basis") return column.value(figures);
    const basis = column.value(figures);
    return basis ? t(`reports.basis.${basis}`) : null;
  });
}

/** The pool's rows sorted by the region's name in the interface language. */
export function sortedRows(pool: QuotaReportPool, locale: Locale): QuotaReportPool["rows"] {
  const collator = new Intl.Collator(intlTag(locale));
  return [...pool.rows].sort((a, b) => collator.compare(localName(a.region, locale), localName(b.region, locale)));
}

/** The label of the totals row: national for administrators and analysts, the region's otherwise. */
export function totalLabel(report: QuotaReport, t: Translate): string {
  return report.scope.kind === "national" ? t("reports.nationalTotal") : t("reports.regionTotal");
}

/** The forecast's assumption in a sentence, with the figures it used (the page and the exports show it). */
export function assumptionSentence(report: QuotaReport, t: Translate, format: Formatter): string {
  const { monthsLeft, windowMonths, windowFrom, windowTo } = report.assumption;
  if (monthsLeft <= 0) return t("reports.assumptionClosed", { year: report.year });
  const day = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  return t("reports.assumption", {
    year: report.year,
    windowMonths,
    windowFrom: day(windowFrom),
    windowTo: day(windowTo),
    monthsLeft: format.number(roundTo(monthsLeft, 1), { maximumFractionDigits: 1 }),
  });
}
