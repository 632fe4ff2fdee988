import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { INVALID_INPUT, type AppError, type ErrorValue, type ErrorValues } from "@/lib/domain/app-error";
import { findRegion, regionName } from "@/lib/domain/regions";
import { toLocale } from "@/lib/i18n/config";

/** An error in the reader's language: the form-level message and the messages at fields. */
export type TranslatedError = { message: string; fieldErrors?: Record<string, string> };

/**
 * The one translator from codes to words, for server actions and route handlers alike. Codes are
 * catalogue keys; a bare key (as zod schemas write them, e.g. "required") is looked up under
 * `validation`. An unknown key prints the generic "invalid" text rather than the key itself.
 */
export async function errorTranslator() {
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale().then(toLocale)]);

  const formatValue = (value: ErrorValue): string | number => {
    if (typeof value === "string" || typeof value === "number") return value;
    if ("date" in value)
      return value.date ? format.dateTime(value.date, { dateStyle: "medium", timeZone: "UTC" }) : "—";
    if ("dateTime" in value) return format.dateTime(value.dateTime, { dateStyle: "medium", timeStyle: "short" });
    if ("tenge" in value)
      return format.number(value.tenge, { style: "currency", currency: "KZT", maximumFractionDigits: 0 });
    if ("count" in value) return format.number(value.count);
    if ("region" in value) {
      const region = findRegion(value.region);
      return region ? regionName(region, locale) : value.region;
    }
    if ("documents" in value)
      return format.list(
        value.documents.map(({ kind, needs }) =>
          t(`checklistGate.need.${needs}`, { document: t(`casefile.documents.kind.${kind}`) }),
        ),
        { type: "conjunction" },
      );
    return t(`category.${value.pool}`);
  };

  const text = (code: string, values: ErrorValues = {}): string => {
    const key = code.includes(".") ? code : `validation.${code}`;
    if (!t.has(key)) return t("validation.invalid");
    return t(key, Object.fromEntries(Object.entries(values).map(([name, value]) => [name, formatValue(value)])));
  };

  return {
    /** One message by its code. */
    text,
    /**
     * An AppError in words. For a form (`forForm`), a refusal about one field shows at that field and the
     * form-level message asks to correct the highlighted fields; a route handler answers with the message
     * itself (and the other fields' messages, if any).
     */
    translate(error: AppError, { forForm }: { forForm: boolean }): TranslatedError {
      const atOwnField = forForm && error.field ? { [error.field]: { code: error.code, values: error.values } } : {};
      const messages = { ...error.fieldErrors, ...atOwnField };
      const fieldErrors = Object.fromEntries(
        Object.entries(messages).map(([field, message]) => [field, text(message.code, message.values)]),
      );
      const isAboutOneField = forForm && error.field !== undefined;
      return {
        message: isAboutOneField ? text(INVALID_INPUT) : text(error.code, error.values),
        fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined,
      };
    },
  };
}
