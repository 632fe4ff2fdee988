/**
 * A tiny escaping HTML template for the public status page (no React there: see
 * docs/decisions/009-public-status-route-handler.md). Every interpolated value is escaped unless it is
 * itself the result of `markup` or explicitly marked with `trustedHtml`, so text typed by a family or
 * read from the database can never become markup.
 */

const SAFE = Symbol("safe-html");

/** Markup known to be safe: produced by `markup`, or a constant marked with `trustedHtml`. */
export type SafeHtml = { readonly [SAFE]: true; readonly value: string };

/** What may be interpolated: text (escaped), safe markup, lists of those, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Text as it may appear in an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => ESCAPES[char] ?? char);
}

/** Marks a constant as markup; never call it with data from a request or the database. */
export function trustedHtml(markup: string): SafeHtml {
  return { [SAFE]: true, value: markup };
}

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && SAFE in value;
}

function serialise(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (isSafe(value)) return value.value;
  if (Array.isArray(value)) return value.map(serialise).join("");
  return escapeHtml(String(value));
}

/** A line break and the indentation after it, in the literal parts only: layout of the source, not of the page. */
const SOURCE_LAYOUT = /\n\s*/g;

/**
 * Tagged template: the literal parts are markup, every `${value}` is escaped (see HtmlValue). Line
 * breaks with their indentation are dropped from the literal parts so that templates can be written
 * readably and still send compact pages; a space the page needs goes inside a line. (Not named
 * `html`: Prettier would reformat such templates and add whitespace to the page.)
 */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]?.replace(SOURCE_LAYOUT, "") ?? "";
  values.forEach((value, index) => {
    out += serialise(value) + (strings[index + 1]?.replace(SOURCE_LAYOUT, "") ?? "");
  });
  return trustedHtml(out);
}
