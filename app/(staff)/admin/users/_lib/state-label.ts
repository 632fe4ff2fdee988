import type { StaffState } from "@/lib/domain/staff-accounts";

/** The catalogue key of an account state's name (active and deactivated keep the list's older keys). */
export const STAFF_STATE_MESSAGE: Record<StaffState, string> = {
  active: "users.active",
  pending: "users.pending",
  deactivated: "users.inactive",
};
