import { z } from "zod";
import {
  QUOTA_POOLS,
  QUOTA_YEAR_MAX,
  QUOTA_YEAR_MIN,
  isQuotaTargetRegion,
  isValidQuotaYear,
  validateQuotaOrder,
  type QuotaOrderIssueCode,
  type QuotaPlaces,
  type QuotaPool,
} from "@/lib/domain/quota";
import { parseIsoDay } from "@/lib/domain/status-validity";
import { numberOrStorableString, storableString } from "./storable-text";

/** Longest order reference (column quota_order.reference) and note. */
export const QUOTA_REFERENCE_MAX_LENGTH = 64;
export const QUOTA_NOTE_MAX_LENGTH = 2000;
/** Largest total one order line may state (far above any region's yearly quota). */
export const QUOTA_TOTAL_MAX = 1_000_000;

/**
 * Message keys: bare ones under `validation`, dotted ones full catalogue paths (the `quotas.*` keys live in
 * messages/<locale>/quotas.json).
 */
export const QUOTA_ISSUE_MESSAGES: Record<QuotaOrderIssueCode, string> = {
  "year-out-of-range": "quotas.validation.year",
  "no-places": "quotas.validation.noPlaces",
  "total-invalid": "quotas.validation.total",
  "region-not-target": "quotas.validation.region",
  "pool-invalid": "invalid",
  "duplicate-place": "quotas.validation.duplicate",
  "reference-invalid": "required",
  "order-date-invalid": "quotas.validation.orderDate",
};

/**
 * The persons a form cell states: a whole number from 0 to QUOTA_TOTAL_MAX written in digits (spaces
 * around are ignored). Null for anything else: blank, a sign, a fraction, letters. Numbers pass too.
 */
export function parseQuotaTotal(value: string | number): number | null {
  const text = String(value).trim();
  if (!/^\d{1,7}$/.test(text)) return null;
  const total = Number(text);
  return total <= QUOTA_TOTAL_MAX ? total : null;
}

function invalidTotal(ctx: z.RefinementCtx, value: unknown): never {
  ctx.addIssue({ code: "custom", message: QUOTA_ISSUE_MESSAGES["total-invalid"], input: value });
  return z.NEVER;
}

const typedTotal = numberOrStorableString();
/** A total the user must state (an amendment's new total). */
const requiredTotal = typedTotal.transform((value, ctx) => parseQuotaTotal(value) ?? invalidTotal(ctx, value));
/** A cell of the order grid: blank means "no quota for this region and pool" (null). */
const optionalTotal = typedTotal.transform((value, ctx) =>
  String(value).trim() === "" ? null : (parseQuotaTotal(value) ?? invalidTotal(ctx, value)),
);

const lineShape = {
  regionId: storableString().trim().refine(isQuotaTargetRegion, QUOTA_ISSUE_MESSAGES["region-not-target"]),
  pool: z.enum(QUOTA_POOLS),
};

const headerShape = {
  year: z.coerce
    .number({ error: QUOTA_ISSUE_MESSAGES["year-out-of-range"] })
    .int(QUOTA_ISSUE_MESSAGES["year-out-of-range"])
    .min(QUOTA_YEAR_MIN, QUOTA_ISSUE_MESSAGES["year-out-of-range"])
    .max(QUOTA_YEAR_MAX, QUOTA_ISSUE_MESSAGES["year-out-of-range"]),
  reference: storableString().trim().min(1, "required").max(QUOTA_REFERENCE_MAX_LENGTH, "tooLong"),
  orderDate: storableString()
    .trim()
    .refine((value) => parseIsoDay(value) !== null, QUOTA_ISSUE_MESSAGES["order-date-invalid"]),
  note: storableString().trim().max(QUOTA_NOTE_MAX_LENGTH, "tooLong").optional(),
};

