/**
 * The pages of the public status lookup other than the result: the form, the miss (the form again with
 * the case number as typed, one neutral sentence and a word on the limit of attempts), "too many
 * attempts" and "temporarily unavailable". The miss never contains the date of birth or the IIN, and is
 * the same page whatever the reason (unknown case, wrong answer, malformed input), so it says nothing
 * about whether the case exists.
 */
import type { Locale } from "@/lib/i18n/config";
import { markup } from "./html";
import { layout, STATUS_PATH } from "./layout";
import { statusTexts } from "./texts";

/** Shown as the example under the case number field. */
export const CASE_NUMBER_EXAMPLE = "NK-2026-000123";

const cache = new Map<string, string>();

function once(key: string, build: () => string): string {
  let page = cache.get(key);
  if (page === undefined) {
    page = build();
    cache.set(key, page);
  }
  return page;
}

/** The longest case number text the form takes (and the miss gives back). */
export const CASE_NUMBER_MAX_CHARS = 32;

function renderForm(locale: Locale, isMiss: boolean, caseNumber: string): string {
  const texts = statusTexts(locale);
  const { t } = texts;
  const notice = isMiss
    ? markup`<p class="n" role="alert">${t("status.miss")} ${t("papers.status.attemptsLimited")}</p>`
    : markup`<p>${t("status.form.intro")}</p>`;
  const value = caseNumber ? markup` value="${caseNumber}"` : "";
  const main = markup`
    <h1>${t("status.form.heading")}</h1>
    ${notice}
    <form method="post" action="${STATUS_PATH}">
      <input type="hidden" name="lang" value="${locale}">
      <label for="c">${t("status.form.caseNumber")}</label>
      <small id="ch">${t("status.form.caseNumberHint", { example: CASE_NUMBER_EXAMPLE })}</small>
      <input id="c" name="caseNumber" required maxlength="${CASE_NUMBER_MAX_CHARS}"${value} autocomplete="off" spellcheck="false" aria-describedby="ch">
      <label for="b">${t("status.form.birthDate")}</label>
      <input id="b" name="birthDate" type="date" autocomplete="off">
      <p>${t("status.form.or")}</p>
      <label for="i">${t("status.form.iin")}</label>
      <small id="ih">${t("status.form.iinHint")}</small>
      <input id="i" name="iin" inputmode="numeric" maxlength="20" autocomplete="off" aria-describedby="ih">
      <button>${t("status.form.submit")}</button>
    </form>`;
  return layout(texts, t("status.form.heading"), main, caseNumber);
}

/**
 * What the form shows in its case number field: the text as typed, cut to the field's length (a crafted
 * POST may send more), or "" for anything that is not text. Escaped by the template like every value.
 */
export function typedCaseNumber(value: unknown): string {
  return typeof value === "string" ? value.trim().slice(0, CASE_NUMBER_MAX_CHARS) : "";
}

/**
 * GET /status: the lookup form in a language, the case number filled in from `?case=` (the receipt's QR
 * code). The empty form is the same bytes every time, so it is built once.
 */
export function renderFormPage(locale: Locale, caseNumber = ""): string {
  if (caseNumber) return renderForm(locale, false, caseNumber);
  return once(`form:${locale}`, () => renderForm(locale, false, ""));
}

/** The miss: the form with the case number as typed, whatever the reason of the miss. */
export function renderMissPage(locale: Locale, caseNumber = ""): string {
  return renderForm(locale, true, typedCaseNumber(caseNumber));
}

/** Whole minutes to wait, rounded up, at least one. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

function renderNotice(locale: Locale, titleKey: string, text: string): string {
  const texts = statusTexts(locale);
  const title = texts.t(titleKey);
  const main = markup`
    <h1>${title}</h1>
    <p class="n" role="alert">${text}</p>
    <p><a href="${STATUS_PATH}">${texts.t("status.back")}</a></p>`;
  return layout(texts, title, main);
}

/** HTTP 429: too many attempts from this address or for this case number. */
export function renderLimitedPage(locale: Locale, retryAfterSeconds: number): string {
  const text = statusTexts(locale).t("status.limited.text", { minutes: minutesToWait(retryAfterSeconds) });
  return renderNotice(locale, "status.limited.title", text);
}

/** An unexpected failure on our side (e.g. the database is unreachable): no details, try later. */
export function renderUnavailablePage(locale: Locale): string {
  return renderNotice(locale, "status.unavailable.title", statusTexts(locale).t("status.unavailable.text"));
}
