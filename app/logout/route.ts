import { NextResponse, type NextRequest } from "next/server";
import { clearSessionCookies } from "@/lib/auth/session-cookies";
import { signInAgainPath, signInReason } from "@/lib/domain/redirect-target";

/**
 * Ends a session that the server no longer honours (deactivated account, signed out elsewhere, idle,
 * too old): clears the session cookie, including next-auth's chunked parts, and sends the user to the
 * login page with the reason and the way back to the page they were on.
 */
export function GET(request: NextRequest) {
  const { searchParams } = request.nextUrl;
  const reason = signInReason(searchParams.get("reason")) ?? "signedOut";
  const target = signInAgainPath(reason, searchParams.get("callbackUrl"));
  return clearSessionCookies(request, NextResponse.redirect(new URL(target, request.url)));
}
