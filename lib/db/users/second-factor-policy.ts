import "server-only";
import { settingInForce } from "@/lib/db/settings/settings";
import type { StaffRole } from "@/lib/domain/permissions";

/**
 * The roles that must sign in with a second factor: the programme setting `security.secondFactorRoles`
 * in force today (by default DEFAULT_SECOND_FACTOR_ROLES). The session gate and the pages only ask this
 * function; a role added to the setting is asked to enrol at its next request.
 */
export async function rolesRequiringSecondFactor(): Promise<readonly StaffRole[]> {
  return settingInForce("security.secondFactorRoles");
}
