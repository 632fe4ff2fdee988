"use server";
import { defineAction, UserFacingError } from "@/lib/actions/action";
import { setUserActive, SelfDeactivationError } from "@/lib/db/users/set-user-active";
import { userActiveSchema } from "@/lib/validation/user-admin";

export const setUserActiveAction = defineAction({
  schema: userActiveSchema,
  roles: ["ADMIN"],
  revalidate: ["/admin/users"],
  async run(input, user) {
    try {
      await setUserActive(user, input);
    } catch (error) {
      if (error instanceof SelfDeactivationError) throw new UserFacingError("selfDeactivation");
      throw error;
    }
    return { userId: input.userId, isActive: input.isActive };
  },
});
