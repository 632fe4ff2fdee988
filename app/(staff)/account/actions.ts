"use server";
import { defineAction } from "@/lib/actions/action";
import { changeOwnPassword } from "@/lib/db/users/change-own-password";
import { ownPasswordSchema } from "@/lib/validation/password";

/** Changes the signed-in person's password; this session goes on, every other one ends. */
export const changeOwnPasswordAction = defineAction({
  schema: ownPasswordSchema(),
  permission: "account.own",
  run: ({ currentPassword, password }, user) =>
    changeOwnPassword(user, { currentPassword, password, sessionId: user.sessionId }),
});
