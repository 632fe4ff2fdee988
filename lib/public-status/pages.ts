/**
 * The pages of the public status lookup other than the result: the form, the uniform miss (the form
 * again with one neutral sentence), "too many attempts" and "temporarily unavailable". None of them
 * contains anything the visitor typed, so every miss is the same page byte for byte.
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

function renderForm(locale: Locale, isMiss: boolean): string {
  const texts = statusTexts(locale);
  const { t } = texts;
  const notice = isMiss
    ? markup`<p class="n" role="alert">${t("status.miss")}</p>`
    : markup`<p>${t("status.form.intro")}</p>`;
  const main = markup`
    <h1>${t("status.form.heading")}</h1>
    ${notice}
    <form method="post" action="${STATUS_PATH}">
      <input type="hidden" name="lang" value="${locale}">
      <label for="c">${t("status.form.caseNumber")}</label>
      <small id="ch">${t("status.form.caseNumberHint", { example: CASE_NUMBER_EXAMPLE })}</small>
      <input id="c" name="caseNumber" required maxlength="32" autocomplete="off" spellcheck="false" aria-describedby="ch">
      <label for="b">${t("status.form.birthDate")}</label>
      <input id="b" name="birthDate" type="date" autocomplete="off">
      <p>${t("status.form.or")}</p>
      <label for="i">${t("status.form.iin")}</label>
      <small id="ih">${t("status.form.iinHint")}</small>
      <input id="i" name="iin" inputmode="numeric" maxlength="20" autocomplete="off" aria-describedby="ih">
      <button>${t("status.form.submit")}</button>
    </form>`;
  return layout(texts, t("status.form.heading"), main);
}

/** GET /status: the lookup form in a language (the same bytes every time, so it is built once). */
export function renderFormPage(locale: Locale): string {
  return once(`form:${locale}`, () => renderForm(locale, false));
}

/** The uniform miss: the empty form with one neutral sentence, whatever the reason of the miss. */
export function renderMissPage(locale: Locale): string {
  return once(`miss:${locale}`, () => renderForm(locale, true));
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
