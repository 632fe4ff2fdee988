import { z } from "zod";

/** The `year` query parameter of reports: a four-digit year, the current one when missing or invalid. */
export function parseReportYear(value: unknown, now = new Date()): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : now.getFullYear();
}
