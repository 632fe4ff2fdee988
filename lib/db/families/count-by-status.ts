import "server-only";
import { db } from "@/lib/db/client";
import { statusCountScope, type Actor } from "@/lib/domain/permissions";
import { statusCountWhere } from "@/lib/db/scopes";

export type StatusCount = { status: string; families: number };

/**
 * Families per status for the overview: the whole country for national roles (ANALYST sees numbers,
 * never names), the own region for regional roles. Counts carry no personal data, so no audit entry.
 */
export async function countFamiliesByStatus(actor: Actor): Promise<StatusCount[]> {
  const scope = statusCountScope(actor);
  if (scope.kind === "none") return [];
  const rows = await db().family.groupBy({
    by: ["status"],
    where: statusCountWhere(scope),
    _count: { _all: true },
  });
  return rows.map((row) => ({ status: row.status, families: row._count._all }));
}
