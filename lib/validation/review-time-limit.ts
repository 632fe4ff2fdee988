import { z } from "zod";
import { isValidReviewTimeLimit } from "@/lib/domain/processing-times";
import { numberOrStorableString } from "./storable-text";

/** Catalogue key of the message for a limit that is not a whole number of days in range. */
export const REVIEW_TIME_LIMIT_MESSAGE = "reportProcessing.limit.invalid";

/**
 * The administrator's new review time limit: whole working days from 1 to 365, typed in digits (spaces
 * around are ignored). Shared by the form (zodResolver) and the server action.
 */
export const reviewTimeLimitSchema = z
  .object({
    days: numberOrStorableString().transform((value, ctx) => {
      const text = String(value).trim();
      const days = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
      if (isValidReviewTimeLimit(days)) return days;
      ctx.addIssue({ code: "custom", message: REVIEW_TIME_LIMIT_MESSAGE, input: value });
      return z.NEVER;
    }),
  })
  .strict();

export type ReviewTimeLimitFormInput = z.input<typeof reviewTimeLimitSchema>;
export type ReviewTimeLimitFormData = z.output<typeof reviewTimeLimitSchema>;
