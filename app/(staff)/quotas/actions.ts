"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { defineAction, UserFacingError } from "@/lib/actions/action";
import {
  QuotaBelowAllocatedError,
  QuotaOrderInvalidError,
  QuotaOrderMissingError,
  QuotaOrderReferenceTakenError,
} from "@/lib/db/quotas/errors";
import { amendQuota } from "@/lib/db/quotas/orders";
import { regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";
import { quotaAmendmentSchema, type QuotaAmendmentFormData } from "@/lib/validation/quota-order";

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
  if (error instanceof QuotaOrderReferenceTakenError) {
    throw new UserFacingError("quotas.errors.referenceTaken", { year: error.year }, {
      reference: { key: "quotas.errors.referenceTaken", values: { year: error.year } },
    });
  }
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
