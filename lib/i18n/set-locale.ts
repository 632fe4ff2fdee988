"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { safeRedirectPath } from "@/lib/domain/redirect-target";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

/** Remembers the chosen interface language for a year and reloads the page the user was on. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale")));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  // Only a path of this site: a crafted form must not turn this into an open redirect.
  redirect(safeRedirectPath(formData.get("returnTo")));
}
