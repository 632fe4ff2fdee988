import { z } from "zod";
import { CASE_STATUSES } from "@/lib/domain/case-status";
import { FAMILY_SORT_KEYS, SORT_DIRECTIONS } from "@/lib/domain/family-sort";
import { SEARCH_QUERY_MAX_LENGTH } from "@/lib/domain/search-query";
import { isStorableText, storableString, UNSTORABLE_TEXT_MESSAGE, withUnstorableMarked } from "./storable-text";

// Search params arrive as strings and may be hand-edited: anything unusable is dropped, not an error.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const optionalPositiveInt = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

/** Filters of the family list, parsed from the URL so that a link always shows the same view. */
export const familyFiltersSchema = z.object({
  /**
   * The search box: a case number, an IIN or names (lib/domain/search-query.ts). Text PostgreSQL
   * cannot store is dropped like any unusable query (the list audits its filters); `parseFamilyFilters`
   * tells the page so that it can say why.
   */
  q: storableString()
    .trim()
    .max(SEARCH_QUERY_MAX_LENGTH)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  status: optionalEnum(CASE_STATUSES),
  category: optionalEnum(["KANDAS", "SETTLER"] as const),
  region: storableString()
    .regex(/^KZ-\d{2}$/)
    .optional()
    .catch(undefined),
  district: optionalPositiveInt,
  year: z.coerce.number().int().min(1991).max(2100).optional().catch(undefined),
  /** Origin: an ISO 3166-1 country code (kandas) or the region id KZ-NN (settlers). */
  origin: storableString()
    .trim()
    .toUpperCase()
    .regex(/^(?:[A-Z]{2}|KZ-\d{2})$/)
    .optional()
    .catch(undefined),
  /** The column the list is sorted by and its direction (lib/domain/family-sort.ts); none: newest first. */
  sort: optionalEnum(FAMILY_SORT_KEYS),
  dir: optionalEnum(SORT_DIRECTIONS),
  /** Keyset cursor: the id of the last family of the previous page, whatever the sort. */
  after: optionalPositiveInt,
});

export type FamilyFilters = z.infer<typeof familyFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The family list's filters and, when the search box held text PostgreSQL cannot store (`?q=%00`),
 * the message to show at the box (a catalogue key) and the text to refill it with, the refused
 * characters shown as U+FFFD. Such a query searches for nothing rather than being silently ignored.
 */
export function parseFamilyFilters(params: SearchParams): {
  filters: FamilyFilters;
  searchError: { message: string; query: string } | null;
} {
  const filters = familyFiltersSchema.parse(params);
  const q = params.q;
  const searchError =
    typeof q === "string" && !isStorableText(q)
      ? { message: UNSTORABLE_TEXT_MESSAGE, query: withUnstorableMarked(q) }
      : null;
  return { filters, searchError };
}
