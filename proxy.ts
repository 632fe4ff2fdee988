import { NextResponse, type NextRequest } from "next/server";
import { addressedHost, isCrossSiteRequest } from "@/lib/domain/request-origin";
import { REQUESTED_PATH_HEADER } from "@/lib/domain/redirect-target";
import { isRequestId, REQUEST_ID_HEADER } from "@/lib/domain/request-log";

// Convenience only: anonymous visitors are sent to the login page. Authorization is enforced in
// lib/db and lib/auth on every request, never here.
// /api/metrics decides itself who may read it (loopback or METRICS_TOKEN); /api/ready is for load balancers.
const PUBLIC_PATHS = [
  "/login",
  "/logout",
  "/api/auth",
  "/api/health",
  "/api/ready",
  "/api/metrics",
  "/status",
  "/activate",
];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  // CSRF defence, not authorization: another site's page must not make a signed-in browser post here.
  // Next aborts such a server action itself, but with a 500 (and any multipart POST to a page counts
  // as a possible action); refusing here makes it a 403 for every route alike (decision 012).
  const { headers } = request;
  const isCrossSite = isCrossSiteRequest({
    method: request.method,
    origin: headers.get("origin"),
    host: addressedHost(headers.get("x-forwarded-host"), headers.get("host")),
    secFetchSite: headers.get("sec-fetch-site"),
    contentType: headers.get("content-type"),
    hasNextAction: headers.has("next-action"),
  });
  if (isCrossSite) {
    return new NextResponse(null, { status: 403, headers: { "Cache-Control": "no-store" } });
  }

  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name) || request.cookies.has(`${name}.0`));
  // Only page loads are redirected: a server action from a form whose session ended must reach the
  // server, which answers "signed out" so the form can keep its input.
  if (!isPublic && !hasSession && request.method === "GET") {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  // Never let a client claim to be an internal subrequest (CVE-2025-29927 class of bypass).
  requestHeaders.delete("x-middleware-subrequest");
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // scripts/serve.ts names every request (its log line carries the id) and replaces any id a client
  // sent; one that is missing or malformed (a request that did not come through serve.ts) gets a new one.
  if (!isRequestId(headers.get(REQUEST_ID_HEADER))) requestHeaders.set(REQUEST_ID_HEADER, crypto.randomUUID());
  // The page asked for, so that a session found ended while rendering it can send the person back here
  // after signing in (lib/auth/session.ts); always overwritten, and checked again at sign-in.
  requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  // Lets server layouts know the current path (e.g. to return to it after switching language).
  requestHeaders.set("x-pathname", `${pathname}${search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
