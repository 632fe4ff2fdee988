"use server";
import { defineAction } from "@/lib/actions/action";
import { setUserActive } from "@/lib/db/users/set-user-active";
import { userActiveSchema } from "@/lib/validation/user-admin";

export const setUserActiveAction = defineAction({
  schema: userActiveSchema,
  permission: "users.manage",
  revalidate: ["/admin/users"],
  async run(input, user) {
    await setUserActive(user, input);
    return { userId: input.userId, isActive: input.isActive };
  },
});
