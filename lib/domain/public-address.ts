/**
 * The public address of the status lookup page that receipts print (as text and as a QR code). It comes
 * from the configured base URL (PUBLIC_BASE_URL) or, without one, from the request that renders the
 * receipt. The Host header is the client's to choose, so only a plain host name or address is taken:
 * a printed code must never send a family to somewhere a crafted header named.
 */

/** Path of the public lookup page (app/status/route.ts). */
export const PUBLIC_LOOKUP_PATH = "/status";

const MAX_HOST_LENGTH = 260;
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;

/**
 * The configured base as a URL when it is an absolute http(s) address without user, password, query or
 * fragment (a path is kept, for an app served below a prefix); otherwise null.
 */
export function parsePublicBaseUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const isWeb = url.protocol === "http:" || url.protocol === "https:";
  if (!isWeb || url.username || url.password || url.search || url.hash || !url.hostname) return null;
  return url;
}

/** Whether a Host header is a plain DNS name, IPv4 or bracketed IPv6 address, with an optional port 1–65535. */
export function isPlainHost(host: string): boolean {
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return false;
  const match = /^(.*?)(?::(\d{1,5}))?$/.exec(host.toLowerCase());
  const [, name = "", port] = match ?? [];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return false;
  return name.length <= 253 && (HOST_NAME.test(name) || IPV6.test(name));
}

/** The scheme the client used, from X-Forwarded-Proto: its first (client-facing) entry when http or https, else http. */
export function forwardedScheme(header: string | null | undefined): "http" | "https" {
  const first = (header ?? "").split(",")[0]?.trim().toLowerCase();
  return first === "https" ? "https" : "http";
}

/**
 * The absolute address of the lookup page: `<base>/status` for a configured base, else built from the
 * request's Host and X-Forwarded-Proto. Null when there is no base and the host is missing or odd.
 */
export function publicLookupUrl(source: {
  baseUrl?: string | null;
  host?: string | null;
  forwardedProto?: string | null;
}): string | null {
  if (source.baseUrl) {
    const base = parsePublicBaseUrl(source.baseUrl);
    if (!base) return null;
    base.pathname = `${base.pathname.replace(/\/+$/, "")}${PUBLIC_LOOKUP_PATH}`;
    return base.href;
  }
  const host = source.host?.trim() ?? "";
  if (!isPlainHost(host)) return null;
  try {
    // The URL parser still refuses what the pattern lets through, e.g. 999.1.1.1 or [::::].
    const url = new URL(`${forwardedScheme(source.forwardedProto)}://${host.toLowerCase()}`);
    url.pathname = PUBLIC_LOOKUP_PATH;
    return url.href;
  } catch {
    return null;
  }
}

/**
 * The lookup page's address with a case number filled in (`?case=`), for the receipt's QR code: the
 * family only types the date of birth or IIN, which never go into the address.
 */
export function caseLookupUrl(lookupUrl: string, caseNumber: string): string {
  const url = new URL(lookupUrl);
  url.searchParams.set("case", caseNumber);
  return url.href;
}
