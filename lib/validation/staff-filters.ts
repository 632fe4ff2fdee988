import { z } from "zod";
import { ROLES } from "@/lib/domain/permissions";
import { STAFF_STATES } from "@/lib/domain/staff-accounts";
import { isStorableText, storableString, UNSTORABLE_TEXT_MESSAGE, withUnstorableMarked } from "./storable-text";

/** Longest search text of the staff list: a name or an e-mail. */
export const STAFF_SEARCH_MAX_LENGTH = 100;

// Search params arrive as strings and may be hand-edited: anything unusable is dropped, not an error.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);

/** Filters of the staff list, parsed from the URL so that a link always shows the same view. */
export const staffFiltersSchema = z.object({
  /** Part of a name (Cyrillic or Latin) or of an e-mail, any case. */
  q: storableString()
    .trim()
    .max(STAFF_SEARCH_MAX_LENGTH)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined),
  role: optionalEnum(ROLES),
  region: storableString()
    .regex(/^KZ-\d{2}$/)
    .optional()
    .catch(undefined),
  state: optionalEnum(STAFF_STATES),
  /** Pages of the list, from 1. */
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export type StaffFilters = z.infer<typeof staffFiltersSchema>;

/**
 * The staff list's filters and, when the search box held text PostgreSQL cannot store, the message to
 * show at the box and the text to refill it with (as the family list does, decision 012): such a search
 * lists nobody rather than everybody.
 */
export function parseStaffFilters(params: Record<string, string | string[] | undefined>): {
  filters: StaffFilters;
  searchError: { message: string; query: string } | null;
} {
  const filters = staffFiltersSchema.parse(params);
  const q = params.q;
  const searchError =
    typeof q === "string" && !isStorableText(q)
      ? { message: UNSTORABLE_TEXT_MESSAGE, query: withUnstorableMarked(q) }
      : null;
  return { filters, searchError };
}
