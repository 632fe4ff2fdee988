"use server";
import { defineAction } from "@/lib/actions/action";
import type { IssuedLink } from "@/lib/db/users/account-links";
import { changeStaffAssignment } from "@/lib/db/users/change-staff-assignment";
import { createStaffAccount } from "@/lib/db/users/create-staff-account";
import { resetStaffPassword } from "@/lib/db/users/reset-password";
import { setUserActive } from "@/lib/db/users/set-user-active";
import {
  deactivationSchema,
  staffAccountSchema,
  staffAssignmentSchema,
  staffMemberSchema,
} from "@/lib/validation/staff-account";

const memberPaths = (userId: number) => ["/admin/users", `/admin/users/${userId}`];

/** A link as the browser receives it (the expiry as an ISO string), to be shown once. */
export type ShownLink = { token: string; expiresAt: string; purpose: IssuedLink["purpose"] };
const shown = (link: IssuedLink): ShownLink => ({ ...link, expiresAt: link.expiresAt.toISOString() });

/** Creates a staff account; the answer carries its one-time activation link, shown once. */
export const createStaffAccountAction = defineAction({
  schema: staffAccountSchema,
  permission: "users.manage",
  revalidate: ["/admin/users"],
  async run(input, user) {
    const { userId, link } = await createStaffAccount(user, input);
    return { userId, link: shown(link) };
  },
});

/** Changes a person's role and region; it applies on the person's next request. */
export const changeStaffAssignmentAction = defineAction({
  schema: staffAssignmentSchema,
  permission: "users.manage",
  revalidate: (input) => memberPaths(input.userId),
  run: (input, user) => changeStaffAssignment(user, input),
});

/** Ends the person's password and sessions and answers with a new link, shown once. */
export const resetStaffPasswordAction = defineAction({
  schema: staffMemberSchema,
  permission: "users.manage",
  revalidate: (input) => memberPaths(input.userId),
  run: async (input, user) => shown(await resetStaffPassword(user, input)),
});

/** Deactivates an account with the administrator's reason. */
export const deactivateStaffAction = defineAction({
  schema: deactivationSchema,
  permission: "users.manage",
  revalidate: (input) => memberPaths(input.userId),
  run: (input, user) => setUserActive(user, { userId: input.userId, isActive: false, reason: input.reason }),
});

/** Reactivates an account; the reason of its deactivation is cleared. */
export const reactivateStaffAction = defineAction({
  schema: staffMemberSchema,
  permission: "users.manage",
  revalidate: (input) => memberPaths(input.userId),
  run: (input, user) => setUserActive(user, { userId: input.userId, isActive: true }),
});
