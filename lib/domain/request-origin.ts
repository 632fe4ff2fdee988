/**
 * Whether a state-changing request comes from another site, judged at least as strictly as Next.js
 * judges server actions (next/dist/server/app-render/action-handler.js), so that proxy.ts refuses with
 * 403 every request Next would abort with a 500. See docs/decisions/012-text-postgresql-can-store-and-foreign-origins.md.
 */

/** Methods that change nothing and that browsers send cross-site freely (links, images, preflights). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const MULTIPART = /^\s*multipart\/form-data\s*(;|$)/i;

/** The headers of a request that the judgement reads, each null when absent. */
export type RequestOriginHeaders = {
  method: string;
  origin: string | null;
  /** The host the client addressed (see `addressedHost`). */
  host: string | null;
  /** `Sec-Fetch-Site` (same-origin, same-site, cross-site, none); browsers set it, scripts cannot. */
  secFetchSite: string | null;
  contentType: string | null;
  /** The request carries `Next-Action`: a server action called from the app's own JavaScript. */
  hasNextAction: boolean;
};

/**
 * The host the client addressed: the first entry of X-Forwarded-Host (set by a reverse proxy, and by
 * Next's own server), else Host. Null when neither is present.
 */
export function addressedHost(forwardedHost: string | null, host: string | null): string | null {
  const forwarded = forwardedHost?.split(",")[0]?.trim();
  return forwarded || host || null;
}

/**
 * True when a request must be refused as cross-site. Only methods that can change data are judged.
 * - No Origin: passes, as in Next. Browsers send Origin with every such request, so one without it
 *   comes from a client that holds the session cookie itself, not from a victim's browser.
 * - An Origin naming another host than the one addressed, or not a URL: refused.
 * - Origin `null` (sandboxed frames, data: URLs, cross-site redirects — and any form posted from a page
 *   whose Referrer-Policy is no-referrer, such as the public /status page): refused when it could be a
 *   server action (Next-Action, or a multipart body, which Next would abort with a 500) or when the
 *   browser says it comes from elsewhere (Sec-Fetch-Site other than same-origin). A plain form post the
 *   browser calls same-origin passes, and so does one from a browser too old to send Sec-Fetch-Site:
 *   the /status form must keep working on old phones, and Next never runs such a post as an action.
 */
export function isCrossSiteRequest(request: RequestOriginHeaders): boolean {
  const { method, origin, host } = request;
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (origin === null) return false;
  if (origin === "null") {
    const couldBeAction = request.hasNextAction || MULTIPART.test(request.contentType ?? "");
    return couldBeAction || (request.secFetchSite !== null && request.secFetchSite !== "same-origin");
  }
  if (host === null) return true;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
