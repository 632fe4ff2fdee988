import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { auditForbidden } from "@/lib/db/audit";
import { isNotFound } from "@/lib/domain/app-error";
import { REQUESTED_PATH_HEADER } from "@/lib/domain/redirect-target";

/**
 * Awaits a lib/db read for a page: a record that is missing, lies outside the user's scope or is
 * refused to the user's role renders the not-found page, so none of the three can be told apart. A
 * refusal to the role is audited (access.denied); the other two are audited by lib/db where they occur.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) {
      const user = await currentUser();
      if (user) await auditForbidden(user, error, (await headers()).get(REQUESTED_PATH_HEADER));
      notFound();
    }
    throw error;
  }
}

/** A record id from the URL (at most nine digits, so it fits PostgreSQL's integer); anything else is not found. */
export function idFromUrl(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) notFound();
  return Number(raw);
}
