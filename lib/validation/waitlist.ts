import { z } from "zod";
import { QUOTA_POOLS, isQuotaTargetRegion, isValidQuotaYear, type QuotaPool } from "@/lib/domain/quota";
import { quotaYearParam } from "@/lib/validation/quota-order";

const familyId = z.number().int().positive();

/** "Put on the waitlist" from the case page: the year is always the current quota year (server side). */
export const waitlistAddSchema = z.object({ familyId }).strict();

/** "Remove from the waitlist" of one year. */
export const waitlistRemoveSchema = z.object({ familyId, year: z.number().int().refine(isValidQuotaYear) }).strict();

/** "Allocate" from the waitlist: the version the coordinator saw, checked like any status change. */
export const waitlistAllocateSchema = z.object({ familyId, version: z.number().int().positive() }).strict();

export type WaitlistQuery = { year: number; regionId: string; pool: QuotaPool };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/**
 * The waitlist page's GET parameters: `year` a valid quota year, `region` a region that has quotas,
 * `pool` KANDAS or SETTLER; anything missing or invalid falls back to `defaults`. A `fixedRegionId`
 * (a coordinator's own region) wins over whatever the URL says.
 */
export function parseWaitlistQuery(
  params: Record<string, string | string[] | undefined>,
  defaults: { year: number; regionId: string; fixedRegionId?: string | null },
): WaitlistQuery {
  const year = quotaYearParam(params.year, defaults.year);
  const rawRegion = first(params.region) ?? "";
  const regionId = defaults.fixedRegionId ?? (isQuotaTargetRegion(rawRegion) ? rawRegion : defaults.regionId);
  const rawPool = first(params.pool) ?? "";
  const pool = (QUOTA_POOLS as readonly string[]).includes(rawPool) ? (rawPool as QuotaPool) : "KANDAS";
  return { year, regionId, pool };
}
