import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Ends a session that the server no longer honours (deactivated account): clears the session cookie,
 * including next-auth's chunked parts, and sends the user to the login page with the reason.
 */
export function GET(request: NextRequest) {
  const reason = request.nextUrl.searchParams.get("reason") === "deactivated" ? "deactivated" : "signedOut";
  const response = NextResponse.redirect(new URL(`/login?reason=${reason}`, request.url));
  for (const cookie of request.cookies.getAll()) {
    if (SESSION_COOKIE_NAMES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) {
      response.cookies.set(cookie.name, "", { path: "/", maxAge: 0 });
    }
  }
  return response;
}
