/**
 * Whether a state-changing request comes from another site, judged the way Next.js judges server
 * actions (next/dist/server/app-render/action-handler.js), so that proxy.ts refuses with 403 every
 * request Next would abort with a 500. See docs/decisions/012-text-postgresql-can-store-and-foreign-origins.md.
 */

/** Methods that change nothing and that browsers send cross-site freely (links, images, preflights). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The host the client addressed: the first entry of X-Forwarded-Host (set by a reverse proxy, and by
 * Next's own server), else Host. Null when neither is present.
 */
export function addressedHost(forwardedHost: string | null, host: string | null): string | null {
  const forwarded = forwardedHost?.split(",")[0]?.trim();
  return forwarded || host || null;
}

/**
 * True when a request must be refused as cross-site: its method can change data and its Origin header
 * is `null` (sandboxed frames, some redirects), not a URL, or names another host than the one
 * addressed. A request without Origin passes, as Next lets it: browsers send Origin with every such
 * request, so one without it comes from a client that holds the session cookie itself, not from a
 * victim's browser.
 */
export function isCrossSiteRequest(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (origin === null) return false;
  if (origin === "null" || host === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return originHost !== host;
}
