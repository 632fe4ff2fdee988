import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { UserFacingError } from "@/lib/actions/action";
import { CaseFileRuleError } from "@/lib/db/case-file/errors";

/** The values of a rule ready for the catalogue: values named …Tenge are amounts, dates are formatted. */
async function ruleValues(error: CaseFileRuleError): Promise<Record<string, string | number>> {
  const format = await getFormatter();
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.values)) {
    values[name] =
      value instanceof Date
        ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short" })
        : typeof value === "number" && name.endsWith("Tenge")
          ? format.number(value, { style: "currency", currency: "KZT", maximumFractionDigits: 0 })
          : value;
  }
  return values;
}

/** The translated text of a case-file rule (for route handlers, which answer with the text itself). */
export async function ruleMessage(error: CaseFileRuleError): Promise<string> {
  const t = await getTranslations("casefile.rules");
  return t(error.key, await ruleValues(error));
}

/**
 * Runs a lib/db call and turns a broken case-file rule into a UserFacingError whose field error (or
 * `form` error, for rules about the whole form) names the rule's catalogue entry, for defineAction.
 */
export async function withRules<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CaseFileRuleError) {
      const entry = { key: `casefile.rules.${error.key}`, values: await ruleValues(error) };
      throw new UserFacingError("invalidInput", {}, { [error.field ?? "form"]: entry });
    }
    throw error;
  }
}
