import "server-only";
import { recordAudit } from "@/lib/db/audit";
import {
  auditReach,
  countEntries,
  describeEntries,
  resolveFilters,
  selectEntries,
  type AuditEntry,
} from "@/lib/db/audit/audit-entries";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { AppError } from "@/lib/domain/app-error";
import { AUDIT_EXPORT_MAX_ROWS, auditQueryParams, type AuditFilters } from "@/lib/domain/audit-query";
import { auditScope, type Actor } from "@/lib/domain/permissions";

/**
 * Every entry the viewer would list for the filters (all pages), for the CSV export, newest first.
 * More than AUDIT_EXPORT_MAX_ROWS are refused with a message to narrow the filters, before any row is
 * read; the attempt is audited as `audit.export.refused`. A completed export is audited as
 * `audit.export` with the filters and the number of rows.
 */
export async function exportAuditEntries(actor: Actor, filters: AuditFilters): Promise<AuditEntry[]> {
  assertCan(actor, "audit.view");
  const reach = await auditReach(auditScope(actor));
  const resolved = await resolveFilters(filters, familyScopeWhere(actor));
  const common = {
    actor,
    entity: "audit_log",
    regionId: reach.kind === "region" ? reach.regionId : null,
  };
  const filterParams = Object.fromEntries(auditQueryParams(filters));
  if (resolved) {
    const matching = await countEntries(reach, resolved, AUDIT_EXPORT_MAX_ROWS + 1);
    if (matching > AUDIT_EXPORT_MAX_ROWS) {
      await recordAudit({
        ...common,
        action: "audit.export.refused",
        details: { filters: filterParams, matching: `>${AUDIT_EXPORT_MAX_ROWS}` },
      });
      throw new AppError("audit.errors.exportTooLarge", {
        status: 400,
        values: { max: { count: AUDIT_EXPORT_MAX_ROWS } },
      });
    }
  }
  const rows = resolved ? await selectEntries(reach, resolved, null, AUDIT_EXPORT_MAX_ROWS) : [];
  const entries = await describeEntries(rows, familyScopeWhere(actor));
  await recordAudit({ ...common, action: "audit.export", details: { filters: filterParams, rows: entries.length } });
  return entries;
}
