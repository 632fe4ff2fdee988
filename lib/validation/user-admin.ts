import { z } from "zod";

/** Activate or deactivate a staff account. */
export const userActiveSchema = z.object({
  userId: z.coerce.number().int().positive(),
  isActive: z.preprocess((value) => value === true || value === "true", z.boolean()),
});

export type UserActiveInput = z.infer<typeof userActiveSchema>;
