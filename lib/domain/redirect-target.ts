/**
 * Where a person may be sent back to (the `callbackUrl` of the login page, the page a language switch
 * returns to): only a path of this site. Browsers are generous with what they take for "another host": `//evil.example`,
 * `/\evil.example`, `/\/evil.example` and a tab or line break after the first slash (which browsers
 * strip) all leave the site, so the target is parsed as a URL against the app's own origin, refused
 * when it carries a backslash or a control character, and kept only as a path on that origin.
 */

/** A placeholder origin: any real one would do, since only the path of a same-origin target is kept. */
const OWN_ORIGIN = "https://app.invalid";
const MAX_LENGTH = 2048;
/** Control characters (tabs and line breaks included) and backslashes, which browsers fold into slashes. */
const FOLDED_BY_BROWSERS = /[\u0000-\u001f\u007f\\]/;

/** The path (with query and fragment) to send a person to, or `fallback` for anything that is not plainly a path of this site. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || FOLDED_BY_BROWSERS.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to go after signing in: a safe path of this site, but never the login page itself (it would loop). */
export function afterSignInPath(value: unknown): string {
  const path = safeRedirectPath(value);
  return path === "/login" || path.startsWith("/login?") || path.startsWith("/login/") || path.startsWith("/login#")
    ? "/"
    : path;
}

/** The request header the proxy stamps with the page asked for, read when a session ends while rendering it. */
export const REQUESTED_PATH_HEADER = "x-nk-requested-path";

/** Why the login page was opened instead of the page asked for; each one has its message at sign-in. */
export const SIGN_IN_REASONS = ["deactivated", "signedOut", "idle", "expired", "sessionEnded"] as const;
export type SignInReason = (typeof SIGN_IN_REASONS)[number];

/** The sign-in reason named by a query value, or null for anything else. */
export function signInReason(value: unknown): SignInReason | null {
  return SIGN_IN_REASONS.find((reason) => reason === value) ?? null;
}

/** The login page's address for a person whose session ended on `path`: the reason, and the way back. */
export function signInAgainPath(reason: SignInReason, path: unknown): string {
  const back = afterSignInPath(path);
  const query = new URLSearchParams({ reason });
  if (back !== "/") query.set("callbackUrl", back);
  return `/login?${query.toString()}`;
}
