"use server";
import { defineAction } from "@/lib/actions/action";
import { confirmSecondFactorEnrolment } from "@/lib/db/users/enrol-second-factor";
import { renewRecoveryCodes } from "@/lib/db/users/renew-recovery-codes";
import { enrolmentConfirmSchema, recoveryCodesRenewSchema } from "@/lib/validation/second-factor";

/** Turns the own second factor on with a code of the app; open to a person who must still set one up. */
export const confirmEnrolmentAction = defineAction({
  schema: enrolmentConfirmSchema,
  permission: "account.own",
  duringEnrolment: true,
  run: (input, user) => confirmSecondFactorEnrolment(user, input),
});

/** New recovery codes for the own second factor, against a current code of the app. */
export const renewRecoveryCodesAction = defineAction({
  schema: recoveryCodesRenewSchema,
  permission: "account.own",
  run: (input, user) => renewRecoveryCodes(user, input),
});
