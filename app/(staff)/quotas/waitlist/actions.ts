"use server";
import { defineAction } from "@/lib/actions/action";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { addToWaitlist, removeFromWaitlist } from "@/lib/db/quotas/waitlist";
import { waitlistAddSchema, waitlistAllocateSchema, waitlistRemoveSchema } from "@/lib/validation/waitlist";

/** The pages that show where a family stands on a waitlist. */
const waitlistPages = (input: { familyId: number }) => ["/quotas/waitlist", "/quotas", `/families/${input.familyId}`];

/** Puts an approved family on its pool's waitlist for the current year (from the case page). */
export const addToWaitlistAction = defineAction({
  schema: waitlistAddSchema,
  permission: "waitlist.manage",
  revalidate: waitlistPages,
  async run(input, user) {
    const entry = await addToWaitlist(user, input);
    return { year: entry.year, isNew: entry.isNew };
  },
});

/** Takes a family off the waitlist of a year (case page or waitlist page). */
export const removeFromWaitlistAction = defineAction({
  schema: waitlistRemoveSchema,
  permission: "waitlist.manage",
  revalidate: waitlistPages,
  run: (input, user) => removeFromWaitlist(user, input),
});

/**
 * Allocates places to a waiting family: the ordinary APPROVED → QUOTA_ALLOCATED step (transitionFamily
 * takes the places atomically and checks version, scope and permission), after which the family is no
 * longer waiting by definition.
 */
export const allocateFromWaitlistAction = defineAction({
  schema: waitlistAllocateSchema,
  permission: "waitlist.manage",
  revalidate: waitlistPages,
  async run(input, user) {
    const result = await transitionFamily(user, { ...input, to: "QUOTA_ALLOCATED" });
    return { persons: result.allocation?.persons ?? 0, year: result.allocation?.year ?? null };
  },
});
