"use server";
import { defineAction } from "@/lib/actions/action";
import { resetSecondFactor } from "@/lib/db/users/reset-second-factor";
import { secondFactorResetSchema } from "@/lib/validation/second-factor";

/** The administrator resets another person's second factor (audited; ends that person's sessions). */
export const resetSecondFactorAction = defineAction({
  schema: secondFactorResetSchema,
  permission: "users.manage",
  revalidate: ({ userId }) => ["/admin/users", `/admin/users/${userId}`],
  run: ({ userId }, user) => resetSecondFactor(user, userId),
});
