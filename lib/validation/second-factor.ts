import { z } from "zod";
import { normaliseRecoveryCode, normaliseTotpCode } from "@/lib/domain/second-factor";
import { storableString } from "./storable-text";

// Messages are full catalogue keys (the forms and defineAction look dotted keys up from the root).
const CODE_FORMAT = "secondFactor.errors.codeFormat";
const RECOVERY_CODE_FORMAT = "secondFactor.errors.recoveryCodeFormat";

/** The 6-digit code of an authenticator app, as typed (spaces allowed). */
export const totpCodeField = storableString()
  .trim()
  .min(1, "required")
  .max(32, CODE_FORMAT)
  .refine((code) => normaliseTotpCode(code) !== null, CODE_FORMAT);

/** A recovery code as typed (`abcde-12345`; case, spaces and the dash do not matter). */
export const recoveryCodeField = storableString()
  .trim()
  .min(1, "required")
  .max(32, RECOVERY_CODE_FORMAT)
  .refine((code) => normaliseRecoveryCode(code) !== null, RECOVERY_CODE_FORMAT);

/** Confirming a new second factor: the key offered by the page (sealed) and the app's current code. */
export const enrolmentConfirmSchema = z.object({
  offer: z.string().min(1).max(2000),
  code: totpCodeField,
});

/** New recovery codes, against a current code of the app. */
export const recoveryCodesRenewSchema = z.object({ code: totpCodeField });

/** The administrator's reset of another person's second factor. */
export const secondFactorResetSchema = z.object({ userId: z.coerce.number().int().positive() });

/** The code step of the login form: the app's code, or (the same field, another mode) a recovery code. */
export const signInCodeSchema = z.object({ code: totpCodeField });
export const signInRecoveryCodeSchema = z.object({ code: recoveryCodeField });

/**
 * The second request of a sign-in with a second factor: the sealed challenge the first one answered
 * with, and exactly one of the two kinds of code.
 */
export const secondStepCredentialsSchema = z.union([
  z.object({ challenge: z.string().min(1).max(2000), code: totpCodeField, recoveryCode: z.undefined().optional() }),
  z.object({ challenge: z.string().min(1).max(2000), recoveryCode: recoveryCodeField, code: z.undefined().optional() }),
]);

export type EnrolmentConfirmInput = z.infer<typeof enrolmentConfirmSchema>;
export type SignInCodeInput = z.infer<typeof signInCodeSchema>;
