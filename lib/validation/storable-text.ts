/**
 * The one rule for text that PostgreSQL cannot store, shared by every schema in lib/validation, the
 * browser and the server alike (docs/decisions/012-text-postgresql-can-store-and-foreign-origins.md).
 *
 * - U+0000 (NUL): `text` and `varchar` refuse it ("invalid byte sequence for encoding UTF8: 0x00") and
 *   `jsonb` refuses `\u0000`, so a NUL in a form field or in a search that is audited is a failed
 *   statement, which the user would see as an unexpected error.
 * - An unpaired UTF-16 surrogate (U+D800–U+DFFF on its own): it has no UTF-8 encoding, so the driver
 *   would store U+FFFD instead of what was typed, and `jsonb` refuses a lone `\uD800` escape.
 *
 * Every other character, control characters and noncharacters included, PostgreSQL stores as given.
 */
import { z } from "zod";

/**
 * Catalogue key of the field message, a full key so that it resolves the same in every form's
 * translator and in defineAction (which looks dotted keys up from the catalogue root).
 */
export const UNSTORABLE_TEXT_MESSAGE = "validation.unstorableText";

// With the `u` flag a surrogate pair is one code point, so \p{Cs} matches only unpaired halves.
const UNSTORABLE = /\u0000|\p{Cs}/u;
const UNSTORABLE_ALL = /\u0000|\p{Cs}/gu;

/** True when PostgreSQL can store the text as given: no NUL character and no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The text with every character PostgreSQL cannot store replaced by U+FFFD, for showing the user what
 * was refused (a search box filled from the URL) without sending those characters back out.
 */
export function withUnstorableMarked(text: string): string {
  return text.replace(UNSTORABLE_ALL, "\uFFFD");
}

/**
 * `z.string(params)` that first refuses text PostgreSQL cannot store. The check aborts, so the user
 * sees this message and not a less precise one (a NUL also fails "Cyrillic letters only"); chain
 * `.trim()`, `.min()`, `.regex()` … after it as on any string. `message` is a catalogue key; pass a
 * bare `"unstorableText"` only where a form translates keys under `validation` itself (the login form).
 */
export function storableString(params?: Parameters<typeof z.string>[0], message: string = UNSTORABLE_TEXT_MESSAGE) {
  return z.string(params).refine(isStorableText, { message, abort: true });
}

/**
 * A number, or the text of a number field (`"15"`), refusing text PostgreSQL cannot store with the
 * shared message; a union of `z.number()` and `storableString()` would report only "invalid input".
 * Chain the field's own `.transform()` after it.
 */
export function numberOrStorableString(message: string = UNSTORABLE_TEXT_MESSAGE) {
  return z
    .union([z.number(), z.string()])
    .refine((value) => typeof value === "number" || isStorableText(value), { message, abort: true });
}
