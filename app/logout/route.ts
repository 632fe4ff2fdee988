import { NextResponse, type NextRequest } from "next/server";
import { signInAgainPath, signInReason } from "@/lib/domain/redirect-target";

const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * Ends a session that the server no longer honours (deactivated account, signed out elsewhere, idle,
 * too old): clears the session cookie, including next-auth's chunked parts, and sends the user to the
 * login page with the reason and the way back to the page they were on.
 */
export function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const reason = signInReason(searchParams.get("reason")) ?? "signedOut";
  const target = signInAgainPath(reason, searchParams.get("callbackUrl"));
  const response = NextResponse.redirect(new URL(target, request.url));
  for (const cookie of request.cookies.getAll()) {
    if (SESSION_COOKIE_NAMES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) {
      response.cookies.set(cookie.name, "", { path: "/", maxAge: 0 });
    }
  }
  return response;
}
