import "server-only";
import { z } from "zod";
import { parsePublicBaseUrl } from "@/lib/domain/public-address";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (scripts/launch.ts sets it in demo mode)"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  /**
   * A streaming replica of DATABASE_URL (optional). When set, the report pages and their exports read their
   * figures from it; everything else, and every audit entry, stays on the primary (docs/decisions/021).
   */
  DATABASE_REPLICA_URL: z.preprocess((value) => (value === "" ? undefined : value), z.string().min(1).optional()),
  /** Connections per app server; several servers share one PostgreSQL, so keep it modest. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Lets a Prometheus scraper that is not on this machine read /api/metrics with
   * `Authorization: Bearer <token>`; unset (or empty): only loopback may (docs/operations.md).
   */
  METRICS_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  ),
  /**
   * Public address of the app as families reach it (e.g. https://nurlykosh.example.kz); receipts print
   * `<base>/status`. Unset (or empty): taken from the request's Host and X-Forwarded-Proto.
   */
  PUBLIC_BASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .refine(
        (value) => parsePublicBaseUrl(value) !== null,
        "PUBLIC_BASE_URL must be an http(s) URL without user, query or fragment",
      )
      .optional(),
  ),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

/** The parsed environment; the only reader of process.env in the app. */
export function env(): Env {
  parsed ??= envSchema.parse(process.env);
  return parsed;
}
