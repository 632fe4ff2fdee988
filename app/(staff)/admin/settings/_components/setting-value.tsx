import type { ReactNode } from "react";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { Category } from "@/lib/generated/prisma/enums";
import {
  checklistKinds,
  DOCUMENT_CATEGORIES,
  DOCUMENT_STEPS,
  type RequiredDocuments,
  type SettingInput,
  type SettingUnit,
} from "@/lib/domain/settings";

type Words = {
  t: Awaited<ReturnType<typeof getTranslations>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
};

/** A number in its unit: tenge and percentages by the number format, the rest with the unit's words. */
export function amountText(unit: SettingUnit, value: number, { t, format }: Words): string {
  if (unit === "tenge") return format.number(value, { style: "currency", currency: "KZT", maximumFractionDigits: 0 });
  if (unit === "percent") return format.number(value / 100, { style: "percent" });
  return t(`settings.unit.${unit}`, { value });
}

/** The documents required before each step of one category, in words. */
function documentsView(category: Category, value: RequiredDocuments, words: Words): ReactNode {
  const { t, format } = words;
  const kinds = (list: readonly string[]) =>
    format.list(
      checklistKinds(category)
        .filter((kind) => list.includes(kind))
        .map((kind) => t(`casefile.documents.kind.${kind}`)),
    );
  return (
    <div key={category}>
      <p className="font-medium">{t(`category.${category}`)}</p>
      <ul className="ml-4 list-disc">
        {DOCUMENT_STEPS.map((step) => {
          const { received, verified } = value[category][step];
          const onlyReceived = received.filter((kind) => !verified.includes(kind));
          const parts = [
            onlyReceived.length > 0 && t("settings.value.received", { documents: kinds(onlyReceived) }),
            verified.length > 0 && t("settings.value.verified", { documents: kinds(verified) }),
          ].filter((part): part is string => part !== false);
          return (
            <li key={step}>
              <span className="font-medium">{t(`settings.step.${step}`)}</span>
              {(parts.length > 0 ? parts : [t("settings.value.notRequired")]).map((part) => (
                <span key={part} className="block">
                  {part}
                </span>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A setting's value as the page shows it, in the reader's language (never a stored key or code). */
export function settingValueView(input: SettingInput, value: unknown, words: Words): ReactNode {
  const { t, format } = words;
  switch (input.kind) {
    case "number":
      return amountText(input.unit, value as number, words);
    case "range": {
      const range = value as { min: number; max: number };
      return t("settings.value.range", {
        min: amountText(input.unit, range.min, words),
        max: amountText(input.unit, range.max, words),
      });
    }
    case "limit": {
      const limit = value as { attempts: number; windowMinutes: number };
      return t("settings.value.limit", { attempts: limit.attempts, minutes: limit.windowMinutes });
    }
    case "roles": {
      const roles = value as string[];
      return roles.length > 0 ? format.list(roles.map((role) => t(`role.${role}`))) : t("settings.value.noRoles");
    }
    case "documents":
      return (
        <div className="space-y-1">
          {DOCUMENT_CATEGORIES.map((category) => documentsView(category, value as RequiredDocuments, words))}
        </div>
      );
  }
}
