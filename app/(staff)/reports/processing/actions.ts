"use server";
import { defineAction } from "@/lib/actions/action";
import { setReviewTimeLimit } from "@/lib/db/settings/review-time-limit";
import { reviewTimeLimitSchema } from "@/lib/validation/review-time-limit";

/** Sets the review time limit in working days (ADMIN); setReviewTimeLimit re-checks the role and audits. */
export const setReviewTimeLimitAction = defineAction({
  schema: reviewTimeLimitSchema,
  permission: "settings.update",
  revalidate: ["/reports/processing"],
  run: (input, user) => setReviewTimeLimit(user, input.days),
});