/**
 * Duplicate region/pool lines (reported on the repeated line) and an order without any line: the domain
 * rule shared with lib/db. Lines without a total (blank cells of the order grid) do not count.
 */
function refineLines<F extends "places" | "changes">(field: F) {
  return (
    value: { year: number } & Record<F, { regionId: string; pool: QuotaPool; total: number | null }[]>,
    ctx: z.RefinementCtx,
  ) => {
    const stated = value[field].flatMap((line, index) =>
      line.total === null ? [] : [{ line: { ...line, total: line.total }, index }],
    );
    for (const issue of validateQuotaOrder({ year: value.year, places: stated.map(({ line }) => line) })) {
      if (issue.code === "duplicate-place" || issue.code === "no-places") {
        const index = issue.index == null ? undefined : stated[issue.index]?.index;
        ctx.addIssue({
          code: "custom",
          path: index == null ? [field] : [field, index, "regionId"],
          message: QUOTA_ISSUE_MESSAGES[issue.code],
        });
      }
    }
  };
}

/**
 * A year's original order as the admin form sends it: the header and the grid of every target region ×
 * pool. A blank total means the order gives that region no quota of that pool; the output keeps the
 * line (total null) so that its index still names the grid cell — `statedPlaces` drops it.
 */
export const quotaOrderSchema = z
  .object({ ...headerShape, places: z.array(z.object({ ...lineShape, total: optionalTotal }).strict()) })
  .strict()
  .superRefine(refineLines("places"));

/** An amendment order: header and the new totals of the quotas it changes (every total required). */
export const quotaAmendmentSchema = z
  .object({ ...headerShape, changes: z.array(z.object({ ...lineShape, total: requiredTotal }).strict()) })
  .strict()
  .superRefine(refineLines("changes"));

export type QuotaOrderFormInput = z.input<typeof quotaOrderSchema>;
export type QuotaOrderFormData = z.output<typeof quotaOrderSchema>;
export type QuotaAmendmentFormInput = z.input<typeof quotaAmendmentSchema>;
export type QuotaAmendmentFormData = z.output<typeof quotaAmendmentSchema>;
export type QuotaOrderGridLine = { regionId: string; pool: QuotaPool; total: string };

/** The lines of a parsed order that state a total, each with its index in the grid (for error messages). */
export function statedPlaces(places: QuotaOrderFormData["places"]): (QuotaPlaces & { gridIndex: number })[] {
  return places.flatMap(({ regionId, pool, total }, gridIndex) =>
    total === null ? [] : [{ regionId, pool, total, gridIndex }],
  );
}

/**
 * The blank order grid: every region (in the order given) × both pools. With `copyFrom` (e.g. the
 * previous year's quotas) each cell starts with that total; cells without a quota stay blank.
 */
export function quotaOrderGrid(
  regionIds: readonly string[],
  copyFrom: readonly QuotaPlaces[] = [],
): QuotaOrderGridLine[] {
  const totals = new Map(copyFrom.map((quota) => [`${quota.regionId}/${quota.pool}`, quota.total]));
  return regionIds.flatMap((regionId) =>
    QUOTA_POOLS.map((pool) => ({ regionId, pool, total: String(totals.get(`${regionId}/${pool}`) ?? "") })),
  );
}

/** Persons per pool over the cells that hold a valid total (blank and invalid cells count as nothing). */
export function poolTotals(lines: readonly { pool: QuotaPool; total: string | number }[]): Record<QuotaPool, number> {
  const sums: Record<QuotaPool, number> = { KANDAS: 0, SETTLER: 0 };
  for (const line of lines) sums[line.pool] += parseQuotaTotal(line.total) ?? 0;
  return sums;
}

/** The `year` GET parameter of the quota pages when it is a valid quota year, else `fallback`. */
export function quotaYearParam(value: string | string[] | undefined, fallback: number): number {
  const year = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : NaN;
  return isValidQuotaYear(year) ? year : fallback;
}
