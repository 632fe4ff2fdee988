import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { defineRoute } from "@/lib/actions/route";
import { exportAuditEntries } from "@/lib/db/audit/export-audit";
import { auditCsv } from "@/lib/domain/audit-csv";
import type { Translate } from "@/lib/domain/audit-entry-text";
import { parseAuditQuery } from "@/lib/domain/audit-query";
import { programmeToday } from "@/lib/domain/status-validity";
import { toLocale } from "@/lib/i18n/config";
import { SPREADSHEET_TYPES } from "@/lib/reports/spreadsheet";

/** The viewer's filters; a typed field the page would refuse is a 400 with the same message at that field. */
const auditExportQuery = z.record(z.string(), z.string()).transform((params, context) => {
  const { filters, errors } = parseAuditQuery(params);
  for (const [field, message] of Object.entries(errors)) context.addIssue({ code: "custom", path: [field], message });
  return filters;
});

/**
 * The audit log as CSV: `/admin/audit/export?<the viewer's filters>`, every page of them, at most
 * AUDIT_EXPORT_MAX_ROWS entries (more are refused with a message to narrow the filters). Audited as
 * `audit.export` in lib/db/audit/export-audit.ts; not found for anyone without audit.view. Opened by a
 * link, so a refusal is plain text in the reader's language, not JSON.
 */
export const GET = defineRoute({
  permission: "audit.view",
  refusals: "text",
  query: auditExportQuery,
  async handler({ user, query }) {
    const entries = await exportAuditEntries(user, query);
    const t = (await getTranslations()) as Translate;
    const csv = auditCsv(entries, t, toLocale(await getLocale()));
    const day = programmeToday().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": SPREADSHEET_TYPES.csv,
        "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      },
    });
  },
});
