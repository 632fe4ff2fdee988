import { z } from "zod";
import { CASE_STATUSES } from "@/lib/domain/case-status";

// Search params arrive as strings and may be hand-edited: anything unusable is dropped, not an error.
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).optional().catch(undefined);
const optionalPositiveInt = z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined);

/** Filters of the family list, parsed from the URL so that a link always shows the same view. */
export const familyFiltersSchema = z.object({
  status: optionalEnum(CASE_STATUSES),
  category: optionalEnum(["KANDAS", "SETTLER"] as const),
  region: z.string().regex(/^KZ-\d{2}$/).optional().catch(undefined),
  district: optionalPositiveInt,
  year: z.coerce.number().int().min(1991).max(2100).optional().catch(undefined),
  after: optionalPositiveInt,
});

export type FamilyFilters = z.infer<typeof familyFiltersSchema>;
