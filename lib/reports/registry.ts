import "server-only";
import { overviewReport } from "@/lib/db/reports/overview";
import { statusExpiryReport } from "@/lib/db/reports/status-expiry";
import { supportPaidReport } from "@/lib/db/reports/support-paid";
import { processingReportTables } from "@/lib/db/reports/processing-times";
import type { Actor } from "@/lib/domain/access";
import type { ReportTable, Translator } from "@/lib/domain/report-table";
import type { Locale } from "@/lib/i18n/config";
import type { ReportFilters } from "@/lib/validation/report-filters";

/**
 * The tables of one report for the signed-in user, as its page shows them (scoped and, for analysts,
 * suppressed by the lib/db function). `t` and `locale` are there for reports whose tables need words the
 * generic localisation (lib/domain/report-table localiseTable) cannot give; most ignore them.
 */
export type ReportTablesLoader = (actor: Actor, filters: ReportFilters, t: Translator, locale: Locale) => Promise<ReportTable[]>;

/**
 * Report name (the URL segment under /reports/) → its tables, for the generic export route
 * app/(staff)/reports/[report]/export. Each report adds its entry here with one line.
 */
const REPORTS: Record<string, ReportTablesLoader> = {
  overview: async (actor, filters, _t, locale) => (await overviewReport(actor, filters, { locale })).tables,
  processing: (actor, filters) => processingReportTables(actor, filters),
  support: async (actor, filters, _t, locale) => (await supportPaidReport(actor, filters, { locale })).tables,
  expiry: async (actor, filters) => (await statusExpiryReport(actor, filters)).tables,
};

/** The loader of a report by its URL name, or undefined for an unknown name. */
export function reportTablesLoader(name: string): ReportTablesLoader | undefined {
  return Object.hasOwn(REPORTS, name) ? REPORTS[name] : undefined;
}
