import { NextResponse } from "next/server";
import { LOCALE_COOKIE, LOCALES, toLocale, type Locale } from "@/lib/i18n/config";

/**
 * Headers of every public status page: never stored by a browser or proxy (a shared phone must not
 * show the previous family's case on "back"), never indexed, no referrer leaking to a linked site.
 */
export const PUBLIC_STATUS_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/** An HTML page of the public status lookup with the common headers. */
export function htmlResponse(
  body: string,
  locale: Locale,
  status = 200,
  headers: Record<string, string> = {},
): NextResponse {
  return new NextResponse(body, {
    status,
    headers: { ...PUBLIC_STATUS_HEADERS, "Content-Language": locale, ...headers },
  });
}

/** A language the visitor asked for explicitly (`?lang=` or the form's field), or null when none valid. */
export function requestedLocale(value: string | null | undefined): Locale | null {
  return LOCALES.find((locale) => locale === value) ?? null;
}

/** The language of the page: the explicit choice, else the remembered one, else Kazakh. */
export function pageLocale(requested: string | null | undefined, cookie: string | undefined): Locale {
  return requestedLocale(requested) ?? toLocale(cookie);
}

/** Remembers the language for a year, like the staff language switch (lib/i18n/set-locale.ts). */
export function rememberLocale(response: NextResponse, locale: Locale): NextResponse {
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  return response;
}
