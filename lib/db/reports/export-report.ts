import "server-only";
import { recordAudit } from "@/lib/db/audit";
import { overviewReport } from "@/lib/db/reports/overview";
import { processingReportTables } from "@/lib/db/reports/processing-times";
import { quotaReportTables } from "@/lib/db/reports/quota-report";
import { statusExpiryReport } from "@/lib/db/reports/status-expiry";
import { supportPaidReport } from "@/lib/db/reports/support-paid";
import { notFoundError } from "@/lib/domain/app-error";
import { figuresScope, type Actor } from "@/lib/domain/permissions";
import type { ReportTable, Translator } from "@/lib/domain/report-table";
import { mayRequestRegion } from "@/lib/domain/report-scope";
import type { Locale } from "@/lib/i18n/config";
import type { ReportFilters } from "@/lib/validation/report-filters";

/**
 * The tables of one report for the signed-in user, as its page shows them (scoped and, for analysts,
 * suppressed by the lib/db function). `t` and `locale` are there for reports whose tables need words the
 * generic localisation (lib/domain/report-table localiseTable) cannot give; most ignore them.
 */
type ReportTablesLoader = (
  actor: Actor,
  filters: ReportFilters,
  t: Translator,
  locale: Locale,
) => Promise<ReportTable[]>;

/** A report's tables, and whether it is of a year only (no region or category filter, like its page). */
type ReportEntry = { load: ReportTablesLoader; isYearOnly?: boolean };

/** Report name (the URL segment under /reports/) → its tables. Each report adds its entry here with one line. */
const REPORTS: Record<string, ReportEntry> = {
  overview: { load: async (actor, filters, _t, locale) => (await overviewReport(actor, filters, { locale })).tables },
  processing: { load: (actor, filters) => processingReportTables(actor, filters) },
  quotas: { load: (actor, filters, t, locale) => quotaReportTables(actor, filters.year, t, locale), isYearOnly: true },
  support: { load: async (actor, filters, _t, locale) => (await supportPaidReport(actor, filters, { locale })).tables },
  expiry: { load: async (actor, filters) => (await statusExpiryReport(actor, filters)).tables },
};

export type ReportExport = {
  report: string;
  filters: ReportFilters;
  /** A table's id, or "all". */
  table: string;
  format: string;
};

/**
 * The tables of a report for a download, audited as `report.export` (who took which figures of which
 * region). An unknown report or table, or a coordinator naming another region (also on a report of a
 * year only, which would otherwise quietly answer with the own region's figures) is notFoundError and
 * audited as `report.export.denied`: a hand-made URL never returns a file it should not, and the
 * attempt is on record. A role without reports is refused before, by its permission.
 */
export async function exportReportTables(
  actor: Actor,
  request: ReportExport,
  t: Translator,
  locale: Locale,
): Promise<ReportTable[]> {
  const { report, table, format } = request;
  const refuse = async (reason: "report" | "region" | "table") => {
    await recordAudit({
      actor,
      action: "report.export.denied",
      entity: "report",
      entityId: `${report}-${request.filters.year}`,
      regionId: actor.regionId ?? null,
      details: { reason, report, table, format, year: request.filters.year, region: request.filters.regionId },
    });
    return notFoundError(`${reason} of report export ${report}`);
  };
  const entry = Object.hasOwn(REPORTS, report) ? REPORTS[report] : undefined;
  if (!entry) throw await refuse("report");
  if (!mayRequestRegion(actor, request.filters.regionId)) throw await refuse("region");
  // A filter the report does not have is not applied, so the audit entry must not claim it either.
  const filters = entry.isYearOnly ? { ...request.filters, regionId: null, category: null } : request.filters;
  const tables = (await entry.load(actor, filters, t, locale)).filter(
    (candidate) => table === "all" || candidate.id === table,
  );
  if (tables.length === 0) throw await refuse("table");
  const scope = figuresScope(actor);
  const regionId = scope.kind === "region" ? scope.regionId : filters.regionId;
  await recordAudit({
    actor,
    action: "report.export",
    entity: "report",
    entityId: `${report}-${filters.year}`,
    regionId,
    details: { report, table, format, year: filters.year, region: regionId, category: filters.category },
  });
  return tables;
}
