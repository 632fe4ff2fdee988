/**
 * Who may read /api/metrics (docs/decisions/020-logs-and-metrics.md): a scraper on the same machine
 * (the client address scripts/serve.ts resolved is loopback) or one that presents METRICS_TOKEN as a
 * bearer token. Everyone else gets the answer of an unknown path.
 */

/** Whether an address, as lib/domain/client-address.ts normalises it, is this machine's loopback. */
export function isLoopback(address: string): boolean {
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** Compares a presented secret with the real one in constant time (lib/observability/same-secret.ts). */
export type SecretComparison = (presented: string, secret: string) => boolean;

/** Whether the Authorization header carries exactly `Bearer <token>`; never when no token is set. */
export function hasBearerToken(
  authorization: string | null | undefined,
  token: string | undefined,
  isSameSecret: SecretComparison,
): boolean {
  if (!token || !authorization) return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) return false;
  return isSameSecret(match[1], token);
}

/** Whether a request may read the metrics: from loopback, or with the token when one is set. */
export function mayReadMetrics(request: {
  clientAddress: string;
  authorization: string | null | undefined;
  token: string | undefined;
  isSameSecret: SecretComparison;
}): boolean {
  return (
    isLoopback(request.clientAddress) || hasBearerToken(request.authorization, request.token, request.isSameSecret)
  );
}
