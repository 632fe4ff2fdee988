import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who may read /api/metrics (docs/decisions/020-logs-and-metrics.md): a scraper on the same machine
 * (the client address scripts/serve.ts resolved is loopback) or one that presents METRICS_TOKEN as a
 * bearer token. Everyone else gets the answer of an unknown path.
 */

/** Whether an address, as lib/domain/client-address.ts normalises it, is this machine's loopback. */
export function isLoopback(address: string): boolean {
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Whether the Authorization header carries exactly `Bearer <token>`. Both sides are hashed first, so
 * the comparison takes the same time whatever the length or the first differing character.
 */
export function hasBearerToken(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token || !authorization) return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** Whether a request may read the metrics: from loopback, or with the token when one is set. */
export function mayReadMetrics(request: {
  clientAddress: string;
  authorization: string | null | undefined;
  token: string | undefined;
}): boolean {
  return isLoopback(request.clientAddress) || hasBearerToken(request.authorization, request.token);
}
