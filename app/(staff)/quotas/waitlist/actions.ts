"use server";
import { revalidatePath } from "next/cache";
import { getFormatter, getTranslations } from "next-intl/server";
import { defineAction, UserFacingError } from "@/lib/actions/action";
import { explainTransitionError } from "@/lib/actions/transition-errors";
import { transitionFamily } from "@/lib/db/families/transition-family";
import { WaitlistRefusedError } from "@/lib/db/quotas/errors";
import { addToWaitlist, removeFromWaitlist } from "@/lib/db/quotas/waitlist";
import { waitlistAddSchema, waitlistAllocateSchema, waitlistRemoveSchema } from "@/lib/validation/waitlist";

/** Turns a refused waitlist entry into a message with the figures the coordinator needs. */
async function explainRefusal(error: unknown): Promise<never> {
  if (!(error instanceof WaitlistRefusedError)) throw error;
  const { year, pool, remaining, needed, statusValidUntil } = error.figures;
  if (error.reason === "places-available") {
    const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
    throw new UserFacingError("waitlist.errors.placesAvailable", {
      remaining: format.number(remaining),
      needed: format.number(needed),
      year,
      pool: t(`category.${pool}`),
    });
  }
  if (error.reason === "status-not-valid") {
    const format = await getFormatter();
    throw new UserFacingError("waitlist.errors.statusNotValid", {
      date: statusValidUntil ? format.dateTime(statusValidUntil, { dateStyle: "medium", timeZone: "UTC" }) : "—",
    });
  }
  throw new UserFacingError(error.reason === "no-members" ? "waitlist.errors.noMembers" : "waitlist.errors.notApproved");
}

function revalidateWaitlist(familyId: number) {
  revalidatePath("/quotas/waitlist");
  revalidatePath("/quotas");
  revalidatePath(`/families/${familyId}`);
}

/** Puts an approved family on its pool's waitlist for the current year (from the case page). */
export const addToWaitlistAction = defineAction({
  schema: waitlistAddSchema,
  roles: ["ADMIN", "COORDINATOR"],
  async run(input, user) {
    const entry = await addToWaitlist(user, input).catch(explainRefusal);
    revalidateWaitlist(entry.familyId);
    return { year: entry.year, isNew: entry.isNew };
  },
});

/** Takes a family off the waitlist of a year (case page or waitlist page). */
export const removeFromWaitlistAction = defineAction({
  schema: waitlistRemoveSchema,
  roles: ["ADMIN", "COORDINATOR"],
  async run(input, user) {
    const result = await removeFromWaitlist(user, input);
    revalidateWaitlist(input.familyId);
    return result;
  },
});

/**
 * Allocates places to a waiting family: the ordinary APPROVED → QUOTA_ALLOCATED step (transitionFamily
 * takes the places atomically and checks version, scope and role), after which the family is no longer
 * waiting by definition.
 */
export const allocateFromWaitlistAction = defineAction({
  schema: waitlistAllocateSchema,
  roles: ["ADMIN", "COORDINATOR"],
  async run(input, user) {
    const result = await transitionFamily(user, { ...input, to: "QUOTA_ALLOCATED" }).catch(explainTransitionError);
    revalidateWaitlist(result.familyId);
    return { persons: result.allocation?.persons ?? 0, year: result.allocation?.year ?? null };
  },
});
