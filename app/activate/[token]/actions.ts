"use server";
import { definePublicAction } from "@/lib/actions/action";
import { setPasswordWithLink } from "@/lib/db/users/account-links";
import { activationSchema } from "@/lib/validation/password";

/**
 * Sets the password of the account a one-time link opens. There is no session: the link's token is the
 * authority, and setPasswordWithLink checks it (unknown, used, expired or deactivated → one refusal).
 */
export const activateAccountAction = definePublicAction({
  schema: activationSchema(),
  run: ({ token, password }) => setPasswordWithLink({ token, password }),
});
