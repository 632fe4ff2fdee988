import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { loadSessionUser, type SessionUser } from "@/lib/db/users/load-session-user";
import { can, type Permission } from "@/lib/domain/permissions";

/**
 * The session of this request, looked up once however many layouts, pages and server components ask
 * (React's per-request cache): the cookie is verified and the account re-read from the database once.
 * Outside a React render (route handlers, server actions) each call looks it up again.
 */
const sessionOfRequest = cache(async (): Promise<{ user: SessionUser | null; hadSession: boolean }> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return { user: null, hadSession: false };
  return { user: await loadSessionUser(session.user.id), hadSession: true };
});

/**
 * The signed-in staff user, re-read from the database on every request. Without a session the
 * visitor goes to the login page; a deactivated or deleted account is signed out at once.
 */
export async function requireUser(): Promise<SessionUser> {
  const { user, hadSession } = await sessionOfRequest();
  if (!hadSession) redirect("/login");
  if (!user) redirect("/logout?reason=deactivated");
  return user;
}

/** Like requireUser, but a user without the permission gets the not-found page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) notFound();
  return user;
}

/** The signed-in user if there is one, without redirecting (for public pages, actions and route handlers). */
export async function currentUser(): Promise<SessionUser | null> {
  return (await sessionOfRequest()).user;
}
