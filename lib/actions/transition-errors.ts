import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { UserFacingError } from "@/lib/actions/action";
import { TransitionRefusedError, VersionConflictError } from "@/lib/db/families/transition-family";
import { AlreadyAllocatedError, NoMembersError, NoPlacesLeftError, NoQuotaError, StatusNotValidError } from "@/lib/db/quotas/errors";
import { findRegion, regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";

/**
 * Turns the refusals of transitionFamily into messages a caseworker can act on (UserFacingError);
 * anything else is rethrown. Shared by the case page's workflow and the waitlist's allocation.
 */
export async function explainTransitionError(error: unknown): Promise<never> {
  if (error instanceof VersionConflictError) {
    const format = await getFormatter();
    throw new UserFacingError(
      "workflow.errors.conflict",
      {
        name: error.updatedBy,
        at: format.dateTime(error.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
      },
      undefined,
      { isConflict: true },
    );
  }
  if (error instanceof TransitionRefusedError) {
    if (error.reason === "role-not-allowed") throw new UserFacingError("workflow.errors.notAllowed");
    if (error.reason === "terminal-status" || error.reason === "no-such-transition")
      throw new UserFacingError("workflow.errors.notPossible");
    const field = error.field ?? "reason";
    throw new UserFacingError(
      "workflow.errors.missingData",
      {},
      { [field]: error.reason === "decision-number-too-long" ? "tooLong" : "required" },
    );
  }
  if (error instanceof NoPlacesLeftError || error instanceof NoQuotaError) {
    const t = await getTranslations();
    if (error instanceof NoPlacesLeftError) {
      throw new UserFacingError("workflow.errors.noPlacesLeft", {
        pool: t(`category.${error.quota.pool}`),
        year: error.quota.year,
        remaining: error.remaining,
        requested: error.requested,
      });
    }
    const region = findRegion(error.regionId);
    throw new UserFacingError("workflow.errors.noQuota", {
      pool: t(`category.${error.pool}`),
      region: region ? regionName(region, toLocale(await getLocale())) : error.regionId,
      year: error.year,
    });
  }
  if (error instanceof StatusNotValidError) {
    const format = await getFormatter();
    throw new UserFacingError("workflow.errors.statusNotValid", {
      date: error.validUntil ? format.dateTime(error.validUntil, { dateStyle: "medium", timeZone: "UTC" }) : "—",
    });
  }
  if (error instanceof NoMembersError) throw new UserFacingError("workflow.errors.noMembers");
  if (error instanceof AlreadyAllocatedError) throw new UserFacingError("workflow.errors.alreadyAllocated", { year: error.year });
  throw error;
}
