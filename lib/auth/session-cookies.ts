import type { NextRequest, NextResponse } from "next/server";

/** next-auth's session cookie, over plain HTTP and over HTTPS; a large one is split into `.0`, `.1`, … */
const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Deletes every part of the session cookie the request carries, so the browser forgets an ended session. */
export function clearSessionCookies(request: NextRequest, response: NextResponse): NextResponse {
  for (const cookie of request.cookies.getAll()) {
    if (SESSION_COOKIE_NAMES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) {
      response.cookies.set(cookie.name, "", { path: "/", maxAge: 0 });
    }
  }
  return response;
}
