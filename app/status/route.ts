// The public case status page (issue 5). A route handler rather than a page: it reads the POST body
// (identifiers never go into the URL) and answers 429 when limited; see
// docs/decisions/009-public-status-route-handler.md.
import type { NextRequest } from "next/server";
import { lookupCaseStatus } from "@/lib/db/public-lookup";
import { normaliseCaseNumber } from "@/lib/domain/public-lookup";
import { requestContext } from "@/lib/db/request-context";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { logUnexpected } from "@/lib/log";
import { countLookupLimited } from "@/lib/observability/metrics";
import { readLookupForm } from "@/lib/public-status/form-body";
import { renderFormPage, renderLimitedPage, renderMissPage, renderUnavailablePage } from "@/lib/public-status/pages";
import { htmlResponse, pageLocale, rememberLocale, requestedLocale } from "@/lib/public-status/response";
import { renderResultPage } from "@/lib/public-status/result";

export const dynamic = "force-dynamic";

/**
 * The form; `?lang=kk|ru|en` switches and remembers the language, `?case=<number>` (the receipt's QR
 * code) fills in the case number when it is one. The date of birth and the IIN never come from the URL.
 */
export function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const requested = requestedLocale(params.get("lang"));
  const locale = pageLocale(requested, request.cookies.get(LOCALE_COOKIE)?.value);
  const caseNumber = normaliseCaseNumber(params.get("case")) ?? "";
  const response = htmlResponse(renderFormPage(locale, caseNumber), locale);
  return requested ? rememberLocale(response, requested) : response;
}

/** The lookup: the result, the miss with the case number as typed (also for any malformed body) or 429. */
export async function POST(request: NextRequest) {
  const fields = await readLookupForm(request);
  const locale = pageLocale(fields.lang, request.cookies.get(LOCALE_COOKIE)?.value);
  const { ip, requestId } = await requestContext();
  try {
    const outcome = await lookupCaseStatus({
      caseNumber: fields.caseNumber,
      birthDate: fields.birthDate,
      iin: fields.iin,
      ip: ip ?? "unknown",
    });
    if (outcome.kind === "found") return htmlResponse(renderResultPage(locale, outcome.view), locale);
    if (outcome.kind === "miss") return htmlResponse(renderMissPage(locale, fields.caseNumber), locale);
    countLookupLimited();
    const retryAfter = String(outcome.retryAfterSeconds);
    return htmlResponse(renderLimitedPage(locale, outcome.retryAfterSeconds), locale, 429, {
      "Retry-After": retryAfter,
    });
  } catch (error) {
    // Not the visitor's fault (the database is unreachable, say): a plain page, details in the log.
    logUnexpected("public status lookup", requestId, error);
    return htmlResponse(renderUnavailablePage(locale), locale, 503);
  }
}
