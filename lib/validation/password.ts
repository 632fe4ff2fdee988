import { z } from "zod";
import {
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  type PasswordContext,
  type PasswordProblem,
} from "@/lib/domain/password-policy";
import { storableString } from "./storable-text";

/** The catalogue key of each reason lib/domain/password-policy.ts refuses a password for. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  tooShort: "account.password.tooShort",
  tooLong: "account.password.tooLong",
  containsEmailName: "account.password.containsEmailName",
  common: "account.password.common",
};

/**
 * A new password under the policy. The context is what the checking side knows: the browser of the
 * activation page knows the person's name but not the e-mail, so the server checks the e-mail's name
 * again with the account's own (lib/db/users/account-passwords.ts), by the same rule.
 */
export function newPasswordField(context: PasswordContext = {}) {
  return storableString().superRefine((password, ctx) => {
    const problem = passwordProblem(password, context);
    if (problem) ctx.addIssue({ code: "custom", message: PASSWORD_MESSAGES[problem] });
  });
}

// The repeated password only has to match; a longer text than any password cannot.
const confirmationField = () => storableString().max(PASSWORD_MAX_LENGTH * 4, "validation.tooLong");

function checkConfirmation(value: { password: string; confirmation: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmation)
    ctx.addIssue({ code: "custom", path: ["confirmation"], message: "account.password.mismatch" });
}

/** The activation page: the link's token and the new password twice. */
export function activationSchema(context: PasswordContext = {}) {
  return z
    .object({
      token: storableString().max(64),
      password: newPasswordField(context),
      confirmation: confirmationField(),
    })
    .superRefine(checkConfirmation);
}

/** Changing the own password: the current one, and a new one (twice) that differs from it. */
export function ownPasswordSchema(context: PasswordContext = {}) {
  return z
    .object({
      currentPassword: storableString().min(1, "validation.required").max(256, "validation.tooLong"),
      password: newPasswordField(context),
      confirmation: confirmationField(),
    })
    .superRefine((value, ctx) => {
      if (value.password === value.currentPassword)
        ctx.addIssue({ code: "custom", path: ["password"], message: "account.password.sameAsCurrent" });
      checkConfirmation(value, ctx);
    });
}

export type ActivationInput = z.infer<ReturnType<typeof activationSchema>>;
export type OwnPasswordInput = z.infer<ReturnType<typeof ownPasswordSchema>>;
