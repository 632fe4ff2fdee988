import "server-only";
import { randomUUID } from "node:crypto";
import { logger } from "@/lib/observability/logger";
import { currentRequestId } from "@/lib/observability/request-scope";

/**
 * Logs an error nobody expected through the process's logger (JSON in production), under the request's
 * id (the x-request-id that scripts/serve.ts made for the request, which its request log line and the
 * audit rows of the same request carry too), and returns that id for the message shown to the user.
 * Without one at hand the request's id comes from serve.ts's request scope, and outside a request a fresh
 * id is made so the message and the log still match.
 */
export function logUnexpected(where: string, requestId: string | null, error: unknown): string {
  const id = requestId ?? currentRequestId() ?? randomUUID();
  logger().error({ err: error, requestId: id, where }, "unexpected error");
  return id;
}
