import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { loadSessionUser, type SessionCheck, type SessionUser } from "@/lib/db/users/load-session-user";
import { can, type Permission } from "@/lib/domain/permissions";
import { REQUESTED_PATH_HEADER } from "@/lib/domain/redirect-target";

/**
 * The session of this request, looked up once however many layouts, pages and server components ask
 * (React's per-request cache): the cookie is verified and the account re-read from the database once.
 * Outside a React render (route handlers, server actions) each call looks it up again.
 */
const sessionOfRequest = cache(async (): Promise<SessionCheck | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  const { id, sessionId, generation } = session.user;
  // A cookie from before sessions had ids names none: it counts as signed out.
  if (!sessionId || generation === undefined) return { user: null, ended: "signedOut" };
  return loadSessionUser({ userId: id, sessionId, generation });
});

/**
 * The signed-in staff user, re-read from the database on every request. Without a session the
 * visitor goes to the login page; a deactivated or deleted account, a session signed out elsewhere,
 * idle too long or past its lifetime, and a copied cookie of a signed-out session all end here, with
 * the reason shown at sign-in and the way back to the page.
 */
export async function requireUser(): Promise<SessionUser> {
  const check = await sessionOfRequest();
  if (!check) redirect("/login");
  if (!check.user) {
    // Back to this page after signing in again: /logout clears the cookie and keeps the way back.
    const query = new URLSearchParams({ reason: check.ended });
    const path = (await headers()).get(REQUESTED_PATH_HEADER);
    if (path) query.set("callbackUrl", path);
    redirect(`/logout?${query.toString()}`);
  }
  return check.user;
}

/** Like requireUser, but a user without the permission gets the not-found page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}

/** The signed-in user if there is one, without redirecting (for public pages, actions and route handlers). */
export async function currentUser(): Promise<SessionUser | null> {
  return (await sessionOfRequest())?.user ?? null;
}
