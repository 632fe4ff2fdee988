import "server-only";
import { AppError } from "@/lib/domain/app-error";
import { hasRegion, type StaffRole } from "@/lib/domain/permissions";
import { findRegion } from "@/lib/domain/regions";

/**
 * Refuses a role and region that do not go together (the schema already does; this guards every other
 * caller): a coordinator or caseworker needs a known region, a national role none. The database's CHECK
 * app_user_region_matches_role holds the same rule, so it is never left to a failed statement.
 */
export function assertRegionMatchesRole(role: StaffRole, regionId: string | null): void {
  const isValid = hasRegion(role) ? regionId !== null && findRegion(regionId) !== undefined : regionId === null;
  if (!isValid) throw new AppError("users.errors.regionRequired", { field: "regionId" });
}
