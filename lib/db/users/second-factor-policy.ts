import "server-only";
import { DEFAULT_SECOND_FACTOR_ROLES, type StaffRole } from "@/lib/domain/permissions";

/**
 * The roles that must sign in with a second factor. The one place that knows where the list comes from
 * (the programme setting `security.secondFactorRoles`, by default DEFAULT_SECOND_FACTOR_ROLES); the
 * session gate and the pages only ask this function.
 */
export async function rolesRequiringSecondFactor(): Promise<readonly StaffRole[]> {
  return DEFAULT_SECOND_FACTOR_ROLES;
}
