import "server-only";
import { getTranslations } from "next-intl/server";
import { UserFacingError } from "@/lib/actions/action";
import { NoPlacesLeftError } from "@/lib/db/quotas/errors";

/**
 * Runs a save that may adjust the family's quota allocation (the adaptation plan, the household) and
 * turns "too few places left for the members now arriving" into a translated UserFacingError naming
 * the places still needed and those left; `field`, when given, shows the figures beside that input.
 */
export async function withAllocationRefusal<T>(run: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof NoPlacesLeftError)) throw error;
    const t = await getTranslations();
    const figures = { requested: error.requested, remaining: error.remaining };
    throw new UserFacingError(
      "allocation.errors.noPlacesForMore",
      { ...figures, pool: t(`category.${error.quota.pool}`), year: error.quota.year },
      field ? { [field]: { key: "allocation.errors.noPlacesForMoreField", values: figures } } : undefined,
    );
  }
}
