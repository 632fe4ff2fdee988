import "server-only";
import { randomUUID } from "node:crypto";

/**
 * Logs an error nobody expected, under the request's id (the proxy's x-request-id, which the audit
 * rows of the same request carry too), and returns that id for the message shown to the user.
 * Outside a request a fresh id is made so the message and the log still match.
 */
export function logUnexpected(where: string, requestId: string | null, error: unknown): string {
  const id = requestId ?? randomUUID();
  console.error(`[${where} error ${id}]`, error);
  return id;
}
