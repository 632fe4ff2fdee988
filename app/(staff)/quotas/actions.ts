"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { defineAction, UserFacingError } from "@/lib/actions/action";
import {
  QuotaBelowAllocatedError,
  QuotaOrderExistsError,
  QuotaOrderInvalidError,
  QuotaOrderMissingError,
  QuotaOrderReferenceTakenError,
} from "@/lib/db/quotas/errors";
import type { SessionUser } from "@/lib/db/users/load-session-user";
import { amendQuota, createQuotaOrder, listQuotaHistory } from "@/lib/db/quotas/orders";
import { regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";
import {
  QUOTA_ISSUE_MESSAGES,
  quotaAmendmentSchema,
  quotaOrderSchema,
  statedPlaces,
  type QuotaAmendmentFormData,
} from "@/lib/validation/quota-order";

function referenceTaken(error: QuotaOrderReferenceTakenError): UserFacingError {
  return new UserFacingError("quotas.errors.referenceTaken", { year: error.year }, {
    reference: { key: "quotas.errors.referenceTaken", values: { year: error.year } },
  });
}

/** Turns the data layer's refusals of an amendment into messages the administrator can act on. */
async function explain(error: unknown, input: QuotaAmendmentFormData): Promise<never> {
  if (error instanceof QuotaBelowAllocatedError) {
    const t = await getTranslations();
    const index = Math.max(0, input.changes.findIndex((change) => change.regionId === error.regionId && change.pool === error.pool));
    const figures = { allocated: error.allocated, requested: error.requested };
    throw new UserFacingError(
      "quotas.errors.belowAllocated",
      { ...figures, region: regionName(error.regionId, toLocale(await getLocale())), pool: t(`category.${error.pool}`) },
      { [`changes.${index}.total`]: { key: "quotas.errors.belowAllocatedField", values: figures } },
    );
  }
  if (error instanceof QuotaOrderReferenceTakenError) throw referenceTaken(error);
  if (error instanceof QuotaOrderMissingError) throw new UserFacingError("quotas.errors.orderMissing", { year: error.year });
  if (error instanceof QuotaOrderInvalidError) throw new UserFacingError("quotas.errors.invalid");
  throw error;
}

/** Records an amendment order (ADMIN); amendQuota re-checks the role and never goes below allocated. */
export const amendQuotaAction = defineAction({
  schema: quotaAmendmentSchema,
  roles: ["ADMIN"],
  revalidate: ["/quotas"],
  async run(input, user) {
    const result = await amendQuota(user, input).catch((error: unknown) => explain(error, input));
    return { year: result.year, changes: result.changes.map(({ regionId, pool, oldTotal, newTotal }) => ({ regionId, pool, oldTotal, newTotal })) };
  },
});

/** Turns the data layer's refusals of a new year's order into messages; `gridIndex` maps lines back to cells. */
async function explainOrder(error: unknown, year: number, gridIndex: number[], user: SessionUser): Promise<never> {
  if (error instanceof QuotaOrderExistsError) {
    // The original order names the year's quotas; amendQuota refuses a year without one, so it exists.
    const original = (await listQuotaHistory(user, error.year)).find((order) => !order.isAmendment);
    const values = { year: error.year, reference: original?.reference ?? "—" };
    throw new UserFacingError("quotas.errors.orderExists", values, { year: { key: "quotas.errors.orderExistsField", values } }, {
      existingYear: error.year,
    });
  }
  if (error instanceof QuotaOrderReferenceTakenError) throw referenceTaken(error);
  if (error instanceof QuotaOrderInvalidError) {
    // The shared schema catches all of these first; this maps what only the data layer could see.
    const cells = error.issues.flatMap(({ code, index }) => {
      const cell = index == null ? undefined : gridIndex[index];
      return cell == null ? [] : [[`places.${cell}.total`, QUOTA_ISSUE_MESSAGES[code]] as const];
    });
    throw new UserFacingError("quotas.errors.invalidOrder", { year }, Object.fromEntries(cells));
  }
  throw error;
}

/**
 * Records a year's original order from the grid (ADMIN); createQuotaOrder re-checks the role and refuses
 * a year that already has quotas. Blank cells give their region no quota of that pool.
 */
export const createQuotaOrderAction = defineAction({
  schema: quotaOrderSchema,
  roles: ["ADMIN"],
  revalidate: ["/quotas", "/reports/quotas"],
  async run(input, user) {
    const lines = statedPlaces(input.places);
    const places = lines.map(({ regionId, pool, total }) => ({ regionId, pool, total }));
    const result = await createQuotaOrder(user, { ...input, places }).catch((error: unknown) =>
      explainOrder(error, input.year, lines.map((line) => line.gridIndex), user),
    );
    return { year: result.year, quotas: result.quotas.length };
  },
});
