import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { loadSessionUser, type SessionUser } from "@/lib/db/users/load-session-user";
import type { StaffRole } from "@/lib/domain/access";

/**
 * The signed-in staff user, re-read from the database on every request. Without a session the
 * visitor goes to the login page; a deactivated or deleted account is signed out at once.
 */
export async function requireUser(): Promise<SessionUser> {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) redirect("/login");
  const user = await loadSessionUser(session.user.id);
  if (!user) redirect("/logout?reason=deactivated");
  return user;
}

/** Like requireUser, but a user without one of the roles gets the not-found page. */
export async function requireRole(...roles: StaffRole[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) {
    notFound();
  }
  return user;
}

/** The signed-in user if there is one, without redirecting (for public pages such as login). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  return session?.user?.id ? loadSessionUser(session.user.id) : null;
}
