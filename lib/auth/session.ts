import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { auditForbidden } from "@/lib/db/audit";
import { loadSessionUser, type SessionCheck, type SessionUser } from "@/lib/db/users/load-session-user";
import { rolesRequiringSecondFactor } from "@/lib/db/users/second-factor-policy";
import { forbiddenError } from "@/lib/domain/app-error";
import { can, type Permission } from "@/lib/domain/permissions";
import { REQUESTED_PATH_HEADER } from "@/lib/domain/redirect-target";
import { mustEnrolSecondFactor } from "@/lib/domain/second-factor";
import { noteActingUser } from "@/lib/observability/request-scope";

/** Where a person whose role requires a second factor sets one up; until then nothing else opens. */
export const SECOND_FACTOR_PATH = "/account/second-factor";

/** For the enrolment page and its actions only: let a person in who still has to set up a second factor. */
export type SessionOptions = { duringEnrolment?: boolean };

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
  const check = await loadSessionUser({ userId: id, sessionId, generation });
  // The request's log line (scripts/serve.ts) names who acted: the id only.
  if (check.user) noteActingUser(check.user.id);
  return check;
});

/** The roles that require a second factor, read once per render however many layouts and pages ask. */
const rolesRequiringSecondFactorInRequest = cache(rolesRequiringSecondFactor);

/**
 * Whether the person still has to set up the second factor their role requires. The policy is read
 * only for people who have none.
 */
async function owesSecondFactor(user: SessionUser): Promise<boolean> {
  if (user.hasSecondFactor) return false;
  return mustEnrolSecondFactor(user, await rolesRequiringSecondFactorInRequest());
}

/**
 * The signed-in staff user, re-read from the database on every request. Without a session the
 * visitor goes to the login page; a deactivated or deleted account, a session signed out elsewhere,
 * idle too long or past its lifetime, and a copied cookie of a signed-out session all end here, with
 * the reason shown at sign-in and the way back to the page. A person who still owes a required second
 * factor is sent to set it up (the one page that lets them in).
 */
export async function requireUser(options: SessionOptions = {}): Promise<SessionUser> {
  const check = await sessionOfRequest();
  if (!check) redirect("/login");
  if (!check.user) {
    // Back to this page after signing in again: /logout clears the cookie and keeps the way back.
    const query = new URLSearchParams({ reason: check.ended });
    const path = (await headers()).get(REQUESTED_PATH_HEADER);
    if (path) query.set("callbackUrl", path);
    redirect(`/logout?${query.toString()}`);
  }
  if (!options.duringEnrolment && (await owesSecondFactor(check.user))) redirect(SECOND_FACTOR_PATH);
  return check.user;
}

/** Like requireUser, but a user without the permission gets the not-found page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) {
    await auditForbidden(user, forbiddenError(permission), (await headers()).get(REQUESTED_PATH_HEADER));
    notFound();
  }
  return user;
}

/**
 * The signed-in user if there is one, without redirecting (for public pages, actions and route
 * handlers). A person who still owes a required second factor counts as not signed in, except for the
 * enrolment's own actions.
 */
export async function currentUser(options: SessionOptions = {}): Promise<SessionUser | null> {
  const user = (await sessionOfRequest())?.user ?? null;
  if (user && !options.duringEnrolment && (await owesSecondFactor(user))) return null;
  return user;
}

/** Whether the request carries a session cookie whose session the server no longer honours. */
export async function hasSessionEnded(): Promise<boolean> {
  const check = await sessionOfRequest();
  return check !== null && check.user === null;
}
