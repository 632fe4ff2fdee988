import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineRoute } from "@/lib/actions/route";
import { exportReportTables } from "@/lib/db/reports/export-report";
import type { Translator } from "@/lib/domain/report-table";
import { toLocale } from "@/lib/i18n/config";
import { reportSpreadsheet, SPREADSHEET_TYPES } from "@/lib/reports/spreadsheet";
import { parseReportFilters } from "@/lib/validation/report-filters";

const exportQuery = z.looseObject({
  format: z.enum(["csv", "xlsx"], { error: "reportCommon.exportFormat" }),
  table: z.string().max(64).default("all"),
});

/**
 * The handler of a report's download: `…/export?table=<id>|all&format=csv|xlsx` with the page's filters
 * (`year`, `region`, `category`). lib/db/reports/export-report loads the tables with the page's scoping
 * and small-cell suppression and audits the export; lib/reports/spreadsheet writes the file (CSV for Excel
 * in Kazakh and Russian locales, XLSX with numbers as numbers). 404 for an unknown report or table, a role
 * without reports or a coordinator naming another region; 400 for another format. The report is the
 * `[report]` path segment, or `report` for a route whose path names it.
 */
export function reportExportRoute(report?: string) {
  return defineRoute({
    permission: "report.view",
    params: z.looseObject({ report: z.string().max(32).optional() }),
    query: exportQuery,
    async handler({ request, user, params, query }) {
      const name = report ?? params.report ?? "";
      const locale = toLocale(await getLocale());
      const t = (await getTranslations()) as Translator;
      const filters = parseReportFilters(new URL(request.url).searchParams);
      const tables = await exportReportTables(
        user,
        { report: name, filters, table: query.table, format: query.format },
        t,
        locale,
      );
      const body = await reportSpreadsheet(tables, {
        format: query.format,
        withTitles: query.table === "all",
        t,
        locale,
      });
      const regionId = user.regionId ?? filters.regionId;
      const filename =
        [name, filters.year, regionId, query.table === "all" ? null : query.table].filter(Boolean).join("-") +
        `.${query.format}`;
      return new Response(body, {
        headers: {
          "Content-Type": SPREADSHEET_TYPES[query.format],
          "Content-Disposition": `attachment; filename="${filename}"`,
        },
      });
    },
  });
}
