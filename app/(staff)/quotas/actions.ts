"use server";
import { defineAction } from "@/lib/actions/action";
import { AppError } from "@/lib/domain/app-error";
import { amendQuota, createQuotaOrder } from "@/lib/db/quotas/orders";
import { quotaAmendmentSchema, quotaOrderSchema, statedPlaces } from "@/lib/validation/quota-order";

/** Records an amendment order (ADMIN); amendQuota re-checks the permission and never goes below allocated. */
export const amendQuotaAction = defineAction({
  schema: quotaAmendmentSchema,
  permission: "quota.amend",
  revalidate: ["/quotas"],
  async run(input, user) {
    const result = await amendQuota(user, input);
    return {
      year: result.year,
      changes: result.changes.map(({ regionId, pool, oldTotal, newTotal }) => ({ regionId, pool, oldTotal, newTotal })),
    };
  },
});

/**
 * Records a year's original order from the grid (ADMIN); createQuotaOrder re-checks the permission and
 * refuses a year that already has quotas. Blank cells give their region no quota of that pool; the
 * refusals of stated lines are shown back at their grid cells.
 */
export const createQuotaOrderAction = defineAction({
  schema: quotaOrderSchema,
  permission: "quota.amend",
  revalidate: ["/quotas", "/reports/quotas"],
  async run(input, user) {
    const lines = statedPlaces(input.places);
    const places = lines.map(({ regionId, pool, total }) => ({ regionId, pool, total }));
    const result = await createQuotaOrder(user, { ...input, places }).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      throw error.withFields((field) =>
        field.replace(/^places\.(\d+)\./, (_, line: string) => `places.${lines[Number(line)]?.gridIndex ?? line}.`),
      );
    });
    return { year: result.year, quotas: result.quotas.length };
  },
});
