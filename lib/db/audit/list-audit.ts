import "server-only";
import { recordAudit } from "@/lib/db/audit";
import {
  auditReach,
  describeEntries,
  resolveFilters,
  selectEntries,
  type AuditEntry,
} from "@/lib/db/audit/audit-entries";
import { assertCan, familyScopeWhere } from "@/lib/db/scopes";
import { AUDIT_PAGE_SIZE, auditQueryParams, type AuditFilters } from "@/lib/domain/audit-query";
import { auditScope, type Actor } from "@/lib/domain/permissions";

export type AuditPage = {
  entries: AuditEntry[];
  /** The id to pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
};

/**
 * One page of the audit log for the viewer: the entries in the reader's reach (lib/db/audit/audit-entries.ts)
 * that match the filters, newest first, from the cursor on (keyset: a deep page costs what the first
 * does). Reading the log is itself audited as `audit.view`, with the filters and how many entries were
 * shown. Refused (as not found) for anyone without `audit.view`.
 */
export async function listAuditEntries(
  actor: Actor,
  query: { filters: AuditFilters; before: string | null },
): Promise<AuditPage> {
  assertCan(actor, "audit.view");
  const reach = await auditReach(auditScope(actor));
  const resolved = await resolveFilters(query.filters, familyScopeWhere(actor));
  const rows = resolved ? await selectEntries(reach, resolved, query.before, AUDIT_PAGE_SIZE + 1) : [];
  const pageRows = rows.slice(0, AUDIT_PAGE_SIZE);
  const entries = await describeEntries(pageRows, familyScopeWhere(actor));
  await recordAudit({
    actor,
    action: "audit.view",
    entity: "audit_log",
    regionId: reach.kind === "region" ? reach.regionId : null,
    details: {
      filters: Object.fromEntries(auditQueryParams(query.filters)),
      ...(query.before && { before: query.before }),
      shown: entries.length,
    },
  });
  return {
    entries,
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? (entries.at(-1)?.id ?? null) : null,
  };
}
