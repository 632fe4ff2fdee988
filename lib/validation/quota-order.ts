import { z } from "zod";
import {
  QUOTA_POOLS,
  QUOTA_YEAR_MAX,
  QUOTA_YEAR_MIN,
  isQuotaTargetRegion,
  validateQuotaOrder,
  type QuotaOrderIssueCode,
} from "@/lib/domain/quota";
import { parseIsoDay } from "@/lib/domain/status-validity";

/** Longest order reference (column quota_order.reference) and note. */
export const QUOTA_REFERENCE_MAX_LENGTH = 64;
export const QUOTA_NOTE_MAX_LENGTH = 2000;

/**
 * Message keys: bare ones under `validation`, dotted ones full catalogue paths. The `quotas.validation.*`
 * keys belong to the quota pages' catalogue (messages/<locale>/quotas.json, with the pages); until it
 * exists the action wrapper shows `validation.invalid`.
 */
const ISSUE_MESSAGES: Record<QuotaOrderIssueCode, string> = {
  "year-out-of-range": "quotas.validation.year",
  "no-places": "quotas.validation.noPlaces",
  "total-invalid": "quotas.validation.total",
  "region-not-target": "quotas.validation.region",
  "pool-invalid": "invalid",
  "duplicate-place": "quotas.validation.duplicate",
  "reference-invalid": "required",
  "order-date-invalid": "quotas.validation.orderDate",
};

const placeSchema = z
  .object({
    regionId: z.string().trim().refine(isQuotaTargetRegion, ISSUE_MESSAGES["region-not-target"]),
    pool: z.enum(QUOTA_POOLS),
    total: z.coerce
      .number()
      .int(ISSUE_MESSAGES["total-invalid"])
      .min(0, ISSUE_MESSAGES["total-invalid"])
      .max(1_000_000, ISSUE_MESSAGES["total-invalid"]),
  })
  .strict();

const headerShape = {
  year: z.coerce.number().int(ISSUE_MESSAGES["year-out-of-range"]).min(QUOTA_YEAR_MIN, ISSUE_MESSAGES["year-out-of-range"]).max(QUOTA_YEAR_MAX, ISSUE_MESSAGES["year-out-of-range"]),
  reference: z.string().trim().min(1, "required").max(QUOTA_REFERENCE_MAX_LENGTH, "tooLong"),
  orderDate: z.string().trim().refine((value) => parseIsoDay(value) !== null, ISSUE_MESSAGES["order-date-invalid"]),
  note: z.string().trim().max(QUOTA_NOTE_MAX_LENGTH, "tooLong").optional(),
};

/** Duplicate region/pool lines, reported on the repeated line (the domain rule, shared with lib/db). */
function refineLines<F extends "places" | "changes">(field: F) {
  return (value: { year: number } & Record<F, z.infer<typeof placeSchema>[]>, ctx: z.RefinementCtx) => {
    for (const issue of validateQuotaOrder({ year: value.year, places: value[field] })) {
      if (issue.code === "duplicate-place" || issue.code === "no-places") {
        ctx.addIssue({
          code: "custom",
          path: issue.index == null ? [field] : [field, issue.index, "regionId"],
          message: ISSUE_MESSAGES[issue.code],
        });
      }
    }
  };
}

/** A year's original order as the admin form sends it: header and places per region and pool. */
export const quotaOrderSchema = z
  .object({ ...headerShape, places: z.array(placeSchema) })
  .strict()
  .superRefine(refineLines("places"));

/** An amendment order: header and the new totals of the quotas it changes. */
export const quotaAmendmentSchema = z
  .object({ ...headerShape, changes: z.array(placeSchema) })
  .strict()
  .superRefine(refineLines("changes"));

export type QuotaOrderFormInput = z.input<typeof quotaOrderSchema>;
export type QuotaOrderFormData = z.output<typeof quotaOrderSchema>;
export type QuotaAmendmentFormInput = z.input<typeof quotaAmendmentSchema>;
export type QuotaAmendmentFormData = z.output<typeof quotaAmendmentSchema>;
