import { LOCALES } from "@/lib/i18n/config";
import { markup, trustedHtml, type SafeHtml } from "./html";
import type { StatusTexts } from "./texts";

/** The public page's only address; the form posts to it and the language links point at it. */
export const STATUS_PATH = "/status";

// Inline and small: one request for the whole page on a slow connection. 16px inputs keep phones
// from zooming in; large tap targets; system fonts; no scripts.
const CSS = trustedHtml(
  [
    "*{box-sizing:border-box}",
    "body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#f3f5f8}",
    "header,main{max-width:34rem;margin:0 auto;padding:.75rem 1rem}",
    "header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between}",
    "nav a{margin-right:.75rem}a{color:#0a4f8f}[aria-current]{font-weight:700;color:#1b1b1b}",
    "main{background:#fff;border-radius:.5rem;padding-bottom:1.5rem}",
    "h1{font-size:1.4rem;margin:.25rem 0 .75rem}h2{font-size:1.1rem;margin:1.5rem 0 .25rem}",
    "label{display:block;font-weight:600;margin-top:1rem}small{display:block;color:#4a4a4a}",
    "input{display:block;width:100%;font:inherit;padding:.6rem;margin-top:.25rem;border:1px solid #6b6b6b;border-radius:.4rem}",
    "button{width:100%;margin-top:1.5rem;padding:.8rem;font:inherit;font-weight:700;color:#fff;background:#0a4f8f;border:0;border-radius:.4rem}",
    ":focus-visible{outline:3px solid #e8a400;outline-offset:2px}",
    ".n{margin:0 0 1rem;padding:.75rem;border-left:4px solid #b45309;background:#fff6e8}",
    ".s{font-size:1.15rem;font-weight:700}ol,ul{padding-left:1.25rem}dt{font-weight:600}dd{margin:0 0 .5rem}",
  ].join(""),
);

/**
 * A whole page: language links, the main content, inline CSS; no scripts, not indexed. The language
 * links keep a case number that is on the form, so switching the language does not lose it.
 */
export function layout(texts: StatusTexts, title: string, main: SafeHtml, caseNumber = ""): string {
  const { locale, t } = texts;
  const keep = caseNumber ? `&case=${encodeURIComponent(caseNumber)}` : "";
  const languages = LOCALES.map(
    (code) => markup`
      <a href="${STATUS_PATH}?lang=${code}${keep}" hreflang="${code}" lang="${code}"${code === locale ? markup` aria-current="true"` : ""}>
        ${t(`language.${code}`)}
      </a>`,
  );
  return markup`
    <!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width,initial-scale=1">
        <meta name="robots" content="noindex">
        <link rel="icon" href="data:,">
        <title>${title} · ${t("app.name")}</title>
        <style>${CSS}</style>
      </head>
      <body>
        <header><b>${t("app.name")}</b><nav aria-label="${t("language.label")}">${languages}</nav></header>
        <main>${main}</main>
      </body>
    </html>`.value;
}
