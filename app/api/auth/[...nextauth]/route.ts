import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { clearSessionCookies } from "@/lib/auth/session-cookies";
import { hasSessionEnded } from "@/lib/auth/session";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: Context) {
  return NextAuth(authOptions())(request, context);
}

/**
 * next-auth's own session endpoint would read and re-issue any cookie it can verify, including a copy of
 * one whose session the server has ended (sign-out, idle, a reset): such a cookie gets an empty session
 * and is deleted instead, as on every page.
 */
async function get(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "session" && (await hasSessionEnded())) {
    return clearSessionCookies(
      request,
      NextResponse.json({}, { headers: { "Cache-Control": "private, no-cache, no-store" } }),
    );
  }
  return handler(request, context);
}

export { get as GET, handler as POST };
