"use client";

import { useTranslations } from "next-intl";
import { validationMessageKey } from "@/lib/validation/case-file";

/** Translates a zod message from the case-file schemas (a shared `validation` key or a full casefile key). */
export function useSchemaMessage(): (message: string | undefined) => string | undefined {
  const t = useTranslations();
  return (message) => {
    if (!message) return undefined;
    const key = validationMessageKey(message);
    return t.has(key) ? t(key) : t("validation.invalid");
  };
}
