/**
 * Reads the lookup form from a POST body without trusting it: any body a browser form would not send
 * (another content type, more than a few kilobytes, unparsable, files instead of text, text PostgreSQL
 * cannot store) gives empty fields, which the lookup answers with the uniform miss. Nothing here throws.
 */
import { readBodyAtMost } from "@/lib/request-body";
import { isStorableText } from "@/lib/validation/storable-text";

/** The form has four short fields; a real submission is a few hundred bytes. */
export const MAX_LOOKUP_BODY_BYTES = 4096;

export type LookupFormFields = {
  caseNumber: string | undefined;
  birthDate: string | undefined;
  iin: string | undefined;
  lang: string | undefined;
};

const EMPTY: LookupFormFields = { caseNumber: undefined, birthDate: undefined, iin: undefined, lang: undefined };
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

function text(value: FormDataEntryValue | null): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The lookup fields of a POST request; empty fields for anything a browser form would not send. */
export async function readLookupForm(
  request: Request,
  limit: number = MAX_LOOKUP_BODY_BYTES,
): Promise<LookupFormFields> {
  try {
    const contentType = request.headers.get("content-type") ?? "";
    if (!FORM_TYPES.test(contentType)) return EMPTY;
    if (Number(request.headers.get("content-length") ?? 0) > limit) return EMPTY;
    const bytes = await readBodyAtMost(request.body, limit);
    if (!bytes) return EMPTY;
    const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    const fields = {
      caseNumber: text(form.get("caseNumber")),
      birthDate: text(form.get("birthDate")),
      iin: text(form.get("iin")),
      lang: text(form.get("lang")),
    };
    // The shared rule of lib/validation: a NUL never reaches a query, the throttle or the log.
    return Object.values(fields).every((value) => value === undefined || isStorableText(value)) ? fields : EMPTY;
  } catch {
    return EMPTY;
  }
}
