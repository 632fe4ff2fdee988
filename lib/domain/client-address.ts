/**
 * The client's address, for the login throttle, the public lookup's limits and the audit log (issue 13,
 * decision 017). With no trusted proxy (TRUSTED_PROXY_HOPS=0, the default) it is the address of the TCP
 * connection and X-Forwarded-For is ignored entirely: a client can write anything there. With N trusted
 * proxies, each appends the address it received the request from, so the N-th entry from the right was
 * written by the outermost proxy and is the first one a client cannot forge.
 *
 * Next.js fills in X-Forwarded-For from the connection only when the request has none, so the decision
 * cannot be made inside the app: scripts/serve.ts makes it for every request, from the socket, and hands
 * it to the app in CLIENT_ADDRESS_HEADER, replacing whatever a client sent under that name.
 */

/** The request header in which scripts/serve.ts hands the resolved client address to the app. */
export const CLIENT_ADDRESS_HEADER = "x-nk-client-address";

/** What the app records when no address was resolved (a request that did not come through scripts/serve.ts). */
export const UNKNOWN_ADDRESS = "unknown";

/** IPv4 and IPv6 in their written forms (with an IPv6 zone); anything else is not an address. */
const ADDRESS = /^[0-9a-f.:]{2,39}(%[0-9a-z]{1,16})?$/i;

/** An address as recorded: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4, lower-case, or unknown. */
export function normaliseAddress(value: string | null | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  if (!ADDRESS.test(trimmed)) return UNKNOWN_ADDRESS;
  return trimmed.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}

/**
 * The client's address: the connection's with no trusted proxy; otherwise the `trustedHops`-th entry of
 * X-Forwarded-For from the right (the left-most when the header has fewer entries, as when a request
 * reached the app around its proxies).
 */
export function clientAddress(source: {
  socketAddress: string | null | undefined;
  forwardedFor: string | string[] | null | undefined;
  trustedHops: number;
}): string {
  if (source.trustedHops <= 0) return normaliseAddress(source.socketAddress);
  const header = Array.isArray(source.forwardedFor) ? source.forwardedFor.join(",") : (source.forwardedFor ?? "");
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return normaliseAddress(source.socketAddress);
  return normaliseAddress(entries[Math.max(0, entries.length - source.trustedHops)]);
}
